import Testing
import PageFold

@Suite("Bad input gets an error that names what is wrong")
struct BadInputTests {
    func seedSpace() throws -> AddressSpace { try Scenario.seed.makeSpace() }

    @Test func unalignedStart() throws {
        let s = try seedSpace()
        #expect(errorText { _ = try s.gupFast(variant("s390-fix"), start: 0x1007ffff001, nrPages: 1) }
            == "start: 0x1007ffff001 is not aligned to the 4096-byte page")
    }

    @Test func zeroPages() throws {
        let s = try seedSpace()
        #expect(errorText { _ = try s.gupFast(variant("s390-fix"), start: 0x1000, nrPages: 0) }.hasPrefix("pages: a request of 0 pages"))
    }

    @Test func overflow() throws {
        let s = try AddressSpace(arch: .s390, levels: 5)
        #expect(errorText { _ = try s.gupFast(variant("s390-fix"), start: 0xffff_ffff_fff0_0000, nrPages: 0x200000) }
            .contains("overflows the address space"))
    }

    @Test func tooManyPages() throws {
        let s = try seedSpace()
        #expect(errorText { _ = try s.gupFast(variant("s390-fix"), start: 0, nrPages: 1_000_000_000) }
            .contains("more than the 4194304 one request may ask for"))
    }

    @Test("A range past asce_limit is refused; one that ends on it is not")
    func beyondAsceLimit() throws {
        let s = try seedSpace()
        #expect(errorText { _ = try s.gupFast(variant("s390-fix"), start: (1 << 42) - 0x1000, nrPages: 2) }
            == "end: 0x40000001000 is beyond the space's user limit 0x40000000000 (asce_limit)")
        #expect(errorText { _ = try s.gupFast(variant("s390-fix"), start: (1 << 42) - 0x1000, nrPages: 1) } == "no error")
    }

    @Test func overlappingMappings() throws {
        let s = try seedSpace()
        #expect(errorText { try s.map(MappingSpec(start: Scenario.seedBoundary, end: Scenario.seedBoundary + 0x2000, pageSize: .k4)) }
            == "mapping 0x10080000000-0x10080002000 overlaps mapping 0x1007ffff000-0x10080001000")
    }

    @Test func unalignedMapping() throws {
        let s = try AddressSpace(arch: .s390, levels: 3)
        #expect(errorText { try s.map(MappingSpec(start: 0x1000, end: 0x101000, pageSize: .m1)) }
            == "mapping 0x1000-0x101000 is not aligned to its page size 0x100000")
    }

    @Test func pageSizeTheArchLacks() throws {
        let s = try AddressSpace(arch: .s390, levels: 3)
        #expect(errorText { try s.map(MappingSpec(start: 0, end: 1 << 21, pageSize: .m2)) }
            == "page: s390 with 3 levels maps 4K, 2G, 1M pages, not 2M")
    }

    @Test func levelsTheArchLacks() {
        #expect(errorText { _ = try AddressSpace(arch: .x86, levels: 3) } == "levels: x86 has 4 to 5 page-table levels, not 3")
    }

    @Test("A space too big for the arena's cap")
    func capTooSmall() {
        // 1 GB of 4K pages needs 2 MB of page tables and 4 MB of struct pages; the cap is 1 MB.
        #expect(errorText {
            _ = try AddressSpace(arch: .x86, levels: 4, mappings: [MappingSpec(start: 0, end: 1 << 30, pageSize: .k4)],
                                 capBytes: 1 << 20)
        }.contains("cap of 1048576 bytes"))
    }

    @Test func variantForAnotherArch() throws {
        let s = try seedSpace()
        #expect(errorText { _ = try s.gupFast(variant("x86-la57"), start: 0, nrPages: 1) }
            == "variant: x86-la57 is for x86, the space is s390")
    }

    @Test func unknownVariant() {
        #expect(errorText { _ = try Variant.named("s390-nope") }.hasPrefix("variant: no variant is named s390-nope"))
    }

    @Test func walkEndBelowStart() throws {
        let s = try seedSpace()
        #expect(errorText { _ = try s.walkPageRange(variant("s390-fix"), start: 0x2000, end: 0x1000) }
            == "end: 0x1000 is not above start 0x2000")
    }

    @Test func upgradeOfACompatTask() throws {
        let s = try AddressSpace(arch: .s390, levels: 2)
        #expect(errorText { try s.upgrade(to: 3) } == "a 2-level (31-bit compat) task cannot be upgraded")
    }
}
