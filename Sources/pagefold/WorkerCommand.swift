import ArgumentParser
import PageFold

/// The process a header's code runs in (Sources/PageFold/Check/Worker.swift). Not for people.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", shouldDisplay: false,
        subcommands: [WorkerCheck.self, WorkerRow.self, WorkerPages.self]
    )
}

struct WorkerCheck: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check")

    @Option var library: String
    @Option var name: String
    @Option var base: String
    @Option var from: Int = 0
    @Option var levels: String?
    @Option var spaceName: [String] = []
    @Option var spacePath: [String] = []

    func run() throws {
        let levelSet = try levels.map { text in
            Set(try text.split(separator: ",").map { s in
                guard let n = Int(s) else { throw ValidationError("--levels: \(text)") }
                return n
            })
        }
        let spaces = try zip(spaceName, spacePath).map { ($0, try SpaceSpec.load(path: $1)) }
        _ = try Variant.named(base)
        try WorkerSide.check(library: library, name: name, options: Conformance.Options(levels: levelSet, spaces: spaces), from: from)
    }
}

struct WorkerRow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "row")

    @Option var library: String
    @Option var name: String
    @Option var levels: Int

    func run() throws {
        try WorkerSide.matrixRow(library: library, name: name, levels: levels)
    }
}

struct WorkerPages: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pages")

    @Option var library: String
    @Option var name: String
    @Option var space: String
    @Option var start: UInt64
    @Option var pages: UInt64
    @Flag var write = false

    func run() throws {
        try WorkerSide.pages(library: library, name: name, space: try SpaceSpec.load(path: space), start: start,
                             nrPages: pages, write: write)
    }
}
