import Foundation
import Testing
import PageFold

/// The pagefold binary `swift test` built next to the test bundle (the worker a header runs in).
let pagefoldBinary = URL(fileURLWithPath: Worker.executable)

/// Run pagefold in the repository root; its output and exit status.
func pagefold(_ args: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = pagefoldBinary
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

    @Test("check: 1 with the cause first on a bug, 0 on a right patch, 2 on a header that changes nothing")
    func checkExitCodes() throws {
        let bad = try pagefold(["check", "--header", "examples/headers/prefix-bug.h"])
        #expect(bad.status == 1)
        #expect(bad.out.contains("FAIL"))
        #expect(bad.out.contains("cause: stray read: pud iteration 2"))
        #expect(bad.out.contains("reproduce: pagefold gup --header "))
        let good = try pagefold(["check", "--header", "examples/headers/d3f7b1bb2040-on-prefix.h", "--base", "s390-prefix"])
        #expect(good.status == 0)
        #expect(good.out.contains("PASS"))
        let same = try pagefold(["check", "--header", "Tests/Headers/unchanged/same-as-base.h"])
        #expect(same.status == 2)
        #expect(same.err.contains("changed nothing the walkers run"))
    }

    /// The reproduce line as words: the line quotes only what needs it, with single quotes.
    func words(_ line: String) -> [String] {
        var out: [String] = [], word = "", quoted = false
        for c in line {
            if c == "'" { quoted.toggle() } else if c == " " && !quoted { if !word.isEmpty { out.append(word) }; word = "" } else { word.append(c) }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    @Test("The reproduce line, run as printed, shows the same failure and exits 1", arguments: [
        ["check", "--header", "examples/headers/prefix-bug.h"],
        ["check", "--header", "Tests/Headers/bug/write-check-pte.h", "--levels", "3"],
        ["check", "--header", "Tests/Headers/bug/walk-pud-addr-end.h", "--levels", "3"],
        ["check", "--variant", "s390-prefix", "--levels", "4"],
    ])
    func reproduces(_ args: [String]) throws {
        let check = try pagefold(args)
        #expect(check.status == 1)
        let cause = try #require(check.out.split(separator: "\n").first { $0.hasPrefix("cause: ") })
        let line = try #require(check.out.split(separator: "\n").first { $0.hasPrefix("reproduce: ") })
        var argv = words(String(line.dropFirst("reproduce: ".count)))
        #expect(argv.removeFirst() == "pagefold")
        // The space file it names is not the next run's scratch: it is still there after another check.
        _ = try pagefold(args)
        let space = try #require(argv.firstIndex(of: "--space").map { argv[$0 + 1] })
        #expect(FileManager.default.fileExists(atPath: space))
        let again = try pagefold(argv)
        #expect(again.status == 1, "\(again.err)")
        // The cause's detail (after "cause: <kind>: ") is a line of the verdict.
        let detail = cause.split(separator: ":", maxSplits: 1)[1].split(separator: ":", maxSplits: 1)[1]
        #expect(again.out.contains(detail.trimmingCharacters(in: .whitespaces)), "\(again.out)")
    }

    @Test("check --json lists every failure, the lead and the groups")
    func checkJSON() throws {
        let r = try pagefold(["check", "--variant", "s390-prefix", "--levels", "3", "--json"])
        #expect(r.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let failures = try #require(json["failures"] as? [[String: Any]])
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(json["passed"] as? Bool == false)
        #expect((json["lead"] as? [String: Any])?["kind"] as? String == "stray read")
        #expect(failures.count == groups.reduce(0) { $0 + ($1["count"] as? Int ?? 0) })
        #expect(failures.allSatisfy { $0["levels"] as? Int == 3 })
        #expect((json["levels"] as? [Int]) == [3])
    }

    @Test("check --space adds a space of the user's to the set")
    func checkSpace() throws {
        let r = try pagefold(["check", "--variant", "s390-prefix", "--levels", "5", "--space", "examples/spaces/seed.json"])
        #expect(r.status == 1)
        #expect(r.out.contains("cause: stray read"))
        #expect(r.out.contains("examples/spaces/seed.json"))
    }

    @Test("gup and walk judge what they draw: exit 1 when the walk is wrong, 0 when right")
    func gupVerdict() throws {
        let wrong = try pagefold(["gup", "--space", "examples/spaces/seed.json", "--variant", "s390-prefix",
                                  "--start", "0x1007ffff000", "--pages", "0x2"])
        #expect(wrong.status == 1)
        #expect(wrong.out.contains("verdict: WRONG"))
        #expect(wrong.out.contains("wrong pages: recorded 2 pages, the oracle 2; page 1 (0x10080000000) is the page mapped at 0x10000000000"))
        let right = try pagefold(["gup", "--space", "examples/spaces/seed.json", "--variant", "s390-fix",
                                  "--start", "0x1007ffff000", "--pages", "2"])
        #expect(right.status == 0)
        #expect(right.out.contains("verdict: right"))
        let walk = try pagefold(["walk", "--header", "Tests/Headers/bug/walk-pud-addr-end.h", "--start", "0x7ffff000",
                                 "--end", "0x80001000"])
        #expect(walk.status == 1)
    }

    @Test("matrix --header adds the header's rows, run in a worker")
    func matrixHeader() throws {
        let r = try pagefold(["matrix", "--header", "examples/headers/prefix-bug.h", "--json"])
        #expect(r.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        let mine = rows.filter { $0["variant"] as? String == "examples/headers/prefix-bug.h" }
        #expect(mine.map { $0["levels"] as? Int } == [3, 4, 5])
        let crossPud = (mine.first?["cells"] as? [String: String])?["cross pud"]
        #expect(crossPud?.contains("stack read") == true, "cross pud: \(crossPud ?? "no cell")")
    }

    @Test("matrix --json: a row per variant and level count")
    func matrixJSON() throws {
        let r = try pagefold(["matrix", "--json"])
        #expect(r.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        #expect(rows.count == Variant.all.reduce(0) { $0 + $1.levels.count })
        let seedRow = rows.first { $0["variant"] as? String == "s390-prefix" && $0["levels"] as? Int == 3 }
        #expect((seedRow?["cells"] as? [String: String])?["seed"] == "wrong pages, stack read, (a), (b)")
        let twoLevel = rows.first { $0["variant"] as? String == "s390-prefix" && $0["levels"] as? Int == 2 }
        #expect((twoLevel?["era"] as? String)?.hasPrefix("v5.2-v5.6") == true)
        let old = rows.first { $0["variant"] as? String == "s390-fix" && $0["levels"] as? Int == 3 }
        #expect((old?["cells"] as? [String: String])?["ro large leaf, write"] == "finding: ro 2G writable")
        let new = rows.first { $0["variant"] as? String == "s390-fix-v6.10" && $0["levels"] as? Int == 3 }
        #expect((new?["cells"] as? [String: String])?["ro large leaf, write"] == "ok")
        #expect(r.err.isEmpty)  // no progress when stderr is not a terminal
    }

    @Test("gup --json through a space file")
    func gupJSON() throws {
        let r = try pagefold(["gup", "--space", "examples/spaces/seed.json", "--variant", "s390-prefix",
                              "--start", "0x1007ffff000", "--pages", "2", "--json"])
        #expect(r.status == 1)  // the walk is wrong: the JSON says so too
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(json["pages"] as? [String] == ["0x1007ffff000", "0x10000000000"])
        #expect((json["failures"] as? [[String: Any]])?.first?["kind"] as? String == "stray read")
    }

    @Test("walk draws without colour when piped, and writes SVG")
    func walkPicture() throws {
        let files = try TemporaryFiles()
        let svg = files.directory.file("walk.svg")
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
        (["gup", "--variant", "s390-fix", "--start", "0x1000", "--pages", "0xZ"], "is not a count in hex"),
        (["check", "--header", "examples/headers/prefix-bug.h", "--variant", "s390-fix"], "give one of --header, --variant and --kernel-tree"),
        (["check", "--variant", "s390-fix", "--levels", "2"], "levels: s390-fix runs on 3 to 5 levels; --levels leaves none"),
        (["check", "--header", "examples/headers/prefix-bug.h", "--timeout", "0"], "--timeout"),
        (["check", "--header", "/tmp"], "is not a regular file"),
        (["gup", "--header", "examples/headers/prefix-bug.h", "--space", "examples/spaces/x86-leaves.json", "--start", "0x1000", "--pages", "1"], "is for s390"),
        (["gup", "--space", "/nonexistent.json", "--variant", "s390-fix", "--start", "0x1000", "--pages", "1"], "cannot open /nonexistent.json"),
        (["check", "--header", "/nonexistent.h"], "cannot read /nonexistent.h: no such file"),
        (["walk", "--variant", "s390-fix", "--start", "0x2000", "--end", "0x1000"], "is not above --start"),
        (["matrix", "--markdown", "--json"], "not both"),
        (["gup", "--variant", "s390-fix", "--start", "0x1000", "--pages", "1000000000"], "more than the 4194304 one request may ask for"),
        (["gup", "--variant", "s390-fix", "--start", "0x1000", "--pages", "-1"], "--pages"),
        (["gup", "--variant", "s390-fix", "--start", "0xfffffffffffff000", "--pages", "2"], "overflow the address space"),
        (["gup", "--variant", "s390-fix", "--start", "99999999999999999999999", "--pages", "1"], "is not an address"),
        (["gup", "--variant", "s390-fix", "--arch", "x86", "--levels", "3", "--start", "0x1000", "--pages", "1"], "x86 has 4 to 5 page-table levels, not 3"),
        (["gup", "--variant", "s390-fix", "--start", "0x3fffffff000", "--pages", "2"], "beyond the space's user limit"),
        (["check", "--header", "examples/headers/lockless-fix.h", "--base", "nope"], "no variant is named nope"),
        (["check", "--kernel-tree", "/nonexistent"], "kernel-tree: /nonexistent is not a directory"),
        (["check", "--kernel-tree", "examples"], "lacks Makefile, include/linux/pgtable.h, mm/gup.c, mm/pagewalk.c"),
        (["check", "--kernel-tree", "examples", "--arch", "generic"], "give s390, x86 or arm64 with --kernel-tree"),
        (["check", "--variant", "s390-fix", "--patch", "examples/patches/6.1-revert-d3f7b1bb2040-gup.patch"], "--patch goes with --kernel-tree"),
        (["gup", "--kernel-tree", "examples", "--space", "examples/spaces/x86-leaves.json", "--arch", "s390", "--start", "0x1000", "--pages", "1"],
         "--arch s390 conflicts with the space's arch, x86"),
        (["qemu", "--kernel-tree", "examples", "--space", "examples/spaces/x86-leaves.json", "--start", "0x1000", "--pages", "1"],
         "qemu: the guest is s390; the space is x86"),
        (["qemu", "--kernel-tree", "examples", "--space", "examples/spaces/seed.json", "--start", "0x1007ffff000", "--pages", "300"],
         "the hook takes 256 at most"),
    ])
    func errors(_ args: [String], _ message: String) throws {
        let r = try pagefold(args)
        #expect(r.status == 2)
        #expect(r.err.contains(message), "\(r.err)")
    }

    @Test("A header that does not compile exits 2 and shows its own file:line")
    func compileError() throws {
        let tmp = try TemporaryFiles()
        let path = try tmp.write("typo.h", "\n#undef pud_offset_lockless\n#define pud_offset_lockless(a, b, c) oops(\n")
        let r = try pagefold(["check", "--header", path])
        #expect(r.status == 2)
        #expect(r.err.contains("typo.h:"))
    }

    @Test("Truncated and oversized space files exit 2")
    func badSpaceFiles() throws {
        let tmp = try TemporaryFiles()
        let truncated = try tmp.write("cut.json", "{\"arch\": \"s390\", \"levels\": 3, \"mappi")
        let r = try pagefold(["gup", "--space", truncated, "--variant", "s390-fix", "--start", "0x1000", "--pages", "1"])
        #expect(r.status == 2 && r.err.contains("not valid JSON"))
        let huge = try tmp.write("huge.json", "{\"arch\": \"s390\", \"levels\": 3, \"mappings\": [" +
            String(repeating: "{\"start\": 0, \"end\": 4096, \"page\": \"4K\"},", count: 30_000) + "]}")
        let h = try pagefold(["gup", "--space", huge, "--variant", "s390-fix", "--start", "0x1000", "--pages", "1"])
        #expect(h.status == 2 && h.err.contains("is larger than 1048576 bytes"))
    }

    @Test("A header that defines nothing exits 2")
    func emptyHeader() throws {
        let tmp = try TemporaryFiles()
        let path = try tmp.write("nothing.h", "// just a comment\n")
        let r = try pagefold(["check", "--header", path])
        #expect(r.status == 2)
        #expect(r.err.contains("defines nothing"))
    }
}
