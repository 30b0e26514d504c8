/// Every variant, at every level count it runs on, against a named set of scenarios. A cell says
/// "ok" or what went wrong: wrong pages, short, stack read, BUG, outside, walk differs, (a), (b).
public enum Matrix {
    public static let columns = ["seed", "cross pgd", "cross p4d", "cross pud", "cross pmd", "leaf", "large leaf",
                                 "ro large leaf, write", "hole", "top"]

    public struct Row: Sendable {
        public let name: String
        public let levels: Int
        /// The kernels that ran this code on a task of this many levels, and the reference.
        public let era: String
        public let reference: String
        public let cells: [String]   // one per column; "—" where the scenario does not exist

        public init(name: String, levels: Int, era: String, reference: String, cells: [String]) {
            self.name = name
            self.levels = levels
            self.era = era
            self.reference = reference
            self.cells = cells
        }

        public init(_ v: Variant, levels: Int) throws {
            let set = Matrix.scenarios(arch: v.arch, levels: levels)
            self.init(name: v.name, levels: levels, era: v.era(levels: levels), reference: v.reference,
                      cells: try Matrix.columns.map { c in try set[c].map { try Matrix.cell(v, $0) } ?? "—" })
        }
    }

    /// The scenarios of one arch at one level count, by column.
    public static func scenarios(arch: Arch, levels: Int) -> [String: Scenario] {
        guard let geo = try? Geometry(arch: arch, levels: levels) else { return [:] }
        let ps = geo.pageSize
        let small: PageSize = arch == .arm64 ? .k16 : .k4
        var out: [String: Scenario] = [:]
        func add(_ column: String, _ mappings: [MappingSpec], _ start: UInt64, _ pages: UInt64, _ summary: String) {
            out[column] = Scenario(name: column, summary: summary, arch: arch, levels: levels, mappings: mappings,
                                   start: start, nrPages: pages)
        }
        if arch == .s390 && levels == 3 { out["seed"] = .seed }
        for t in geo.tables.dropLast() {
            let b: UInt64 = 3 << UInt64(t.shift)
            guard b < geo.userLimit else { continue }
            add("cross \(t.level)", [MappingSpec(start: b - 2 * ps, end: b + 2 * ps, pageSize: small)], b - 2 * ps, 4,
                "4 pages across the \(t.level) boundary \(hex(b))")
        }
        let leaves = geo.tables.filter { $0.leaf != nil }
        for (column, t) in zip(["leaf", "large leaf"], leaves.reversed()) {
            let l: UInt64 = 5 << UInt64(t.shift)
            guard let leaf = t.leaf, l + leaf.bytes <= geo.userLimit else { continue }
            add(column, [MappingSpec(start: l - 2 * ps, end: l, pageSize: small),
                         MappingSpec(start: l, end: l + leaf.bytes, pageSize: leaf)], l - 2 * ps, 4,
                "2 pages, then 2 pages of a \(leaf.rawValue) leaf at \(hex(l))")
        }
        if let t = leaves.first, let leaf = t.leaf {
            let l: UInt64 = 5 << UInt64(t.shift)
            if l + leaf.bytes <= geo.userLimit {
                out["ro large leaf, write"] = Scenario(
                    name: "ro large leaf, write", summary: "FOLL_WRITE over 2 pages of a read-only \(leaf.rawValue) leaf at \(hex(l))",
                    arch: arch, levels: levels,
                    mappings: [MappingSpec(start: l, end: l + leaf.bytes, pageSize: leaf, writable: false)],
                    start: l, nrPages: 2, write: true)
            }
        }
        if geo.tables.count >= 3 {
            let b: UInt64 = 3 << UInt64(geo.tables[1].shift + 1)
            add("hole", [MappingSpec(start: b - 2 * ps, end: b, pageSize: small)], b - 2 * ps, 4,
                "2 mapped pages, then an empty \(geo.tables[1].level) entry at \(hex(b))")
        }
        let top = geo.userLimit
        add("top", [MappingSpec(start: top - 2 * ps, end: top, pageSize: small)], top - 2 * ps, 2,
            "the last 2 pages below the user limit \(hex(top))")
        return out
    }

    /// One cell: run gup_fast and the pagewalk and name every way they differ from a correct walk.
    public static func cell(_ v: Variant, _ s: Scenario) throws -> String {
        let space = try s.makeSpace()
        let gup = try space.gupFast(v, start: s.start, nrPages: s.nrPages, write: s.write)
        let walk = try space.walkPageRange(v, start: s.start, end: s.end)
        let expected = Oracle.gupFrames(space, start: s.start, nrPages: s.nrPages, write: s.write, quirks: v.quirks)
        var problems: [String] = Oracle.findings(space, start: s.start, nrPages: s.nrPages, write: s.write, quirks: v.quirks)
            .map { "finding: \($0.short)" }
        if zip(gup.frames, expected).contains(where: { $0 != $1 }) { problems.append("wrong pages") }
        if gup.frames.count < expected.count { problems.append("short") }
        let all = gup.events + walk.events
        if all.contains(where: { $0.kind == .stackRead }) { problems.append("stack read") }
        if all.contains(where: { $0.kind == .bug }) { problems.append("BUG") }
        if all.contains(where: { $0.kind == .outsideArena || $0.kind == .outsideTable }) { problems.append("outside") }
        if all.contains(where: { $0.kind == .runaway }) { problems.append("runaway") }
        if Oracle.comparable(walk.visits) != Oracle.walkVisits(space, start: s.start, end: s.end) {
            problems.append("walk differs")
        }
        if !gup.invariants.holdsA || !walk.invariants.holdsA { problems.append("(a)") }
        if !gup.invariants.holdsB || !walk.invariants.holdsB { problems.append("(b)") }
        return problems.isEmpty ? "ok" : problems.joined(separator: ", ")
    }

    public static func rows(variants: [Variant] = Variant.all, progress: (Int, Int) -> Void = { _, _ in }) throws -> [Row] {
        let plan = variants.flatMap { v in v.levels.map { (v, $0) } }
        return try plan.enumerated().map { n, item in
            progress(n, plan.count)
            return try Row(item.0, levels: item.1)
        }
    }

    public static func markdown(_ rows: [Row]) -> String {
        var lines = ["| variant | levels | " + columns.joined(separator: " | ") + " | era | reference |",
                     "|---|---|" + columns.map { _ in "---|" }.joined() + "---|---|"]
        for r in rows {
            lines.append("| \(r.name) | \(r.levels) | " + r.cells.joined(separator: " | ") + " | \(r.era) | \(r.reference) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ rows: [Row]) -> JSON {
        .array(rows.map { r in
            .object([
                ("variant", .string(r.name)), ("levels", .int(r.levels)), ("era", .string(r.era)),
                ("reference", .string(r.reference)),
                ("cells", .object(zip(columns, r.cells).map { ($0, .string($1)) })),
            ])
        })
    }

    /// docs/variant-matrix.md, as `pagefold matrix --markdown` writes it.
    public static func document(_ rows: [Row]) -> String {
        var doc = """
            # Variant matrix

            Generated by `swift run pagefold matrix --markdown > docs/variant-matrix.md`; a test fails when
            this file is stale. Each variant runs at every level count it supports against the scenarios
            below; a cell is `ok`, or lists what went wrong: `wrong pages` (gup recorded pages the Oracle
            does not expect), `short` (fewer than the Oracle), `stack read`, `BUG`, `outside` (a read
            outside the tables or the arena), `walk differs` (pagewalk callbacks differ from the Oracle),
            `(a)` (after `pXdp++` the pointer is not what a fresh walk reaches), `(b)` (it is not
            `pXd_offset(upper, addr)`: a folded level iterated). `—`: the scenario does not exist there.

            Scenarios: `seed` is the 2020 report's range on an s390 3-level task; `cross X` is 4 pages
            across an X-table boundary (3 << X_SHIFT); `leaf` and `large leaf` run 2 pages into the
            smallest and largest leaf the arch maps; `ro large leaf, write` asks FOLL_WRITE of 2 pages
            of a read-only largest leaf; `hole` runs from 2 mapped pages into an empty upper-level
            entry; `top` is the last 2 pages below the user limit (asce_limit, TASK_SIZE).

            A `finding` is what the variant's kernels do that a correct walk would not, modelled because
            they do it (docs/the-bug.md, "Findings"): `ro 2G writable` is s390 before 3e93d49175a7
            (v6.10), where hugetlb writes the segment read bit where pud_write() tests the region-3
            write bit, so gup_fast pins a read-only 2 GB page for FOLL_WRITE.


            """
        doc += markdown(rows)
        return doc
    }
}
