import Testing
import PageFold

/*
 * What a real pre-fix 6.1 s390 kernel does (real-kernel-notes.md), as PageFold must predict it.
 * GCC 12 gives the inlined walk's pgd, p4d and pud copies consecutive ascending stack slots, pgd
 * lowest, with the caller's saved registers above:
 *
 *      slot:   pgd copy | p4d copy | pud copy | caller's saved registers ...
 *
 *  3-level: pudp = &p4d copy; pudp++ -> pud copy (the previous iteration's: the same region-3
 *           entry), the segment table 2 GB lower; pudp++ again -> the caller's registers.
 *  4-level: p4dp = &pgd copy; p4dp++ -> p4d copy (the same region-2 entry), 4 TB lower.
 */
@Suite("The pre-fix kernel's stack frame, and what it makes gup do")
struct StackFrameTests {
    let prefix = variant("s390-prefix")

    @Test("3-level, across 2 GB: every page past the boundary is the page 2 GB below it, while those are populated")
    func twoGigabytesLower() throws {
        let b: UInt64 = 0x1_8000_0000	// 6 GB, a 2 GB boundary
        let space = try AddressSpace(arch: .s390, levels: 3, mappings: [
            MappingSpec(start: b - 0x1000, end: b + 0x10000, pageSize: .k4),
            // 2 GB lower: the first 3 pages past the boundary populated, then a gap
            MappingSpec(start: b - 0x8000_0000, end: b - 0x8000_0000 + 0x3000, pageSize: .k4),
        ])
        let gup = try space.gupFast(prefix, start: b - 0x1000, nrPages: 17)
        #expect(gup.pageAddresses == [b - 0x1000] + (0..<3).map { b - 0x8000_0000 + $0 * 0x1000 })
        #expect(gup.events(.stackRead).map(\.place) == [.stack(slot: copySlot(.pud), copyOf: .pud)])
        #expect(!gup.aborted)
    }

    @Test("3-level, across two 2 GB boundaries: the third pud iteration reads the caller's saved registers and stops; no stray read is cut from the record")
    func callersRegisters() throws {
        let b: UInt64 = 0x1_8000_0000
        // Everything from 2 GB below the range to its end is mapped.
        let space = try AddressSpace(arch: .s390, levels: 3, mappings: [
            MappingSpec(start: b - 0x8000_0000, end: b + 0x8000_0000 + 0x1000, pageSize: .k4),
        ])
        let pages: UInt64 = (0x8000_0000 + 0x2000) / 0x1000
        let gup = try space.gupFast(prefix, start: b - 0x1000, nrPages: pages)
        let reads = gup.events(.stackRead)
        // Each pte past the first boundary breaks (a), far more events than the record keeps; the
        // stray reads are never among those cut.
        #expect(gup.eventsCut > 0)
        #expect(reads.map(\.iteration) == [2, 3])
        #expect(reads.last?.place == .callerFrame(slot: copySlot(.pud) + 1))
        #expect(reads.last?.description.contains("the caller's saved registers") == true)
        #expect(gup.aborted)
        // Up to the second boundary, the pages are those 2 GB lower; nothing after it.
        #expect(UInt64(gup.nr) == 1 + 0x8000_0000 / 0x1000)
        #expect(gup.pageAddresses.last == b - 0x1000)
    }

    @Test("4-level, across 4 TB: every page past the boundary is the page 4 TB lower")
    func fourTerabytesLower() throws {
        let space = try SpaceSpec.load(path: examplesDir.appendingPathComponent("spaces/four-tb.json").path).makeSpace()
        let start: UInt64 = 0x400_0000_0000 - 0x2000
        let gup = try space.gupFast(prefix, start: start, nrPages: 6)
        #expect(gup.pageAddresses == [start, start + 0x1000, 0, 0x1000, 0x2000, 0x3000])
        #expect(gup.events(.stackRead).map(\.place) == [.stack(slot: copySlot(.p4d), copyOf: .p4d)])
        // The merged fix walks the real region-2 table.
        let fixed = try space.gupFast(variant("s390-fix"), start: start, nrPages: 6)
        #expect(fixed.pageAddresses == (0..<6).map { start + $0 * 0x1000 })
    }
}

/*
 * s390 2 GB entries as hugetlb writes them (arch/s390/mm/hugetlbpage.c, __pte_to_rste()): the
 * segment entry's software bits, read 0x1 and write 0x2, in a region-3 entry. pud_write() tests
 * _REGION3_ENTRY_WRITE, 0x1 before 3e93d49175a7 (v6.10) and 0x2 from then on.
 */
@Suite("Each era's entries, and the findings they lead to")
struct EraTests {
    func readOnlyTwoGigabytes(levels: Int = 3) throws -> AddressSpace {
        try AddressSpace(arch: .s390, levels: levels, mappings: [
            MappingSpec(start: 0x2_8000_0000, end: 0x3_0000_0000, pageSize: .g2, writable: false),
        ])
    }

    @Test("Before v6.10 gup_fast pins a read-only 2 GB page for FOLL_WRITE; the Oracle follows, as a finding",
          arguments: ["s390-prefix", "s390-rfc-v1", "s390-rfc-v2", "s390-fix"])
    func writableBeforeV610(name: String) throws {
        let v = variant(name)
        let space = try readOnlyTwoGigabytes()
        let gup = try space.gupFast(v, start: 0x2_8000_0000, nrPages: 2, write: true)
        #expect(v.quirks == [.readOnlyHugePudWritable])
        #expect(gup.nr == 2)
        #expect(Oracle.gupFrames(space, start: 0x2_8000_0000, nrPages: 2, write: true, quirks: v.quirks) == gup.frames)
        #expect(Oracle.gupFrames(space, start: 0x2_8000_0000, nrPages: 2, write: true).isEmpty)
        #expect(Oracle.findings(space, start: 0x2_8000_0000, nrPages: 2, write: true, quirks: v.quirks) == [.readOnlyHugePudWritable])
        #expect(Conformance.judge(gup, in: space, spaceName: "").failures.isEmpty)
    }

    @Test("From v6.10 on it refuses the write, and pins for a read", arguments: [3, 4, 5])
    func readOnlyFromV610(levels: Int) throws {
        let v = variant("s390-fix-v6.10")
        let space = try readOnlyTwoGigabytes(levels: levels)
        #expect(v.quirks.isEmpty)
        #expect(try space.gupFast(v, start: 0x2_8000_0000, nrPages: 2, write: true).nr == 0)
        let read = try space.gupFast(v, start: 0x2_8000_0000, nrPages: 2)
        #expect(read.nr == 2)
        space.release(read)
    }

    @Test("The entry is what hugetlb writes: origin, type R3, large, the segment read bit, protect, young, no-exec")
    func entryBits() throws {
        let space = try readOnlyTwoGigabytes()
        let gup = try space.gupFast(variant("s390-fix"), start: 0x2_8000_0000, nrPages: 1)
        let value = try #require(gup.steps.first { $0.level == .pud }?.value)
        let origin = space.mappings[0].phys
        // _SEGMENT_ENTRY_READ 0x1 | _REGION_ENTRY_TYPE_R3 0x4 | _SEGMENT_ENTRY_NOEXEC 0x100 |
        // _SEGMENT_ENTRY_PROTECT 0x200 | _REGION3_ENTRY_LARGE 0x400 | _SEGMENT_ENTRY_YOUNG 0x1000
        #expect(value == origin | 0x1 | 0x4 | 0x100 | 0x200 | 0x400 | 0x1000)
        space.release(gup)
    }
}
