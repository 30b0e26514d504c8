import ArgumentParser
import Foundation
import PageFold

struct QemuCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qemu",
        abstract: "Confirm a prediction on a real kernel: build the tree for s390, boot it under QEMU, compare page by page.",
        discussion: """
            Builds the tree (with --patch applied to a scratch copy, and a test-only /proc hook \
            for get_user_pages_fast_only()) for s390 with a small config, boots it under \
            qemu-system-s390x (TCG) with a probe as /init that realizes the space and asks for the \
            range two ways: the fast walk alone, and vmsplice() (the slow path repairs a short fast \
            walk). Prints the real kernel's pages beside PageFold's predictions for the same tree \
            (kernel-tree mode) and for --variant (default: the variant of the tree's era). \
            docs/real-kernel.md has the timings and what the probe can and cannot see.

            Exit status: 0 when the real kernel and the predictions agree, 1 when they differ \
            (the first differing page is named), 2 when something is missing or the guest cannot \
            realize the space.

            Example: pagefold qemu --kernel-tree /usr/src/linux-source-6.1 --space examples/spaces/seed.json \\
                       --start 0x1007ffff000 --pages 2
            """
    )

    @Option(name: .customLong("kernel-tree"), help: "A full kernel source tree.")
    var kernelTree: String

    @Option(help: "A unified diff to apply to the scratch copy; repeatable, in order.")
    var patch: [String] = []

    @Option(help: "The address space (docs/spec.md); s390, 4 KB pages, 3 or 4 levels.")
    var space: String

    @Option(help: "The first address, hex (0x…) or decimal.")
    var start: String

    @Option(help: "How many pages (at most 256).")
    var pages: String

    @Flag(help: "FOLL_WRITE: the pages must be writable.")
    var write = false

    @Option(help: "The PageFold variant to predict with besides the tree (default: the tree's era's).")
    var variant: String?

    @Option(help: "Seconds the guest may take from boot to power-off (default 120).")
    var bootTimeout: Double = 120

    func run() throws {
        let start = try address(self.start, "--start")
        guard let pages = parseAddress(self.pages), pages > 0 else {
            throw ValidationError("--pages: \"\(self.pages)\" is not a count of 1 or more")
        }
        let spec = try SpaceSpec.load(path: space)
        if let why = Guest.unrealizable(spec, start: start, nrPages: pages) { throw PageFoldError("qemu: \(why)") }
        let tree = try KernelTree(root: kernelTree, arch: .s390, patches: patch)
        let say: (String) -> Void = { phase in
            if isatty(STDERR_FILENO) != 0 { FileHandle.standardError.write(Data("\(phase)\n".utf8)) }
        }

        say("predict: PageFold, kernel-tree mode and the variant")
        let built = try TreeBuild.make(tree)
        let fromTree = try WorkerRelay.pages(built.build, space: space, start: start, nrPages: pages, write: write,
                                             timeout: HeaderCompiler.defaultTimeout)
        let v = try Variant.named(variant ?? built.build.base.name)
        let model = try spec.makeSpace()
        let fromVariant = try model.gupFast(v, start: start, nrPages: pages, write: write).pageAddresses
        let expected = Oracle.gupFrames(model, start: start, nrPages: pages, write: write).map { model.virtualAddress(ofFrame: $0) }

        let bzImage = try Guest.kernel(for: tree, say: say)
        let real = try Guest.run(bzImage: bzImage, spec: spec, start: start, nrPages: pages, write: write,
                                 timeout: bootTimeout, say: say)
        say("compare: page by page")

        func cell(_ list: [UInt64?], _ i: Int) -> String {
            guard i < list.count else { return "—" }
            return list[i].map(hex) ?? "?"
        }
        var table = TextTable(header: ["page", "address", "real: fast walk", "this tree", v.name, "real: vmsplice", "correct"])
        for i in 0..<Int(pages) {
            // The probe marks each requested page after the call; the pipe holding that very page shows the mark.
            let requested = start + UInt64(i) * 4096
            let splice = i < real.splice.count
                ? hex(real.splice[i].address) + (real.splice[i].address == requested && !real.splice[i].marked ? " (a copy?)" : "")
                : "—"
            table.rows.append([String(i), hex(requested), cell(real.fast, i), cell(fromTree, i),
                               cell(fromVariant, i), splice, cell(expected, i)])
        }
        print("\(tree.subject), s390 \(spec.levels)-level, \(hex(start)) + \(pages) pages\(write ? ", FOLL_WRITE" : ""): booted and run in \(String(format: "%.1f", real.seconds)) s")
        print(table.render())
        var differ: [String] = []
        for (name, predicted) in [("this tree", fromTree), (v.name, fromVariant)] {
            if let i = (0..<Int(pages)).first(where: { cell(real.fast, $0) != cell(predicted, $0) }) {
                differ.append("\(name) differs from the real kernel first at page \(i) (\(hex(start + UInt64(i) * 4096))): real \(cell(real.fast, i)), predicted \(cell(predicted, i))")
            }
        }
        guard differ.isEmpty else {
            differ.forEach { print("DIFFER: \($0)") }
            throw ExitCode(1)
        }
        print("AGREE: the real kernel's fast walk pinned exactly the pages PageFold predicts, for this tree and for \(v.name)")
    }
}
