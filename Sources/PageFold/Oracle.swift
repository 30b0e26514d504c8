/// What a correct walk must produce, computed from the mapping list alone: no page tables, no C.
/// It restates the kernel semantics the variants are held to.
public enum Oracle {
    /// The frames gup_fast must record, in order: from `start` on, each page that is mapped (and
    /// writable, for a write) up to the first that is not. A fast walk gives up at the first
    /// failure and keeps what it had, so this prefix is the whole answer.
    ///
    /// With `quirks`, the answer is what those kernels do: a read-only 2 GB page before v6.10 is
    /// pinned for a write (`findings` says where that made a difference).
    public static func gupFrames(_ space: AddressSpace, start: UInt64, nrPages: UInt64, write: Bool,
                                 quirks: Set<Quirk> = []) -> [UInt64] {
        var frames: [UInt64] = []
        forEachGupFrame(space, start: start, nrPages: nrPages, write: write, quirks: quirks) { frames.append($1) }
        return frames
    }

    /// The same frames one at a time, (index, frame), in memory that does not grow with the range.
    public static func forEachGupFrame(_ space: AddressSpace, start: UInt64, nrPages: UInt64, write: Bool,
                                       quirks: Set<Quirk> = [], _ body: (Int, UInt64) -> Void) {
        let ps = space.arch.pageSize
        var va = start
        var mapping: Mapping?
        for i in 0..<Int(nrPages) {
            if mapping?.contains(va) != true { mapping = space.mapping(containing: va) }
            guard let m = mapping, !write || writableToGup(m, quirks) else { break }
            body(i, (m.phys + (va - m.start)) / ps)
            va += ps
        }
    }

    /// Whether gup_fast lets a write through to a mapping's pages.
    static func writableToGup(_ m: Mapping, _ quirks: Set<Quirk>) -> Bool {
        m.writable || (quirks.contains(.readOnlyHugePudWritable) && m.pageSize == .g2)
    }

    /// The quirks that made this request's answer differ from a correct walk's.
    public static func findings(_ space: AddressSpace, start: UInt64, nrPages: UInt64, write: Bool,
                                quirks: Set<Quirk>) -> [Quirk] {
        // A quirk only lets more pages through, so it made a difference when it made the answer longer.
        func count(_ q: Set<Quirk>) -> Int {
            var n = 0
            forEachGupFrame(space, start: start, nrPages: nrPages, write: write, quirks: q) { _, _ in n += 1 }
            return n
        }
        return quirks.sorted { $0.rawValue < $1.rawValue }.filter { count([$0]) != count([]) }
    }

    /// The walk_page_range_novma() callbacks a correct walk makes over [start, end), in order: holes
    /// with their depth, leaf entries (pud/pmd), and every pte of every page table it enters.
    /// Non-leaf pud/pmd callbacks depend on folding, so they are not part of the answer.
    public static func walkVisits(_ space: AddressSpace, start: UInt64, end: UInt64) -> [Visit] {
        var out: [Visit] = []
        walk(space, table: 0, from: start, to: end, into: &out)
        return out
    }

    /// The callbacks of a walk result that the Oracle speaks for.
    public static func comparable(_ visits: [Visit]) -> [Visit] {
        visits.filter { $0.kind == .pte || $0.kind == .hole || $0.mapped }
    }

    private static func walk(_ space: AddressSpace, table i: Int, from low: UInt64, to high: UInt64,
                             into out: inout [Visit]) {
        let geo = space.geometry
        let t = geo.tables[i]
        let ps = geo.pageSize
        if i == geo.tables.count - 1 {
            var va = low
            var m: Mapping?
            while va < high {
                if m?.contains(va) != true { m = space.mapping(containing: va) }
                out.append(Visit(kind: .pte, start: va, end: va + ps, mapped: m != nil,
                                 pfn: m.map { ($0.phys + (va - $0.start)) / ps }, depth: nil))
                va += ps
            }
            return
        }
        let span: UInt64 = 1 << UInt64(t.shift)
        var entry = low & ~(span - 1)
        while entry < high {
            let entryEnd = entry &+ span
            let lo = max(low, entry)
            let hi = entryEnd == 0 || entryEnd > high ? high : entryEnd
            let leaf = space.mappings.first { $0.pageSize.shift == t.shift && $0.contains(entry) }
            // The entry holds a lower table when a smaller mapping lies anywhere in its span, and
            // entry 0 of a table an upgrade put on top always holds the previous top table.
            let upgraded = entry == 0 && i < geo.levels - space.initialLevels
            let below = upgraded || space.mappings.contains {
                $0.pageSize.shift < t.shift && $0.end > entry && (entryEnd == 0 || $0.start < entryEnd)
            }
            if let leaf {
                let kind: Visit.Kind = leaf.pageSize.bytes >= 1 << 30 ? .pud : .pmd
                out.append(Visit(kind: kind, start: lo, end: hi, mapped: true,
                                 pfn: (leaf.phys + (lo - leaf.start)) / ps, depth: nil))
            } else if below {
                walk(space, table: i + 1, from: lo, to: hi, into: &out)
            } else {
                out.append(Visit(kind: .hole, start: lo, end: hi, mapped: false, pfn: nil, depth: t.holeDepth))
            }
            if entryEnd == 0 { break }
            entry = entryEnd
        }
    }
}
