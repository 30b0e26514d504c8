import ArgumentParser
import Foundation
import PageFold

struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Every variant at every level count against the named scenario set.",
        discussion: """
            With --header, the header's rows (built on --base, run in a worker) follow the variants'; \
            with --kernel-tree, the tree's own walk's rows do (docs/kernel-tree.md).

            Example: pagefold matrix --markdown > docs/variant-matrix.md
                     pagefold matrix --header examples/headers/prefix-bug.h
                     pagefold matrix --kernel-tree /usr/src/linux-source-6.1
            """
    )

    @Flag(help: "The Markdown document docs/variant-matrix.md is generated from.")
    var markdown = false

    @Flag(help: "One JSON array, a row per variant and level count.")
    var json = false

    @Option(help: "A header to add rows for.")
    var header: String?

    @Option(help: "The variant the header builds on (default \(defaultBase)).")
    var base: String?

    @OptionGroup var kernel: KernelTreeOptions

    @Option(help: "With --kernel-tree: s390, x86 or arm64 (default s390).")
    var arch: String?

    @Option(help: "Seconds a compile, or the header's code on one level count, may take (default \(formatted(HeaderCompiler.defaultTimeout))).")
    var timeout: Double = HeaderCompiler.defaultTimeout

    func run() throws {
        guard !(markdown && json) else { throw ValidationError("give --markdown or --json, not both") }
        guard header != nil || base == nil else { throw ValidationError("--base goes with --header") }
        var rows = try Matrix.rows(progress: progress("matrix"))
        if let header {
            let build = try HeaderCompiler.compile(header: header, base: try Variant.named(base ?? defaultBase), timeout: timeout)
            rows += try MatrixRows.header(build, timeout: timeout)
        }
        var findings: [String] = []
        if let tree = try kernel.tree(spaceArch: nil, arch: arch) {
            let built = try TreeBuild.make(tree, timeout: timeout)
            let mine = try MatrixRows.header(built.build, named: "this tree (\(tree.version)\(tree.patches.isEmpty ? "" : ", patched"))", timeout: timeout)
            findings = Self.differences(mine, from: rows.filter { $0.name == built.build.base.name })
            rows += mine
        }
        if json {
            print(Matrix.json(rows).render())
        } else if markdown {
            print(header == nil && kernel.kernelTree == nil ? Matrix.document(rows) : Matrix.markdown(rows), terminator: "")
        } else {
            var table = TextTable(header: ["variant", "levels"] + Matrix.columns)
            table.rows = rows.map { [$0.name, String($0.levels)] + $0.cells }
            print(table.render())
        }
        if kernel.kernelTree != nil && !json {
            print(findings.isEmpty ? "this tree and PageFold's variant of its era agree in every cell" : findings.joined(separator: "\n"))
        }
    }

    /// Every cell where the tree's own walk and PageFold's variant of the same era differ, with its
    /// scenario (the column) and level count: a finding, and the re-statement's to answer for.
    static func differences(_ tree: [Matrix.Row], from variant: [Matrix.Row]) -> [String] {
        tree.flatMap { t -> [String] in
            guard let v = variant.first(where: { $0.levels == t.levels }) else { return [] }
            return zip(Matrix.columns, zip(t.cells, v.cells)).filter { $0.1.0 != $0.1.1 }.map { column, cells in
                "finding: \(t.levels) levels, \(column): this tree \"\(cells.0)\", \(v.name) \"\(cells.1)\""
            }
        }
    }
}
