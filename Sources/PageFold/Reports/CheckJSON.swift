/// The JSON form of a `check` report (documented in docs/json.md).
public enum CheckReportJSON {
    public static func render(_ r: CheckReport, reproduce: String?, compileMs: Int?, totalMs: Int,
                              tree: TreeReport? = nil) -> String {
        JSON.object([
            ("subject", .string(r.subject)),
            ("base", .string(r.base.name)),
            ("era", .string(r.base.era)),
            ("passed", .bool(r.passed)),
            ("levels", .array(r.levels.map(JSON.int))),
            ("cases", .int(r.tally.cases)),
            ("planned_cases", .int(r.plannedCases)),
            ("pointer_increments_checked", .int(r.tally.invariantChecks)),
            ("invariant_b_broken", .int(r.tally.invariantBBroken)),
            ("findings", .array(r.base.quirks.sorted { $0.rawValue < $1.rawValue }.map { q in
                .object([("quirk", .string(q.rawValue)), ("cases", .int(r.tally.findings[q.rawValue] ?? 0)),
                         ("fixed_by", .string(q.fixedBy))])
            })),
            ("warnings", .string(r.warnings)),
            ("notes", .array(r.notes.map(JSON.string))),
            ("lead", r.lead.map(failure) ?? .null),
            ("groups", .array(r.groups.map {
                .object([("levels", .int($0.levels)), ("kind", .string($0.kind.rawValue)), ("count", .int($0.count))])
            })),
            ("failures", .array(r.failures.map(failure))),
            ("reproduce", reproduce.map(JSON.string) ?? .null),
            ("compile_ms", compileMs.map(JSON.int) ?? .null),
            ("total_ms", .int(totalMs)),
            ("kernel_tree", tree.map(kernelTree) ?? .null),
        ]).render()
    }

    /// What a kernel tree's walk was built from (docs/kernel-tree.md).
    public static func kernelTree(_ t: TreeReport) -> JSON {
        .object([
            ("version", .string(t.version)),
            ("gup_root", .string(t.gupRoot)),
            ("patched", .array(t.patched.map(JSON.string))),
            ("instrumented", .object([("loops", .int(t.loops)), ("copies", .int(t.copies)), ("reads", .int(t.reads))])),
            ("used", .array(t.used.map { .object([("kind", .string($0.kind)), ("name", .string($0.name)), ("at", .string($0.location))]) })),
            ("stand_ins", .array(t.standIns.map { .object([("name", .string($0.name)), ("at", .string($0.location)), ("why", .string($0.why))]) })),
            ("notes", .array(t.notes.map(JSON.string))),
        ])
    }

    public static func failure(_ f: Failure) -> JSON {
        .object([
            ("kind", .string(f.kind.rawValue)),
            ("walker", .string(f.walker.rawValue)),
            ("arch", .string(f.arch.rawValue)),
            ("levels", .int(f.levels)),
            ("space", .string(f.space)),
            ("start", .hex(f.start)),
            ("end", .hex(f.end)),
            ("pages", .int(Int(f.pages))),
            ("detail", .string(f.detail)),
        ])
    }
}
