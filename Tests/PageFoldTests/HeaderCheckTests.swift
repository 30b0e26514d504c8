import Foundation
import Testing
import PageFold

/// The repository's examples/headers, found from this file.
let examplesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("examples")

func temporaryHeader(_ name: String, _ text: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pagefold-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

@Suite("pagefold check: user headers compiled at run time", .serialized)
struct HeaderCheckTests {
    @Test("A header that re-creates the pre-fix bug fails, with stack reads and invariant (a)")
    func prefixBugFails() throws {
        let v = try HeaderCompiler.compile(header: examplesDir.appendingPathComponent("headers/prefix-bug.h").path,
                                           base: variant("s390-fix"))
        let report = try Conformance.run(v)
        #expect(!report.passed)
        #expect(report.failures.contains { $0.kind == .fault && $0.detail.hasPrefix("stack-read") })
        #expect(report.failures.contains { $0.kind == .invariantA })
        #expect(report.smallest.map { $0.pages <= 2 } == true)
    }

    @Test("A header that pastes the merged fix passes; (b) is reported, not failed")
    func fixPasses() throws {
        let v = try HeaderCompiler.compile(header: examplesDir.appendingPathComponent("headers/lockless-fix.h").path,
                                           base: variant("s390-fix"))
        let report = try Conformance.run(v)
        #expect(report.passed, "\(report.failures.prefix(3).map(\.detail))")
        #expect(report.cases > 600)
        #expect(report.invariantBBroken > 0)
    }

    @Test("A compile error names the user's file and line")
    func compileError() throws {
        let path = try temporaryHeader("broken.h", "/* line 1 */\n\nstatic int broken = ;\n")
        let message = errorText { _ = try HeaderCompiler.compile(header: path, base: variant("s390-fix")) }
        #expect(message.hasPrefix("compile: "))
        #expect(message.contains("broken.h:3:"))
    }

    @Test("A header that includes itself stops with an error, in bounded time")
    func runawayInclude() throws {
        let path = try temporaryHeader("self.h", "")
        try "#include \"\(path)\"\nint pf_unused_marker;\n".write(toFile: path, atomically: true, encoding: .utf8)
        let began = Date()
        let message = errorText { _ = try HeaderCompiler.compile(header: path, base: variant("s390-fix")) }
        #expect(message.hasPrefix("compile: "))
        #expect(Date().timeIntervalSince(began) < HeaderCompiler.timeout)
    }

    @Test("A macro that expands to 2^40 tokens fails with a compile error, in bounded time and memory")
    func explodingMacro() throws {
        var text = "#define E0 p4d_val\n"
        for i in 1...40 { text += "#define E\(i) E\(i - 1) E\(i - 1)\n" }
        text += "static int pf_boom(void) { return (E40, 0); }\n"
        let path = try temporaryHeader("boom.h", text)
        let began = Date()
        let message = errorText { _ = try HeaderCompiler.compile(header: path, base: variant("s390-fix")) }
        #expect(message.hasPrefix("compile: "))
        #expect(Date().timeIntervalSince(began) <= HeaderCompiler.timeout + 5)
    }

    @Test func definesNothing() throws {
        let path = try temporaryHeader("empty.h", "/* nothing here */\n// nor here\n\n")
        #expect(errorText { _ = try HeaderCompiler.compile(header: path, base: variant("s390-fix")) }
            == "header: \(path) defines nothing: it has no code outside comments")
    }

    @Test func missingFile() {
        #expect(errorText { _ = try HeaderCompiler.compile(header: "/nonexistent/x.h", base: variant("s390-fix")) }
            == "header: cannot read /nonexistent/x.h: no such file or not UTF-8 text")
    }
}
