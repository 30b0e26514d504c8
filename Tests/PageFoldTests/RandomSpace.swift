import PageFold

/// SplitMix64: the whole random space follows from one seed, so a seed replays a case.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ n: Int) -> Bool { below(n) == 0 }
}

/// A random address space of any arch and level count: 4K (16K) runs and leaves of every size
/// near table boundaries, holes between them, read-only runs, and on s390 an upgrade 3 -> 4 -> 5
/// between mappings. Ranges start near boundaries.
struct RandomSpace {
    static let shapes: [(Arch, Int)] = [(.generic, 2), (.generic, 3), (.generic, 4), (.generic, 5),
                                        (.s390, 2), (.s390, 3), (.s390, 4), (.s390, 5),
                                        (.x86, 4), (.x86, 5), (.arm64, 3), (.arm64, 4)]

    let space: AddressSpace
    let ranges: [(start: UInt64, pages: UInt64)]

    init(seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        let (arch, levels) = RandomSpace.shapes[rng.below(RandomSpace.shapes.count)]
        let space = try AddressSpace(arch: arch, levels: levels)
        let upgradeAfter = arch == .s390 && levels == 3 && rng.chance(3) ? rng.below(4) : -1
        for i in 0..<(1 + rng.below(6)) {
            if i == upgradeAfter { try space.upgrade(to: 4 + rng.below(2)) }
            let anchor = RandomSpace.anchor(space, &rng)
            let tables = space.geometry.tables
            let leafTables = tables.filter { $0.leaf != nil }
            let page: PageSize = !leafTables.isEmpty && rng.chance(4)
                ? leafTables[rng.below(leafTables.count)].leaf!
                : (arch == .arm64 ? .k16 : .k4)
            let count = page.bytes == space.arch.pageSize ? UInt64(1 + rng.below(40)) : UInt64(1 + rng.below(2))
            let offset = Int64(rng.below(17)) - 8
            let base = anchor / page.bytes * page.bytes
            let start = offset < 0 ? base &- UInt64(-offset) * page.bytes : base &+ UInt64(offset) * page.bytes
            let (end, overflow) = start.addingReportingOverflow(count * page.bytes)
            guard !overflow, start < end, end <= space.userLimit else { continue }
            // Overlapping and out-of-range mappings are refused with a message: skip them.
            try? space.map(MappingSpec(start: start, end: end, pageSize: page, writable: !rng.chance(4)))
        }
        self.space = space
        let ps = space.arch.pageSize
        ranges = (0..<3).compactMap { _ in
            let a = RandomSpace.anchor(space, &rng)
            let back = UInt64(rng.below(5)) * ps
            let start = a >= back ? a - back : a
            let pages = UInt64(1 + rng.below(rng.chance(2) ? 8 : 80))
            guard start % ps == 0, start < space.userLimit, pages <= (space.userLimit - start) / ps else { return nil }
            return (start, pages)
        }
    }

    /// A boundary of one of the real tables (k << shift, k in 1...4), or the top of the user range.
    static func anchor(_ space: AddressSpace, _ rng: inout SplitMix) -> UInt64 {
        let tables = space.geometry.tables.dropLast()
        guard !tables.isEmpty, !rng.chance(8) else { return space.userLimit - space.arch.pageSize }
        let t = tables[tables.startIndex + rng.below(tables.count)]
        let (a, o) = UInt64(1 + rng.below(4)).multipliedReportingOverflow(by: 1 << UInt64(t.shift))
        return o || a >= space.userLimit ? space.userLimit - space.arch.pageSize : a
    }

    /// s390 folds everything above its top table, and so does the middle-level variant on its
    /// 3-level generic spaces: the top table's loop is the one that iterates over a folded pointer.
    /// Its boundaries in (start, end); none where nothing is folded (s390 5 levels).
    func foldedBoundaries(start: UInt64, end: UInt64) -> [UInt64] {
        guard (space.arch == .s390 && space.levels < 5) || (space.arch == .generic && space.levels == 3) else { return [] }
        let top = space.geometry.tables[0]
        return space.geometry.boundaries(of: top, from: start, to: end)
    }
}
