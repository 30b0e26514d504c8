import Foundation

/// An address space written down as JSON:
/// `{"arch":"s390","levels":3,"mappings":[{"start":"0x…","end":"0x…","page":"4K","write":true}]}`.
public struct SpaceSpec: Sendable, Equatable {
    public var arch: Arch
    public var levels: Int
    public var mappings: [MappingSpec]

    public init(arch: Arch, levels: Int, mappings: [MappingSpec]) {
        self.arch = arch
        self.levels = levels
        self.mappings = mappings
    }

    /// The largest spec file read: a space description, not a data set.
    public static let maxBytes = 1 << 20

    public static func load(path: String) throws -> SpaceSpec {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PageFoldError("space: cannot open \(path)")
        }
        defer { try? handle.close() }
        let data = handle.readData(ofLength: maxBytes + 1)
        guard data.count <= maxBytes else {
            throw PageFoldError("space: \(path) is larger than \(maxBytes) bytes")
        }
        return try parse(data)
    }

    public static func parse(_ data: Data) throws -> SpaceSpec {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw PageFoldError("space: not valid JSON (\(error.localizedDescription))")
        }
        guard let root = json as? [String: Any] else { throw PageFoldError("space: the top level must be an object") }
        for key in root.keys where !["arch", "levels", "mappings"].contains(key) {
            throw PageFoldError("space: unknown field \"\(key)\"")
        }
        guard let archName = root["arch"] as? String else { throw PageFoldError("arch: missing, or not a string") }
        guard let arch = Arch(rawValue: archName) else {
            throw PageFoldError("arch: \"\(archName)\" is not one of \(Arch.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let levelsNumber = root["levels"] as? NSNumber, !isBool(levelsNumber),
              let levels = Int(exactly: levelsNumber.doubleValue) else {
            throw PageFoldError("levels: missing, or not a whole number")
        }
        guard arch.levelRange.contains(levels) else {
            throw PageFoldError("levels: \(arch.rawValue) has \(arch.levelRange.lowerBound) to \(arch.levelRange.upperBound) page-table levels, not \(levels)")
        }
        guard let list = root["mappings"] as? [Any] else { throw PageFoldError("mappings: missing, or not an array") }
        let mappings = try list.enumerated().map { i, item -> MappingSpec in
            let at = "mappings[\(i)]"
            guard let m = item as? [String: Any] else { throw PageFoldError("\(at): not an object") }
            for key in m.keys where !["start", "end", "page", "write"].contains(key) {
                throw PageFoldError("\(at): unknown field \"\(key)\"")
            }
            let start = try address(m["start"], field: "\(at).start")
            let end = try address(m["end"], field: "\(at).end")
            guard let pageName = m["page"] as? String else { throw PageFoldError("\(at).page: missing, or not a string") }
            guard let page = PageSize(rawValue: pageName) else {
                throw PageFoldError("\(at).page: \"\(pageName)\" is not one of \(PageSize.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var write = true
            if let w = m["write"] {
                guard let n = w as? NSNumber, isBool(n) else {
                    throw PageFoldError("\(at).write: not true or false")
                }
                write = n.boolValue
            }
            guard start < end else {
                throw PageFoldError("\(at).end: \(hex(end)) is not above start \(hex(start))")
            }
            return MappingSpec(start: start, end: end, pageSize: page, writable: write)
        }
        return SpaceSpec(arch: arch, levels: levels, mappings: mappings)
    }

    /// An address field: a string in hex (0x…) or decimal, or a whole JSON number below 2^53.
    static func address(_ value: Any?, field: String) throws -> UInt64 {
        switch value {
        case let s as String:
            guard let v = parseAddress(s) else {
                throw PageFoldError("\(field): \"\(s)\" is not an address in hex (0x…) or decimal")
            }
            return v
        case let n as NSNumber where !isBool(n):
            let d = n.doubleValue
            guard d >= 0, d < 9_007_199_254_740_992, d == d.rounded() else {
                throw PageFoldError("\(field): \(n) is not a whole number from 0 to 2^53; write large addresses as hex strings")
            }
            return UInt64(d)
        case nil:
            throw PageFoldError("\(field): missing")
        default:
            throw PageFoldError("\(field): not a string or a number")
        }
    }

    public func makeSpace() throws -> AddressSpace {
        try AddressSpace(arch: arch, levels: levels, mappings: mappings)
    }

    public func json() -> String {
        JSON.object([
            ("arch", .string(arch.rawValue)),
            ("levels", .int(levels)),
            ("mappings", .array(mappings.map {
                .object([("start", .hex($0.start)), ("end", .hex($0.end)), ("page", .string($0.pageSize.rawValue)),
                         ("write", .bool($0.writable))])
            })),
        ]).render() + "\n"
    }
}

/// An address in hex (0x…) or decimal, within 64 bits.
public func parseAddress(_ text: String) -> UInt64? {
    let s = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
    if s.lowercased().hasPrefix("0x") {
        let digits = s.dropFirst(2)
        return digits.isEmpty ? nil : UInt64(digits, radix: 16)
    }
    return s.isEmpty ? nil : UInt64(s, radix: 10)
}

/// JSON true/false arrive as NSNumber too; their type code is a C char.
private func isBool(_ n: NSNumber) -> Bool {
    String(cString: n.objCType) == "c"
}
