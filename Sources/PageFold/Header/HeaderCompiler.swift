import CShim
import Foundation

/// Builds a user's patched macro header into a variant: the base variant's arch header and patch
/// macros, then the user's header (which may #undef and redefine any pXd_* helper), then the loop
/// templates, compiled with the system C compiler into a shared library and loaded with dlopen.
public enum HeaderCompiler {
    /// The PageFold source tree that holds include/ and CShim/: $PAGEFOLD_ROOT, or the tree this
    /// library was built from.
    public static var sourceRoot: String {
        if let root = ProcessInfo.processInfo.environment["PAGEFOLD_ROOT"], !root.isEmpty { return root }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// The compiler: $CC, else cc.
    public static var compiler: String {
        ProcessInfo.processInfo.environment["CC"].flatMap { $0.isEmpty ? nil : $0 } ?? "cc"
    }

    /// The longest a compile may take before it is stopped (a runaway #include, say).
    public static let timeout: TimeInterval = 60
    /// The address space a compile may use (ulimit -v), so an exploding macro fails, not the machine.
    public static let memoryLimitKB = 2 << 20

    public static func compile(header: String, base: Variant) throws -> Variant {
        let headerURL = URL(fileURLWithPath: header).standardizedFileURL
        guard let text = try? String(contentsOf: headerURL, encoding: .utf8) else {
            throw PageFoldError("header: cannot read \(header): no such file or not UTF-8 text")
        }
        guard definesSomething(text) else {
            throw PageFoldError("header: \(header) defines nothing: it has no code outside comments")
        }
        let root = sourceRoot
        let baseHeader = "\(root)/CShim/variants/\(base.name.replacingOccurrences(of: "-", with: "_")).h"
        guard FileManager.default.fileExists(atPath: baseHeader) else {
            throw PageFoldError("base: cannot find \(baseHeader); set PAGEFOLD_ROOT to the PageFold source tree")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pagefold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        let name = headerURL.lastPathComponent
        let unit = """
            #include "\(baseHeader)"
            #include "\(headerURL.path)"
            #define PF_VARIANT_ID user
            #define PF_VARIANT_INFO .name = "\(cString(name))", .arch_name = "\(base.arch.rawValue)", \\
                .reference = "\(cString(headerURL.path)) on \(base.name)", .summary = "user header on \(base.name)", \\
                .arch = \(base.arch.cName), .min_levels = \(base.levels.lowerBound), .max_levels = \(base.levels.upperBound)
            #include "\(root)/CShim/mm/variant.h"

            """
        let source = dir.appendingPathComponent("user_variant.c")
        try unit.write(to: source, atomically: true, encoding: .utf8)
        let library = dir.appendingPathComponent("libuser_variant.so")
        // The variant, with its own copy of the arena seam and hooks: the library needs nothing
        // from the process that loads it, and -fvisibility=hidden keeps the copies private.
        let args = ["-shared", "-fPIC", "-O1", "-std=gnu11", "-fvisibility=hidden", "-I\(root)/include",
                    "-o", library.path, source.path, "\(root)/CShim/arena.c", "\(root)/CShim/call.c",
                    "\(root)/CShim/mm/folio.c"]
        let (status, output) = try run(compiler, args, on: header)
        guard status == 0 else {
            throw PageFoldError("compile: \(compiler) failed on \(header):\n\(output)")
        }
        guard let handle = dlopen(library.path, RTLD_NOW | RTLD_LOCAL) else {
            throw PageFoldError("compile: cannot load the built variant: \(String(cString: dlerror()))")
        }
        guard let symbol = dlsym(handle, "pf_variant_user"),
              let variant = Variant(symbol.assumingMemoryBound(to: pf_variant.self)) else {
            throw PageFoldError("compile: the built variant has no registry record")
        }
        return variant
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

    private static func cString(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// Run a program, with its output and a time limit.
    private static func run(_ program: String, _ args: [String], on header: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(memoryLimitKB) && exec \"$0\" \"$@\"", program] + args
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            throw PageFoldError("compile: cannot run \(program): \(error.localizedDescription)")
        }
        let timer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        let output = String(decoding: data, as: UTF8.self)
        if process.terminationReason == .uncaughtSignal {
            throw PageFoldError("compile: \(program) was stopped after \(Int(timeout)) s on \(header)")
        }
        return (process.terminationStatus, output)
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
