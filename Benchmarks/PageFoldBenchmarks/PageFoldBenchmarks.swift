import Benchmark
import PageFold

/// Every variant, on its arch's workloads (docs/performance.md): gup_fast and the pagewalk on the
/// seed (or its shape), 1 GiB of base pages, runs of the smallest and largest leaf, and a sparse
/// 1 GiB; and beside each, in the same run, its lower bound: a plain loop that reads the same leaf
/// entries and records the same pages. Times are per whole walk; `pagefold bench` prints the
/// per-page ratios of the key pairs.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(1),
                                           maxIterations: 50)
    for variant in Variant.all {
        let levels = variant.defaultLevels
        guard let workloads = try? Workload.all(arch: variant.arch, levels: levels) else { continue }
        for w in workloads {
            guard let space = try? w.spec.makeSpace() else { continue }
            let end = w.start + w.pages * space.arch.pageSize
            Benchmark("gup-\(w.name)/\(variant.name)") { benchmark in
                for _ in benchmark.scaledIterations {
                    let r = try space.gupFast(variant, start: w.start, nrPages: w.pages, trace: false, invariants: false)
                    space.release(r)
                    blackHole(r.nr)
                }
            }
            Benchmark("walk-\(w.name)/\(variant.name)") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try space.walkPageRange(variant, start: w.start, end: end, trace: false, invariants: false))
                }
            }
        }
    }
    for (arch, levels) in [(Arch.s390, 3), (.x86, 4), (.generic, 4), (.arm64, 3)] {
        for w in (try? Workload.all(arch: arch, levels: levels)) ?? [] {
            guard let space = try? w.spec.makeSpace() else { continue }
            Benchmark("lower-bound-gup-\(w.name)/\(arch.rawValue)-\(levels)l") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(Bench.lowerBound(w, in: space, gup: true))
                }
            }
            Benchmark("lower-bound-walk-\(w.name)/\(arch.rawValue)-\(levels)l") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(Bench.lowerBound(w, in: space, gup: false))
                }
            }
        }
    }
}
