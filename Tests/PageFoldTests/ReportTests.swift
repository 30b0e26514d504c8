import Foundation
import Testing
import PageFold

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

@Suite("Reports: JSON, pictures and the variant matrix")
struct ReportTests {
    func seedGup(_ name: String) throws -> (GupResult, AddressSpace) {
        let space = try Scenario.seed.makeSpace()
        return (try space.gupFast(variant(name), start: Scenario.seed.start, nrPages: 2), space)
    }

    @Test("gup JSON: pages as the addresses that map them, events, iterations and trace")
    func gupJSON() throws {
        let (r, space) = try seedGup("s390-prefix")
        let text = RunReport.gup(r, space: space)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["variant"] as? String == "s390-prefix")
        #expect(json["nr"] as? Int == 2)
        // The second page is the one 2 GB lower: a wrong page shows up as a wrong address.
        #expect(json["pages"] as? [String] == ["0x1007ffff000", "0x10000000000"])
        #expect(json["expected_pages"] as? [String] == ["0x1007ffff000", "0x10080000000"])
        let iterations = try #require(json["iterations"] as? [String: Int])
        #expect(iterations == ["pgd": 1, "p4d": 1, "pud": 2, "pmd": 2, "pte": 2])
        let events = try #require(json["events"] as? [[String: Any]])
        let read = try #require(events.first { $0["kind"] as? String == "stack-read" })
        #expect(read["level"] as? String == "pud" && read["iteration"] as? Int == 2)
        let trace = try #require(json["trace"] as? [[String: Any]])
        #expect(trace.count == 8)
        let pud2 = try #require(trace.first { $0["level"] as? String == "pud" && $0["iteration"] as? Int == 2 })
        #expect(pud2["table"] as? String == "stack" && pud2["index"] as? Int == copySlot(.pud))
        #expect(pud2["addr"] as? String == "0x10080000000" && pud2["next"] as? String == "0x10080001000")
    }

    @Test("walk JSON carries holes with their depth")
    func walkJSON() throws {
        let space = try Scenario.seedUnmappedBelow.makeSpace()
        let r = try space.walkPageRange(variant("s390-fix"), start: 0xfff00000, end: 0x100100000)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(RunReport.walk(r, space: space).utf8)) as? [String: Any])
        let holes = try #require(json["holes"] as? [[String: Any]])
        // Region-3 entries 1 and 2 are empty: two holes at depth 2, cut at the 2 GB boundary.
        #expect(holes.map { $0["start"] as? String } == ["0xfff00000", "0x100000000"])
        #expect(holes.map { $0["end"] as? String } == ["0x100000000", "0x100100000"])
        #expect(holes.allSatisfy { $0["depth"] as? Int == 2 })
    }

    @Test("The picture marks the stray read, in red only when asked")
    func picture() throws {
        let (r, space) = try seedGup("s390-prefix")
        let picture = Picture(gup: r, space: space)
        let plain = picture.text(color: false)
        #expect(plain.contains("stack slot \(copySlot(.pud)) (copy of pud) = 0x"))
        #expect(plain.contains("← STRAY STACK READ"))
        #expect(!plain.contains("\u{1b}["))
        #expect(picture.text(color: true).contains("\u{1b}[31;1m"))
        let svg = picture.svg()
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(svg.components(separatedBy: "#e53935").count - 1 == 1)
    }

    @Test("docs/variant-matrix.md is what `pagefold matrix --markdown` prints")
    func matrixDocIsFresh() throws {
        let checkedIn = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/variant-matrix.md"), encoding: .utf8)
        #expect(checkedIn == Matrix.document(try Matrix.rows()),
                "docs/variant-matrix.md is stale: run swift run pagefold matrix --markdown > docs/variant-matrix.md")
    }

    @Test("The matrix cells agree with the invariant table")
    func matrixSeedRow() throws {
        #expect(try Matrix.cell(variant("s390-prefix"), .seed) == "wrong pages, stack read, (a), (b)")
        #expect(try Matrix.cell(variant("s390-fix"), .seed) == "(b)")
        #expect(try Matrix.cell(variant("s390-fix-v6.10"), .seed) == "(b)")
        #expect(try Matrix.cell(variant("s390-rfc-v2"), .seed) == "ok")
    }
}

@Suite("docs/the-bug.md shows the tool's own pictures")
struct StoryTests {
    @Test("Every text picture in docs/the-bug.md is what pagefold prints today")
    func picturesAreFresh() throws {
        let doc = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/the-bug.md"), encoding: .utf8)
        let blocks = doc.components(separatedBy: "```\n").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let seed = Scenario.seed
        let walkSpace = try AddressSpace(arch: .s390, levels: 3, mappings: [
            MappingSpec(start: seed.start - 0x2000, end: seed.end + 0x2000, pageSize: .k4),
        ])
        // What `pagefold walk` and `pagefold gup` print: the picture, then the verdict.
        func walk(_ name: String) throws -> String {
            let r = try walkSpace.walkPageRange(variant(name), start: seed.start, end: seed.end)
            return Picture(walk: r, space: walkSpace).text(color: false)
                + Conformance.judge(r, in: walkSpace, spaceName: "").text
        }
        func gup(_ name: String, _ spec: String = "seed.json", start: UInt64 = seed.start, pages: UInt64 = 2) throws -> String {
            let space = try SpaceSpec.load(path: examplesDir.appendingPathComponent("spaces/\(spec)").path).makeSpace()
            let r = try space.gupFast(variant(name), start: start, nrPages: pages)
            return Picture(gup: r, space: space).text(color: false) + Conformance.judge(r, in: space, spaceName: "").text
        }
        let expected = [try walk("s390-prefix"), try walk("s390-rfc-v2"), try gup("s390-prefix"),
                        try gup("s390-prefix", "four-tb.json", start: 0x3ff_ffff_e000, pages: 6),
                        try gup("s390-rfc-v1"), try gup("s390-fix")]
        #expect(blocks == expected, "regenerate the pictures: docs/pictures/make.sh and the pagefold commands in the-bug.md")
    }
}
