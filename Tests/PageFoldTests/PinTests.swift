import Testing
import PageFold

@Suite("References: FOLL_GET and FOLL_PIN take them, put/unpin return them")
struct PinTests {
    @Test("Small and large folios", arguments: [false, true])
    func countsReturn(pin: Bool) throws {
        // A 4K run, then a 1 MB segment leaf: 2 small folios and 3 subpages of one large one.
        let space = try AddressSpace(arch: .s390, levels: 3, mappings: [
            MappingSpec(start: 0x1fe000, end: 0x200000, pageSize: .k4),
            MappingSpec(start: 0x200000, end: 0x300000, pageSize: .m1),
        ])
        let gup = try space.gupFast(variant("s390-fix"), start: 0x1fe000, nrPages: 5, pin: pin)
        #expect(gup.nr == 5)
        let small = gup.frames[0], large = gup.frames[2]
        // include/linux/mm.h: a pin of a small folio is GUP_PIN_COUNTING_BIAS (1024) references;
        // a large folio takes one reference per pin and counts the pins in _pincount.
        #expect(space.pageCounts(frame: small)! == (pin ? (1 + 1024, 0) : (2, 0)))
        #expect(space.pageCounts(frame: large)! == (pin ? (1 + 3, 3) : (1 + 3, 0)))
        space.release(gup)
        #expect(space.pageCounts(frame: small)! == (1, 0))
        #expect(space.pageCounts(frame: large)! == (1, 0))
    }
}
