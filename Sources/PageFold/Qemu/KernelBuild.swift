import Foundation

/// A bootable s390 kernel built from a tree with patches, out of tree (docs/real-kernel.md). The
/// work directory is kept per tree: a copy of the tree made of links to its files, with real
/// files where a patch or PageFold's /proc hook changes one, and the build directory beside it.
/// Another set of patches rewrites only the files whose content changes, so make rebuilds only
/// what depends on them: an edit to a patch of mm/gup.c costs seconds, not the full build.
struct KernelBuild {
    let tree: KernelTree
    let root: String
    let timeout: Double

    /// The config: tinyconfig, which on s390 is 64-bit, SMP and HAVE_FAST_GUP, with a console,
    /// an initramfs, ELF, /proc and futexes; no THP, no hugetlbfs, no address-space randomization
    /// (real-kernel-notes). The guest's pages are therefore 4 KB pages only.
    static let enable = ["PRINTK", "PRINTK_TIME", "EARLY_PRINTK", "SCLP_TTY", "SCLP_CONSOLE", "SCLP_VT220_TTY",
                         "SCLP_VT220_CONSOLE", "BLK_DEV_INITRD", "BINFMT_ELF", "BINFMT_SCRIPT", "PROC_FS",
                         "DEVTMPFS", "DEVTMPFS_MOUNT", "FUTEX", "MULTIUSER"]
    static let disable = ["TRANSPARENT_HUGEPAGE", "HUGETLBFS", "RANDOMIZE_BASE"]
    static let cross = "s390x-linux-gnu-"

    /// The tools a build needs, each with the Debian package that has it.
    static let tools = [("\(cross)gcc", "gcc-s390x-linux-gnu"), ("make", "make"), ("flex", "flex"), ("bison", "bison"),
                        ("bc", "bc"), ("perl", "perl")]

    /// The kernel image, building what changed. `say` names what it is doing.
    func bzImage(say: (String) -> Void) throws -> String {
        try Self.require(Self.tools)
        for needed in ["arch/s390/Kconfig", "scripts/config", "scripts/kconfig/Makefile"] where !FileManager.default.fileExists(atPath: "\(tree.root)/\(needed)") {
            throw PageFoldError("qemu: \(tree.root) lacks \(needed): booting a tree needs all of it, not the parts kernel-tree mode reads")
        }
        guard let cache = BuildCache.directory(named: "pagefold") else {
            throw PageFoldError("qemu: no cache directory to build in ($XDG_CACHE_HOME or ~/.cache must be writable)")
        }
        var hash = FNV()
        hash.add(tree.root)
        hash.add((Self.enable + ["-"] + Self.disable).joined(separator: " "))
        let work = "\(cache)/kernels/\(hash.hex)"
        let src = "\(work)/src", out = "\(work)/build"
        if !FileManager.default.fileExists(atPath: "\(src)/Makefile") {
            say("copy: linking \(tree.root) into \(src)")
            try? FileManager.default.removeItem(atPath: src)
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            try run(["cp", "-rs", tree.root, src], "cp")
        }
        try sync(src: src, work: work)
        if !FileManager.default.fileExists(atPath: "\(out)/.config") {
            say("config: tinyconfig and the guest's options")
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try make(src, out, ["tinyconfig"])
            try run(["\(src)/scripts/config", "--file", "\(out)/.config"]
                    + Self.enable.flatMap { ["-e", $0] } + Self.disable.flatMap { ["-d", $0] }, "scripts/config")
            try make(src, out, ["olddefconfig"])
        }
        say("build: make bzImage (minutes the first time, seconds after an edit)")
        try make(src, out, ["-j\(ProcessInfo.processInfo.activeProcessorCount)", "bzImage"])
        return "\(out)/arch/s390/boot/bzImage"
    }

    /// Make the copy's changed files what the patches and the hook say, and nothing else.
    private func sync(src: String, work: String) throws {
        let scratch = try ScratchDirectory()
        let stage = scratch.file("stage")
        let touched = try tree.patches.map { try TreeCopy.Touched(patch: $0, tree: tree.root) }
        var files = Set(touched.flatMap(\.files))
        files.insert("mm/Makefile")
        for f in files where FileManager.default.fileExists(atPath: "\(tree.root)/\(f)") {
            try TreeCopy.copy("\(tree.root)/\(f)", to: "\(stage)/\(f)")
        }
        try TreeCopy.apply(tree, touched, in: stage, timeout: timeout)
        // The test-only hook: /proc/pagefold-gup (CShim/qemu/pagefold_gup.c), built into mm/.
        let makefile = (try? String(contentsOfFile: "\(stage)/mm/Makefile", encoding: .utf8)) ?? ""
        try (makefile + "obj-y += pagefold_gup.o\n").write(toFile: "\(stage)/mm/Makefile", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: "\(root)/CShim/qemu/pagefold_gup.c", toPath: "\(stage)/mm/pagefold_gup.c")
        files.insert("mm/pagefold_gup.c")

        // Files an earlier run changed go back to the tree's content, as real files written now:
        // a link back to the tree would carry the tree's old time, and make would rebuild nothing.
        let record = "\(work)/changed-files"
        let before = Set(((try? String(contentsOfFile: record, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
        let managed = before.union(files)
        for f in managed.sorted() {
            let wanted = FileManager.default.contents(atPath: files.contains(f) ? "\(stage)/\(f)" : "\(tree.root)/\(f)")
            let attributes = try? FileManager.default.attributesOfItem(atPath: "\(src)/\(f)")
            let isLink = attributes?[.type] as? FileAttributeType == .typeSymbolicLink
            guard let wanted else {
                try? FileManager.default.removeItem(atPath: "\(src)/\(f)")   // a patch deleted it, or it is new
                continue
            }
            if !isLink, FileManager.default.contents(atPath: "\(src)/\(f)") == wanted { continue }
            try? FileManager.default.removeItem(atPath: "\(src)/\(f)")
            try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: "\(src)/\(f)").deletingLastPathComponent().path,
                                                    withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: "\(src)/\(f)", contents: wanted) else {
                throw PageFoldError("qemu: cannot write \(src)/\(f)")
            }
        }
        try managed.sorted().joined(separator: "\n").write(toFile: record, atomically: true, encoding: .utf8)
    }

    private func make(_ src: String, _ out: String, _ targets: [String]) throws {
        try run(["make", "-s", "-C", src, "O=\(out)", "ARCH=s390", "CROSS_COMPILE=\(Self.cross)"] + targets, "make \(targets.last ?? "")",
                limit: 3600)
    }

    private func run(_ argv: [String], _ what: String, limit: Double? = nil) throws {
        let (end, output) = try Subprocess(argv).wait(limit: limit ?? timeout)
        guard end == .exited(0) else {
            throw PageFoldError("qemu: \(what) failed (\(end)):\n\(output.suffix(6000))")
        }
    }

    /// Each tool on $PATH, else an error that names the package to install.
    static func require(_ tools: [(String, String)]) throws {
        let missing = tools.filter { findExecutable($0.0) == nil }
        guard missing.isEmpty else {
            let packages = missing.map(\.1).joined(separator: " ")
            throw PageFoldError("qemu: missing \(missing.map(\.0).joined(separator: ", ")); install with: apt-get install --no-install-recommends \(packages)")
        }
    }
}
