import ArgumentParser
import Foundation
import PageFold

@main
struct PageFoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pagefold",
        abstract: "Run the kernel's gup_fast and pagewalk loops over every page-table folding variant.",
        discussion: """
            With no arguments, runs the seed scenario of the 2020 s390 report (a 3-level task, \
            0x1007ffff000-0x10080001000 across a 2 GB pud boundary) through every variant.

            Exit status: 0 on success (check: pass), 1 when check fails, 2 on a usage, input or \
            compile error.
            """,
        subcommands: [SeedCommand.self, CheckCommand.self, GupCommand.self, WalkCommand.self, MatrixCommand.self,
                      SeriesCommand.self, QemuCommand.self, BenchCommand.self, WorkerCommand.self],
        defaultSubcommand: SeedCommand.self
    )

    /// ArgumentParser exits 64 on a usage error; PageFold's contract is 2, as for bad input.
    static func main() {
        // Scratch directories and child process groups go on every way out.
        Cleanup.shared.installSignalHandlers()
        atexit { Cleanup.shared.runAll() }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as PageFoldError {
            FileHandle.standardError.write(Data("pagefold: \(error)\n".utf8))
            Cleanup.shared.exit(2)
        } catch let code as ExitCode {
            Cleanup.shared.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Cleanup.shared.exit(2)
            }
            exit(withError: error)
        }
        Cleanup.shared.exit(0)
    }
}
