/// The tree's definitions a walk reaches: from the roots, through every identifier in a reached
/// definition's text, to a fixpoint. A name PageFold stands in for is not taken from the tree; the
/// names its stand-in uses are followed instead.
struct Closure {
    let lines: [Substring]
    let defs: [String: [Extractor.Tag]]
    let anonymous: [String: Extractor.Tag]
    let standIns: StandIns

    struct Chosen {
        let tag: Extractor.Tag
        let start: Int
        let end: Int
    }

    struct Result {
        /// In the preprocessed file's order, none inside another.
        let chosen: [Chosen]
        let standIns: Set<String>
    }

    func run(roots: [String]) -> Result {
        var seen: Set<String> = []
        var work = roots
        var chosen: [Chosen] = []
        var usedStandIns: Set<String> = []
        while let name = work.popLast() {
            guard seen.insert(name).inserted, !Self.keywords.contains(name) else { continue }
            if let s = standIns.names[name] {
                usedStandIns.insert(name)
                work += identifiers(in: s.body[...]).map(String.init)
                continue
            }
            guard let tags = defs[name] else { continue }
            // Prototypes too: a kernel header declares a function that a .c file defines later.
            for t in tags {
                let (start, end) = range(t)
                chosen.append(Chosen(tag: t, start: start, end: end))
                work += identifiers(in: lines[(start - 1)...(end - 1)].joined(separator: "\n")[...]).map(String.init)
                if t.kind == "enumerator", let scope = t.scope?.split(separator: ":").last { work.append(String(scope)) }
                if let anon = anonymousRef(t) { work += identifiers(in: lines[(anon.line - 1)...(anon.end - 1)].joined(separator: "\n")[...]).map(String.init) }
            }
        }
        // Whole definitions once: an enumerator or a typedef's struct lies inside what holds it.
        chosen.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
        var kept: [Chosen] = []
        for c in chosen {
            if let last = kept.last, c.start >= last.start && c.end <= last.end { continue }
            kept.append(c)
        }
        return Result(chosen: kept, standIns: usedStandIns)
    }

    private func anonymousRef(_ t: Extractor.Tag) -> Extractor.Tag? {
        guard let ref = t.typeref, let colon = ref.firstIndex(of: ":") else { return nil }
        return anonymous[String(ref[ref.index(after: colon)...])]
    }

    /// A definition's lines: a function from its return type (which may sit on the lines above
    /// its name), a typedef of an unnamed struct from the struct's opening line.
    private func range(_ t: Extractor.Tag) -> (Int, Int) {
        var start = t.line, end = max(t.end, t.line)
        if t.kind == "typedef" {
            if let anon = anonymousRef(t) { start = min(start, anon.line) }
            end = t.line
        }
        if t.kind == "function" || t.kind == "prototype" {
            while start > 1 {
                let above = lines[start - 2].trimmingCharacters(in: .whitespaces)
                if above.isEmpty || above.hasPrefix("#") || above.hasSuffix(";") || above.hasSuffix("}")
                    || above.hasSuffix("{") || above.hasSuffix("*/") { break }
                start -= 1
            }
        }
        return (start, end)
    }

    static let keywords: Set<String> = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "_Bool",
        "bool", "true", "false", "NULL", "typeof", "__typeof__", "asm", "__asm__", "__volatile__", "defined",
    ]
}
