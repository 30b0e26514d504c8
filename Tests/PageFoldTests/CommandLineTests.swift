import Foundation
import Testing
import PageFold

/// The pagefold binary `swift test` built next to the test bundle.
func pagefold(_ args: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
    let dir = Bundle.main.bundleURL.deletingLastPathComponent()
    var binary = dir.appendingPathComponent("pagefold")
    if !FileManager.default.fileExists(atPath: binary.path) {
        binary = repositoryRoot.appendingPathComponent(".build/debug/pagefold")
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = args
    process.currentDirectoryURL = repositoryRoot
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

@Suite("The pagefold command", .serialized)
struct CommandLineTests {
    @Test("No arguments: the seed table, one row per variant")
    func seedTable() throws {
        let r = try pagefold([])
        #expect(r.status == 0)
        for v in Variant.all { #expect(r.out.contains(v.name)) }
        #expect(r.out.contains("invariant-a@pud#2 invariant-b@pud#2 stack-read@pud#2"))
    }

    @Test("check exits 1 on the bug, 0 on the fix, and prints a reproducer")
    func checkExitCodes() throws {
        let bad = try pagefold(["check", "--header", "examples/headers/prefix-bug.h", "--base", "s390-fix"])
        #expect(bad.status == 1)
        #expect(bad.out.contains("FAIL"))
        #expect(bad.out.contains("reproduce: pagefold gup --start 0x"))
        let good = try pagefold(["check", "--header", "examples/headers/lockless-fix.h"])
        #expect(good.status == 0)
        #expect(good.out.contains("PASS"))
    }

    @Test("matrix --json: a row per variant and level count")
    func matrixJSON() throws {
        let r = try pagefold(["matrix", "--json"])
        #expect(r.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        #expect(rows.count == Variant.all.reduce(0) { $0 + $1.levels.count })
        let seedRow = rows.first { $0["variant"] as? String == "s390-prefix" && $0["levels"] as? Int == 3 }
        #expect((seedRow?["cells"] as? [String: String])?["seed"] == "wrong pages, stack read, (a), (b)")
        #expect(r.err.isEmpty)  // no progress when stderr is not a terminal
    }

    @Test("gup --json through a space file")
    func gupJSON() throws {
        let r = try pagefold(["gup", "--space", "examples/spaces/seed.json", "--variant", "s390-prefix",
                              "--start", "0x1007ffff000", "--pages", "2", "--json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(json["pages"] as? [String] == ["0x1007ffff000", "0x10000000000"])
    }

    @Test("walk draws without colour when piped, and writes SVG")
    func walkPicture() throws {
        let svg = FileManager.default.temporaryDirectory.appendingPathComponent("pagefold-\(UUID().uuidString).svg").path
        let r = try pagefold(["walk", "--variant", "s390-rfc-v2", "--start", "0x1007ffff000", "--end", "0x10080001000",
                              "--svg", svg])
        #expect(r.status == 0)
        #expect(r.out.contains("pgd │     #1 [0x1007ffff000, 0x10080000000)"))
        #expect(!r.out.contains("\u{1b}["))
        #expect(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<svg"))
    }

    @Test("Usage and input errors exit 2 with a message", arguments: [
        (["gup", "--variant", "s390-fix", "--start", "0xZZ", "--pages", "1"], "\"0xZZ\" is not an address"),
        (["gup", "--variant", "s390-nope", "--start", "0x1000", "--pages", "1"], "no variant is named s390-nope"),
        (["gup", "--variant", "s390-fix", "--start", "0x1000", "--pages", "0"], "a request of 0 pages"),
        (["gup", "--space", "/nonexistent.json", "--variant", "s390-fix", "--start", "0x1000", "--pages", "1"], "cannot open /nonexistent.json"),
        (["check", "--header", "/nonexistent.h"], "cannot read /nonexistent.h"),
        (["walk", "--variant", "s390-fix", "--start", "0x2000", "--end", "0x1000"], "is not above --start"),
        (["matrix", "--markdown", "--json"], "not both"),
        (["gup", "--variant", "s390-fix", "--start", "0x1000", "--pages", "1000000000"], "more than the 4194304 one request may ask for"),
        (["gup", "--variant", "s390-fix", "--start", "0x1000", "--pages", "-1"], "--pages"),
        (["gup", "--variant", "s390-fix", "--start", "0xfffffffffffff000", "--pages", "2"], "overflow the address space"),
        (["gup", "--variant", "s390-fix", "--start", "99999999999999999999999", "--pages", "1"], "is not an address"),
        (["gup", "--variant", "s390-fix", "--arch", "x86", "--levels", "3", "--start", "0x1000", "--pages", "1"], "x86 has 4 to 5 page-table levels, not 3"),
        (["gup", "--variant", "s390-fix", "--start", "0x3fffffff000", "--pages", "2"], "beyond the space's user limit"),
        (["check", "--header", "examples/headers/lockless-fix.h", "--base", "nope"], "no variant is named nope"),
    ])
    func errors(_ args: [String], _ message: String) throws {
        let r = try pagefold(args)
        #expect(r.status == 2)
        #expect(r.err.contains(message), "\(r.err)")
    }

    @Test("A header that does not compile exits 2 and shows its own file:line")
    func compileError() throws {
        let path = try temporaryHeader("typo.h", "\n#undef pud_offset_lockless\n#define pud_offset_lockless(a, b, c) oops(\n")
        let r = try pagefold(["check", "--header", path])
        #expect(r.status == 2)
        #expect(r.err.contains("typo.h:"))
    }

    @Test("Truncated and oversized space files exit 2")
    func badSpaceFiles() throws {
        let truncated = try temporaryHeader("cut.json", "{\"arch\": \"s390\", \"levels\": 3, \"mappi")
        let r = try pagefold(["gup", "--space", truncated, "--variant", "s390-fix", "--start", "0x1000", "--pages", "1"])
        #expect(r.status == 2 && r.err.contains("not valid JSON"))
        let huge = try temporaryHeader("huge.json", "{\"arch\": \"s390\", \"levels\": 3, \"mappings\": [" +
            String(repeating: "{\"start\": 0, \"end\": 4096, \"page\": \"4K\"},", count: 30_000) + "]}")
        let h = try pagefold(["gup", "--space", huge, "--variant", "s390-fix", "--start", "0x1000", "--pages", "1"])
        #expect(h.status == 2 && h.err.contains("is larger than 1048576 bytes"))
    }

    @Test("A header that defines nothing exits 2")
    func emptyHeader() throws {
        let path = try temporaryHeader("nothing.h", "// just a comment\n")
        let r = try pagefold(["check", "--header", path])
        #expect(r.status == 2)
        #expect(r.err.contains("defines nothing"))
    }
}
