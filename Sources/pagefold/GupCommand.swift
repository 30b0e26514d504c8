import ArgumentParser
import Foundation
import PageFold

struct GupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gup",
        abstract: "Run get_user_pages_fast_only() through one variant, draw the walk and judge it.",
        discussion: """
            The walk is held to the Oracle (pages, events, page references): exit 0 when it is \
            right, 1 when it is not (the failures follow the picture), 2 on bad input.

            Example: pagefold gup --variant s390-prefix --start 0x1007ffff000 --pages 2
                     pagefold gup --space examples/spaces/seed.json --variant s390-fix --start 0x1007ffff000 --pages 2 --json
            """
    )

    @OptionGroup var which: VariantOptions
    @OptionGroup var where_: SpaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "The first address, hex (0x…) or decimal.")
    var start: String

    @Option(help: "How many pages, hex (0x…) or decimal.")
    var pages: String

    @Flag(help: "FOLL_WRITE: the pages must be writable.")
    var write = false

    @Flag(help: "FOLL_PIN instead of FOLL_GET.")
    var pin = false

    func run() throws {
        let start = try address(self.start, "--start")
        guard let pages = parseAddress(self.pages) else {
            throw ValidationError("--pages: \"\(self.pages)\" is not a count in hex (0x…) or decimal")
        }
        guard pages > 0 else { throw ValidationError("--pages: a request of 0 pages pins nothing; ask for 1 or more") }
        guard pages <= maxRequestPages else {
            throw ValidationError("--pages: \(pages) pages is more than the \(maxRequestPages) one request may ask for")
        }
        let arch = try which.arch(space: where_)
        let (len, o1) = pages.multipliedReportingOverflow(by: arch.pageSize)
        let (end, o2) = start.addingReportingOverflow(len)
        guard !o1 && !o2 else { throw ValidationError("--pages: \(pages) pages from \(self.start) overflow the address space") }
        guard let variant = try which.resolveHere() else { try relayToWorker(which, space: where_) }
        let space = try where_.make(for: variant, around: start, end)
        try space.checkGup(variant, start: start, nrPages: pages)
        // The trace goes out (or into the picture's runs) as the walk makes it: nothing grows with the range.
        let out = TextOut.standardOutput()
        var runs = StepRuns()
        let trace = output.json ? RunReport.Trace(out) : nil
        if output.json { RunReport.gupHead(variant: variant.name, space: space, start: start, nrPages: pages, to: out) }
        let result = try space.gupFast(variant, start: start, nrPages: pages, write: write, pin: pin, trace: false) { step in
            if let trace { trace.add(step) } else { runs.add(step) }
        }
        let verdict = Conformance.judge(result, in: space, spaceName: where_.space ?? "the command line's")
        if let trace {
            trace.close()
            RunReport.gupTail(result, space: space, failures: verdict.failures, to: out)
        } else {
            let picture = Picture(gup: result, space: space, runs: runs)
            if let svg = output.svg { try writeFile(picture.svg(), to: svg) }
            out.write(picture.text(color: useColor) + verdict.text)
        }
        out.flush()
        if !verdict.failures.isEmpty { throw ExitCode(1) }
    }
}

struct WalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk",
        abstract: "Run walk_page_range_novma() through one variant, draw the walk and judge it.",
        discussion: """
            The callbacks are held to the Oracle: exit 0 when they are right, 1 when not, 2 on bad input.

            Example: pagefold walk --variant s390-rfc-v2 --start 0x1007ffff000 --end 0x10080001000
            """
    )

    @OptionGroup var which: VariantOptions
    @OptionGroup var where_: SpaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "The first address, hex (0x…) or decimal.")
    var start: String

    @Option(help: "The end of the range (exclusive).")
    var end: String

    func run() throws {
        let start = try address(self.start, "--start")
        let end = try address(self.end, "--end")
        guard start < end else { throw ValidationError("--end: \(self.end) is not above --start \(self.start)") }
        guard let variant = try which.resolveHere() else { try relayToWorker(which, space: where_) }
        let space = try where_.make(for: variant, around: start, end)
        try space.checkWalk(variant, start: start, end: end)
        let out = TextOut.standardOutput()
        var runs = StepRuns()
        let trace = output.json ? RunReport.Trace(out) : nil
        if output.json { RunReport.walkHead(variant: variant.name, space: space, start: start, end: end, to: out) }
        let result = try space.walkPageRange(variant, start: start, end: end, trace: false) { step in
            if let trace { trace.add(step) } else { runs.add(step) }
        }
        let verdict = Conformance.judge(result, in: space, spaceName: where_.space ?? "the command line's")
        if let trace {
            trace.close()
            RunReport.walkTail(result, failures: verdict.failures, to: out)
        } else {
            let picture = Picture(walk: result, space: space, runs: runs)
            if let svg = output.svg { try writeFile(picture.svg(), to: svg) }
            out.write(picture.text(color: useColor) + verdict.text)
        }
        out.flush()
        if !verdict.failures.isEmpty { throw ExitCode(1) }
    }
}

