import Foundation

/// A definition in a C file, as universal-ctags finds it: the kernel's names are the unit of
/// everything `check` says about a header (what it redefines, who used the old definition).
struct Definition: Sendable, Equatable {
    enum Kind: String, Sendable {
        case function, macro, prototype
    }

    let name: String
    let kind: Kind
    let file: String
    /// The line with the name, and the last line of the definition.
    let line: Int
    let end: Int

    var location: String { "\(file):\(line)" }
}

/// universal-ctags over C files: definitions with their line ranges, as JSON.
enum Ctags {
    static func run(_ files: [String], timeout: Double) throws -> [Definition] {
        guard !files.isEmpty else { return [] }
        guard let ctags = findExecutable("ctags") else {
            throw PageFoldError("ctags: not found; install universal-ctags (apt-get install universal-ctags)")
        }
        let args = [ctags, "--output-format=json", "--fields=+ne", "--kinds-C=+p", "--language-force=C",
                    "--sort=no", "-o", "-"] + files
        let (end, output) = try Subprocess(args).wait(limit: timeout)
        guard end == .exited(0) else {
            throw PageFoldError("ctags: failed (\(end)) on \(files.joined(separator: " ")):\n\(output)")
        }
        return parse(output)
    }

    static func parse(_ output: String) -> [Definition] {
        output.split(separator: "\n").compactMap { line -> Definition? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["_type"] as? String == "tag",
                  let name = object["name"] as? String, let path = object["path"] as? String,
                  let kindName = object["kind"] as? String, let kind = Definition.Kind(rawValue: kindName),
                  let first = object["line"] as? Int else { return nil }
            return Definition(name: name, kind: kind, file: path, line: first, end: object["end"] as? Int ?? first)
        }
    }
}

/// The C identifiers in a stretch of source, comments and string literals left out. A scan of
/// the bytes: C identifiers are ASCII, and this runs over every base definition on each check.
func identifiers(in text: Substring) -> Set<Substring> {
    let u = text.utf8
    var out: Set<Substring> = []
    var i = u.startIndex
    func at(_ k: Substring.UTF8View.Index) -> UInt8 { k < u.endIndex ? u[k] : 0 }
    func isHead(_ c: UInt8) -> Bool { c == UInt8(ascii: "_") || (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    func isTail(_ c: UInt8) -> Bool { isHead(c) || c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    while i < u.endIndex {
        let c = u[i]
        let next = u.index(after: i)
        if c == UInt8(ascii: "/") && at(next) == UInt8(ascii: "*") {
            var j = u.index(after: next)
            while j < u.endIndex && !(u[j] == UInt8(ascii: "*") && at(u.index(after: j)) == UInt8(ascii: "/")) { j = u.index(after: j) }
            i = j < u.endIndex ? u.index(j, offsetBy: 2) : j
        } else if c == UInt8(ascii: "/") && at(next) == UInt8(ascii: "/") {
            i = u[next...].firstIndex(of: UInt8(ascii: "\n")) ?? u.endIndex
        } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            var j = next
            while j < u.endIndex && u[j] != c {
                if u[j] == UInt8(ascii: "\\") { j = u.index(after: j) }
                if j < u.endIndex { j = u.index(after: j) }
            }
            i = j < u.endIndex ? u.index(after: j) : j
        } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
            var j = next   // a number: its suffixes and hex digits are no identifier
            while j < u.endIndex && (isTail(u[j]) || u[j] == UInt8(ascii: ".")) { j = u.index(after: j) }
            i = j
        } else if isHead(c) {
            var j = next
            while j < u.endIndex && isTail(u[j]) { j = u.index(after: j) }
            out.insert(Substring(u[i..<j]))
            i = j
        } else {
            i = next
        }
    }
    return out
}

/// A program on $PATH, or the path itself if it has a slash.
func findExecutable(_ name: String) -> String? {
    if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
        return "\(dir)/\(name)"
    }
    return nil
}
