import Foundation

/// How a header's definitions take the place of the base's, as if the header were a patch to the
/// base's files:
///  - a function with a base function's name replaces it where it stands: the base's body becomes
///    a declaration (in a scratch copy of its file), so every base caller calls the header's;
///  - a macro with a base macro's name is #undef'd first and then redefined: code after the header
///    (the loop templates) sees the new one, base code before it keeps the old one.
struct Replacement {
    /// Base macros the header redefines.
    let undefs: [String]
    /// Base function definitions the header's replace.
    let replaced: [Definition]
    let root: String
    let variantHeader: String

    init(header mine: [Definition], base theirs: [Definition], root: String, variantHeader: String) {
        let myFunctions = Set(mine.filter { $0.kind == .function }.map(\.name))
        let myMacros = Set(mine.filter { $0.kind == .macro }.map(\.name))
        let baseMacros = Set(theirs.filter { $0.kind == .macro }.map(\.name))
        undefs = myMacros.intersection(baseMacros).sorted()
        replaced = theirs.filter { $0.kind == .function && myFunctions.contains($0.name) }
        self.root = root
        self.variantHeader = variantHeader
    }

    /// Where the copies went: the variant header to include, and include directories to search
    /// before the PageFold tree's.
    struct Tree {
        let variantHeader: String
        let includeDirs: [String]
        let moved: [(copy: String, original: String)]

        /// A compiler's output with the copies' paths replaced by the originals'.
        func unmap(_ output: String) -> String {
            moved.reduce(output) { $0.replacingOccurrences(of: $1.copy, with: $1.original) }
        }
    }

    func write(into scratch: ScratchDirectory) throws -> Tree {
        guard !replaced.isEmpty else { return Tree(variantHeader: variantHeader, includeDirs: [], moved: []) }
        let include = "\(root)/include/"
        var moved: [(String, String)] = []
        var header = variantHeader
        for (file, defs) in Dictionary(grouping: replaced, by: \.file) {
            let copy: String
            if file.hasPrefix(include) {
                copy = scratch.file("include/" + file.dropFirst(include.count))
            } else if file == variantHeader {
                copy = scratch.file("variant/" + URL(fileURLWithPath: file).lastPathComponent)
                header = copy
            } else {
                continue
            }
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw PageFoldError("base: cannot read \(file)")
            }
            try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: copy).deletingLastPathComponent().path,
                                                    withIntermediateDirectories: true)
            try Replacement.declarationsOnly(text, defs).write(toFile: copy, atomically: false, encoding: .utf8)
            moved.append((copy, file))
        }
        return Tree(variantHeader: header, includeDirs: [scratch.file("include")], moved: moved)
    }

    /// The text with each definition's body, from its opening brace to its closing one, turned
    /// into `;`: a declaration on the same lines, so line numbers do not move.
    static func declarationsOnly(_ text: String, _ defs: [Definition]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for d in defs where d.line >= 1 && d.end <= lines.count {
            // From the name: the parameter list, then the body's brace.
            var l = d.line - 1
            guard var at = lines[l].range(of: d.name)?.upperBound else { continue }
            var depth = 0, seenParen = false, opened: (Int, String.Index)?
            scan: while l < lines.count {
                let line = lines[l]
                var i = at
                while i < line.endIndex {
                    switch line[i] {
                    case "(": depth += 1; seenParen = true
                    case ")": depth -= 1
                    case "{" where seenParen && depth == 0:
                        opened = (l, i)
                        break scan
                    default: break
                    }
                    i = line.index(after: i)
                }
                l += 1
                if l < lines.count { at = lines[l].startIndex }
            }
            guard let (openLine, openAt) = opened,
                  let closeAt = lines[d.end - 1].lastIndex(of: "}"), openLine <= d.end - 1 else { continue }
            for k in openLine...(d.end - 1) {
                let line = lines[k]
                let from = k == openLine ? openAt : line.startIndex
                let to = k == d.end - 1 ? line.index(after: closeAt) : line.endIndex
                let blank = k == openLine ? ";" + String(repeating: " ", count: max(0, line.distance(from: from, to: to) - 1))
                                          : String(repeating: " ", count: line.distance(from: from, to: to))
                lines[k] = String(line[..<from]) + blank + String(line[to...])
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// Why a header changed nothing the walkers run, name by name, and which of its macros reach only
/// the code after it. The verdict itself comes from comparing the compiled code; this explains it
/// from the definitions' text.
struct NoChange {
    let header: String
    let headerPath: String
    let base: Variant
    let mine: [Definition]
    let theirs: [Definition]
    let root: String

    private var templates: [String] {
        ["gup_fast.h", "pagewalk.h", "checks.h", "variant.h", "fault.h"].map { "\(root)/CShim/mm/\($0)" }
    }

    private func relative(_ file: String) -> String {
        file.hasPrefix(root + "/") ? String(file.dropFirst(root.count + 1)) : file
    }

    private func location(_ d: Definition) -> String {
        d.file == headerPath ? "\(header):\(d.line)" : "\(relative(d.file)):\(d.line)"
    }

    /// The text of a definition.
    private func body(_ d: Definition, _ cache: inout [String: [Substring]]) -> Substring {
        if cache[d.file] == nil {
            cache[d.file] = (try? String(contentsOfFile: d.file, encoding: .utf8))?
                .split(separator: "\n", omittingEmptySubsequences: false) ?? []
        }
        let lines = cache[d.file]!
        guard d.line >= 1, d.end <= lines.count, d.line <= d.end else { return "" }
        return lines[(d.line - 1)...(d.end - 1)].joined(separator: "\n")[...]
    }

    /// The base functions, compiled before the header, whose code uses `name`: directly, or through
    /// base macros (which expand where they are used). The header's own definitions are not theirs.
    private func users(of name: String) -> [Definition] {
        var cache: [String: [Substring]] = [:]
        let redefined = Set(mine.map(\.name))
        var out: [Definition] = []
        var seen: Set<String> = [name]
        var work = [name]
        while let n = work.popLast() {
            for d in theirs where d.name != n && !redefined.contains(d.name) && d.kind != .prototype
                && identifiers(in: body(d, &cache)).contains(n[...]) {
                if d.kind == .function {
                    if !out.contains(d) { out.append(d) }
                } else if seen.insert(d.name).inserted {
                    work.append(d.name)
                }
            }
        }
        return out
    }

    /// Every name the templates use, and what the base definitions of those names use in turn.
    private func reachable() -> Set<Substring> {
        var cache: [String: [Substring]] = [:]
        var seen: Set<Substring> = []
        var work: [Substring] = []
        for file in templates {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            work += identifiers(in: text[...])
        }
        let byName = Dictionary(grouping: theirs + mine.filter { $0.kind != .prototype }, by: \.name)
        while let name = work.popLast() {
            guard seen.insert(name).inserted else { continue }
            for d in byName[String(name)] ?? [] { work += identifiers(in: body(d, &cache)) }
        }
        return seen
    }

    private var templateNames: Set<Substring> {
        templates.reduce(into: []) { names, file in
            if let text = try? String(contentsOfFile: file, encoding: .utf8) { names.formUnion(identifiers(in: text[...])) }
        }
    }

    var message: String {
        let reach = reachable()
        let direct = templateNames
        var lines = ["header: \(header) changed nothing the walkers run: with it, they compile to the code \(base.name) already runs."]
        let defined = mine.filter { $0.kind == .function || $0.kind == .macro }
        for d in defined {
            let earlier = users(of: d.name).filter { reach.contains($0.name[...]) }
            if d.kind == .macro && !direct.contains(d.name[...]) && !earlier.isEmpty {
                lines.append("  \(d.name) (\(location(d))) is redefined after the code that uses it was compiled:")
                lines += earlier.prefix(8).map { "    \($0.name) (\(location($0)))" }
                lines.append("    redefine \(earlier.count == 1 ? "that" : "one of those") instead (paste it into the header, using your \(d.name))")
            } else if reach.contains(d.name[...]) {
                lines.append("  \(d.name) (\(location(d))) compiles to the code the base already has")
            } else {
                lines.append("  \(d.name) (\(location(d))): nothing the walkers run uses it")
            }
        }
        if defined.isEmpty {
            lines.append("  it defines no function or macro")
        }
        return lines.joined(separator: "\n")
    }

    /// Notes for a header that did change something: macros it redefines whose base users were
    /// compiled before it and keep the old definition.
    func laterOnly(plan: Replacement) -> [String] {
        guard !plan.undefs.isEmpty else { return [] }
        let reach = reachable()
        return plan.undefs.compactMap { name in
            let earlier = users(of: name).filter { reach.contains($0.name[...]) && !plan.replaced.map(\.name).contains($0.name) }
            guard !earlier.isEmpty, let d = mine.first(where: { $0.name == name }) else { return nil }
            return "\(name) (\(location(d))) reaches only the code after the header; these keep the old one: "
                + earlier.prefix(6).map { "\($0.name) (\(location($0)))" }.joined(separator: ", ")
        }
    }
}
