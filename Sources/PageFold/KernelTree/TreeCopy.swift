import Foundation

/// The files kernel-tree mode reads, copied out of the tree into a scratch directory with the
/// patches applied there by patch(1): the tree itself is only ever read.
struct TreeCopy {
    /// The copy's root: the tree's layout, only the files read and the files patched.
    let src: String
    /// Tree-relative files a patch changed.
    let patched: Set<String>
    /// Tree-relative files present in the copy.
    let files: [String]

    static func make(_ tree: KernelTree, in scratch: ScratchDirectory, timeout: Double) throws -> TreeCopy {
        let src = scratch.file("src")
        var files = tree.profile.files.filter { FileManager.default.fileExists(atPath: "\(tree.root)/\($0)") }
        let touched = try tree.patches.map { try Touched(patch: $0, tree: tree.root) }
        for f in touched.flatMap(\.files) where !files.contains(f) && FileManager.default.fileExists(atPath: "\(tree.root)/\(f)") {
            files.append(f)
        }
        for f in files { try copy("\(tree.root)/\(f)", to: "\(src)/\(f)") }
        try apply(tree, touched, in: src, timeout: timeout)
        for f in touched.flatMap(\.files) where !files.contains(f) && FileManager.default.fileExists(atPath: "\(src)/\(f)") {
            files.append(f)
        }
        return TreeCopy(src: src, patched: Set(touched.flatMap(\.files)), files: files)
    }

    /// Apply the tree's patches, in order, with patch(1) to a copy at `dir` of the files they touch.
    static func apply(_ tree: KernelTree, _ touched: [Touched], in dir: String, timeout: Double) throws {
        guard !tree.patches.isEmpty else { return }
        guard let patch = findExecutable("patch") else {
            throw PageFoldError("patch: not found; install it (apt-get install patch)")
        }
        for (path, t) in zip(tree.patches, touched) {
            let process = try Subprocess([patch, "-p\(t.strip)", "--batch", "--forward", "--no-backup-if-mismatch",
                                          "--reject-file=-", "-d", dir, "-i", path])
            let (end, output) = process.wait(limit: timeout)
            guard end == .exited(0) else {
                throw PageFoldError("patch: \(path) does not apply to \(tree.root):\n\(output)")
            }
        }
    }

    /// Copy one file, making the directories it needs.
    static func copy(_ from: String, to: String) throws {
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: to).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        guard let data = FileManager.default.contents(atPath: from), FileManager.default.createFile(atPath: to, contents: data) else {
            throw PageFoldError("kernel-tree: cannot copy \(from)")
        }
    }

    /// The files a unified diff changes, from its `+++` lines, and the -p level that makes them
    /// tree-relative: 1 for git's `a/` and `b/` prefixes (format-patch, git diff) or a plain
    /// `diff -u old/ new/` whose names, first directory dropped, are the tree's; else 0.
    struct Touched {
        let files: [String]
        let strip: Int

        init(patch path: String, tree root: String) throws {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw PageFoldError("patch: cannot read \(path) as text")
            }
            var names: [String] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("+++ ") {
                let name = line.dropFirst(4).split(separator: "\t").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
                if name != "/dev/null" && !name.isEmpty { names.append(name) }
            }
            guard !names.isEmpty else { throw PageFoldError("patch: \(path) is not a unified diff (no +++ line)") }
            let inTree = { (name: String) in FileManager.default.fileExists(atPath: "\(root)/\(name)") }
            let dropped = names.map { $0.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? $0 }
            let gitPrefixed = names.allSatisfy { $0.hasPrefix("b/") }
            let plainPrefixed = !names.allSatisfy(inTree) && dropped.contains(where: inTree)
            let strip = gitPrefixed || plainPrefixed ? 1 : 0
            let files = strip == 1 ? dropped : names
            (self.strip, self.files) = (strip, files)
            if let outside = files.first(where: { $0.hasPrefix("/") || $0.split(separator: "/").contains("..") }) {
                throw PageFoldError("patch: \(path) names \(outside), outside the tree")
            }
        }
    }
}
