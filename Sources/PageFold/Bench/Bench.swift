import CShim
import Foundation

/// A space and a request the benchmarks time.
public struct Workload: Sendable {
    public let name: String
    public let spec: SpaceSpec
    public let start: UInt64
    public let pages: UInt64

    /// The workloads of an arch at a level count: the seed (its shape elsewhere), 1 GiB of base
    /// pages, a run of the smallest and of the largest leaf, and a 1 GiB range where only every
    /// other last-level table is populated (a hole at every other pmd entry).
    public static func all(arch: Arch, levels: Int) throws -> [Workload] {
        let geo = try Geometry(arch: arch, levels: levels)
        let ps = geo.pageSize
        let small: PageSize = arch == .arm64 ? .k16 : .k4
        let gib: UInt64 = 1 << 30
        // 1 GiB up, or from 0 where the whole user range is 1 GiB (generic 2-level).
        let base: UInt64 = geo.userLimit >= 2 * gib ? gib : 0
        var out: [Workload] = []
        let seed = arch == .s390 && levels == 3 ? Scenario.seed : Scenario.seedShape(arch: arch, levels: levels)
        out.append(Workload(name: "seed", spec: SpaceSpec(arch: arch, levels: levels, mappings: seed.mappings),
                            start: seed.start, pages: seed.nrPages))
        out.append(Workload(name: "dense-1GiB", spec: SpaceSpec(arch: arch, levels: levels, mappings: [
            MappingSpec(start: base, end: base + gib, pageSize: small),
        ]), start: base, pages: gib / ps))
        let leaves = geo.tables.compactMap(\.leaf).sorted { $0.bytes < $1.bytes }
        for leaf in Set([leaves.first, leaves.last].compactMap { $0 }).sorted(by: { $0.bytes < $1.bytes }) {
            // 1 GiB of the leaf, or one leaf where that is bigger; at 8 leaves' distance from 0.
            let bytes = max(gib, leaf.bytes)
            let at = 8 * leaf.bytes
            guard at + bytes <= geo.userLimit else { continue }
            out.append(Workload(name: "leaf-\(leaf.rawValue)B", spec: SpaceSpec(arch: arch, levels: levels, mappings: [
                MappingSpec(start: at, end: at + bytes, pageSize: leaf),
            ]), start: at, pages: bytes / ps))
        }
        let span: UInt64 = 1 << UInt64(geo.tables[geo.tables.count - 2].shift)
        out.append(Workload(name: "sparse-1GiB", spec: SpaceSpec(arch: arch, levels: levels, mappings:
            stride(from: base, to: base + gib, by: Int(2 * span)).map {
                MappingSpec(start: $0, end: $0 + span, pageSize: small)
            }), start: base, pages: gib / ps))
        return out
    }
}

/// A walk and its lower bound, timed in the same run.
public struct BenchPair: Sendable {
    public let name: String
    public let variant: String
    public let pages: UInt64
    public let nsPerPage: Double
    public let lowerBoundNsPerPage: Double

    public var ratio: Double { nsPerPage / lowerBoundNsPerPage }
}

public enum Bench {
    /// Time `body` (which returns the nanoseconds of what it timed) until `budget` is spent, at
    /// least 3 times; the fastest run counts.
    static func fastest(_ budget: Duration, _ body: () throws -> UInt64) rethrows -> UInt64 {
        let clock = ContinuousClock()
        let began = clock.now
        var best = UInt64.max
        var runs = 0
        while runs < 3 || clock.now - began < budget {
            best = min(best, try body())
            runs += 1
        }
        return best
    }

    static func nanoseconds(_ body: () -> Void) -> UInt64 {
        var a = timespec(), b = timespec()
        clock_gettime(CLOCK_MONOTONIC, &a)
        body()
        clock_gettime(CLOCK_MONOTONIC, &b)
        return UInt64(b.tv_sec - a.tv_sec) * 1_000_000_000 &+ UInt64(b.tv_nsec) &- UInt64(a.tv_nsec)
    }

    /// gup_fast of a variant (reads checked and events recorded; no trace, and no invariant checks
    /// unless asked), against the lower bound, both over the same space.
    public static func gup(_ w: Workload, _ v: Variant, invariants: Bool = false,
                           budget: Duration = .milliseconds(150)) throws -> BenchPair {
        let space = try w.spec.makeSpace()
        pf_space_write_leaves(space.handle, v.c.leaf_entry)
        // One run record for all runs, as the lower bound keeps its pfns: its pages[] is warm.
        var run = pf_run()
        pf_run_init(&run)
        defer { pf_run_free(&run) }
        run.record = invariants ? PF_RUN_INVARIANTS : 0
        let walk = fastest(budget) {
            var nr = 0
            let ns = nanoseconds { nr = v.c.gup_fast(space.handle, w.start, w.pages, PF_FOLL_GET, &run) }
            pf_space_release(space.handle, run.pfns, nr, PF_FOLL_GET)
            return ns
        }
        let lower = lowerBound(w, space, gup: true, budget)
        return BenchPair(name: "gup-\(w.name)", variant: v.name, pages: w.pages,
                         nsPerPage: Double(walk) / Double(w.pages), lowerBoundNsPerPage: Double(lower) / Double(w.pages))
    }

    /// walk_page_range_novma() of a variant (callbacks recorded, no trace), against the lower bound.
    public static func walk(_ w: Workload, _ v: Variant, invariants: Bool = false,
                            budget: Duration = .milliseconds(150)) throws -> BenchPair {
        let space = try w.spec.makeSpace()
        pf_space_write_leaves(space.handle, v.c.leaf_entry)
        let end = w.start + w.pages * space.arch.pageSize
        // One run record for all runs, as for gup: its callback record is warm.
        var run = pf_run()
        pf_run_init(&run)
        defer { pf_run_free(&run) }
        run.record = invariants ? PF_RUN_INVARIANTS : 0
        let walk = fastest(budget) {
            nanoseconds { _ = v.c.walk_page_range(space.handle, w.start, end, &run) }
        }
        let lower = lowerBound(w, space, gup: false, budget)
        return BenchPair(name: "walk-\(w.name)", variant: v.name, pages: w.pages,
                         nsPerPage: Double(walk) / Double(w.pages), lowerBoundNsPerPage: Double(lower) / Double(w.pages))
    }

    /// One run of the lower bound over a workload's space (as gup: its references released
    /// after): the frames it recorded, gup's pages or the pagewalk's present leaf entries.
    public static func lowerBound(_ w: Workload, in space: AddressSpace, gup: Bool = true) -> [UInt64] {
        var pfns = [UInt64](repeating: 0, count: Int(w.pages))
        let nr = pfns.withUnsafeMutableBufferPointer { pf_lower_bound(space.handle, w.start, w.pages, gup, $0.baseAddress) }
        if gup { pf_space_release(space.handle, pfns, nr, PF_FOLL_GET) }
        return Array(pfns.prefix(nr))
    }

    /// The lower bound (CShim/bench.c): a plain loop that reads the same leaf entries and records
    /// the same pages (as gup: with their references).
    static func lowerBound(_ w: Workload, _ space: AddressSpace, gup: Bool, _ budget: Duration) -> UInt64 {
        var pfns = [UInt64](repeating: 0, count: Int(w.pages))
        return fastest(budget) {
            var nr = 0
            let ns = pfns.withUnsafeMutableBufferPointer { buf in
                nanoseconds { nr = pf_lower_bound(space.handle, w.start, w.pages, gup, buf.baseAddress) }
            }
            if gup { pf_space_release(space.handle, pfns, nr, PF_FOLL_GET) }
            return ns
        }
    }
}

/// Walk time against range size and level count: the cost must grow with the pages touched.
public struct ScalingPoint: Sendable {
    public let arch: Arch
    public let levels: Int
    public let pages: UInt64
    public let nanoseconds: UInt64

    public var nsPerPage: Double { Double(nanoseconds) / Double(pages) }
}

extension Bench {
    /// The range sizes of the scaling table, 1 page to 1 GiB of 4 KB pages.
    public static let scalingSizes: [UInt64] = [1, 16, 256, 4096, 65536, 262_144]

    /// gup_fast of `variant` (reads checked, no trace, no invariant checks) over 1 GiB of base pages
    /// at each level count it has, timed for each range size from the start of the mapping.
    public static func scaling(_ variant: Variant, budget: Duration = .milliseconds(60)) throws -> [ScalingPoint] {
        var out: [ScalingPoint] = []
        for levels in variant.levels {
            guard let dense = try Workload.all(arch: variant.arch, levels: levels).first(where: { $0.name == "dense-1GiB" }) else { continue }
            let space = try dense.spec.makeSpace()
            pf_space_write_leaves(space.handle, variant.c.leaf_entry)
            for pages in scalingSizes where pages <= dense.pages {
                let ns = fastest(budget) {
                    var run = pf_run()
                    pf_run_init(&run)
                    defer { pf_run_free(&run) }
                    var nr = 0
                    let ns = nanoseconds { nr = variant.c.gup_fast(space.handle, dense.start, pages, PF_FOLL_GET, &run) }
                    pf_space_release(space.handle, run.pfns, nr, PF_FOLL_GET)
                    return ns
                }
                out.append(ScalingPoint(arch: variant.arch, levels: levels, pages: pages, nanoseconds: ns))
            }
        }
        return out
    }
}
