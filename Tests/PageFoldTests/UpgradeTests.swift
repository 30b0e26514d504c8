import Testing
import PageFold

/*
 * crst_table_upgrade(): 3 levels (region-3 on top, asce_limit 4 TB) -> 4 (region-2, 8 PB) -> 5
 * (region-1). The new top's entry 0 points at the old top, so pgd_offset(), which takes its shift
 * from the top table's first entry, indexes the new table at once.
 */
@Suite("s390 3 -> 4 -> 5 level upgrade")
struct UpgradeTests {
    @Test(arguments: ["s390-rfc-v1", "s390-rfc-v2", "s390-fix"])
    func upgradeKeepsMappings(name: String) throws {
        let space = try Scenario.seed.makeSpace()
        try space.upgrade(to: 4)
        #expect(space.userLimit == 1 << 53)
        let high: UInt64 = 3 << 42	// above the old asce_limit, across a region-2 boundary
        try space.map(MappingSpec(start: high - 0x1000, end: high + 0x1000, pageSize: .k4))
        try space.upgrade(to: 5)
        let top: UInt64 = 3 << 53
        try space.map(MappingSpec(start: top - 0x1000, end: top + 0x1000, pageSize: .k4))
        for (start, n) in [(Scenario.seed.start, UInt64(2)), (high - 0x1000, 2), (top - 0x1000, 2)] {
            let gup = try space.gupFast(variant(name), start: start, nrPages: n)
            #expect(gup.frames == Oracle.gupFrames(space, start: start, nrPages: n, write: false))
            #expect(gup.nr == 2)
            #expect(gup.events.filter { faultKinds.contains($0.kind) }.isEmpty)
            let walk = try space.walkPageRange(variant(name), start: start, end: start + n * 0x1000)
            #expect(Oracle.comparable(walk.visits) == Oracle.walkVisits(space, start: start, end: start + n * 0x1000))
        }
    }

    /*
     * 4 levels: region-2 on top. pud_offset(&p4d copy) now dereferences (the entry is a region-2
     * one), so the pud loop walks the real region-3 table and the seed range is fine; the folded
     * level is the p4d, whose loop starts on the pgd copy and steps across a 4 TB boundary onto
     * the p4d copy above it: the same region-2 entry, so the walk goes on 4 TB lower, where
     * nothing is mapped here.
     */
    @Test("After an upgrade to 4 levels the pre-fix bug moves from the 2 GB to the 4 TB boundary")
    func prefixAfterUpgrade() throws {
        let space = try Scenario.seed.makeSpace()
        try space.upgrade(to: 4)
        let prefix = variant("s390-prefix")
        let seed = try space.gupFast(prefix, start: Scenario.seed.start, nrPages: 2)
        #expect(seed.events.filter { faultKinds.contains($0.kind) }.isEmpty)
        #expect(seed.pageAddresses == [Scenario.seed.start, Scenario.seedBoundary])

        let b: UInt64 = 3 << 42
        try space.map(MappingSpec(start: b - 0x1000, end: b + 0x1000, pageSize: .k4))
        let gup = try space.gupFast(prefix, start: b - 0x1000, nrPages: 2)
        let read = gup.events(.stackRead).first
        #expect(read?.level == .p4d && read?.iteration == 2)
        #expect(read?.place == .stack(slot: copySlot(.p4d), copyOf: .p4d))
        #expect(gup.nr == 1)
    }
}
