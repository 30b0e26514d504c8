import Testing
import PageFold

/*
 * The seed mail's walk, s390 3-level task (region-3 table on top):
 *
 *      0x1007ffff000          0x10080000000          0x10080001000
 *            |-------- page 1 -------|------- page 2 -------|
 *                       pud boundary ^ (2^40 + 2^31)
 *
 *   pgd_offset() indexes the region-3 table with shift 31: entry 512 for page 1, 513 for page 2.
 */
@Suite("Seed scenario: s390 3-level, 0x1007ffff000-0x10080001000")
struct SeedTests {
    let seed = Scenario.seed

    @Test("Pagewalk Before: 1 iteration at pgd, 1 at p4d, 2 at pud on the one region-3 table",
          arguments: ["s390-prefix", "s390-rfc-v1", "s390-fix"])
    func walkBefore(name: String) throws {
        let space = try seed.makeSpace()
        let walk = try space.walkPageRange(variant(name), start: seed.start, end: seed.end)
        #expect(walk.iterations(.pgd) == 1)
        #expect(walk.iterations(.p4d) == 1)
        #expect(walk.iterations(.pud) == 2)
        let pudSteps = walk.steps.filter { $0.level == .pud }
        guard case let .table(level, pa, index) = pudSteps[0].place,
              case let .table(level2, pa2, index2) = pudSteps[1].place else {
            Issue.record("pud steps are not on tables: \(pudSteps.map(\.place))")
            return
        }
        #expect(level == .pud && level2 == .pud && pa == pa2)
        #expect(index == 512 && index2 == 513)
        // pgd and p4d steps point at that same region-3 entry: the middle-level folding.
        for step in walk.steps where step.level < .pud {
            #expect(step.place == pudSteps[0].place)
        }
        #expect(walk.events.filter { faultKinds.contains($0.kind) }.isEmpty)
    }

    @Test("Pagewalk After (RFC v2): the iteration moves to the pgd level, each lower loop runs once")
    func walkAfter() throws {
        let space = try seed.makeSpace()
        let walk = try space.walkPageRange(variant("s390-rfc-v2"), start: seed.start, end: seed.end)
        #expect(walk.iterations(.pgd) == 2)
        #expect(walk.steps.filter { $0.level == .p4d || $0.level == .pud }.allSatisfy { $0.iteration == 1 })
        #expect(walk.iterations(.p4d) == 2 && walk.iterations(.pud) == 2)
        #expect(walk.steps.filter { $0.level == .pgd }.map(\.next) == [Scenario.seedBoundary, seed.end])
        #expect(walk.invariants.holdsA && walk.invariants.holdsB)
    }

    /*
     * pudp = pud_offset(&p4d) is the p4d copy's slot; pudp++ lands on the slot above it, which GCC
     * gives the pud copy: iteration 1 stored the same region-3 entry there, so the walk goes on in
     * the segment table of the 2 GB below (real-kernel-notes.md, the pre-fix 6.1 kernel).
     */
    @Test("Pre-fix gup_fast reads its previous pud copy at pud iteration 2 and pins the page 2 GB lower")
    func prefixGupCorrupts() throws {
        let space = try seed.makeSpace()
        let gup = try space.gupFast(variant("s390-prefix"), start: seed.start, nrPages: seed.nrPages)
        let reads = gup.events(.stackRead)
        #expect(reads.count == 1)
        #expect(reads.first?.level == .pud)
        #expect(reads.first?.iteration == 2)
        #expect(reads.first?.place == .stack(slot: copySlot(.pud), copyOf: .pud))
        #expect(gup.nr == 2)
        #expect(gup.pageAddresses == [seed.start, Scenario.seedBoundary - 0x8000_0000])
    }

    @Test("Pre-fix gup_fast returns short when nothing is mapped 2 GB lower")
    func prefixGupShort() throws {
        let scenario = Scenario.seedUnmappedBelow
        let space = try scenario.makeSpace()
        let gup = try space.gupFast(variant("s390-prefix"), start: scenario.start, nrPages: scenario.nrPages)
        #expect(gup.events(.stackRead).map(\.iteration) == [2])
        #expect(gup.nr == 1)
        #expect(gup.pageAddresses == [scenario.start])
    }

    @Test("RFC v1, RFC v2 and the fix pin exactly the right pages", arguments: ["s390-rfc-v1", "s390-rfc-v2", "s390-fix"])
    func fixedGup(name: String) throws {
        for scenario in [Scenario.seed, .seedUnmappedBelow] {
            let space = try scenario.makeSpace()
            for pin in [false, true] {
                let gup = try space.gupFast(variant(name), start: scenario.start, nrPages: scenario.nrPages, pin: pin)
                #expect(gup.nr == 2)
                #expect(gup.pageAddresses == [scenario.start, Scenario.seedBoundary])
                #expect(gup.frames == Oracle.gupFrames(space, start: scenario.start, nrPages: 2, write: false))
                #expect(gup.events.filter { faultKinds.contains($0.kind) }.isEmpty)
                space.release(gup)
            }
        }
    }
}
