import ArgumentParser
import Foundation
import PageFold

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a header of patched pXd_* helpers and macros (or a variant) against the Oracle.",
        discussion: """
            FILE is included after the base variant's arch header, patch macros and linux/pgtable.h, \
            as a patch on top of them: a function with a base function's name replaces it where it \
            stands (every caller gets yours); a macro with a base macro's name is redefined for the \
            code after the header (the loops). It is built with the loop templates by $CC (default \
            cc) and run in a worker process over the boundary set at every level count of the base: \
            a crash, an exit() or a case that outruns --timeout is a failure, never PageFold's.
            Fails on BUG(), a runaway loop, a stray or out-of-table read, invariant (a), wrong or \
            missing pages, differing pagewalk callbacks and leaked page references; invariant (b) is \
            reported only. A header that changes nothing the walkers run is an error (exit 2).

            With --kernel-tree DIR, the tree's own walk is checked instead (docs/kernel-tree.md): \
            taken out of its files, patched (--patch) in a scratch copy, built on PageFold's \
            stand-ins and run in the worker.

            Exit status: 0 pass, 1 fail, 2 usage, input or compile error.

            Example: pagefold check --header examples/headers/prefix-bug.h
                     pagefold check --kernel-tree /usr/src/linux-source-6.1 --patch examples/patches/6.1-revert-d3f7b1bb2040-gup.patch
                     pagefold check --variant s390-prefix --levels 3 --json
            """
    )

    @Option(help: "The header to check.")
    var header: String?

    @Option(help: "The variant the header builds on (default \(defaultBase)).")
    var base: String?

    @Option(help: "Check a registered variant instead of a header.")
    var variant: String?

    @OptionGroup var kernel: KernelTreeOptions

    @Option(help: "With --kernel-tree: s390, x86 or arm64 (default s390).")
    var arch: String?

    @Option(parsing: .upToNextOption, help: "Run only these level counts (e.g. --levels 3 4).")
    var levels: [Int] = []

    @Option(help: "A space (docs/spec.md) to run besides the boundary set; repeatable.")
    var space: [String] = []

    @Flag(help: "Print the report as one JSON object (docs/json.md).")
    var json = false

    @Option(help: "Seconds a compile, or the header's code on one case, may take (default \(formatted(HeaderCompiler.defaultTimeout))).")
    var timeout: Double = HeaderCompiler.defaultTimeout

    func validate() throws {
        guard [header != nil, variant != nil, kernel.kernelTree != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give one of --header, --variant and --kernel-tree")
        }
        guard variant == nil || base == nil else { throw ValidationError("--base goes with --header, not --variant") }
        guard timeout > 0 && timeout <= 3600 else { throw ValidationError("--timeout: give 0 to 3600 seconds, not \(timeout)") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let began = clock.now
        var options = Conformance.Options(levels: levels.isEmpty ? nil : Set(levels))
        options.spaces = try space.map { ($0, try SpaceSpec.load(path: $0)) }
        let report: CheckReport
        var compiled: Duration?
        var treeSummary: [String] = []
        var treeReport: TreeReport?
        if let tree = try kernel.tree(spaceArch: nil, arch: arch) {
            let built = try TreeBuild.make(tree, timeout: timeout)
            compiled = clock.now - began
            treeReport = built.report
            treeSummary = built.report.summary + (built.cached ? ["built earlier: taken from the cache"] : [])
            if kernel.showCode {
                treeSummary += built.report.used.map { "  \($0.kind) \($0.name) \($0.location)" }
                treeSummary += built.report.standIns.map { "  stand-in \($0.name) \($0.location): \($0.why)" }
            }
            var r = try CheckRun.run(built.build, options: options, timeout: timeout, progress: progress("checking"))
            r.treeVersion = tree.version.description
            report = r
        } else if let header {
            let build = try HeaderCompiler.compile(header: header, base: try Variant.named(base ?? defaultBase), timeout: timeout)
            compiled = clock.now - began
            report = try CheckRun.run(build, options: options, timeout: timeout, progress: progress("checking"))
        } else {
            report = try CheckRun.run(try Variant.named(variant!), options: options, progress: progress("checking"))
        }
        let total = clock.now - began
        let reproduce = try report.lead.map { try reproduceLine(for: $0) }
        if json {
            print(CheckReportJSON.render(report, reproduce: reproduce, compileMs: compiled.map(ms), totalMs: ms(total), tree: treeReport))
        } else {
            treeSummary.forEach { print($0) }
            printText(report, reproduce: reproduce, compiled: compiled, total: total)
        }
        if !report.passed { throw ExitCode(1) }
    }

    private func printText(_ report: CheckReport, reproduce: String?, compiled: Duration?, total: Duration) {
        let levelText = report.levels.map(String.init).joined(separator: ", ")
        let on = header != nil ? " on \(report.base.name) (\(report.base.era))"
            : kernel.kernelTree != nil ? " (\(report.base.arch.rawValue), beside \(report.base.name))" : " (\(report.base.era))"
        print("\(report.subject)\(on): \(report.tally.cases) of \(report.plannedCases) cases on \(report.base.arch.rawValue) \(levelText) levels, \(report.tally.invariantChecks) pointer increments checked")
        if !report.warnings.isEmpty {
            print("warnings in \(report.subject):\n\(report.warnings)")
        }
        for note in report.notes { print("note: \(note)") }
        print("invariant (b) broken \(report.tally.invariantBBroken) times (reported, not a failure)")
        for note in report.quirkNotes { print(note) }
        print((compiled.map { "compile \(ms($0)) ms, " } ?? "") + "total \(ms(total)) ms")
        guard let lead = report.lead else {
            print("PASS")
            return
        }
        print("FAIL: \(report.failures.count) failures")
        print("cause: \(lead.kind.rawValue): \(lead.detail)")
        print("  in \(describe(lead))")
        var table = TextTable(header: ["levels", "kind", "failures"])
        table.rows = report.groups.map { [String($0.levels), $0.kind.rawValue, String($0.count)] }
        print("failures by level count and kind:")
        print(table.render().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        if let reproduce { print("reproduce: \(reproduce)") }
    }

    private func describe(_ f: Failure) -> String {
        guard f.end > f.start else { return "\(f.space) on \(f.arch.rawValue)" }
        return "\(f.walker.rawValue) on \(f.arch.rawValue) \(f.levels)-level, \(hex(f.start))-\(hex(f.end)) (\(f.pages) pages), \(f.space)"
    }

    /// A command line that shows the failing case again, and fails the same way: the same header,
    /// base, space (a file that stays), flags and environment.
    private func reproduceLine(for f: Failure) throws -> String {
        var env: [String] = []
        for key in ["PAGEFOLD_ROOT", "CC"] {
            if let v = ProcessInfo.processInfo.environment[key], !v.isEmpty { env.append("\(key)=\(shellQuoted(v))") }
        }
        let tree = try kernel.tree(spaceArch: nil, arch: arch)
        var who = header.map { "--header \(shellQuoted(absolute($0))) --base \(base ?? defaultBase)" }
            ?? tree.map { $0.arguments.map(shellQuoted).joined(separator: " ") }
            ?? "--variant \(variant!)"
        if variant == nil && timeout != HeaderCompiler.defaultTimeout { who += " --timeout \(formatted(timeout))" }
        guard f.end > f.start else {
            return (env + ["pagefold check \(who)"]).joined(separator: " ")
        }
        let spec: SpaceSpec
        if let user = space.first(where: { $0 == f.space }) {
            spec = try SpaceSpec.load(path: user)
        } else {
            // The boundary set's space for the failing level count, written where it stays.
            spec = try BoundaryCase(arch: f.arch, levels: f.levels).specs().0
        }
        let file = try ReproduceSpace.keep(spec)
        let range = f.walker == .walk
            ? "walk \(who) --space \(shellQuoted(file)) --start \(hex(f.start)) --end \(hex(f.end))"
            : "gup \(who) --space \(shellQuoted(file)) --start \(hex(f.start)) --pages \(hex(f.pages))\(f.write ? " --write" : "")"
        return (env + ["pagefold \(range)"]).joined(separator: " ")
    }
}

func ms(_ d: Duration) -> Int {
    let c = d.components
    return Int(c.seconds * 1000 + c.attoseconds / 1_000_000_000_000_000)
}

func shellQuoted(_ s: String) -> String {
    s.allSatisfy { $0.isLetter || $0.isNumber || "/._-+=:,@".contains($0) } ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
}
