import ArgumentParser
import PageFold

struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Every variant at every level count against the named scenario set.",
        discussion: """
            Example: pagefold matrix --markdown > docs/variant-matrix.md
            """
    )

    @Flag(help: "The Markdown document docs/variant-matrix.md is generated from.")
    var markdown = false

    @Flag(help: "One JSON array, a row per variant and level count.")
    var json = false

    func run() throws {
        guard !(markdown && json) else { throw ValidationError("give --markdown or --json, not both") }
        let rows = try Matrix.rows(progress: progress("matrix"))
        if json {
            print(Matrix.json(rows).render())
        } else if markdown {
            print(Matrix.document(rows), terminator: "")
        } else {
            var table = TextTable(header: ["variant", "levels"] + Matrix.columns)
            table.rows = rows.map { [$0.variant.name, String($0.levels)] + $0.cells }
            print(table.render())
        }
    }
}
