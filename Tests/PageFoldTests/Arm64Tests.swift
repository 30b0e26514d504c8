import Testing
import PageFold

/*
 * arm64, 16K pages, 4-level build, no LPA2 (pud folded at run time, 47-bit VA):
 *   pgd_offset() -> entry 0 of the pgd page, which *is* the pud table;
 *   generic p4d_offset_lockless() -> &pgd, the stack copy;
 *   pud_offset_lockless() -> p4d_to_folded_pud(&pgd) = ALIGN_DOWN(stack, 16K) + pud_index(addr).
 */
@Suite("arm64 LPA2: the 2024 lockless walk bug and 36639013b346")
struct Arm64Tests {
    @Test("Before the fix, gup_fast reads an unused stack slot on its first pud iteration and gives up")
    func prefixReadsStack() throws {
        let scenario = Scenario.seedShape(for: variant("arm64-lpa2-prefix"))
        #expect(scenario.levels == 3)
        let space = try scenario.makeSpace()
        let gup = try space.gupFast(variant("arm64-lpa2-prefix"), start: scenario.start, nrPages: scenario.nrPages)
        let reads = gup.events(.stackRead)
        #expect(reads.count == 1)
        #expect(reads.first?.level == .pud && reads.first?.iteration == 1)
        // pud_index(0x10080000000 - 16K) with PUD_SHIFT 36 is 16: slot 16 of the aligned-down stack page.
        #expect(reads.first?.place == .stack(slot: Int((scenario.start >> 36) & 2047), copyOf: nil))
        #expect(gup.nr == 0)
    }

    @Test("The fix builds the pud pointer from the live pgd pointer", arguments: [3, 4])
    func fixIsClean(levels: Int) throws {
        let v = variant("arm64-lpa2-fix")
        let start: UInt64 = Scenario.seedBoundary - 0x4000
        let space = try AddressSpace(arch: .arm64, levels: levels, mappings: [
            MappingSpec(start: start, end: start + 0x8000, pageSize: .k16),
        ])
        let gup = try space.gupFast(v, start: start, nrPages: 2)
        #expect(gup.events.isEmpty)
        #expect(gup.frames == Oracle.gupFrames(space, start: start, nrPages: 2, write: false))
        #expect(gup.nr == 2)
    }

    @Test("With LPA2 (4 levels, nothing folded at run time) the generic fallback is harmless")
    func prefixWithLPA2() throws {
        let start: UInt64 = Scenario.seedBoundary - 0x4000
        let space = try AddressSpace(arch: .arm64, levels: 4, mappings: [
            MappingSpec(start: start, end: start + 0x8000, pageSize: .k16),
        ])
        let gup = try space.gupFast(variant("arm64-lpa2-prefix"), start: start, nrPages: 2)
        #expect(gup.events.filter { faultKinds.contains($0.kind) }.isEmpty)
        #expect(gup.frames == Oracle.gupFrames(space, start: start, nrPages: 2, write: false))
    }
}
