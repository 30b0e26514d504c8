import ArgumentParser

@main
struct PageFoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pagefold",
        abstract: "Run the kernel's gup_fast and pagewalk loops over every page-table folding variant.",
        discussion: """
            With no arguments, runs the seed scenario of the 2020 s390 report (a 3-level task, \
            0x1007ffff000-0x10080001000 across a 2 GB pud boundary) through every variant.
            """,
        subcommands: [SeedCommand.self],
        defaultSubcommand: SeedCommand.self
    )
}
