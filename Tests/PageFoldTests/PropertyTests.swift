import PropertyBased
import Testing
import Foundation
import PageFold

/// Cases per property; PAGEFOLD_PROPERTY_CASES raises it for a longer run.
let propertyCases = Int(ProcessInfo.processInfo.environment["PAGEFOLD_PROPERTY_CASES"] ?? "") ?? 10_000

let seeds = Gen<UInt64>.value()

/// Variants whose gup and pagewalk keep invariant (b): nothing folded ever iterates.
let keepsB: Set<String> = ["generic-2l", "generic-3l", "generic-4l", "generic-5l", "s390-rfc-v2", "x86-la57",
                           "arm64-lpa2-fix", "arm64-lpa2-prefix"]

@Suite("Properties over random address spaces (replay a failure with its .fixedSeed)")
struct PropertyTests {
    func variants(_ r: RandomSpace) -> [Variant] {
        Variant.all.filter { $0.arch == r.space.arch && $0.levels.contains(r.space.levels) }
    }

    @Test("Every fixed variant equals the Oracle: gup pages, the prefix, pagewalk visits and holes")
    func oracle() async {
        await propertyCheck(count: propertyCases, input: seeds) { seed in
            let r = try RandomSpace(seed: seed)
            let ps = r.space.arch.pageSize
            for v in variants(r) where runsFixed(v, r.space.levels) {
                for (start, pages) in r.ranges {
                    let write = seed & 1 == 1
                    let gup = try r.space.gupFast(v, start: start, nrPages: pages, write: write)
                    #expect(gup.frames == Oracle.gupFrames(r.space, start: start, nrPages: pages, write: write, quirks: v.quirks))
                    #expect(gup.pageAddresses.enumerated().allSatisfy { $1 == start + UInt64($0) * ps })
                    #expect(gup.events.filter { faultKinds.contains($0.kind) }.isEmpty)
                    r.space.release(gup)
                    let walk = try r.space.walkPageRange(v, start: start, end: start + pages * ps)
                    #expect(Oracle.comparable(walk.visits) == Oracle.walkVisits(r.space, start: start, end: start + pages * ps))
                    #expect(walk.events.filter { faultKinds.contains($0.kind) }.isEmpty)
                }
            }
        }
    }

    /*
     * (b) breaks once for every increment of s390's top-table loop: the pagewalk Before (prefix,
     * RFC v1, fix) makes one at every folded boundary in the range; the merged fix's gup at every
     * one it reaches before giving up (the Oracle's prefix covers the pages before it).
     */
    @Test("Fixed variants keep (a); (b) holds or breaks exactly as the semantics say")
    func invariants() async {
        await propertyCheck(count: propertyCases, input: seeds) { seed in
            let r = try RandomSpace(seed: seed)
            let ps = r.space.arch.pageSize
            for v in variants(r) where runsFixed(v, r.space.levels) || v.name == "s390-prefix" {
                for (start, pages) in r.ranges {
                    let end = start + pages * ps
                    let folded = r.foldedBoundaries(start: start, end: end)
                    let prefix = UInt64(Oracle.gupFrames(r.space, start: start, nrPages: pages, write: false).count)
                    let reached = folded.count { $0 - start <= prefix * ps }
                    let walk = try r.space.walkPageRange(v, start: start, end: end)
                    #expect(walk.invariants.holdsA)
                    // On generic spaces only the middle-level variant iterates over a folded level.
                    let breaksB = !keepsB.contains(v.name) && (v.arch != .generic || v.name == "middle-level")
                    #expect(walk.invariants.brokenB == (breaksB ? folded.count : 0))
                    guard v.name != "s390-prefix" else { continue }
                    let gup = try r.space.gupFast(v, start: start, nrPages: pages)
                    #expect(gup.invariants.holdsA)
                    #expect(gup.invariants.brokenB == (v.name.hasPrefix("s390-fix") || v.name == "middle-level" ? reached : 0))
                    r.space.release(gup)
                }
            }
        }
    }

    /*
     * s390-prefix reads the stack exactly when its gup reaches a boundary of the top table (the
     * folded loop then increments the pointer to its copy); arm64-lpa2-prefix on its first pud
     * iteration whenever the pud is folded at run time (3 levels). Never otherwise, and the
     * pagewalk, which uses live pointers, never.
     */
    @Test("Pre-fix variants read the stack exactly when the semantics say they would")
    func strayReads() async {
        await propertyCheck(count: propertyCases, input: seeds) { seed in
            let r = try RandomSpace(seed: seed)
            let ps = r.space.arch.pageSize
            for v in variants(r) where v.name == "s390-prefix" || v.name == "arm64-lpa2-prefix" {
                for (start, pages) in r.ranges {
                    let gup = try r.space.gupFast(v, start: start, nrPages: pages)
                    let read = gup.events(.stackRead).first
                    if v.arch == .arm64 {
                        #expect((read != nil) == (r.space.levels == 3))
                        #expect(read.map { $0.level == .pud && $0.iteration == 1 } ?? true)
                    } else {
                        let prefix = UInt64(Oracle.gupFrames(r.space, start: start, nrPages: pages, write: false).count)
                        let first = r.foldedBoundaries(start: start, end: start + pages * ps).first { $0 - start <= prefix * ps }
                        #expect((read != nil) == (first != nil))
                        #expect(read.map { $0.addr == first && $0.iteration == 2 } ?? true)
                    }
                    r.space.release(gup)
                    let walk = try r.space.walkPageRange(v, start: start, end: start + pages * ps)
                    #expect(walk.events(.stackRead).isEmpty)
                }
            }
        }
    }

    @Test("Refcounts and pincounts return to their start after unpin/put")
    func references() async {
        await propertyCheck(count: propertyCases, input: seeds) { seed in
            let r = try RandomSpace(seed: seed)
            let fixed = variants(r).filter { runsFixed($0, r.space.levels) }
            guard let v = fixed.first, let (start, pages) = r.ranges.first else { return }
            let gup = try r.space.gupFast(v, start: start, nrPages: pages, write: seed & 2 == 2, pin: seed & 1 == 1)
            let before = gup.frames.map { r.space.pageCounts(frame: $0)! }
            #expect(before.allSatisfy { $0.refcount > 1 })
            r.space.release(gup)
            #expect(gup.frames.allSatisfy { r.space.pageCounts(frame: $0)! == (1, 0) })
        }
    }
}
