import Testing
import PageFold

/// The benchmarks' ratios mean something only if the lower bound does the same work as the walk it
/// is set against: the same pages for gup, one record per present leaf entry for the pagewalk.
@Suite("The lower bound records what a correct walk records")
struct BenchTests {
    static let configs: [(Arch, Int)] = [(.s390, 3), (.x86, 5), (.generic, 4), (.arm64, 3)]  // the pairs `pagefold bench` times, and arm64

    @Test(arguments: configs.indices)
    func lowerBoundMatchesTheOracle(_ i: Int) throws {
        let (arch, levels) = Self.configs[i]
        let workloads = try Workload.all(arch: arch, levels: levels)
        #expect(workloads.map(\.name).contains("dense-1GiB"))
        for w in workloads {
            let space = try w.spec.makeSpace()
            let end = w.start + w.pages * space.arch.pageSize
            let gup = Bench.lowerBound(w, in: space, gup: true)
            #expect(gup == Oracle.gupFrames(space, start: w.start, nrPages: w.pages, write: false),
                    "\(arch.rawValue) \(levels)-level \(w.name): gup's pages")
            let present = Oracle.walkVisits(space, start: w.start, end: end).filter(\.mapped).compactMap(\.pfn)
            #expect(Bench.lowerBound(w, in: space, gup: false) == present,
                    "\(arch.rawValue) \(levels)-level \(w.name): the pagewalk's present entries")
            // Its references were released: the pages are back to the one reference of their mapping.
            for frame in [gup.first, gup.last].compactMap({ $0 }) {
                #expect(space.pageCounts(frame: frame)?.refcount == 1, "\(w.name): frame \(hex(frame))")
            }
        }
    }
}
