import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `check` builds the same way every time, kept between runs: the arena and hooks compiled
/// once, each base variant's code (to tell whether a header changed anything), the files a base
/// includes and the definitions in them. Keyed by the compiler and the content of the PageFold
/// sources, in $XDG_CACHE_HOME/pagefold (or ~/.cache/pagefold), else in the run's scratch directory.
struct BuildCache {
    let root: String
    let compiler: String
    let directory: String
    let key: String

    init(root: String, compiler: String, scratch: ScratchDirectory) {
        self.root = root
        self.compiler = compiler
        directory = BuildCache.directory(named: "pagefold") ?? scratch.path
        key = BuildCache.sourceKey(root: root, compiler: compiler)
    }

    /// $XDG_CACHE_HOME/NAME or ~/.cache/NAME, made if need be; nil when neither can be written.
    static func directory(named name: String) -> String? {
        let env = ProcessInfo.processInfo.environment
        guard let home = env["XDG_CACHE_HOME"].flatMap({ $0.isEmpty ? nil : $0 }) ?? env["HOME"].map({ "\($0)/.cache" }) else {
            return nil
        }
        let dir = "\(home)/\(name)"
        guard (try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)) != nil,
              access(dir, W_OK) == 0 else { return nil }
        return dir
    }

    /// The compiler (its path, size and time), the tree's place (cached file lists name its files)
    /// and every PageFold C source and header, hashed.
    static func sourceKey(root: String, compiler: String) -> String {
        var hash = FNV()
        hash.add(root)
        let cc = findExecutable(compiler).map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } ?? compiler
        var st = stat()
        if stat(cc, &st) == 0 { hash.add("\(cc) \(st.st_size) \(st.st_mtim.tv_sec)") }
        hash.add(HeaderCompiler.flags.joined(separator: " "))
        for dir in ["include", "CShim"] {
            let base = "\(root)/\(dir)"
            let files = (FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []).sorted()
            for file in files where file.hasSuffix(".h") || file.hasSuffix(".c") || file.hasSuffix(".modulemap") {
                hash.add(file)
                if let data = FileManager.default.contents(atPath: "\(base)/\(file)") { hash.add(data) }
            }
        }
        return hash.hex
    }

    private func path(_ name: String) -> String { "\(directory)/\(name)" }

    /// Move a finished file into place in one step, so that runs in parallel never see half of one.
    private func publish(_ temp: String, as final: String) throws {
        guard rename(temp, final) == 0 else {
            throw PageFoldError("cache: cannot write \(final): \(String(cString: strerror(errno)))")
        }
    }

    /// A name no other run uses; the extension stays last, since the compiler goes by it.
    private func temporary(_ name: String) -> String { path(".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).\(name)") }

    /// The header files a base variant's unit includes, as the preprocessor finds them.
    func closure(of variantHeader: String, timeout: Double) throws -> [String] {
        let name = "closure-\(key)-\(URL(fileURLWithPath: variantHeader).lastPathComponent).txt"
        if let text = try? String(contentsOfFile: path(name), encoding: .utf8) {
            return text.split(separator: "\n").map(String.init)
        }
        let probe = temporary("probe.c")
        try "#include \"\(variantHeader)\"\n#include <linux/pgtable.h>\n#include <linux/mm.h>\n#include <linux/pagewalk.h>\n"
            .write(toFile: probe, atomically: false, encoding: .utf8)
        defer { unlink(probe) }
        let (end, output) = try HeaderCompiler.run([compiler, "-MM", "-I", "\(root)/include", probe],
                                                   timeout: timeout, on: variantHeader)
        guard end == .exited(0) else { throw PageFoldError("compile: cannot list the files \(variantHeader) includes:\n\(output)") }
        let files = output.replacingOccurrences(of: "\\\n", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" })
            .dropFirst(2).map { URL(fileURLWithPath: String($0)).standardizedFileURL.path }
        let temp = temporary(name)
        try files.joined(separator: "\n").write(toFile: temp, atomically: false, encoding: .utf8)
        try publish(temp, as: path(name))
        return files
    }

    /// The definitions in those files.
    func definitions(in files: [String], timeout: Double) throws -> [Definition] {
        var hash = FNV()
        files.forEach { hash.add($0) }
        let name = "ctags-\(key)-\(hash.hex).json"
        if let text = try? String(contentsOfFile: path(name), encoding: .utf8) { return Ctags.parse(text) }
        guard let ctags = findExecutable("ctags") else {
            throw PageFoldError("ctags: not found; install universal-ctags (apt-get install universal-ctags)")
        }
        let args = [ctags, "--output-format=json", "--fields=+ne", "--kinds-C=+p", "--language-force=C",
                    "--sort=no", "-o", "-"] + files
        let (end, output) = try Subprocess(args).wait(limit: timeout)
        guard end == .exited(0) else { throw PageFoldError("ctags: failed (\(end)):\n\(output)") }
        let temp = temporary(name)
        try output.write(toFile: temp, atomically: false, encoding: .utf8)
        try publish(temp, as: path(name))
        return Ctags.parse(output)
    }

    /// The arena, the call hooks, the folio helpers and the exit() reporter, compiled once for
    /// every variant library: each library has its own copy, so it needs nothing from the process
    /// that loads it.
    func support(timeout: Double) throws -> [String] {
        let sources = ["CShim/arena.c", "CShim/call.c", "CShim/worker.c"]
        let objects = sources.map { path("support-\(key)-\(URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent).o") }
        for (source, object) in zip(sources, objects) where !FileManager.default.fileExists(atPath: object) {
            let temp = temporary("support.o")
            let (end, output) = try HeaderCompiler.run([compiler] + HeaderCompiler.flags + ["-DPF_USER_LIBRARY", "-I", "\(root)/include", "-c", "-o", temp, "\(root)/\(source)"],
                                                       timeout: timeout, on: source)
            guard end == .exited(0) else { throw PageFoldError("compile: \(compiler) failed on \(source):\n\(output)") }
            try publish(temp, as: object)
        }
        return objects
    }

    /// A base variant's code, compiled in the background unless it is cached.
    func start(baseAssembly unit: String, named name: String, timeout: Double) throws -> PendingFile {
        var hash = FNV()
        hash.add(unit)
        let final = path("base-\(key)-\(name)-\(hash.hex).s")
        if FileManager.default.fileExists(atPath: final) { return PendingFile(path: final) }
        let source = temporary("base.c")
        try unit.write(toFile: source, atomically: false, encoding: .utf8)
        let temp = temporary("base.s")
        let process = try Subprocess([compiler] + HeaderCompiler.flags + ["-I", "\(root)/include", "-S", "-o", temp, source])
        return PendingFile(path: final, process: process, temp: temp, source: source, timeout: timeout)
    }
}

/// A file being made by a compiler running in the background.
final class PendingFile {
    let path: String
    private let process: Subprocess?
    private let temp: String
    private let source: String
    private let timeout: Double

    init(path: String, process: Subprocess? = nil, temp: String = "", source: String = "", timeout: Double = 0) {
        self.path = path
        self.process = process
        self.temp = temp
        self.source = source
        self.timeout = timeout
    }

    func finish() throws -> String {
        guard let process else { return path }
        defer { unlink(source) }
        let (end, output) = process.wait(limit: timeout)
        guard end == .exited(0) else {
            unlink(temp)
            throw PageFoldError("compile: the base variant does not build (\(end)):\n\(output)")
        }
        guard rename(temp, path) == 0 else { throw PageFoldError("cache: cannot write \(path)") }
        return path
    }
}

/// FNV-1a, 64 bits: a cache key, not a defence.
struct FNV {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: Data) {
        for byte in data { mix(byte) }
        mix(0xff)  // a separator: "ab" + "c" differs from "a" + "bc"
    }

    private mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x100_0000_01b3
    }

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    var hex: String { String(value, radix: 16) }
}
