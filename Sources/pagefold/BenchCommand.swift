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

    func run() throws {
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
}
