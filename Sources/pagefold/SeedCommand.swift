import ArgumentParser
import PageFold

struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Run the seed scenario through every variant and print one row each.",
        discussion: """
            s390 variants run the seed itself; the others run its shape: two pages across the same \
            boundary at their smallest run-time level count.

            Example: pagefold seed
            """
    )

    func run() throws {
        print("Seed: \(Scenario.seed.summary)\n")
        var table = TextTable(header: ["variant", "levels", "gup pages", "wrong", "events",
                                       "pgd", "p4d", "pud", "pmd", "pte", "(a)", "(b)", "walk pgd/p4d/pud"])
        for variant in Variant.all {
            let scenario = Scenario.seedShape(for: variant)
            let space = try scenario.makeSpace()
            let gup = try space.gupFast(variant, start: scenario.start, nrPages: scenario.nrPages)
            let walk = try space.walkPageRange(variant, start: scenario.start, end: scenario.end)
            let expected = Oracle.gupFrames(space, start: scenario.start, nrPages: scenario.nrPages, write: false)
            let wrong = zip(gup.frames, expected).count { $0 != $1 }
            let events = Dictionary(grouping: gup.events, by: \.kind)
                .sorted { $0.key.rawValue < $1.key.rawValue }
                .map { kind, evs in "\(kind.rawValue)@" + evs.map { "\($0.level?.description ?? "-")#\($0.iteration)" }.joined(separator: ",") }
                .joined(separator: " ")
            let walkIters = [Level.pgd, .p4d, .pud].map { String(walk.iterations($0)) }.joined(separator: "/")
            table.rows.append([
                variant.name, String(scenario.levels), "\(gup.nr)/\(scenario.nrPages)", String(wrong),
                events.isEmpty ? "-" : events,
            ] + Level.allCases.map { String(gup.iterations($0)) } + [
                verdict(gup: gup.invariants.holdsA, walk: walk.invariants.holdsA),
                verdict(gup: gup.invariants.holdsB, walk: walk.invariants.holdsB),
                walkIters,
            ])
            space.release(gup)
        }
        print(table.render())
        print("""

            gup pages: pages gup_fast recorded / asked for; wrong: recorded pages that are not the oracle's.
            pgd … pte: gup loop bodies run per level. (a): pXdp++ reaches what a fresh walk reaches;
            (b): pXdp++ equals pXd_offset(upper, addr) (no folded level iterates); "gup"/"walk" names
            the walker that broke it.
            """)
    }

    private func verdict(gup: Bool, walk: Bool) -> String {
        let broken = [gup ? nil : "gup", walk ? nil : "walk"].compactMap { $0 }
        return broken.isEmpty ? "ok" : "broken(\(broken.joined(separator: ",")))"
    }
}
