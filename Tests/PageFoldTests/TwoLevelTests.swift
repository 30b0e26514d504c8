import Testing
import PageFold

/*
 * A 2-level s390 task (31-bit compat): a segment table on top, asce_limit 2 GB. Every upper level
 * is folded into it, so the pmd loop walks the real segment table.
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

    @Test("RFC v1's BUG() and RFC v2's VM_BUG_ON(type < R3) fire as events, not traps",
          arguments: ["s390-rfc-v1", "s390-rfc-v2"])
    func rfcBugs(name: String) throws {
        let gup = try space().gupFast(variant(name), start: start, nrPages: 2)
        #expect(gup.aborted)
        #expect(gup.events(.bug).count == 1)
        #expect(gup.events(.bug).first?.level == .pgd)
        #expect(gup.events(.bug).first?.source?.hasPrefix("s390_rfc_v") == true)
        #expect(gup.nr == 0)
    }

    @Test("Pre-fix gup increments the pmd pointer over the stack: the pud copy, then the p4d copy")
    func prefixPmdLoop() throws {
        let s = try space()
        let gup = try s.gupFast(variant("s390-prefix"), start: start, nrPages: 2)
        let read = gup.events(.stackRead).first
        #expect(read?.level == .pmd && read?.iteration == 2)
        #expect(read?.place == .stack(slot: 2045, copyOf: .p4d))
        // The p4d copy is the same segment entry: the second page comes from 1 MB lower.
        #expect(gup.pageAddresses == [start, 0])
    }

    @Test("The merged fix walks the segment table", arguments: ["s390-fix"])
    func fix(name: String) throws {
        let s = try space()
        let gup = try s.gupFast(variant(name), start: start, nrPages: 2)
        #expect(gup.events.filter { faultKinds.contains($0.kind) }.isEmpty)
        #expect(gup.pageAddresses == [start, start + 0x1000])
    }
}
