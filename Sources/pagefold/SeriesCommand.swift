import ArgumentParser
import Foundation
import PageFold

struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Walk a patch series on a kernel tree: the tree, then the tree after each patch in turn.",
        discussion: """
            Each step's own walk (docs/kernel-tree.md) runs over the exhaustive set and the variant \
            matrix's scenarios: a row per level count with the matrix cells, and what the step \
            fixed and broke against the step before. PageFold's own variants of the same era are \
            the rows to set it beside (`pagefold matrix`).

            Exit status: 0, or 1 when the last step fails a case the base passed (a regression); \
            2 on bad input or a patch that does not apply.

            Example: pagefold series --kernel-tree /usr/src/linux-source-6.1 \\
                       examples/patches/6.1-revert-d3f7b1bb2040-gup.patch examples/patches/6.1-d3f7b1bb2040-gup.patch
            """
    )

    @Option(name: .customLong("kernel-tree"), help: "The kernel source tree the series applies to.")
    var kernelTree: String

    @Option(help: "s390, x86 or arm64 (default s390).")
    var arch: String?

    @Option(help: "Seconds a compile, or the tree's code on one case, may take (default \(formatted(HeaderCompiler.defaultTimeout))).")
    var timeout: Double = HeaderCompiler.defaultTimeout

    @Argument(help: "The patches, in the order they apply.")
    var patches: [String]

    func validate() throws {
        guard !patches.isEmpty else { throw ValidationError("give the series' patches, in order") }
    }

    func run() throws {
        let arch = try KernelTreeOptions.archNamed(self.arch)
        let say = progress("series")
        let steps = try Series.run(root: kernelTree, arch: arch, patches: patches, timeout: timeout) { say($0, patches.count + 1) }
        for (n, step) in steps.enumerated() {
            let name = n == 0 ? "base: \(kernelTree)" : "+ \(URL(fileURLWithPath: patches[n - 1]).lastPathComponent)"
            let verdict = step.report.passed ? "PASS" : "FAIL (\(step.report.failures.count) failures, cause: \(step.report.lead.map { "\($0.kind.rawValue): \($0.detail)" } ?? ""))"
            print("step \(n)  \(name): \(verdict)")
            var table = TextTable(header: ["levels"] + Matrix.columns)
            table.rows = step.rows.map { [String($0.levels)] + $0.cells }
            print(table.render().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            if n > 0 {
                print("  fixed \(step.fixed.count) cases\(Self.first(step.fixed)); broke \(step.broke.count)\(Self.first(step.broke))")
            }
        }
        let regressions = Series.regressions(steps)
        guard let first = regressions.first else {
            print("no regression: the last step fails no case the base passed")
            return
        }
        print("REGRESSION: after the series, \(regressions.count) cases the base passed fail; the first: \(first.kind.rawValue): \(first.detail)")
        print("  in \(first.walker.rawValue) on \(first.arch.rawValue) \(first.levels)-level, \(hex(first.start))-\(hex(first.end)), \(first.space)")
        throw ExitCode(1)
    }

    private static func first(_ failures: [Failure]) -> String {
        guard let f = failures.first else { return "" }
        return " (first: \(f.walker.rawValue) \(f.levels)-level \(hex(f.start))-\(hex(f.end)), \(f.kind.rawValue))"
    }
}
