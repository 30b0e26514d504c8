import Foundation

/// A kernel tree's walk built into a variant library, like a header's (HeaderBuild), with the
/// record of what in it is the tree's and what PageFold stood in for.
public struct TreeBuild: Sendable {
    public let tree: KernelTree
    public let build: HeaderBuild
    public let report: TreeReport
    /// Whether the library came from the cache.
    public let cached: Bool
}

/// What a tree's library is made of (docs/kernel-tree.md).
public struct TreeReport: Codable, Sendable {
    public struct Used: Codable, Sendable {
        public let kind: String
        public let name: String
        public let location: String
    }
    public struct StandIn: Codable, Sendable {
        public let name: String
        public let location: String
        public let why: String
    }
    public let version: String
    public let gupRoot: String
    public let patched: [String]
    public let used: [Used]
    public let standIns: [StandIn]
    public let loops: Int, copies: Int, reads: Int
    public let notes: [String]

    /// One paragraph: how much of the walk is the tree's own, from which files, and the stand-ins.
    public var summary: [String] {
        var byFile: [String: Int] = [:]
        for u in used where u.kind == "function" { byFile[String(u.location.split(separator: ":").first ?? ""), default: 0] += 1 }
        let files = byFile.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let functions = used.filter { $0.kind == "function" }.count
        var lines = ["the tree's own code (\(version)\(patched.isEmpty ? "" : ", patched: " + patched.joined(separator: ", "))): \(used.count) definitions, \(functions) of them functions (\(files)); gup root \(gupRoot)()",
                     "instrumented: \(loops) loops, \(copies) copies taken by address, \(reads) reads without READ_ONCE()",
                     "PageFold stands in for \(standIns.count): \(standIns.map(\.name).joined(separator: ", "))"]
        lines += notes.map { "note: \($0)" }
        return lines
    }
}

extension TreeBuild {
    /// Copy, patch, extract, instrument, compile and link; or take the library a run with the same
    /// files, patches, config and PageFold sources left in the cache.
    public static func make(_ tree: KernelTree, timeout: Double = HeaderCompiler.defaultTimeout) throws -> TreeBuild {
        let root = HeaderCompiler.sourceRoot
        let compiler = HeaderCompiler.compiler
        let scratch = try ScratchDirectory()
        let copy = try TreeCopy.make(tree, in: scratch, timeout: timeout)
        let base = try Variant.named(tree.profile.nearestVariant(tree.version))

        var hash = FNV()
        hash.add(BuildCache.sourceKey(root: root, compiler: compiler))
        hash.add("\(tree.arch.rawValue) \(tree.version)")
        // The extractor and instrumenter are this program: another build of it builds anew.
        var st = stat()
        if let exe = Bundle.main.executablePath, stat(exe, &st) == 0 { hash.add("\(exe) \(st.st_size) \(st.st_mtim.tv_sec)") }
        for f in copy.files.sorted() {
            hash.add(f)
            if let data = FileManager.default.contents(atPath: "\(copy.src)/\(f)") { hash.add(data) }
        }
        let cacheDir = BuildCache.directory(named: "pagefold").map { "\($0)/trees/\(hash.hex)" }
        if let dir = cacheDir, let data = FileManager.default.contents(atPath: "\(dir)/report.json"),
           let report = try? JSONDecoder().decode(TreeReport.self, from: data),
           FileManager.default.fileExists(atPath: "\(dir)/libtree_variant.so") {
            return TreeBuild(tree: tree, build: HeaderBuild(header: tree.subject, base: base, library: "\(dir)/libtree_variant.so",
                                                            warnings: "", notes: [], scratch: scratch),
                             report: report, cached: true)
        }

        let extract = try Extractor(tree: tree, copy: copy, scratch: scratch, root: root, timeout: timeout).run()
        let source = scratch.file("tree_variant.c")
        try extract.unit.write(toFile: source, atomically: true, encoding: .utf8)
        // A unit that does not build is kept where the error can point at it.
        func kept(_ error: Error) -> Error {
            guard let dir = cacheDir, (try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)) != nil else { return error }
            try? FileManager.default.removeItem(atPath: "\(dir)/unbuilt.c")
            guard (try? FileManager.default.copyItem(atPath: source, toPath: "\(dir)/unbuilt.c")) != nil else { return error }
            return PageFoldError("\(error)\n(the unit PageFold made: \(dir)/unbuilt.c)")
        }
        let ast: ASTNode
        do { ast = try ClangAST.dump(source, includeDirs: ["\(root)/include"], timeout: timeout) } catch { throw kept(error) }
        var instrumenter = try Instrumenter(source: source, walkFunctions: extract.walkFunctions)
        let instrumented = instrumenter.run(ast)
        try instrumented.text.write(toFile: source, atomically: true, encoding: .utf8)

        let object = scratch.file("tree_variant.o")
        let library = scratch.file("libtree_variant.so")
        let (end, output) = try HeaderCompiler.run([compiler] + HeaderCompiler.flags + ["-fno-diagnostics-show-caret", "-I", "\(root)/include", "-c", "-o", object, source],
                                                   timeout: timeout, on: tree.root)
        guard end == .exited(0) else {
            throw kept(PageFoldError("kernel-tree: \(compiler) cannot build the walk of \(tree.subject) on PageFold's stand-ins:\n\(output)"))
        }
        let cache = BuildCache(root: root, compiler: compiler, scratch: scratch)
        let support = try cache.support(timeout: timeout)
        let (linked, ldOutput) = try HeaderCompiler.run([compiler, "-shared", "-Wl,-z,defs", "-Wl,--wrap=exit,--wrap=_exit", "-o", library, object] + support,
                                                        timeout: timeout, on: tree.root)
        guard linked == .exited(0) else {
            throw kept(PageFoldError("kernel-tree: the walk of \(tree.subject) uses what neither the tree nor PageFold's stand-ins define:\n\(ldOutput)"))
        }
        let report = TreeReport(version: tree.version.description, gupRoot: extract.gupRoot, patched: copy.patched.sorted(),
                                used: extract.used.map { .init(kind: $0.kind, name: $0.name, location: $0.location) },
                                standIns: extract.standIns.map { .init(name: $0.name, location: $0.location, why: $0.why) },
                                loops: instrumented.loops, copies: instrumented.copies, reads: instrumented.reads,
                                notes: instrumented.notes)
        var kept = library
        if let dir = cacheDir, (try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)) != nil,
           let json = try? JSONEncoder().encode(report) {
            let temp = "\(dir)/.\(getpid()).so"
            try? FileManager.default.removeItem(atPath: "\(dir)/tree_variant.c")
            try? FileManager.default.copyItem(atPath: source, toPath: "\(dir)/tree_variant.c")   // to read what was built
            if (try? FileManager.default.copyItem(atPath: library, toPath: temp)) != nil, rename(temp, "\(dir)/libtree_variant.so") == 0,
               FileManager.default.createFile(atPath: "\(dir)/report.json", contents: json) {
                kept = "\(dir)/libtree_variant.so"
            }
        }
        return TreeBuild(tree: tree, build: HeaderBuild(header: tree.subject, base: base, library: kept,
                                                        warnings: "", notes: [], scratch: scratch),
                         report: report, cached: false)
    }
}
