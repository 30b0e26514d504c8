import Testing
import PageFold

/*
 * Invariants after every pXdp++, per variant and walker, on the seed range (s390) or its shape:
 *   (a) the pointer equals a fresh walk from pgd_offset(mm, next) at that level;
 *   (b) the pointer equals pXd_offset(upper, next): Jason's strict form, a folded level never iterates.
 * Expected from the kernel semantics:
 *   - s390 folds by entry type and keeps PUD_SIZE 2 GB, so an unchanged pud loop iterates over the
 *     real region-3 table: (a) holds, (b) breaks (pud_offset(p4dp, next) returns p4dp). That is the
 *     pagewalk of s390-prefix, s390-rfc-v1 and s390-fix, and the gup of s390-fix.
 *   - s390-prefix's gup increments a pointer to a stack copy: (a) and (b) break.
 *   - RFC v1's gup and RFC v2 crop at the pgd level by entry type: lower levels run once, both hold.
 *   - compile-time folding, x86 LA57 (PGDIR_SHIFT follows) and the arm64 fix: both hold.
 *   - middle-level iterates at the folded pud level over the real pgd table, as s390 does: (a)
 *     holds, (b) breaks, in both walkers.
 *   - arm64-lpa2-prefix's gup reads a stray stack slot on its first pud iteration and gives up before
 *     any increment (see Arm64Tests); its pagewalk uses live pointers: both hold.
 */
struct Expectation: Sendable, CustomTestStringConvertible {
    let variant: String
    let gupA: Bool, gupB: Bool, walkA: Bool, walkB: Bool
    /// gup increments nothing (it gives up first), so its checks are vacuous.
    var gupVacuous = false

    var testDescription: String { variant }
}

let invariantTable: [Expectation] = [
    Expectation(variant: "generic-2l", gupA: true, gupB: true, walkA: true, walkB: true),
    Expectation(variant: "generic-3l", gupA: true, gupB: true, walkA: true, walkB: true),
    Expectation(variant: "generic-4l", gupA: true, gupB: true, walkA: true, walkB: true),
    Expectation(variant: "generic-5l", gupA: true, gupB: true, walkA: true, walkB: true),
    Expectation(variant: "middle-level", gupA: true, gupB: false, walkA: true, walkB: false),
    Expectation(variant: "s390-prefix", gupA: false, gupB: false, walkA: true, walkB: false),
    Expectation(variant: "s390-rfc-v1", gupA: true, gupB: true, walkA: true, walkB: false),
    Expectation(variant: "s390-rfc-v2", gupA: true, gupB: true, walkA: true, walkB: true),
    Expectation(variant: "s390-fix", gupA: true, gupB: false, walkA: true, walkB: false),
    Expectation(variant: "s390-fix-v6.10", gupA: true, gupB: false, walkA: true, walkB: false),
    Expectation(variant: "x86-la57", gupA: true, gupB: true, walkA: true, walkB: true),
    Expectation(variant: "arm64-lpa2-prefix", gupA: true, gupB: true, walkA: true, walkB: true, gupVacuous: true),
    Expectation(variant: "arm64-lpa2-fix", gupA: true, gupB: true, walkA: true, walkB: true),
]

@Suite("Invariants (a) and (b) per variant and walker")
struct InvariantTableTests {
    @Test("The table covers every registered variant")
    func coversRegistry() {
        #expect(Set(invariantTable.map(\.variant)) == Set(Variant.all.map(\.name)))
    }

    @Test(arguments: invariantTable)
    func table(_ e: Expectation) throws {
        let v = variant(e.variant)
        let scenario = Scenario.seedShape(for: v)
        let space = try scenario.makeSpace()
        let gup = try space.gupFast(v, start: scenario.start, nrPages: scenario.nrPages)
        let walk = try space.walkPageRange(v, start: scenario.start, end: scenario.end)
        #expect(gup.invariants.holdsA == e.gupA)
        #expect(gup.invariants.holdsB == e.gupB)
        #expect(walk.invariants.holdsA == e.walkA)
        #expect(walk.invariants.holdsB == e.walkB)
        // A verdict of "holds" must rest on increments that were checked.
        #expect(walk.invariants.checkedA > 0 && walk.invariants.checkedB > 0)
        if !e.gupVacuous {
            #expect(gup.invariants.checkedA > 0 && gup.invariants.checkedB > 0)
        }
    }

    @Test("Where (b) breaks on s390, it breaks at the pud level on iteration 2, with the pointer on the region-3 table",
          arguments: ["s390-rfc-v1", "s390-fix", "s390-fix-v6.10"])
    func middleLevelIteration(name: String) throws {
        let space = try Scenario.seed.makeSpace()
        let walk = try space.walkPageRange(variant(name), start: Scenario.seed.start, end: Scenario.seed.end)
        let b = walk.events(.invariantB)
        #expect(b.count == 1)
        #expect(b.first?.level == .pud && b.first?.iteration == 2)
        #expect(b.first?.place == .table(level: .pud, tablePA: regionTablePA(walk), index: 513))
        #expect(b.first?.expected == .table(level: .pud, tablePA: regionTablePA(walk), index: 512))
    }

    private func regionTablePA(_ walk: WalkResult) -> UInt64 {
        if case let .table(_, pa, _)? = walk.steps.first?.place { return pa }
        return 0
    }
}
