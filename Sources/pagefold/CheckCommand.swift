import ArgumentParser
import Foundation
import PageFold

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a header of patched pXd_* macros against the Oracle and the invariants.",
        discussion: """
            FILE is included after the base variant's arch header and patch macros, so it may \
            #undef and redefine any pXd_* helper. It is compiled with the loop templates by $CC \
            (default cc) and run over the boundary set at every level count of the base's arch.
            Fails on wrong pages, a broken prefix, differing pagewalk callbacks, stack or \
            out-of-table reads, BUG() and invariant (a); invariant (b) is reported only.

            Example: pagefold check --header examples/headers/prefix-bug.h --base s390-fix
            """
    )

    @Option(help: "The header to check.")
    var header: String

    @Option(help: "The variant it builds on.")
    var base = "s390-fix"

    func run() throws {
        let clock = ContinuousClock()
        let began = clock.now
        let base = try Variant.named(base)
        let variant = try HeaderCompiler.compile(header: header, base: base)
        let compiled = clock.now - began
        let report = try Conformance.run(variant, progress: progress("checking"))
        let total = clock.now - began
        print("\(header) on \(base.name): \(report.cases) cases, \(report.invariantChecks) pointer increments checked")
        print("invariant (b) broken \(report.invariantBBroken) times (reported, not a failure)")
        print("compile \(ms(compiled)), total \(ms(total))")
        guard let smallest = report.smallest else {
            print("PASS")
            return
        }
        let kinds = Dictionary(grouping: report.failures, by: \.kind).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
        print("FAIL: \(report.failures.count) failures (\(kinds.joined(separator: ", ")))")
        print("smallest: \(smallest.kind.rawValue) in \(smallest.walker) on \(smallest.arch.rawValue) \(smallest.levels)-level, \(hex(smallest.start))-\(hex(smallest.end))\(smallest.write ? " FOLL_WRITE" : "")")
        print("  \(smallest.detail)")
        let spec = try spacePath(for: smallest)
        let range = smallest.walker == "gup"
            ? "gup --start \(hex(smallest.start)) --pages \(smallest.pages)\(smallest.write ? " --write" : "")"
            : "walk --start \(hex(smallest.start)) --end \(hex(smallest.end))"
        print("reproduce: pagefold \(range) --header \(header) --base \(base.name) --space \(spec)")
        throw ExitCode(1)
    }

    /// The failing case's boundary-set space, written where the reproduce line can find it.
    private func spacePath(for f: Conformance.Failure) throws -> String {
        let (space, _) = try BoundaryCase(arch: f.arch, levels: f.levels).space()
        let spec = SpaceSpec(arch: f.arch, levels: f.levels, mappings: space.mappings.map(\.spec))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pagefold-\(f.arch.rawValue)-\(f.levels)l.json").path
        try spec.json().write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func ms(_ d: Duration) -> String {
        let c = d.components
        return "\(c.seconds * 1000 + c.attoseconds / 1_000_000_000_000_000) ms"
    }
}
