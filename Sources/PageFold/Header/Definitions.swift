import Foundation

/// A definition in a C file, as universal-ctags finds it: the kernel's names are the unit of
/// everything `check` says about a header (what it redefines, who used the old definition).
struct Definition: Sendable, Equatable {
    enum Kind: String, Sendable {
        case function, macro, prototype
    }

    let name: String
    let kind: Kind
    let file: String
    /// The line with the name, and the last line of the definition.
    let line: Int
    let end: Int

    var location: String { "\(file):\(line)" }
}

/// universal-ctags over C files: definitions with their line ranges, as JSON.
enum Ctags {
    static func run(_ files: [String], timeout: Double) throws -> [Definition] {
        guard !files.isEmpty else { return [] }
        guard let ctags = findExecutable("ctags") else {
            throw PageFoldError("ctags: not found; install universal-ctags (apt-get install universal-ctags)")
        }
        let args = [ctags, "--output-format=json", "--fields=+ne", "--kinds-C=+p", "--language-force=C",
                    "--sort=no", "-o", "-"] + files
        let (end, output) = try Subprocess(args).wait(limit: timeout)
        guard end == .exited(0) else {
            throw PageFoldError("ctags: failed (\(end)) on \(files.joined(separator: " ")):\n\(output)")
        }
        return parse(output)
    }

    static func parse(_ output: String) -> [Definition] {
        output.split(separator: "\n").compactMap { line -> Definition? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["_type"] as? String == "tag",
                  let name = object["name"] as? String, let path = object["path"] as? String,
                  let kindName = object["kind"] as? String, let kind = Definition.Kind(rawValue: kindName),
                  let first = object["line"] as? Int else { return nil }
            return Definition(name: name, kind: kind, file: path, line: first, end: object["end"] as? Int ?? first)
        }
    }
}

/// The C identifiers in a stretch of source, comments and string literals left out.
func identifiers(in text: Substring) -> Set<Substring> {
    var out: Set<Substring> = []
    var i = text.startIndex
    while i < text.endIndex {
        let c = text[i]
        if text[i...].hasPrefix("/*") {
            i = text[i...].range(of: "*/")?.upperBound ?? text.endIndex
        } else if text[i...].hasPrefix("//") {
            i = text[i...].firstIndex(of: "\n") ?? text.endIndex
        } else if c == "\"" || c == "'" {
            var j = text.index(after: i)
            while j < text.endIndex && text[j] != c {
                if text[j] == "\\" { j = text.index(after: j) }
                if j < text.endIndex { j = text.index(after: j) }
            }
            i = j < text.endIndex ? text.index(after: j) : j
        } else if c == "_" || c.isLetter {
            var j = i
            while j < text.endIndex && (text[j] == "_" || text[j].isLetter || text[j].isNumber) { j = text.index(after: j) }
            out.insert(text[i..<j])
            i = j
        } else {
            i = text.index(after: i)
        }
    }
    return out
}

/// A program on $PATH, or the path itself if it has a slash.
func findExecutable(_ name: String) -> String? {
    if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
        return "\(dir)/\(name)"
    }
    return nil
}
