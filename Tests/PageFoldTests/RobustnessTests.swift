import Foundation
import Testing
import PageFold
#if canImport(Glibc)
import Glibc
#endif

/// What a header's code or its #includes can do to PageFold: nothing that outlives the run.
@Suite("A header cannot take the tool down, and leaves nothing behind", .serialized)
struct RobustnessTests {
    /// A TMPDIR of its own, to see what a run leaves in it; it goes with the value.
    func emptyTemp() throws -> (files: TemporaryFiles, dir: String) {
        let files = try TemporaryFiles()
        let dir = files.directory.file("tmp")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        return (files, dir)
    }

    func leftovers(_ dir: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? ["(gone)"]
    }

    /// Processes whose command line holds `text`.
    func running(_ text: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid -> String? in
            guard Int(pid) != nil, let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let cmd = String(decoding: data.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
            return cmd.contains(text) && !cmd.contains("swift-test") ? cmd : nil
        }
    }

    @Test("An #include of a FIFO ends within the limit, exit 2, no compiler left behind")
    func fifoInclude() throws {
        let (files, tmp) = try emptyTemp()
        let fifo = files.directory.file("never-written")
        defer { withExtendedLifetime(files) {} }
        #expect(mkfifo(fifo, 0o600) == 0)
        let header = try files.write("fifo.h", "#include \"\(fifo)\"\n")
        let began = Date()
        let r = try pagefold(["check", "--header", header, "--timeout", "2"], environment: ["TMPDIR": tmp])
        #expect(r.status == 2)
        #expect(r.err.contains("was stopped after 2 s"), "\(r.err)")
        #expect(Date().timeIntervalSince(began) < 10)
        #expect(running(fifo).isEmpty)
        #expect(leftovers(tmp).isEmpty)
    }

    @Test("After a pass, a fail, a crash, a hang and a compile error, the temp directory is as it was", arguments: [
        "examples/headers/d3f7b1bb2040-on-prefix.h", "examples/headers/prefix-bug.h",
        "Tests/Headers/broken/null-dereference.h", "Tests/Headers/broken/endless-loop.h",
        "Tests/Headers/broken/syntax-error.h",
    ])
    func nothingLeft(_ header: String) throws {
        let temp = try emptyTemp()
        let tmp = temp.dir
        let base = header.contains("on-prefix") ? "s390-prefix" : "s390-fix-v6.10"
        let r = try pagefold(["check", "--header", header, "--base", base, "--levels", "3", "--timeout", "2"],
                             environment: ["TMPDIR": tmp])
        #expect([0, 1, 2].contains(r.status))
        #expect(leftovers(tmp).isEmpty)
        #expect(running("pagefold worker").filter { $0.contains(tmp) }.isEmpty)
        withExtendedLifetime(temp) {}
    }

    @Test("SIGTERM while a worker runs: PageFold kills it, removes its files and exits 143")
    func terminated() throws {
        let temp = try emptyTemp()
        let tmp = temp.dir
        let process = Process()
        process.executableURL = pagefoldBinary
        process.arguments = ["check", "--header", "Tests/Headers/broken/sleeping-constructor.h", "--timeout", "60"]
        process.currentDirectoryURL = repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": tmp]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the worker has the library loaded (its constructor sleeps).
        let deadline = Date().addingTimeInterval(20)
        while running("pagefold worker").filter({ $0.contains(tmp) }).isEmpty && Date() < deadline { usleep(50_000) }
        #expect(!running("pagefold worker").filter { $0.contains(tmp) }.isEmpty)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        #expect(leftovers(tmp).isEmpty)
        usleep(100_000)
        #expect(running("pagefold worker").filter { $0.contains(tmp) }.isEmpty)
        withExtendedLifetime(temp) {}
    }

    @Test("The library cleans up after a header check too")
    func libraryCleansUp() throws {
        var library: String?
        do {
            let build = try HeaderCompiler.compile(header: examplesDir.appendingPathComponent("headers/prefix-bug.h").path,
                                                   base: variant("s390-fix-v6.10"))
            library = build.library
            #expect(FileManager.default.fileExists(atPath: build.library))
        }
        #expect(library.map { !FileManager.default.fileExists(atPath: $0) } == true)
    }
}
