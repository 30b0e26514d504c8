import ArgumentParser
import Foundation
import PageFold

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the key walks against their lower bound, in one process.",
        discussion: """
            Each pair times a variant's walk (reads checked, events recorded; no trace, no invariant \
            checks) and, over the same space, the lower bound: a plain loop that reads the same \
            leaf entries and records the same pages. The fastest of at least three runs counts. \
            The full set per variant is `swift package benchmark` in Benchmarks/ (docs/performance.md).

            Example: pagefold bench --json
            """
    )

    @Flag(help: "One JSON array: {name, variant, ns_per_page, lower_bound_ns_per_page, ratio}.")
    var json = false

    @Flag(help: "Check invariants (a) and (b) after every pointer increment, as check does.")
    var invariants = false

    @Flag(help: "Instead: gup time against range size (1 page to 1 GiB) at every level count of s390-fix and generic.")
    var scaling = false

    @Option(help: "With --scaling, also draw it as SVG to this file.")
    var svg: String?

    func run() throws {
        if scaling { return try runScaling() }
        var pairs: [BenchPair] = []
        let fix = try Variant.named("s390-fix")
        let s390 = try Workload.all(arch: .s390, levels: 3)
        let plan: [(Workload, Variant)] = s390.map { ($0, fix) } + [
            (try Workload.all(arch: .x86, levels: 4).first { $0.name == "dense-1GiB" }!, try Variant.named("x86-la57")),
            (try Workload.all(arch: .generic, levels: 4).first { $0.name == "dense-1GiB" }!, try Variant.named("generic-4l")),
        ]
        let report = progress("bench")
        for (n, (w, v)) in plan.enumerated() {
            report(n, plan.count)
            pairs.append(try Bench.gup(w, v, invariants: invariants))
            pairs.append(try Bench.walk(w, v, invariants: invariants))
        }
        report(plan.count, plan.count)
        if json {
            print(JSON.array(pairs.map { p in
                .object([("name", .string(p.name)), ("variant", .string(p.variant)),
                         ("ns_per_page", .number(p.nsPerPage)), ("lower_bound_ns_per_page", .number(p.lowerBoundNsPerPage)),
                         ("ratio", .number(p.ratio))])
            }).render())
            return
        }
        var table = TextTable(header: ["pair", "variant", "pages", "ns/page", "lower bound", "ratio"])
        table.rows = pairs.map { [$0.name, $0.variant, String($0.pages), String(format: "%.2f", $0.nsPerPage),
                                  String(format: "%.2f", $0.lowerBoundNsPerPage), String(format: "%.2f", $0.ratio)] }
        print(table.render())
        print("\n\(ProcessInfo.processInfo.activeProcessorCount) cores; the fastest of at least 3 runs of each; "
              + (invariants ? "invariants checked." : "no trace, no invariant checks (--invariants adds them)."))
    }

    private func runScaling() throws {
        var points: [ScalingPoint] = []
        let variants = [try Variant.named("s390-fix-v6.10")] + (2...5).map { try! Variant.named("generic-\($0)l") }
        let report = progress("scaling")
        for (n, v) in variants.enumerated() {
            report(n, variants.count)
            points += try Bench.scaling(v)
        }
        report(variants.count, variants.count)
        let groups = Dictionary(grouping: points) { "\($0.arch.rawValue) \($0.levels)-level" }.sorted { $0.key < $1.key }
        if json {
            print(JSON.array(points.map { p in
                .object([("arch", .string(p.arch.rawValue)), ("levels", .int(p.levels)), ("pages", .int(Int(p.pages))),
                         ("ns", .int(Int(p.nanoseconds))), ("ns_per_page", .number(p.nsPerPage))])
            }).render())
        } else {
            var table = TextTable(header: ["space"] + Bench.scalingSizes.map { "\($0) p" })
            table.rows = groups.map { key, ps in
                [key] + Bench.scalingSizes.map { n in ps.first { $0.pages == n }.map { String(format: "%.1f µs", Double($0.nanoseconds) / 1000) } ?? "—" }
            }
            print(table.render())
            print("")
            var perPage = TextTable(header: ["ns per page"] + Bench.scalingSizes.map { "\($0) p" })
            perPage.rows = groups.map { key, ps in
                [key] + Bench.scalingSizes.map { n in ps.first { $0.pages == n }.map { String(format: "%.1f", $0.nsPerPage) } ?? "—" }
            }
            print(perPage.render())
            print("\ngup_fast time per walk (reads checked, no trace, no invariant checks), fastest of at least 3 runs; \(ProcessInfo.processInfo.activeProcessorCount) cores.")
        }
        if let svg {
            let plot = Plot(title: "gup_fast time against range size", xLabel: "pages (4 KB)", yLabel: "ns per walk",
                            series: groups.map { key, ps in Plot.Series(name: key, points: ps.map { (Double($0.pages), Double($0.nanoseconds)) }) })
            try writeFile(plot.svg(), to: svg)
        }
    }
}
