import Foundation

/// One scenario on a real s390 kernel under qemu-system-s390x: the probe (CShim/qemu/probe.c)
/// built for it, booted as /init, and what it printed.
public struct GuestRun: Sendable {
    /// The fast walk alone (get_user_pages_fast_only()): each page it pinned, as the address that
    /// maps it in the guest (nil: a frame no mapping has).
    public let fast: [UInt64?]
    /// vmsplice() into a pipe (the slow path repairs a short fast walk): each page the pipe held,
    /// as the address whose tag it bears, and whether the mark written after the call was seen.
    public let splice: [(address: UInt64, marked: Bool)]
    /// Seconds from QEMU's start to its exit.
    public let seconds: Double
    public let console: String
}

public enum Guest {
    /// The guest's memory; a scenario must fit in half of it.
    public static let memoryMiB = 512
    /// The most pages the hook takes in one request (CShim/qemu/pagefold_gup.c).
    public static let maxRequestPages: UInt64 = 256

    /// Why the guest cannot realize a scenario, or nil.
    public static func unrealizable(_ spec: SpaceSpec, start: UInt64, nrPages: UInt64) -> String? {
        guard spec.arch == .s390 else { return "the guest is s390; the space is \(spec.arch.rawValue)" }
        if let m = spec.mappings.first(where: { $0.pageSize != .k4 }) {
            return "the guest kernel's config has no \(m.pageSize.rawValue) pages (no THP, no hugetlbfs): a mapping at \(hex(m.start)) asks for them"
        }
        guard spec.levels >= 3 else { return "a 2-level task: s390 kernels since v5.7 give every task 3 levels at least" }
        guard spec.levels <= 4 else { return "a 5-level task needs a mapping above 8 PB, more than the probe maps" }
        let pages = spec.mappings.reduce(UInt64(0)) { $0 + ($1.end - $1.start) / 4096 }
        guard pages * 4096 <= UInt64(memoryMiB / 2) << 20 else {
            return "the mappings hold \(pages) pages (\(pages * 4 / 1024) MiB), more than half the guest's \(memoryMiB) MiB"
        }
        guard nrPages <= maxRequestPages else { return "the request is \(nrPages) pages; the hook takes \(maxRequestPages) at most" }
        guard start % 4096 == 0 else { return "the start \(hex(start)) is not page aligned" }
        return nil
    }

    /// The tree (with its patches and PageFold's /proc hook) built for s390: the bzImage's path.
    public static func kernel(for tree: KernelTree, say: (String) -> Void) throws -> String {
        guard tree.arch == .s390 else { throw PageFoldError("qemu: the guest is s390; --arch \(tree.arch.rawValue) has no guest") }
        return try KernelBuild(tree: tree, root: HeaderCompiler.sourceRoot, timeout: 600).bzImage(say: say)
    }

    /// Build the probe for the scenario, pack it as the initramfs, boot `bzImage` and read the console.
    public static func run(bzImage: String, spec: SpaceSpec, start: UInt64, nrPages: UInt64, write: Bool,
                           timeout: Double, say: (String) -> Void) throws -> GuestRun {
        try KernelBuild.require([("\(KernelBuild.cross)gcc", "gcc-s390x-linux-gnu libc6-dev-s390x-cross"),
                                 ("qemu-system-s390x", "qemu-system-misc")])
        if let why = unrealizable(spec, start: start, nrPages: nrPages) { throw PageFoldError("qemu: \(why)") }
        let scratch = try ScratchDirectory()
        let scenario = (["#define PF_LEVELS \(spec.levels)",
                         "static const struct { unsigned long start, end; int write; } pf_mappings[] = {"]
            + spec.mappings.map { "\t{ \(hex($0.start))UL, \(hex($0.end))UL, \($0.writable ? 1 : 0) }," }
            + ["};", "#define PF_START \(hex(start))UL", "#define PF_PAGES \(nrPages)", "#define PF_WRITE \(write ? 1 : 0)"])
            .joined(separator: "\n") + "\n"
        try scenario.write(toFile: scratch.file("scenario.h"), atomically: true, encoding: .utf8)
        say("probe: building /init for the scenario")
        let probe = scratch.file("init")
        let (built, output) = try Subprocess(["\(KernelBuild.cross)gcc", "-static", "-O2", "-Wall", "-I", scratch.path, "-o", probe,
                                              "\(HeaderCompiler.sourceRoot)/CShim/qemu/probe.c"]).wait(limit: 120)
        guard built == .exited(0), let program = FileManager.default.contents(atPath: probe) else {
            throw PageFoldError("qemu: the probe does not build (is libc6-dev-s390x-cross installed?):\n\(output)")
        }
        let initrd = scratch.file("initrd.cpio")
        guard FileManager.default.createFile(atPath: initrd, contents: Initramfs.image(initProgram: program)) else {
            throw PageFoldError("qemu: cannot write \(initrd)")
        }
        say("boot: qemu-system-s390x (TCG)")
        let began = Date()
        let (end, console) = try Subprocess(["qemu-system-s390x", "-M", "s390-ccw-virtio", "-cpu", "max", "-nographic",
                                             "-m", String(memoryMiB), "-kernel", bzImage, "-initrd", initrd, "-no-reboot"])
            .wait(limit: timeout)
        let seconds = Date().timeIntervalSince(began)
        let lines = console.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("PAGEFOLD ") }
        if let error = lines.first(where: { $0.hasPrefix("PAGEFOLD error ") }) {
            throw PageFoldError("qemu: the guest could not realize the scenario: \(error.dropFirst("PAGEFOLD error ".count))")
        }
        guard lines.contains("PAGEFOLD done"), let fast = lines.first(where: { $0.hasPrefix("PAGEFOLD fast ") }),
              let splice = lines.first(where: { $0.hasPrefix("PAGEFOLD splice ") }) else {
            throw PageFoldError("qemu: the guest did not finish (\(end)) in \(formatSeconds(timeout)) s; its console ended:\n\(console.suffix(3000))")
        }
        let fastPages = fast.split(separator: " ").dropFirst(3).map { UInt64($0, radix: 16) }   // "?": no mapping's frame
        let splicePages = splice.split(separator: " ").dropFirst(3).compactMap { word -> (UInt64, Bool)? in
            let marked = word.hasSuffix("+")
            return UInt64(marked ? word.dropLast() : word, radix: 16).map { ($0, marked) }
        }
        return GuestRun(fast: fastPages, splice: splicePages.map { (address: $0.0, marked: $0.1) }, seconds: seconds, console: console)
    }
}
