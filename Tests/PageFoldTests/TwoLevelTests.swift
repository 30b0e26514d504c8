import Testing
import PageFold

/*
 * A 2-level s390 task (31-bit compat): a segment table on top, asce_limit 2 GB. Every upper level
 * is folded into it, so the pmd loop walks the real segment table. Such tasks existed from v5.2's
 * generic gup_fast until v5.7 ("s390/mm: remove page table downgrade support"): only the pre-fix
 * code ever met one.
 *
 *      0xfff000        0x100000       0x101000
 *          |--- page ---|--- page ---|
 *                  1 MB ^ segment (pmd) boundary
 */
@Suite("s390 2-level tasks")
struct TwoLevelTests {
    let start: UInt64 = 0x10_0000 - 0x1000

    func space() throws -> AddressSpace {
        try AddressSpace(arch: .s390, levels: 2, mappings: [
            MappingSpec(start: 0, end: 0x20_0000, pageSize: .k4),
        ])
    }

    @Test("RFC v1, RFC v2 and the fixes are for v5.9 and later, which have no 2-level tasks",
          arguments: ["s390-rfc-v1", "s390-rfc-v2", "s390-fix", "s390-fix-v6.10"])
    func laterCodeRefusesTwoLevels(name: String) throws {
        #expect(variant(name).levels == 3...5)
        let s = try space()
        #expect(errorText { _ = try s.gupFast(variant(name), start: start, nrPages: 2) }
            == "levels: \(name) runs on 3 to 5 levels, the space has 2")
    }

    @Test("The pre-fix variant's 2-level era is v5.2 to v5.6")
    func prefixEra() {
        #expect(variant("s390-prefix").era(levels: 2).hasPrefix("v5.2-v5.6"))
        #expect(variant("s390-prefix").era(levels: 3) == "v5.2-v5.8")
    }

    /*
     * pmdp = pmd_offset(&pud) is the pud copy's slot, the highest of the three copies; pmdp++ from
     * it lands on the caller's saved registers, whose content PageFold does not model: the walk
     * stops there with what it had.
     */
    @Test("Pre-fix gup steps from the pud copy onto the caller's saved registers and stops")
    func prefixPmdLoop() throws {
        let s = try space()
        let gup = try s.gupFast(variant("s390-prefix"), start: start, nrPages: 2)
        let read = gup.events(.stackRead).first
        #expect(read?.level == .pmd && read?.iteration == 2)
        #expect(read?.place == .callerFrame(slot: copySlot(.pud) + 1))
        #expect(gup.aborted)
        #expect(gup.pageAddresses == [start])
    }
}
