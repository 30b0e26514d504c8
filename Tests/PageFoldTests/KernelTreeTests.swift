import Foundation
import Testing
import PageFold

/// Debian's linux-source-6.1 and -6.12, as Tests/KernelTree/extract.sh leaves them: where
/// PAGEFOLD_KERNEL_TREES points, else .build/kernel-trees. CI extracts them before `swift test`.
enum KernelTrees {
    static let directory: String = {
        if let dir = ProcessInfo.processInfo.environment["PAGEFOLD_KERNEL_TREES"], !dir.isEmpty { return dir }
        return repositoryRoot.appendingPathComponent(".build/kernel-trees").path
    }()

    static func path(_ version: String) -> String { "\(directory)/linux-source-\(version)" }

    static var available: Bool {
        ["6.1", "6.12"].allSatisfy { FileManager.default.fileExists(atPath: "\(path($0))/Makefile") }
    }

    static let patches = repositoryRoot.appendingPathComponent("examples/patches")
    static let revertGup61 = patches.appendingPathComponent("6.1-revert-d3f7b1bb2040-gup.patch").path
    static let fixGup61 = patches.appendingPathComponent("6.1-d3f7b1bb2040-gup.patch").path
    static let revertArm64 = patches.appendingPathComponent("6.12-revert-36639013b346-arm64.patch").path

    static func build(_ version: String, _ arch: Arch, patches: [String] = []) throws -> TreeBuild {
        try TreeBuild.make(try KernelTree(root: path(version), arch: arch, patches: patches))
    }
}

@Suite("Kernel-tree mode: the trees' own walks, patched or not", .serialized)
struct KernelTreeTests {
    /// A run that asked for the trees (CI sets PAGEFOLD_KERNEL_TREES) must have them: the suite
    /// below is never skipped silently there.
    @Test("The kernel trees are there when a run asks for them")
    func treesPresentWhenAsked() {
        if ProcessInfo.processInfo.environment["PAGEFOLD_KERNEL_TREES"] != nil {
            #expect(KernelTrees.available, "run Tests/KernelTree/extract.sh \(KernelTrees.directory)")
        }
    }

    /// Each pair over the exhaustive set: the tree's own code and PageFold's re-statement of the
    /// same era fail the same cases in the same way, pass the same, and count the same.
    @Test("The tree and PageFold's re-statement of its era agree on every case",
          .enabled(if: KernelTrees.available), arguments: [
        ("6.1", Arch.s390, false, "s390-fix"),
        ("6.1", Arch.s390, true, "s390-prefix"),
        ("6.12", Arch.s390, false, "s390-fix-v6.10"),
        ("6.12", Arch.arm64, false, "arm64-lpa2-fix"),
        ("6.12", Arch.arm64, true, "arm64-lpa2-prefix"),
        ("6.1", Arch.x86, false, "x86-la57"),
    ])
    func pairs(_ version: String, _ arch: Arch, _ reverted: Bool, _ variantName: String) throws {
        let patch = reverted ? [arch == .s390 ? KernelTrees.revertGup61 : KernelTrees.revertArm64] : []
        let built = try KernelTrees.build(version, arch, patches: patch)
        let v = variant(variantName)
        let levels = Set(built.build.base.levels).intersection(v.levels)
        let options = Conformance.Options(levels: levels)
        let tree = try CheckRun.run(built.build, options: options)
        let mine = try CheckRun.run(v, options: options)
        #expect(tree.tally == mine.tally, "\(built.tree.subject) against \(v.name)")
        #expect(tree.failures == mine.failures, "first difference: \(zip(tree.failures, mine.failures).first { $0 != $1 }.map { "\($0) / \($1)" } ?? "in the count, \(tree.failures.count) against \(mine.failures.count)")")
        #expect(tree.passed == !reverted)
        #expect(built.report.loops >= 9, "the walk's loops are instrumented: \(built.report.loops)")
    }

    @Test("6.1 s390: the seed range is right; with the gup.c part of d3f7b1bb2040 reverted it pins the page 2 GB lower",
          .enabled(if: KernelTrees.available))
    func seed() throws {
        let seed = examplesDir.appendingPathComponent("spaces/seed.json").path
        let args = ["gup", "--kernel-tree", KernelTrees.path("6.1"), "--space", seed, "--start", "0x1007ffff000", "--pages", "2"]
        let fixed = try pagefold(args)
        #expect(fixed.status == 0, "\(fixed.err)")
        #expect(fixed.out.contains("pages: 0x1007ffff000 0x10080000000"))
        let reverted = try pagefold(args + ["--patch", KernelTrees.revertGup61])
        #expect(reverted.status == 1, "\(reverted.err)")
        #expect(reverted.out.contains("pages: 0x1007ffff000 0x10000000000"))
        #expect(reverted.out.contains("stack-read: pud iteration 2 at 0x10080000000 read stack slot \(copySlot(.pud)) (copy of pud)"))
    }

    @Test("The 2 GB quirk is a finding on 6.1 and not on 6.12", .enabled(if: KernelTrees.available))
    func quirk() throws {
        let old = try CheckRun.run(try KernelTrees.build("6.1", .s390).build, options: .init(levels: [3]))
        #expect(old.passed)
        #expect(old.tally.findings.values.reduce(0, +) > 0)
        #expect(old.quirkNotes.contains { $0.contains("read-only 2 GB hugetlb page reads as writable") })
        let new = try CheckRun.run(try KernelTrees.build("6.12", .s390).build, options: .init(levels: [3]))
        #expect(new.passed)
        #expect(new.tally.findings.isEmpty)
    }

    @Test("The report names the tree's definitions and PageFold's stand-ins", .enabled(if: KernelTrees.available))
    func report() throws {
        let built = try KernelTrees.build("6.12", .s390)
        #expect(built.report.gupRoot == "gup_fast_pgd_range")
        #expect(built.report.used.contains { $0.name == "gup_fast_pud_range" && $0.location.hasPrefix("mm/gup.c:") })
        #expect(built.report.used.contains { $0.name == "pud_offset_lockless" && $0.location.hasPrefix("arch/s390/include/asm/pgtable.h:") })
        let standIn = try #require(built.report.standIns.first { $0.name == "try_grab_folio" })
        #expect(standIn.location.hasPrefix("include/pagefold/folio.h:"))
        #expect(built.report.standIns.first { $0.name == "__va" }?.why.contains("direct mapping") == true)
        // A second build of the same tree comes from the cache.
        #expect(try KernelTrees.build("6.12", .s390).cached)
    }

    @Test("A plain `diff -u orig/ new/` applies like git's a/ b/ form", .enabled(if: KernelTrees.available))
    func plainDiff() throws {
        // The same hunks under the names `diff -u orig/mm/gup.c new/mm/gup.c` writes, no git header.
        let git = try String(contentsOfFile: KernelTrees.revertGup61, encoding: .utf8)
        let hunks = git.components(separatedBy: "\n--- a/mm/gup.c\n")[1]
            .replacingOccurrences(of: "+++ b/mm/gup.c\n", with: "+++ new/mm/gup.c\t2026-01-01 00:00:00\n")
        let files = try TemporaryFiles()
        let plain = try files.write("plain.patch", "--- orig/mm/gup.c\t2026-01-01 00:00:00\n" + hunks)
        let r = try pagefold(["check", "--kernel-tree", KernelTrees.path("6.1"), "--patch", plain, "--levels", "3"])
        #expect(r.status == 1, "\(r.err)")
        #expect(r.out.contains("cause: stray read: pud iteration 2"), "\(r.out)")
        #expect(r.out.contains("+ plain.patch"))
    }

    @Test("A patch that does not apply is an input error with patch's own message", .enabled(if: KernelTrees.available))
    func patchDoesNotApply() throws {
        let r = try pagefold(["check", "--kernel-tree", KernelTrees.path("6.12"), "--patch", KernelTrees.revertGup61])
        #expect(r.status == 2)
        #expect(r.err.contains("does not apply"))
        #expect(r.err.contains("Hunk #1 FAILED") || r.err.contains("hunk"), "\(r.err)")
    }

    @Test("matrix --kernel-tree adds the tree's rows beside the variants", .enabled(if: KernelTrees.available))
    func matrixRow() throws {
        let r = try pagefold(["matrix", "--kernel-tree", KernelTrees.path("6.1"), "--patch", KernelTrees.revertGup61])
        #expect(r.status == 0, "\(r.err)")
        let rows = r.out.split(separator: "\n")
        let tree = rows.filter { $0.hasPrefix("this tree (6.1.") }.map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4) }
        let prefix = rows.filter { $0.hasPrefix("s390-prefix ") }.map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(1) }
        #expect(tree.count == 3)
        // Levels 3 to 5: the tree's cells are s390-prefix's.
        #expect(Array(tree) == Array(prefix.suffix(3)))
    }

    @Test("series: a step that breaks is named, a later fix is named, a regression at the end exits 1",
          .enabled(if: KernelTrees.available))
    func series() throws {
        let broken = try pagefold(["series", "--kernel-tree", KernelTrees.path("6.1"), KernelTrees.revertGup61])
        #expect(broken.status == 1, "\(broken.err)")
        #expect(broken.out.contains("step 1  + 6.1-revert-d3f7b1bb2040-gup.patch: FAIL"))
        #expect(broken.out.contains("fixed 0 cases; broke "))
        #expect(broken.out.contains("REGRESSION: after the series"))
        let repaired = try pagefold(["series", "--kernel-tree", KernelTrees.path("6.1"), KernelTrees.revertGup61, KernelTrees.fixGup61])
        #expect(repaired.status == 0, "\(repaired.err)")
        let broke = try #require(repaired.out.split(separator: "\n").first { $0.contains("; broke ") && !$0.contains("broke 0") })
        let words = broke.split(separator: " ")
        let count = try #require(words.firstIndex(of: "broke").map { words[$0 + 1] })
        #expect(repaired.out.contains("fixed \(count) cases"), "the fix repairs every case the revert broke")
        #expect(repaired.out.contains("no regression"))
    }
}
