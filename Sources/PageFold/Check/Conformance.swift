/// The conformance suite `pagefold check` runs: a variant against the Oracle over the boundary set
/// of every level count its arch has, with the invariants and the fault events.
public struct Conformance {
    public enum FailureKind: String, Sendable {
        case wrongPages = "wrong pages"
        case prefix = "prefix property"
        case walkMismatch = "pagewalk callbacks differ"
        case fault = "fault event"
        case invariantA = "invariant (a)"
    }

    public struct Failure: Sendable {
        public let kind: FailureKind
        public let arch: Arch
        public let levels: Int
        public let walker: String   // "gup" or "walk"
        public let start: UInt64
        public let end: UInt64
        public let write: Bool
        public let detail: String

        public var pages: UInt64 { (end - start) / arch.pageSize }
    }

    public struct Report: Sendable {
        public var cases = 0
        public var failures: [Failure] = []
        /// Increments that broke Jason's strict form (reported, not a failure).
        public var invariantBBroken = 0
        public var invariantChecks = 0
        public var passed: Bool { failures.isEmpty }

        /// The failing case with the fewest pages.
        public var smallest: Failure? { failures.min { $0.pages < $1.pages } }
    }

    /// Run the suite; `progress` gets (done, total) once per boundary case.
    public static func run(_ variant: Variant, progress: (Int, Int) -> Void = { _, _ in }) throws -> Report {
        let cases = BoundaryCase.all.filter { $0.arch == variant.arch && variant.levels.contains($0.levels) }
        var report = Report()
        for (n, c) in cases.enumerated() {
            progress(n, cases.count)
            let (space, points) = try c.space()
            for (start, end) in c.ranges(in: space, around: points) {
                try check(variant, c, space, start, end, into: &report)
            }
        }
        progress(cases.count, cases.count)
        return report
    }

    private static func check(_ v: Variant, _ c: BoundaryCase, _ space: AddressSpace, _ start: UInt64, _ end: UInt64,
                              into report: inout Report) throws {
        let ps = space.arch.pageSize
        let nrPages = (end - start) / ps
        func fail(_ kind: FailureKind, _ walker: String, _ write: Bool, _ detail: String) {
            report.failures.append(Failure(kind: kind, arch: c.arch, levels: c.levels, walker: walker,
                                           start: start, end: end, write: write, detail: detail))
        }
        func faults(_ events: [Event], _ walker: String, _ write: Bool, _ tally: InvariantTally) {
            report.invariantBBroken += tally.brokenB
            report.invariantChecks += tally.checkedA
            for e in events {
                switch e.kind {
                case .invariantB: continue
                case .invariantA: fail(.invariantA, walker, write, e.description)
                default: fail(.fault, walker, write, "\(e.kind.rawValue): \(e)")
                }
            }
        }
        for write in [false, true] {
            report.cases += 1
            let gup = try space.gupFast(v, start: start, nrPages: nrPages, write: write)
            let expected = Oracle.gupFrames(space, start: start, nrPages: nrPages, write: write)
            if gup.frames != expected {
                fail(.wrongPages, "gup", write, "recorded \(gup.nr) pages, the oracle \(expected.count); first difference at page \(zip(gup.frames, expected).prefix { $0 == $1 }.count)")
            }
            for (i, va) in gup.pageAddresses.enumerated() where va != start + UInt64(i) * ps {
                fail(.prefix, "gup", write, "page \(i) is mapped at \(va.map { hex($0) } ?? "no address"), not \(hex(start + UInt64(i) * ps))")
                break
            }
            faults(gup.events, "gup", write, gup.invariants)
            space.release(gup)
        }
        report.cases += 1
        let walk = try space.walkPageRange(v, start: start, end: end)
        let want = Oracle.walkVisits(space, start: start, end: end)
        let got = Oracle.comparable(walk.visits)
        if got != want {
            let i = zip(got, want).prefix { $0 == $1 }.count
            fail(.walkMismatch, "walk", false, "callback \(i): \(i < got.count ? got[i].description : "none") instead of \(i < want.count ? want[i].description : "none")")
        }
        faults(walk.events, "walk", false, walk.invariants)
    }
}
