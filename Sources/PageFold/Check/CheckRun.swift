import CShim
import Foundation

/// What `pagefold check` found: every failure, what the run counted, and what the compile said.
public struct CheckReport: Sendable {
    /// The header, or the variant's name.
    public let subject: String
    public let base: Variant
    /// The cases the plan holds, and the level counts it covers.
    public let plannedCases: Int
    public let levels: [Int]
    public var tally = Conformance.Tally()
    public var failures: [Failure] = []
    public var warnings = ""
    public var notes: [String] = []
    /// A kernel tree's version, when the run is a tree's own walk (the quirks are then its own).
    public var treeVersion: String?

    public var passed: Bool { failures.isEmpty }

    /// The cause the report leads with: BUG() before a runaway loop, before a stray read, before a
    /// read outside the tables, before wrong or missing pages; among equals, the smallest case.
    public var lead: Failure? {
        failures.min { ($0.kind.precedence, $0.pages, $0.levels, $0.start) < ($1.kind.precedence, $1.pages, $1.levels, $1.start) }
    }

    /// Failures counted by level count and kind, in the order of the cause.
    public var groups: [(levels: Int, kind: Failure.Kind, count: Int)] {
        Dictionary(grouping: failures) { "\($0.levels) \($0.kind.precedence)" }.values
            .map { (levels: $0[0].levels, kind: $0[0].kind, count: $0.count) }
            .sorted { ($0.levels, $0.kind.precedence) < ($1.levels, $1.kind.precedence) }
    }

    /// What the base's quirks meant for this run: the findings, and the checks they keep from
    /// being exercised.
    public var quirkNotes: [String] {
        base.quirks.sorted { $0.rawValue < $1.rawValue }.map { q in
            let n = tally.findings[q.rawValue] ?? 0
            switch q {
            case .readOnlyHugePudWritable:
                return treeVersion.map { "finding: \(q.rawValue) in \(n) cases: this tree (\($0)) predates \(q.fixedBy)" }
                    ?? ("finding: \(q.rawValue) in \(n) cases, as on the base's kernels (\(base.era)), until \(q.fixedBy); "
                        + "so a missing 2 GB write-permission check cannot show on this base: run --base s390-fix-v6.10 for that")
            }
        }
    }
}

/// Running `check`: a built-in variant in this process, a header's library in a worker.
public enum CheckRun {
    /// A registered variant: trusted code, run here.
    public static func run(_ variant: Variant, options: Conformance.Options = .init(),
                           progress: (Int, Int) -> Void = { _, _ in }) throws -> CheckReport {
        let plan = try Conformance.plan(variant, options)
        let total = Conformance.cases(plan).count
        var report = CheckReport(subject: variant.name, base: variant, plannedCases: total,
                                 levels: plan.map(\.spec.levels).uniqued())
        try Conformance.run(variant, plan) { p in
            switch p {
            case let .started(n): progress(n, total)
            case let .failed(f): report.failures.append(f)
            case let .tallied(t): report.tally.add(t)
            }
        }
        progress(total, total)
        return report
    }

    /// A header's library, in a worker, under a time limit per case. A crash, an exit() or a
    /// time-out is a failure of the case that was running, and ends the run.
    public static func run(_ build: HeaderBuild, options: Conformance.Options = .init(),
                           timeout: Double = HeaderCompiler.defaultTimeout,
                           progress: (Int, Int) -> Void = { _, _ in }) throws -> CheckReport {
        let plan = try Conformance.plan(build.base, options)
        let cases = Conformance.cases(plan)
        var report = CheckReport(subject: build.header, base: build.base, plannedCases: cases.count,
                                 levels: plan.map(\.spec.levels).uniqued())
        report.warnings = build.warnings
        report.notes = build.notes

        var args = ["worker", "check", "--library", build.library, "--name", build.header, "--base", build.base.name, "--from", "0"]
        if let levels = options.levels { args += ["--levels", levels.sorted().map(String.init).joined(separator: ",")] }
        for (i, s) in options.spaces.enumerated() {
            let file = build.scratch.file("space-\(i).json")
            try s.spec.json().write(toFile: file, atomically: true, encoding: .utf8)
            args += ["--space-name", s.name, "--space-path", file]
        }
        var started: Int?
        var tallied = false
        let worker = try Worker.start(args)
        let (end, output, fault) = Worker.supervise(worker, limit: timeout) { line in
            if let n = line.started {
                started = n
                progress(n, cases.count)
            }
            if let f = line.failure { report.failures.append(f) }
            if let t = line.tally {
                report.tally.add(t)
                tallied = true
            }
        }
        if end == .exited(0) && tallied {
            progress(cases.count, cases.count)
            return report
        }
        let why = Worker.explain(end, fault, library: build.library, header: build.header, output: output)
        if let n = started {
            let c = cases[n]
            let spec = plan[c.space].spec
            report.failures.append(Failure(kind: .crash, space: plan[c.space].name, arch: spec.arch, levels: spec.levels,
                                           walker: c.walker, start: c.start, end: c.end, detail: "the header's code \(why)"))
        } else {
            report.failures.append(Failure(kind: .crash, space: "loading the header's library", arch: build.base.arch,
                                           levels: build.base.levels.lowerBound, walker: .gup, start: 0, end: 0,
                                           detail: "the header's code \(why), before any case ran (a constructor?)"))
        }
        return report
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
