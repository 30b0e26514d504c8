import ArgumentParser
import PageFold

struct GupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gup",
        abstract: "Run get_user_pages_fast_only() through one variant and draw the walk.",
        discussion: """
            Example: pagefold gup --variant s390-prefix --start 0x1007ffff000 --pages 2
                     pagefold gup --space examples/spaces/seed.json --variant s390-fix --start 0x1007ffff000 --pages 2 --json
            """
    )

    @OptionGroup var which: VariantOptions
    @OptionGroup var where_: SpaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "The first address, hex (0x…) or decimal.")
    var start: String

    @Option(help: "How many pages.")
    var pages: UInt64

    @Flag(help: "FOLL_WRITE: the pages must be writable.")
    var write = false

    @Flag(help: "FOLL_PIN instead of FOLL_GET.")
    var pin = false

    func run() throws {
        let start = try address(self.start, "--start")
        guard pages > 0 else { throw ValidationError("--pages: a request of 0 pages pins nothing; ask for 1 or more") }
        guard pages <= maxRequestPages else {
            throw ValidationError("--pages: \(pages) pages is more than the \(maxRequestPages) one request may ask for")
        }
        let variant = try which.resolve()
        let (len, o1) = pages.multipliedReportingOverflow(by: variant.arch.pageSize)
        let (end, o2) = start.addingReportingOverflow(len)
        guard !o1 && !o2 else { throw ValidationError("--pages: \(pages) pages from \(self.start) overflow the address space") }
        let space = try where_.make(for: variant, around: start, end)
        let result = try space.gupFast(variant, start: start, nrPages: pages, write: write, pin: pin)
        let picture = Picture(gup: result, space: space)
        if let svg = output.svg { try writeFile(picture.svg(), to: svg) }
        print(output.json ? RunReport.gup(result, space: space).render() : picture.text(color: useColor), terminator: output.json ? "\n" : "")
    }
}

struct WalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk",
        abstract: "Run walk_page_range() through one variant and draw the walk.",
        discussion: """
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
        let variant = try which.resolve()
        let space = try where_.make(for: variant, around: start, end)
        let result = try space.walkPageRange(variant, start: start, end: end)
        let picture = Picture(walk: result, space: space)
        if let svg = output.svg { try writeFile(picture.svg(), to: svg) }
        print(output.json ? RunReport.walk(result, space: space).render() : picture.text(color: useColor), terminator: output.json ? "\n" : "")
    }
}
