/// The walk as a picture, like the one drawn by hand in the seed thread: one band per level, one
/// line per loop iteration with the range it covered and the entry its pointer designated, the
/// pointer moves (pXdp++) between iterations, and stray reads marked.
public struct Picture {
    public let title: String
    public let runs: StepRuns
    public let events: [Event]
    public let footer: [String]

    /// A gup run; `runs` when its steps were streamed rather than kept.
    public init(gup r: GupResult, space: AddressSpace, runs: StepRuns? = nil) {
        title = "\(r.variant): gup_fast \(hex(r.start)) + \(r.nrPages) pages (\(space.arch.rawValue), \(space.levels) levels)"
        self.runs = runs ?? StepRuns(r.steps)
        events = r.events
        var expected = 0, wrong = 0
        Oracle.forEachGupFrame(space, start: r.start, nrPages: r.nrPages, write: r.write, quirks: r.quirks) { i, frame in
            expected += 1
            if i < r.frames.count && r.frames[i] != frame { wrong += 1 }
        }
        footer = ["pages: " + Picture.pageList(r.pageAddresses, pageSize: space.arch.pageSize),
                  "\(r.nr) of \(r.nrPages) recorded, \(wrong) wrong, the oracle expects \(expected)"]
            + Picture.cut(r.eventsCut)
    }

    /// A walk run; `runs` when its steps were streamed rather than kept.
    public init(walk r: WalkResult, space: AddressSpace, runs: StepRuns? = nil) {
        title = "\(r.variant): walk_page_range_novma \(hex(r.start))-\(hex(r.end)) (\(space.arch.rawValue), \(space.levels) levels)"
        self.runs = runs ?? StepRuns(r.steps)
        events = r.events
        let holes = r.holes
        footer = holes.prefix(12).map { "hole \(hex($0.start))-\(hex($0.end)) depth \($0.depth ?? -1)" }
            + (holes.count > 12 ? ["… \(holes.count - 12) more holes"] : []) + Picture.cut(r.eventsCut)
    }

    static func cut(_ n: Int) -> [String] {
        n == 0 ? [] : ["\(n) more events were cut from the record (stray stack reads never are)"]
    }

    /// Recorded pages as addresses, runs of consecutive pages as one span.
    static func pageList(_ addresses: [UInt64?], pageSize: UInt64) -> String {
        guard !addresses.isEmpty else { return "none" }
        var spans: [String] = []
        var i = 0
        while i < addresses.count {
            guard let a = addresses[i] else {
                spans.append("?")
                i += 1
                continue
            }
            var j = i + 1
            while j < addresses.count, let b = addresses[j], b == a + UInt64(j - i) * pageSize { j += 1 }
            spans.append(j - i > 2 ? "\(hex(a))…\(hex(a + UInt64(j - i - 1) * pageSize)) (\(j - i) pages)"
                                  : (i..<j).map { hex(addresses[$0]!) }.joined(separator: " "))
            i = j
        }
        return spans.count > 24 ? spans.prefix(12).joined(separator: " ") + " … " + spans.suffix(12).joined(separator: " ")
                                : spans.joined(separator: " ")
    }

    /// A stray read happened at this step.
    func isStray(_ s: Step) -> Bool {
        events.contains { $0.kind == .stackRead && $0.level == s.level && $0.iteration == s.iteration && $0.addr == s.addr }
    }

    func broke(_ s: Step) -> [String] {
        events.filter { ($0.kind == .invariantA || $0.kind == .invariantB) && $0.level == s.level && $0.iteration == s.iteration && $0.addr == s.addr }
            .map { $0.kind == .invariantA ? "(a)" : "(b)" }
    }

    /// Invariant breaks inside a run of bodies.
    func broke(_ run: StepRuns.Run) -> String {
        let inside = events.filter {
            ($0.kind == .invariantA || $0.kind == .invariantB) && $0.level == run.first.level &&
                $0.iteration >= run.first.iteration && $0.iteration <= run.last.iteration &&
                $0.addr >= run.first.addr && $0.addr < run.last.next
        }
        let a = inside.count { $0.kind == .invariantA }, b = inside.count { $0.kind == .invariantB }
        return [a > 0 ? "(a) ×\(a)" : nil, b > 0 ? "(b) ×\(b)" : nil].compactMap { $0 }.joined(separator: " ")
    }

    /// Plain text; with `color`, stray reads are red (ANSI). A run of more than a few alike
    /// bodies is one line, and past the first and last few lines of a level the rest are counted.
    public func text(color: Bool) -> String {
        let red = color ? "\u{1b}[31;1m" : "", reset = color ? "\u{1b}[0m" : ""
        var lines = [title, ""]
        for level in Level.allCases {
            var first = true
            for run in runs.lines(level) {
                let band = first ? level.description.padding(3) + " │" : "    │"
                first = false
                guard let run else {
                    let (r, n) = runs.elided(level)
                    lines.append("\(band)    … \(n) more iterations in \(r) more lines like these …")
                    continue
                }
                if run.count <= StepRuns.shownAlone {
                    for (k, s) in run.steps.prefix(run.count).enumerated() {
                        let move = s.iteration > 1 ? "++→" : "   "
                        let range = "[\(hex(s.addr)), \(hex(s.next)))"
                        let value = s.value.map { " = " + hex($0) } ?? ""
                        var line = "\(k == 0 ? band : "    │") \(move) #\(s.iteration) \(range.padding(34)) \(s.place.description)\(value)"
                        let marks = broke(s)
                        if !marks.isEmpty { line += "  breaks " + marks.joined(separator: " ") }
                        if isStray(s) { line = red + line + "  ← STRAY STACK READ" + reset }
                        lines.append(line)
                    }
                    continue
                }
                guard case let .table(tl, pa, i0) = run.first.place, case let .table(_, _, i1) = run.last.place else { continue }
                let move = run.first.iteration > 1 ? "++→" : "   "
                let range = "[\(hex(run.first.addr)), \(hex(run.last.next)))"
                var line = "\(band) \(move) #\(run.first.iteration)…#\(run.last.iteration) \(range.padding(34)) \(tl) table \(hex(pa))[\(i0)…\(i1)]: \(run.count) alike"
                let marks = broke(run)
                if !marks.isEmpty { line += "  breaks " + marks }
                lines.append(line)
            }
        }
        let others = events.filter { $0.kind != .invariantA && $0.kind != .invariantB }
        if !others.isEmpty {
            lines.append("")
            lines.append("events:")
            for e in others.prefix(24) {
                let line = "  \(e.kind.rawValue): \(e)"
                lines.append(e.kind == .stackRead ? red + line + reset : line)
            }
            if others.count > 24 { lines.append("  … \(others.count - 24) more") }
        }
        if !footer.isEmpty {
            lines.append("")
            lines += footer
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same picture as SVG: a row per level, a box per iteration in walk order, arrows for
    /// the pointer moves, stray stack reads filled red.
    public func svg() -> String {
        let shown = runs.head
        let boxW = 170, boxH = 54, gapX = 14, bandH = 74, left = 60, top = 48
        let width = left + max(1, shown.count) * (boxW + gapX) + 20
        let height = top + Level.allCases.count * bandH + 56 + footer.count * 16
        var out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" font-family=\"monospace\" font-size=\"11\">",
                   "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
                   "<text x=\"10\" y=\"22\" font-size=\"14\" font-weight=\"bold\">\(xml(title))</text>",
                   "<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#333\"/></marker></defs>"]
        for level in Level.allCases {
            let y = top + level.rawValue * bandH
            out.append("<line x1=\"0\" y1=\"\(y - 6)\" x2=\"\(width)\" y2=\"\(y - 6)\" stroke=\"#ddd\"/>")
            out.append("<text x=\"10\" y=\"\(y + boxH / 2)\" font-weight=\"bold\">\(level)</text>")
        }
        var lastBox: [Level: Int] = [:]
        for (i, s) in shown.enumerated() {
            let x = left + i * (boxW + gapX)
            let y = top + s.level.rawValue * bandH
            let fill = isStray(s) ? "#e53935" : s.place.isStack ? "#fff3c4" : broke(s).isEmpty ? "#dcebfa" : "#ffd7a8"
            let ink = isStray(s) ? "white" : "black"
            out.append("<rect x=\"\(x)\" y=\"\(y)\" width=\"\(boxW)\" height=\"\(boxH)\" rx=\"4\" fill=\"\(fill)\" stroke=\"#555\"/>")
            out.append("<text x=\"\(x + 6)\" y=\"\(y + 15)\" fill=\"\(ink)\">#\(s.iteration) \(hex(s.addr))</text>")
            out.append("<text x=\"\(x + 6)\" y=\"\(y + 30)\" fill=\"\(ink)\">→ \(hex(s.next))</text>")
            out.append("<text x=\"\(x + 6)\" y=\"\(y + 45)\" fill=\"\(ink)\">\(xml(short(s.place)))</text>")
            if s.iteration > 1, let prev = lastBox[s.level] {
                let px = left + prev * (boxW + gapX) + boxW
                out.append("<path d=\"M\(px),\(y + boxH / 2) C\(px + 30),\(y - 14) \(x - 30),\(y - 14) \(x),\(y + boxH / 2)\" fill=\"none\" stroke=\"#333\" marker-end=\"url(#arrow)\"/>")
                out.append("<text x=\"\(x - 28)\" y=\"\(y - 2)\">++</text>")
            }
            lastBox[s.level] = i
        }
        var y = top + Level.allCases.count * bandH + 10
        let legend = "blue: a table entry · yellow: a copy on the stack handed to the loop · red: a stray stack read · orange: broke (a) or (b)"
        for line in footer + [legend] + (runs.total > shown.count ? ["… \(runs.total - shown.count) more steps not drawn"] : []) {
            out.append("<text x=\"10\" y=\"\(y)\">\(xml(line))</text>")
            y += 16
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    private func short(_ p: Place) -> String {
        switch p {
        case let .table(level, pa, index): "\(level) \(hex(pa))[\(index)]"
        case let .stack(slot, copy): "STACK[\(slot)]" + (copy.map { " \($0) copy" } ?? " unused")
        default: p.description
        }
    }

    private func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

extension String {
    func padding(_ n: Int) -> String { self + String(repeating: " ", count: max(0, n - count)) }
}
