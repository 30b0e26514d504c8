import Foundation

/// Puts PageFold's test hooks (CShim/tree/hooks.h) into a tree's walk, where clang's syntax tree
/// says the kernel's loops, copies and reads are: the same hooks PageFold's own loop templates
/// carry, so that a tree's walk is judged as PageFold's re-statement is.
struct Instrumenter {
    let source: String
    let text: [UInt8]
    let walkFunctions: Set<String>

    struct Result {
        let text: String
        /// Loops, copies and reads instrumented.
        let loops: Int, copies: Int, reads: Int
        /// What could not be instrumented, and where.
        let notes: [String]
    }

    private var edits: [Int: [String]] = [:]
    private var loops = 0, copies = 0, reads = 0
    private var notes: [String] = []

    init(source: String, walkFunctions: Set<String>) throws {
        guard let data = FileManager.default.contents(atPath: source) else { throw PageFoldError("kernel-tree: cannot read \(source)") }
        self.source = source
        self.text = [UInt8](data)
        self.walkFunctions = walkFunctions
    }

    mutating func run(_ root: ASTNode) -> Result {
        for fn in root.inner where fn.kind == "FunctionDecl" && walkFunctions.contains(fn.name) {
            guard let body = fn.inner.last, body.kind == "CompoundStmt", inMain(body.begin?.spelling) else { continue }
            let params = fn.inner.filter { $0.kind == "ParmVarDecl" }.map { ($0.name, Self.bare($0.type)) }
            visit(body, function: fn.name, params: params)
        }
        var out = text
        for (offset, inserts) in edits.sorted(by: { $0.key > $1.key }) {
            out.insert(contentsOf: Array(inserts.joined().utf8), at: offset)
        }
        return Result(text: String(decoding: out, as: UTF8.self), loops: loops, copies: copies, reads: reads, notes: notes)
    }

    private mutating func visit(_ n: ASTNode, function: String, params: [(String, String)]) {
        switch n.kind {
        case "DoStmt", "ForStmt", "WhileStmt":
            loop(n, function: function, params: params)
        case "UnaryOperator" where n.opcode == "&":
            if let operand = Self.unparen(n.inner.first), operand.kind == "DeclRefExpr",
               let ref = operand.referenced, ref.kind == "ParmVarDecl" || ref.kind == "VarDecl",
               Self.entryLevel(Self.bare(ref.type)) != nil {
                if wrap(n, operand: n.inner[0], with: "PF_TREE_COPY(") { copies += 1 }
            }
        case "UnaryOperator" where n.opcode == "*":
            if let operand = n.inner.first, Self.pointerLevel(Self.bare(operand.type)) != nil, Self.isRead(n) {
                if wrap(n, operand: operand, with: "PF_TREE_READ(") { reads += 1 }
            }
        default:
            break
        }
        for child in n.inner { visit(child, function: function, params: params) }
    }

    /// A loop that steps a table pointer: PF_TREE_STEP() opens its body, PF_TREE_NEXT() follows
    /// the statement that computes next, PF_TREE_SPILL() follows the read of the level's entry.
    private mutating func loop(_ n: ASTNode, function: String, params: [(String, String)]) {
        guard let (level, pointer) = Self.stepped(n, top: true) else { return }
        guard let body = n.inner.last(where: { $0.kind == "CompoundStmt" }), let open = body.begin?.spelling,
              inMain(open), text[open.offset] == UInt8(ascii: "{") else {
            notes.append("\(function)(): its \(level) loop has no body in braces; not instrumented")
            return
        }
        let names = Set(params.map(\.0))
        guard names.contains("addr") && names.contains("end") else {
            notes.append("\(function)(): its \(level) loop has no addr and end parameters; not instrumented")
            return
        }
        let step: String
        if let upper = upper(of: level, params: params) {
            step = "PF_TREE_STEP(\(level), \(pointer), \(upper), addr, end);"
        } else {
            step = "PF_TREE_STEP_A(\(level), \(pointer), addr, end);"
        }
        insert(" " + step, at: open.offset + 1)
        loops += 1
        for s in body.inner {
            if s.kind == "BinaryOperator", s.opcode == "=", let lhs = s.inner.first, lhs.kind == "DeclRefExpr",
               lhs.referenced?.name == "next", let after = statementEnd(s) {
                insert(" PF_TREE_NEXT(\(level), next);", at: after)
            }
            if s.kind == "DeclStmt", level != "pte",
               let v = s.inner.first(where: { $0.kind == "VarDecl" && Self.bare($0.type) == "\(level)_t" }),
               let after = statementEnd(s) {
                insert(" PF_TREE_SPILL(\(v.name));", at: after)
            }
        }
    }

    /// The pointer to the upper level's entry, for invariant (b): a parameter pointing into the
    /// upper table, or the address of the upper entry's copy; at the top, the walk's mm.
    private func upper(of level: String, params: [(String, String)]) -> String? {
        let above = ["p4d": "pgd", "pud": "p4d", "pmd": "pud", "pte": "pmd"]
        guard let up = above[level] else {
            return params.contains { $0.1 == "struct mm_walk *" } ? "walk->mm" : "current->mm"
        }
        if let p = params.first(where: { $0.1 == "\(up)_t *" }) { return p.0 }
        if let p = params.first(where: { $0.1 == "\(up)_t" }) { return "&PF_TREE_COPY(\(p.0))" }
        return nil
    }

    /// Wrap an operator's operand: `&x` to `&PF_TREE_COPY(x)`, `*p` to `*PF_TREE_READ(p)`, where
    /// both ends are spelled in the unit and the operand's text lies between them on one line.
    private mutating func wrap(_ op: ASTNode, operand: ASTNode, with prefix: String) -> Bool {
        guard let start = op.begin?.spelling, let last = operand.end?.spelling, inMain(start), inMain(last) else { return false }
        let from = start.offset + 1, to = last.offset + last.tokLen
        guard from < to, to - from < 200, to <= text.count,
              !text[from..<to].contains(where: { [UInt8(ascii: ";"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\n")].contains($0) }) else {
            return false
        }
        insert(prefix, at: from)
        insert(")", at: to)
        return true
    }

    private mutating func insert(_ s: String, at offset: Int) {
        if edits[offset]?.contains(s) == true { return }   // a macro body reached from several places
        edits[offset, default: []].append(s)
    }

    /// Just past the `;` that ends a statement.
    private func statementEnd(_ s: ASTNode) -> Int? {
        guard let end = s.end?.expansion, inMain(end) else { return nil }
        var i = end.offset + max(end.tokLen, 1) - 1
        while i < text.count && text[i] != UInt8(ascii: ";") { i += 1 }
        return i < text.count ? i + 1 : nil
    }

    private func inMain(_ p: SourceLoc.Point?) -> Bool {
        guard let p else { return false }
        return p.file == source && p.offset >= 0 && p.offset < text.count
    }

    /// The level and pointer a loop steps (`pudp++`, `pte++`, `ptep += 1`), outside nested loops.
    static func stepped(_ n: ASTNode, top: Bool) -> (String, String)? {
        if !top && ["DoStmt", "ForStmt", "WhileStmt"].contains(n.kind) { return nil }
        if (n.kind == "UnaryOperator" && n.opcode == "++") || (n.kind == "CompoundAssignOperator" && n.opcode == "+="),
           let target = n.inner.first, target.kind == "DeclRefExpr", let level = pointerLevel(bare(target.type)) {
            return (level, target.referenced?.name ?? target.name)
        }
        for c in n.inner { if let found = stepped(c, top: false) { return found } }
        return nil
    }

    /// An entry read: the dereference's value is taken (through parentheses and `.` members).
    static func isRead(_ n: ASTNode) -> Bool {
        var p = n.parent
        while let q = p, q.kind == "ParenExpr" || q.kind == "MemberExpr" { p = q.parent }
        return p?.kind == "ImplicitCastExpr" && p?.castKind == "LValueToRValue"
    }

    static func unparen(_ n: ASTNode?) -> ASTNode? {
        var n = n
        while let m = n, m.kind == "ParenExpr" { n = m.inner.first }
        return n
    }

    static func bare(_ type: String) -> String {
        type.hasPrefix("const ") ? String(type.dropFirst(6)) : type
    }

    static let levels = ["pgd", "p4d", "pud", "pmd", "pte"]

    static func pointerLevel(_ type: String) -> String? {
        levels.first { type == "\($0)_t *" }
    }

    static func entryLevel(_ type: String) -> String? {
        levels.dropLast().first { type == "\($0)_t" }
    }
}
