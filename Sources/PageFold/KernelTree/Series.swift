/// A patch series on a kernel tree, one step at a time: the tree, then the tree after each patch
/// in turn, each checked over the exhaustive set and run over the variant matrix's scenarios.
public struct SeriesStep: Sendable {
    /// The patches applied so far (none for the base).
    public let patches: [String]
    public let report: CheckReport
    public let rows: [Matrix.Row]
    /// Against the step before: the cases this step makes pass, and those it makes fail.
    public let fixed: [Failure]
    public let broke: [Failure]
}

public enum Series {
    /// A case, as a failure names it: the space, the walker and the range.
    struct Case: Hashable {
        let space: String, levels: Int, walker: String, start: UInt64, end: UInt64

        init(_ f: Failure) {
            (space, levels, walker, start, end) = (f.space, f.levels, f.walker.rawValue, f.start, f.end)
        }
    }

    public static func run(root: String, arch: Arch, patches: [String], timeout: Double,
                           step progress: (Int) -> Void = { _ in }) throws -> [SeriesStep] {
        var steps: [SeriesStep] = []
        for n in 0...patches.count {
            progress(n)
            let tree = try KernelTree(root: root, arch: arch, patches: Array(patches.prefix(n)))
            let built = try TreeBuild.make(tree, timeout: timeout)
            let report = try CheckRun.run(built.build, timeout: timeout)
            let rows = try MatrixRows.header(built.build, named: n == 0 ? "base" : "+ \(n)", timeout: timeout)
            let before = steps.last.map { Set($0.report.failures.map(Case.init)) } ?? []
            let now = Set(report.failures.map(Case.init))
            let fixed = steps.last?.report.failures.filter { !now.contains(Case($0)) } ?? []
            let broke = n == 0 ? [] : report.failures.filter { !before.contains(Case($0)) }
            steps.append(SeriesStep(patches: Array(patches.prefix(n)), report: report, rows: rows,
                                    fixed: unique(fixed), broke: unique(broke)))
        }
        return steps
    }

    /// The failures of the last step in cases the base passed: the series' regressions.
    public static func regressions(_ steps: [SeriesStep]) -> [Failure] {
        guard let base = steps.first, let last = steps.last, steps.count > 1 else { return [] }
        let passed = Set(base.report.failures.map(Case.init))
        return unique(last.report.failures.filter { !passed.contains(Case($0)) })
    }

    /// One failure per case: the one the report would lead with.
    static func unique(_ failures: [Failure]) -> [Failure] {
        var seen: [Case: Failure] = [:]
        for f in failures where seen[Case(f)].map({ f.kind.precedence < $0.kind.precedence }) ?? true { seen[Case(f)] = f }
        return seen.values.sorted { ($0.levels, $0.start, $0.walker.rawValue) < ($1.levels, $1.start, $1.walker.rawValue) }
    }
}
