/// The exhaustive boundary set: spaces with mappings around a boundary of every real level, and
/// every range that starts within ±2 pages of such a boundary and crosses 0, 1 or 2 boundaries.
public struct BoundaryCase: Sendable, CustomStringConvertible {
    public let arch: Arch
    public let levels: Int

    public init(arch: Arch, levels: Int) {
        self.arch = arch
        self.levels = levels
    }

    public var description: String { "\(arch.rawValue) \(levels)-level" }

    /// Every arch at every level count it has.
    public static let all: [BoundaryCase] = Arch.allCases.flatMap { arch in
        arch.levelRange.map { BoundaryCase(arch: arch, levels: $0) }
    }

    /*
     * Per real table T above the pte level, with S = T's shift and p a base page:
     *
     *      3<<S-3p       3<<S  3<<S+p      3<<S+3p      5<<S-2p  5<<S        7<<S-2p  7<<S         9<<S-2p  9<<S
     *   ...|-- rw --|-- rw --|-- ro --|-- rw --|...      |--rw--|== leaf rw ==| |--rw--|== leaf ro ==|  |--rw--|  (empty T entry)
     *
     * so every leaf size and the pte level are there writable and read-only, each right after
     * base pages, every range below runs with and without FOLL_WRITE, and at 9<<S a walk runs out
     * of base pages into an empty entry of T itself (its table exists: the pages before are in
     * it). Then the top of the user range (asce_limit, TASK_SIZE or the end of the address space).
     */
    public func specs() throws -> (SpaceSpec, [UInt64]) {
        let geo = try Geometry(arch: arch, levels: levels)
        let ps = geo.pageSize
        let small: PageSize = arch == .arm64 ? .k16 : .k4
        var specs: [MappingSpec] = []
        var points: [UInt64] = []
        for t in geo.tables.dropLast() {
            let b: UInt64 = 3 << UInt64(t.shift)
            guard b < geo.userLimit else { continue }
            points.append(b)
            specs.append(MappingSpec(start: b - 3 * ps, end: b, pageSize: small))
            specs.append(MappingSpec(start: b, end: b + ps, pageSize: small, writable: false))
            specs.append(MappingSpec(start: b + ps, end: b + 3 * ps, pageSize: small))
            if let leaf = t.leaf {
                for (k, writable) in [(UInt64(5), true), (7, false)] {
                    let l: UInt64 = k << UInt64(t.shift)
                    guard l + leaf.bytes <= geo.userLimit else { continue }
                    points.append(l)
                    specs.append(MappingSpec(start: l - 2 * ps, end: l, pageSize: small))
                    specs.append(MappingSpec(start: l, end: l + leaf.bytes, pageSize: leaf, writable: writable))
                }
            }
            let h: UInt64 = 9 << UInt64(t.shift)
            if t.shift < 60 && h < geo.userLimit {
                points.append(h)
                specs.append(MappingSpec(start: h - 2 * ps, end: h, pageSize: small))
            }
        }
        specs.append(MappingSpec(start: geo.userLimit - 3 * ps, end: geo.userLimit, pageSize: small))
        points.append(geo.userLimit)
        return (SpaceSpec(arch: arch, levels: levels, mappings: specs), points)
    }

    public func space() throws -> (AddressSpace, [UInt64]) {
        let (spec, points) = try specs()
        return (try spec.makeSpace(), points)
    }

    /// Ranges [start, end) around each point: start = point + k pages (k in -2...2), end after
    /// crossing 0, 1 or 2 boundaries of any real level (a boundary is where an entry starts).
    public static func ranges(_ geo: Geometry, around points: [UInt64]) -> [(UInt64, UInt64)] {
        let ps = geo.pageSize
        var out: [(UInt64, UInt64)] = []
        for p in points {
            for k in -2...2 {
                let start = k < 0 ? p &- UInt64(-k) * ps : p &+ UInt64(k) * ps
                guard start < geo.userLimit, start >= ps else { continue }
                // The boundaries after start, nearest first, over every table level.
                let window: UInt64 = 1 << UInt64(geo.tables[geo.tables.count - 2].shift + 1)
                let high = geo.userLimit - start > window ? start + window : geo.userLimit
                let crossings = geo.tables.dropLast().flatMap { geo.boundaries(of: $0, from: start, to: high) }
                let sorted = Array(Set(crossings)).sorted()
                // 0 crossings: one page (or up to the first boundary); c crossings: one page past the c-th.
                var ends = [min(start + ps, sorted.first ?? start + ps)]
                for c in 0..<min(2, sorted.count) {
                    let (e, o) = sorted[c].addingReportingOverflow(ps)
                    if !o && e <= geo.userLimit { ends.append(e) }
                }
                if high == geo.userLimit { ends.append(geo.userLimit) }
                for end in Set(ends).sorted() where end > start {
                    out.append((start, end))
                }
            }
        }
        return out
    }
}
