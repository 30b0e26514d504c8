import Foundation

/// clang's syntax tree of a unit (`-Xclang -ast-dump=json`), cut to what the instrumenter asks:
/// node kinds, operators, types, names and where each node's tokens are spelled. clang leaves a
/// location's file out when it is the one printed last, so the dump is read in order, by a reader
/// of its own rather than a dictionary-building one, which would lose that order.
final class ASTNode {
    var kind = ""
    var name = ""
    var opcode = ""
    var castKind = ""
    var type = ""
    var referenced: (kind: String, name: String, type: String)?
    var begin: SourceLoc?
    var end: SourceLoc?
    var inner: [ASTNode] = []
    weak var parent: ASTNode?
}

/// Where a token is spelled (for a macro argument, at the call; for a macro body, in the #define)
/// and where the code it belongs to was expanded.
struct SourceLoc {
    var spelling: Point
    var expansion: Point

    struct Point {
        var offset = -1
        var tokLen = 0
        var file = ""
    }
}

enum ClangAST {
    /// Run clang on a unit and read its tree.
    static func dump(_ source: String, includeDirs: [String], timeout: Double) throws -> ASTNode {
        guard let clang = findExecutable("clang") else {
            throw PageFoldError("clang: not found; kernel-tree mode reads the tree's syntax with it (it comes with the Swift toolchain)")
        }
        // Megabytes of it: into a file, not through the pipe (which keeps the first megabyte).
        let json = source + ".ast.json"
        defer { unlink(json) }
        let args = ["/bin/sh", "-c", "exec \"$0\" \"$@\" > '\(json)'", clang, "-fsyntax-only", "-std=gnu11",
                    "-fno-strict-aliasing", "-w", "-Xclang", "-ast-dump=json"] + includeDirs.flatMap { ["-I", $0] } + [source]
        let (end, output) = try Subprocess(args).wait(limit: timeout)
        guard end == .exited(0), let data = FileManager.default.contents(atPath: json) else {
            throw PageFoldError("clang: cannot read the tree's code (\(end)):\n\(output.suffix(4000))")
        }
        return data.withUnsafeBytes { raw in
            var reader = Reader(raw.bindMemory(to: UInt8.self))
            return reader.parseRoot()
        }
    }

    /// A JSON reader that keeps the dump's order and tracks the last file named.
    struct Reader {
        /// The dump, read in place: megabytes, each byte looked at once or twice.
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        var file = ""

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func parseRoot() -> ASTNode {
            let root = ASTNode()
            skipSpace()
            if peek == UInt8(ascii: "{") { node(into: root) }
            return root
        }

        fileprivate var peek: UInt8 { i < bytes.count ? bytes[i] : 0 }

        private mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0a || bytes[i] == 0x0d || bytes[i] == 0x09 { i += 1 }
        }

        private mutating func expect(_ c: UInt8) {
            skipSpace()
            if peek == c { i += 1 }
        }

        private mutating func string() -> String {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { return "" }
            i += 1
            let start = i
            var escaped = false
            while i < bytes.count && bytes[i] != UInt8(ascii: "\"") {
                if bytes[i] == UInt8(ascii: "\\") { escaped = true; i += 1 }
                i += 1
            }
            var s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(i, bytes.count)]), as: UTF8.self)
            if escaped { s = s.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\") }
            i += 1
            return s
        }

        private mutating func integer() -> Int {
            skipSpace()
            var sign = 1, v = 0
            if peek == UInt8(ascii: "-") { sign = -1; i += 1 }
            while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 { v = v * 10 + Int(bytes[i] - 0x30); i += 1 }
            return sign * v
        }

        /// Each key of an object, in order, its value left to `body` to read.
        private mutating func eachKey(_ body: (inout Reader, String) -> Void) {
            expect(UInt8(ascii: "{"))
            skipSpace()
            if peek == UInt8(ascii: "}") { i += 1; return }
            while i < bytes.count {
                let key = string()
                expect(UInt8(ascii: ":"))
                body(&self, key)
                skipSpace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                i += 1
                return
            }
        }

        /// Any value, read past (an includedFrom's file is not where a location is).
        private mutating func skipValue() {
            skipSpace()
            switch peek {
            case UInt8(ascii: "\""): _ = string()
            case UInt8(ascii: "{"): eachKey { r, _ in r.skipValue() }
            case UInt8(ascii: "["):
                i += 1
                skipSpace()
                if peek == UInt8(ascii: "]") { i += 1; return }
                while i < bytes.count {
                    skipValue()
                    skipSpace()
                    if peek == UInt8(ascii: ",") { i += 1; continue }
                    i += 1
                    return
                }
            default:
                while i < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[i]) { i += 1 }
            }
        }

        /// An AST node object.
        private mutating func node(into n: ASTNode) {
            eachKey { r, key in
                switch key {
                case "kind": n.kind = r.string()
                case "name": n.name = r.string()
                case "opcode": n.opcode = r.string()
                case "castKind": n.castKind = r.string()
                case "type": n.type = r.qualType()
                case "loc": _ = r.location()   // read for the file it may name
                case "range":
                    r.eachKey { r, key in
                        switch key {
                        case "begin": n.begin = r.location()
                        case "end": n.end = r.location()
                        default: r.skipValue()
                        }
                    }
                case "referencedDecl": n.referenced = r.declRef()
                case "inner":
                    r.expect(UInt8(ascii: "["))
                    r.skipSpace()
                    if r.peek == UInt8(ascii: "]") { r.i += 1; return }
                    while r.i < r.bytes.count {
                        let child = ASTNode()
                        child.parent = n
                        r.node(into: child)
                        n.inner.append(child)
                        r.skipSpace()
                        if r.peek == UInt8(ascii: ",") { r.i += 1; continue }
                        r.i += 1
                        return
                    }
                default: r.skipValue()
                }
            }
        }

        private mutating func qualType() -> String {
            var q = ""
            eachKey { r, key in if key == "qualType" { q = r.string() } else { r.skipValue() } }
            return q
        }

        private mutating func declRef() -> (String, String, String) {
            var kind = "", name = "", type = ""
            eachKey { r, key in
                switch key {
                case "kind": kind = r.string()
                case "name": name = r.string()
                case "type": type = r.qualType()
                default: r.skipValue()
                }
            }
            return (kind, name, type)
        }

        /// A location: a bare point, or a spelling point and an expansion point.
        private mutating func location() -> SourceLoc? {
            var bare = SourceLoc.Point(), spelling: SourceLoc.Point?, expansion: SourceLoc.Point?
            eachKey { r, key in
                switch key {
                case "spellingLoc": spelling = r.point()
                case "expansionLoc": expansion = r.point()
                case "offset": bare.offset = r.integer()
                case "tokLen": bare.tokLen = r.integer()
                case "file": r.file = r.string()
                default: r.skipValue()
                }
            }
            if let spelling, let expansion { return SourceLoc(spelling: spelling, expansion: expansion) }
            guard bare.offset >= 0 else { return nil }
            bare.file = file
            return SourceLoc(spelling: bare, expansion: bare)
        }

        private mutating func point() -> SourceLoc.Point {
            var p = SourceLoc.Point()
            eachKey { r, key in
                switch key {
                case "offset": p.offset = r.integer()
                case "tokLen": p.tokLen = r.integer()
                case "file": r.file = r.string()
                default: r.skipValue()
                }
            }
            p.file = file
            return p
        }
    }
}
