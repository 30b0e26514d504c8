import CShim
import Foundation

/// A user's header built into a variant library: the base variant's arch header and patch macros,
/// linux/pgtable.h, then the user's header, then the loop templates, compiled by $CC into a shared
/// library. The library is only ever loaded by a worker process (`Worker`).
public struct HeaderBuild: Sendable {
    public let header: String
    public let base: Variant
    /// The shared library, inside `scratch`.
    public let library: String
    /// The compiler's diagnostics about the header, as it printed them (warnings do not fail).
    public let warnings: String
    /// Redefinitions that reach only code after the header: earlier definitions keep the old one.
    public let notes: [String]
    let scratch: ScratchDirectory
}

public enum HeaderCompiler {
    /// The PageFold source tree that holds include/ and CShim/: $PAGEFOLD_ROOT, or the tree this
    /// library was built from.
    public static var sourceRoot: String {
        if let root = ProcessInfo.processInfo.environment["PAGEFOLD_ROOT"], !root.isEmpty { return root }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// The compiler: $CC, else cc.
    public static var compiler: String {
        ProcessInfo.processInfo.environment["CC"].flatMap { $0.isEmpty ? nil : $0 } ?? "cc"
    }

    /// The time a compile, or a case in the worker, may take before it is stopped.
    public static let defaultTimeout: Double = 20
    /// The address space a compile may use (ulimit -v), so an exploding macro fails, not the machine.
    public static let memoryLimitKB = 2 << 20
    /// The largest header read.
    public static let maxHeaderBytes = 1 << 20

    /// Flags every variant library is built with: line tables (-g1; DWARF 4, which binutils 2.40's
    /// addr2line reads right) so that a crash in the header's code can name its line, without
    /// tracking variables' locations, which line tables do not need and which cost a quarter of
    /// the compile; the kernel's -fno-strict-aliasing, which its code relies on; and as errors what
    /// would otherwise only show when the library is loaded: a function never declared.
    static let flags = ["-O1", "-g1", "-gdwarf-4", "-fno-var-tracking", "-fno-var-tracking-assignments", "-std=gnu11",
                        "-fno-strict-aliasing", "-fPIC", "-fvisibility=hidden", "-fno-asynchronous-unwind-tables",
                        "-Wall", "-Wno-unused-function", "-Werror=implicit-function-declaration"]

    public static func compile(header: String, base: Variant, timeout: Double = defaultTimeout) throws -> HeaderBuild {
        let headerPath = URL(fileURLWithPath: header).standardizedFileURL.path
        let text = try readHeader(headerPath, as: header)
        guard definesSomething(text) else {
            throw PageFoldError("header: \(header) defines nothing: it has no code outside comments")
        }
        let root = sourceRoot
        let baseHeader = "\(root)/CShim/variants/\(base.name.replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: ".", with: "_")).h"
        guard FileManager.default.fileExists(atPath: baseHeader) else {
            throw PageFoldError("base: cannot find \(baseHeader); set PAGEFOLD_ROOT to the PageFold source tree")
        }
        let scratch = try ScratchDirectory()
        let cache = BuildCache(root: root, compiler: compiler, scratch: scratch)

        // The base's own code, built while the header is analysed and compiled.
        let baseUnit = unit(root: root, variantHeader: baseHeader, base: base, undefs: [], header: nil)
        let pending = try cache.start(baseAssembly: baseUnit, named: base.name, timeout: timeout)

        let mine = try Ctags.run([headerPath], timeout: timeout)
        let closure = try cache.closure(of: baseHeader, timeout: timeout)
        let theirs = try cache.definitions(in: closure, timeout: timeout)
        let plan = Replacement(header: mine, base: theirs, root: root, variantHeader: baseHeader)
        let tree = try plan.write(into: scratch)

        let userUnit = unit(root: root, variantHeader: tree.variantHeader, base: base, undefs: plan.undefs, header: headerPath)
        let source = scratch.file("user_variant.c")
        try userUnit.write(toFile: source, atomically: true, encoding: .utf8)
        let assembly = scratch.file("user_variant.s")
        let (end, output) = try run([compiler] + flags + tree.includeDirs.flatMap { ["-I", $0] }
            + ["-I", "\(root)/include", "-S", "-o", assembly, source], timeout: timeout, on: header)
        let shown = tree.unmap(output)
        guard end == .exited(0) else {
            throw PageFoldError("compile: \(compiler) failed on \(header):\n\(shown)")
        }
        let support = try cache.support(timeout: timeout)
        let baseAssembly = try pending.finish()

        let object = scratch.file("user_variant.o")
        let library = scratch.file("libuser_variant.so")
        let (assembled, asOutput) = try run([compiler, "-c", "-o", object, assembly], timeout: timeout, on: header)
        guard assembled == .exited(0) else { throw PageFoldError("compile: cannot assemble \(header):\n\(asOutput)") }
        let (linked, ldOutput) = try run([compiler, "-shared", "-Wl,-z,defs", "-Wl,--wrap=exit,--wrap=_exit", "-o", library, object] + support,
                                         timeout: timeout, on: header)
        guard linked == .exited(0) else {
            throw PageFoldError("compile: \(header) uses what it never defines:\n" + undefined(ldOutput, in: mine))
        }
        let warnings = diagnostics(about: headerPath, in: shown)
        if try sameCode(assembly, baseAssembly) {
            let shownWarnings = warnings.isEmpty ? "" : "\nwarnings in \(header):\n\(warnings)"
            throw PageFoldError(NoChange(header: header, headerPath: headerPath, base: base, mine: mine,
                                         theirs: theirs, root: root).message + shownWarnings)
        }
        return HeaderBuild(header: header, base: base, library: library, warnings: warnings,
                           notes: NoChange(header: header, headerPath: headerPath, base: base, mine: mine,
                                           theirs: theirs, root: root).laterOnly(plan: plan),
                           scratch: scratch)
    }

    /// Load a built library's registry record. Only a worker does this: the header's code runs here.
    public static func load(_ library: String, as name: String) throws -> Variant {
        guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL) else {
            throw PageFoldError("compile: cannot load the built variant: \(String(cString: dlerror()))")
        }
        guard let symbol = dlsym(handle, "pf_variant_user"),
              let variant = Variant(symbol.assumingMemoryBound(to: pf_variant.self), name: name) else {
            throw PageFoldError("compile: the built variant has no registry record")
        }
        return variant
    }

    /// The translation unit: the base variant's header (arch header and patch macros), the
    /// generic headers, then the user's header, then the templates.
    static func unit(root: String, variantHeader: String, base: Variant, undefs: [String], header: String?) -> String {
        var lines = ["#include \"\(variantHeader)\"", "#include <linux/pgtable.h>", "#include <linux/mm.h>",
                     "#include <linux/pagewalk.h>"]
        lines += undefs.map { "#undef \($0)" }
        if let header { lines.append("#include \"\(header)\"") }
        lines += [
            "#define PF_VARIANT_ID user",
            "#define PF_VARIANT_INFO .name = \"user\", .arch_name = \"\(base.arch.rawValue)\", .reference = \"\", \\",
            "    .summary = \"\", .era = \"\(base.era)\", .arch = \(base.arch.cName), .quirks = \(base.quirksC), \\",
            "    .min_levels = \(base.levels.lowerBound), .max_levels = \(base.levels.upperBound)",
            "#include \"\(root)/CShim/mm/variant.h\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func readHeader(_ path: String, as given: String) throws -> String {
        var st = stat()
        guard stat(path, &st) == 0 else { throw PageFoldError("header: cannot read \(given): no such file") }
        guard st.st_mode & S_IFMT == S_IFREG else {
            throw PageFoldError("header: \(given) is not a regular file")
        }
        guard st.st_size <= maxHeaderBytes else {
            throw PageFoldError("header: \(given) is larger than \(maxHeaderBytes) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PageFoldError("header: cannot read \(given): not UTF-8 text")
        }
        return text
    }

    /// Anything left once comments and blank space are gone.
    static func definesSomething(_ text: String) -> Bool {
        var s = text[...]
        var out = ""
        while let c = s.first {
            if s.hasPrefix("/*") {
                guard let end = s.range(of: "*/") else { break }
                s = s[end.upperBound...]
            } else if s.hasPrefix("//") {
                s = s.drop { $0 != "\n" }
            } else {
                out.append(c)
                s = s.dropFirst()
            }
        }
        return out.contains { !$0.isWhitespace }
    }

    /// The same machine code: the two assembly files without what only describes it (file names,
    /// line numbers, the debug sections, the labels that delimit them) and the compiler's tag.
    static func sameCode(_ a: String, _ b: String) throws -> Bool {
        try code(a) == code(b)
    }

    /// An assembly file's code lines, leading blanks dropped, joined by newlines. A plain byte
    /// scan: the files run to megabytes, and this runs on every check.
    private static func code(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PageFoldError("compile: cannot read \(path)")
        }
        return data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count / 2)
            var debug = false
            var i = 0
            while i < bytes.count {
                var end = i
                while end < bytes.count && bytes[end] != newline { end += 1 }
                while i < end && (bytes[i] == tab || bytes[i] == space) { i += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[i..<end])
                if starts(line, section) {
                    var j = section.count
                    while j < line.count && (line[j] == tab || line[j] == space) { j += 1 }
                    debug = starts(UnsafeBufferPointer(rebasing: line[j...]), debugSection)
                }
                if !debug && !describes(line) {
                    out.append(contentsOf: line)
                    out.append(newline)
                }
                i = end + 1
            }
            return out
        }
    }

    private static let (newline, tab, space) = (UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: " "))
    private static let section = Array(".section".utf8), debugSection = Array(".debug_".utf8)
    /// Directives and labels that describe code without being it.
    private static let directives = [".file", ".loc", ".cfi_", ".ident"].map { Array($0.utf8) }
    private static let labels = ["text", "etext", "debug", "LRL", "VL", "BB", "BE", "FB", "FE", "LST", "LVU"]
        .map { Array(".L\($0)".utf8) }

    private static func starts(_ line: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard line.count >= prefix.count else { return false }
        for k in 0..<prefix.count where line[k] != prefix[k] { return false }
        return true
    }

    private static func describes(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.first == UInt8(ascii: ".") else { return false }
        for d in directives where starts(line, d) { return true }
        guard line.last == UInt8(ascii: ":") else { return false }
        for l in labels where starts(line, l) { return true }
        return false
    }

    /// The diagnostic blocks that point into the header (a location line and what follows it).
    static func diagnostics(about path: String, in output: String) -> String {
        var keep: [Substring] = []
        var inBlock = false
        let location = try! Regex(#"^[^ ].*:\d+:\d+: (warning|error|note):"#)
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.firstMatch(of: location) != nil || line.hasPrefix("In file included from") {
                inBlock = line.hasPrefix(path + ":")
            }
            if inBlock { keep.append(line) }
        }
        return keep.joined(separator: "\n")
    }

    /// The linker's undefined references, with the header's declaration of each where it has one.
    static func undefined(_ output: String, in mine: [Definition]) -> String {
        let names = Set(output.matches(of: try! Regex(#"undefined reference to `([^']+)'"#)).compactMap {
            $0.output[1].substring.map(String.init)
        })
        guard !names.isEmpty else { return output }
        return names.sorted().map { name in
            if let d = mine.first(where: { $0.name == name }) {
                return "\(d.location): \(name) is declared but never defined"
            }
            return "\(name) is called but defined nowhere"
        }.joined(separator: "\n")
    }

    /// Run a compiler with standard input from /dev/null, in its own process group, within the
    /// time and memory limits; the whole group goes when the time is up.
    static func run(_ argv: [String], timeout: Double, on header: String) throws -> (Termination, String) {
        let process = try Subprocess(["/bin/sh", "-c", "ulimit -v \(memoryLimitKB) && exec \"$0\" \"$@\""] + argv)
        let (end, output) = process.wait(limit: timeout)
        if case .timedOut = end {
            throw PageFoldError("compile: \(argv[0]) was stopped after \(formatSeconds(timeout)) s on \(header) (an #include of a pipe or a device?)")
        }
        return (end, output)
    }
}

extension Arch {
    var cName: String {
        switch self {
        case .generic: "PF_ARCH_GENERIC"
        case .s390: "PF_ARCH_S390"
        case .x86: "PF_ARCH_X86"
        case .arm64: "PF_ARCH_ARM64"
        }
    }
}

extension Variant {
    var quirksC: String {
        quirks.isEmpty ? "0" : quirks.map { "\($0.c)u" }.joined(separator: " | ")
    }
}
