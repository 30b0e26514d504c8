import Testing
import PageFold

@Suite("Every fixed variant equals the Oracle over the boundary set")
struct OracleEquivalenceTests {
    /// Every arch and level count some fixed variant runs on (s390 2-level tasks ended in v5.7,
    /// before any fix: only the pre-fix variant runs them).
    @Test(arguments: BoundaryCase.all.filter { c in Variant.all.contains { runsFixed($0, c.levels) && $0.arch == c.arch } })
    func boundarySet(_ c: BoundaryCase) throws {
        let (space, points) = try c.space()
        let ranges = BoundaryCase.ranges(space.geometry, around: points)
        #expect(ranges.count >= 10 * points.count)
        let variants = Variant.all.filter {
            runsFixed($0, c.levels) && $0.arch == c.arch && $0.levels.contains(c.levels)
        }
        #expect(!variants.isEmpty)
        var mappedPagesSeen = 0
        for v in variants {
            for (start, end) in ranges {
                let nrPages = (end - start) / space.arch.pageSize
                for write in [false, true] {
                    let expected = Oracle.gupFrames(space, start: start, nrPages: nrPages, write: write, quirks: v.quirks)
                    let gup = try space.gupFast(v, start: start, nrPages: nrPages, write: write)
                    mappedPagesSeen += expected.count
                    #expect(gup.frames == expected, "\(v.name) gup \(hex(start))-\(hex(end)) write \(write)")
                    // The prefix property: page i is the one mapped at start + i pages.
                    #expect(gup.pageAddresses.enumerated().allSatisfy { i, va in
                        va == start + UInt64(i) * space.arch.pageSize
                    })
                    #expect(gup.events.filter { faultKinds.contains($0.kind) }.isEmpty,
                            "\(v.name) gup \(hex(start))-\(hex(end)): \(gup.events)")
                    space.release(gup)
                }
                let walk = try space.walkPageRange(v, start: start, end: end)
                #expect(Oracle.comparable(walk.visits) == Oracle.walkVisits(space, start: start, end: end),
                        "\(v.name) walk \(hex(start))-\(hex(end))")
                #expect(walk.events.filter { faultKinds.contains($0.kind) }.isEmpty,
                        "\(v.name) walk \(hex(start))-\(hex(end)): \(walk.events)")
            }
        }
        // The set is not vacuous: it reaches mapped pages, read-only pages and holes.
        #expect(mappedPagesSeen > 0)
    }
}
