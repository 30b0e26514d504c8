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
        let text = RunReport.gup(r, space: space).render()
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
        #expect(pud2["table"] as? String == "stack" && pud2["index"] as? Int == 2046)
        #expect(pud2["addr"] as? String == "0x10080000000" && pud2["next"] as? String == "0x10080001000")
    }

    @Test("walk JSON carries holes with their depth")
    func walkJSON() throws {
        let space = try Scenario.seedUnmappedBelow.makeSpace()
        let r = try space.walkPageRange(variant("s390-fix"), start: 0xfff00000, end: 0x100100000)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(RunReport.walk(r, space: space).render().utf8)) as? [String: Any])
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
        #expect(plain.contains("stack slot 2046 (copy of pgd) = 0x"))
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
        #expect(try Matrix.cell(variant("s390-rfc-v2"), .seed) == "ok")
    }
}
