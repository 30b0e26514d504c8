import Foundation

/// Takes a tree's walk out of its files, by definition: the C preprocessor resolves the
/// configuration (`-fdirectives-only`: conditionals decided, macros kept, nothing expanded),
/// universal-ctags finds every definition with its line range, and the closure from the walk's
/// roots, through the names each definition uses, decides what is the tree's own code; what
/// PageFold stands in for (include/pagefold/standins/) stops it. The result keeps the tree's order
/// and points each definition at its file and line with `#line`.
struct Extractor {
    let tree: KernelTree
    let copy: TreeCopy
    let scratch: ScratchDirectory
    let root: String
    let timeout: Double

    /// A definition ctags found, in the preprocessed file's lines.
    struct Tag {
        let name: String
        let kind: String
        let line: Int
        let end: Int
        let typeref: String?
        let scope: String?
    }

    /// What went into the unit, for the report and the instrumenter.
    struct Extract {
        /// The unit, before instrumentation.
        let unit: String
        /// The tree's definitions used, in order: kind, name, tree-relative file:line.
        let used: [(kind: String, name: String, location: String)]
        /// Stand-ins used: name, where PageFold defines it, and why.
        let standIns: [(name: String, location: String, why: String)]
        /// Functions on the walks' paths (instrumented); the rest (the leaf writer's) are not.
        let walkFunctions: Set<String>
        /// The gup walk's root: gup_pgd_range up to v6.10, gup_fast_pgd_range from v6.11.
        let gupRoot: String
    }

    func run() throws -> Extract {
        let unitI = try preprocess()
        let lines = try String(contentsOfFile: unitI, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let origin = Self.origins(lines, src: copy.src)
        let tags = try ctags([unitI], kinds: "+plzDx")
        var defs: [String: [Tag]] = [:]
        var anonymous: [String: Tag] = [:]
        for t in tags {
            switch t.kind {
            case "member", "parameter", "local", "macroparam", "header", "label", "macroundef":
                continue
            default:
                if t.name.hasPrefix("__anon") { anonymous[t.name] = t } else { defs[t.name, default: []].append(t) }
            }
        }
        let standIns = try StandIns(root: root, header: tree.profile.standIns, timeout: timeout)
        guard let gupRoot = ["gup_fast_pgd_range", "gup_pgd_range"].first(where: { name in
            defs[name]?.contains { $0.kind == "function" } == true
        }) else {
            throw PageFoldError("kernel-tree: \(tree.root)/mm/gup.c defines neither gup_fast_pgd_range() nor gup_pgd_range(): no GUP-fast walk to judge (CONFIG_HAVE_FAST_GUP?)")
        }
        guard defs["walk_pgd_range"]?.contains(where: { $0.kind == "function" }) == true else {
            throw PageFoldError("kernel-tree: \(tree.root)/mm/pagewalk.c does not define walk_pgd_range()")
        }
        let profile = tree.profile
        let optional = profile.optionalRoots.filter { defs[$0] != nil }
        let closure = Closure(lines: lines, defs: defs, anonymous: anonymous, standIns: standIns)
        // kconfig.h's IS_ENABLED() pastes __ARG_PLACEHOLDER_ and the option's value: no text names it.
        let all = closure.run(roots: [gupRoot, "walk_pgd_range", "__ARG_PLACEHOLDER_1"] + profile.glueRoots + optional)
        let walk = closure.run(roots: [gupRoot, "walk_pgd_range", "pgd_offset", "p4d_offset", "pud_offset", "pmd_offset",
                                       "pte_offset_kernel", "pte_offset_map"])
        let missingRoots = profile.glueRoots.filter { defs[$0] == nil && standIns.names[$0] == nil }
        guard missingRoots.isEmpty else {
            throw PageFoldError("kernel-tree: the tree defines none of \(missingRoots.joined(separator: ", ")), which PageFold writes and reads \(tree.arch.rawValue) entries with")
        }

        var out = ["/* The walk of \(tree.subject) (\(tree.version), \(tree.arch.rawValue)), taken out by PageFold. */"]
        out += profile.config.map { "#define \($0.0) \($0.1)" }
        out += ["#include <pagefold/standins/\(profile.standIns)>", "#include \"\(root)/CShim/tree/hooks.h\""]
        var used: [(String, String, String)] = []
        for d in all.chosen {
            let (file, line) = origin[d.start] ?? ("?", 0)
            out.append("#line \(line) \"\(file)\"")
            out.append(contentsOf: lines[(d.start - 1)...(d.end - 1)].map(String.init))
            used.append((d.tag.kind, d.tag.name, "\(file):\(line)"))
            if d.tag.name == "pgd_t" && d.tag.kind == "typedef" {
                out.append("#include <pagefold/standins/late.h>")
            }
        }
        out.append("#line 1 \"<PageFold's glue>\"")
        out += optional.map { "#define PF_TREE_HAS_\($0) 1" }
        let base = try Variant.named(profile.nearestVariant(tree.version))
        out += [
            "#define PF_TREE_GUP_ROOT \(gupRoot)",
            "#define PF_TREE_ARCH_GLUE \"\(root)/CShim/tree/\(profile.glue)\"",
            "#define PF_TREE_INFO .name = \"tree\", .arch_name = \"\(tree.arch.rawValue)\", .reference = \"\", \\",
            "    .summary = \"\", .era = \"\(tree.version)\", .arch = \(tree.arch.cName), .quirks = \(base.quirksC), \\",
            "    .min_levels = \(base.levels.lowerBound), .max_levels = \(base.levels.upperBound)",
            "#include \"\(root)/CShim/tree/glue.h\"",
        ]
        let usedStandIns = all.standIns.sorted().compactMap { name in standIns.names[name].map { (name, $0.location, $0.why) } }
        return Extract(unit: out.joined(separator: "\n") + "\n", used: used, standIns: usedStandIns,
                       walkFunctions: Set(walk.chosen.filter { $0.tag.kind == "function" }.map(\.tag.name)),
                       gupRoot: gupRoot)
    }

    /// The copy's files run through the preprocessor in the order a kernel build sees them: the
    /// config, kconfig.h, the generic headers (which include the arch's), then the .c files.
    /// Every #include of a file PageFold does not read is an empty stub.
    private func preprocess() throws -> String {
        let stubs = scratch.file("stubs")
        let includeDirs = tree.profile.includeDirs.map { "\(copy.src)/\($0)" }
        for file in copy.files {
            guard let text = try? String(contentsOfFile: "\(copy.src)/\(file)", encoding: .utf8) else { continue }
            let here = URL(fileURLWithPath: "\(copy.src)/\(file)").deletingLastPathComponent().path
            for name in Self.includes(in: text) {
                let found = ([here] + includeDirs).contains { FileManager.default.fileExists(atPath: "\($0)/\(name)") }
                guard !found, !name.contains("..") else { continue }
                let stub = "\(stubs)/\(name)"
                try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: stub).deletingLastPathComponent().path,
                                                        withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: stub, contents: Data()) else {
                    throw PageFoldError("kernel-tree: cannot write \(stub)")
                }
            }
        }
        var unit = tree.profile.config.map { "#define \($0.0) \($0.1)" }
        unit += ["#include <linux/kconfig.h>", "#include <linux/pgtable.h>", "#include <linux/mm.h>", "#include <linux/pagewalk.h>"]
        let sources = copy.files.filter { $0.hasSuffix(".c") }
        unit += sources.filter { $0.hasPrefix("arch/") } .map { "#include \"\(copy.src)/\($0)\"" }
        unit += sources.filter { !$0.hasPrefix("arch/") }.map { "#include \"\(copy.src)/\($0)\"" }
        let source = scratch.file("walk-unit.c")
        try (unit.joined(separator: "\n") + "\n").write(toFile: source, atomically: true, encoding: .utf8)
        let output = scratch.file("walk-unit.i")
        let args = [HeaderCompiler.compiler, "-E", "-fdirectives-only", "-nostdinc"]
            + (includeDirs + [stubs]).flatMap { ["-I", $0] } + ["-o", output, source]
        let (end, text) = try HeaderCompiler.run(args, timeout: timeout, on: tree.root)
        guard end == .exited(0) else {
            throw PageFoldError("kernel-tree: the preprocessor failed on \(tree.subject):\n\(text.replacingOccurrences(of: copy.src + "/", with: ""))")
        }
        return output
    }

    /// The names of a file's #include directives (<…> and "…").
    static func includes(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            var t = line.drop { $0 == " " || $0 == "\t" }
            guard t.first == "#" else { return nil }
            t = t.dropFirst().drop { $0 == " " || $0 == "\t" }
            guard t.hasPrefix("include") else { return nil }
            t = t.dropFirst("include".count).drop { $0 == " " || $0 == "\t" }
            guard let open = t.first, open == "<" || open == "\"" else { return nil }
            let close: Character = open == "<" ? ">" : "\""
            return t.dropFirst().split(separator: close, maxSplits: 1).first.map(String.init)
        }
    }

    /// Which file and line each line of the preprocessed output came from, by GCC's linemarkers
    /// (`# LINE "FILE" FLAGS`); files in the copy become tree-relative.
    static func origins(_ lines: [Substring], src: String) -> [Int: (String, Int)] {
        var map: [Int: (String, Int)] = [:]
        var file = "?", line = 0
        for (i, text) in lines.enumerated() {
            if text.hasPrefix("# "), let marker = marker(text) {
                file = marker.file.hasPrefix(src + "/") ? String(marker.file.dropFirst(src.count + 1)) : marker.file
                line = marker.line
                continue
            }
            map[i + 1] = (file, line)
            line += 1
        }
        return map
    }

    private static func marker(_ text: Substring) -> (line: Int, file: String)? {
        let parts = text.dropFirst(2).split(separator: " ", maxSplits: 1)
        guard parts.count == 2, let n = Int(parts[0]), parts[1].first == "\"" else { return nil }
        let name = parts[1].dropFirst().prefix { $0 != "\"" }
        return (n, String(name))
    }

    /// universal-ctags over files: every definition with its line range (docs: kernel-tree-notes).
    func ctags(_ files: [String], kinds: String) throws -> [Tag] {
        guard let ctags = findExecutable("ctags") else {
            throw PageFoldError("ctags: not found; install universal-ctags (apt-get install universal-ctags)")
        }
        let out = scratch.file("tags.json")   // megabytes: a file, not the pipe
        let args = [ctags, "--output-format=json", "--fields=+neKStZ", "--kinds-C=\(kinds)", "--language-force=C",
                    "--sort=no", "-o", out] + files
        let (end, output) = try Subprocess(args).wait(limit: timeout)
        guard end == .exited(0), let text = try? String(contentsOfFile: out, encoding: .utf8) else {
            throw PageFoldError("ctags: failed (\(end)):\n\(output)")
        }
        return Self.parse(text)
    }

    static func parse(_ output: String) -> [Tag] {
        output.split(separator: "\n").compactMap { line -> Tag? in
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  o["_type"] as? String == "tag", let name = o["name"] as? String, let kind = o["kind"] as? String,
                  let first = o["line"] as? Int else { return nil }
            return Tag(name: name, kind: kind, line: first, end: o["end"] as? Int ?? first,
                       typeref: o["typeref"] as? String, scope: o["scope"] as? String)
        }
    }
}

/// The names PageFold stands in for, with where and why (the section comment above each).
struct StandIns {
    let names: [String: (location: String, why: String, body: String)]

    init(root: String, header: String, timeout: Double) throws {
        let dir = "\(root)/include/pagefold"
        let files = ["\(dir)/standins/common.h", "\(dir)/standins/\(header)", "\(dir)/standins/late.h",
                     "\(dir)/seam.h", "\(dir)/folio.h", "\(dir)/tree.h"]
        guard let ctags = findExecutable("ctags") else {
            throw PageFoldError("ctags: not found; install universal-ctags (apt-get install universal-ctags)")
        }
        var names: [String: (String, String, String)] = [:]
        for file in files {
            let (end, output) = try Subprocess([ctags, "--output-format=json", "--fields=+ne", "--kinds-C=+p",
                                                "--language-force=C", "--sort=no", "-o", "-", file]).wait(limit: timeout)
            guard end == .exited(0), let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw PageFoldError("ctags: failed on \(file)")
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for t in Extractor.parse(output) where !["member", "header"].contains(t.kind) && names[t.name] == nil {
                let body = lines[(t.line - 1)..<min(t.end, lines.count)].joined(separator: "\n")
                let relative = "include/pagefold/" + file.dropFirst(dir.count + 1)
                names[t.name] = ("\(relative):\(t.line)", Self.why(lines, before: t.line), body)
            }
        }
        self.names = names
    }

    /// The comment that heads a stand-in: the nearest `/* ... */` block above it.
    static func why(_ lines: [Substring], before line: Int) -> String {
        var i = line - 2
        while i >= 0 && !lines[i].contains("*/") { i -= 1 }
        guard i >= 0 else { return "" }
        var block: [Substring] = []
        var j = i
        while j >= 0 {
            block.insert(lines[j], at: 0)
            if lines[j].contains("/*") { break }
            j -= 1
        }
        return block.joined(separator: " ")
            .replacingOccurrences(of: "/*", with: "").replacingOccurrences(of: "*/", with: "")
            .replacingOccurrences(of: "----", with: "").split(separator: " ").filter { $0 != "*" }
            .joined(separator: " ")
    }
}
