import CShim

/// The conformance suite `pagefold check` runs: a variant against the Oracle over the boundary set
/// of every level count its arch has (and any spaces the user adds), with the invariants, the
/// fault events and the page references. Every case starts from the same state.
public enum Conformance {
    /// What narrows or widens the suite.
    public struct Options: Sendable {
        /// The level counts to run; nil: every one the variant supports.
        public var levels: Set<Int>?
        /// Spaces run besides the boundary set, each with a name for the report (its file).
        public var spaces: [(name: String, spec: SpaceSpec)]

        public init(levels: Set<Int>? = nil, spaces: [(name: String, spec: SpaceSpec)] = []) {
            self.levels = levels
            self.spaces = spaces
        }
    }

    /// One space of the suite and the ranges run on it.
    public struct Space: Sendable {
        public let name: String
        public let spec: SpaceSpec
        public let ranges: [(start: UInt64, end: UInt64)]
    }

    /// How a range is run: gup_fast without and with FOLL_WRITE, then walk_page_range_novma().
    public enum Walker: String, Sendable, Codable, CaseIterable {
        case gup, gupWrite = "gup FOLL_WRITE", walk

        public var isGup: Bool { self != .walk }
    }

    public struct Case: Sendable {
        public let space: Int
        public let start: UInt64
        public let end: UInt64
        public let walker: Walker
    }

    /// The spaces and ranges a variant is checked on, in a fixed order (a worker started at case K
    /// must find the same case K).
    public static func plan(_ variant: Variant, _ options: Options = Options()) throws -> [Space] {
        var spaces: [Space] = []
        for levels in variant.levels where options.levels?.contains(levels) ?? true {
            let (spec, points) = try BoundaryCase(arch: variant.arch, levels: levels).specs()
            let geo = try Geometry(arch: variant.arch, levels: levels)
            spaces.append(Space(name: "boundary set", spec: spec,
                                ranges: BoundaryCase.ranges(geo, around: points).map { ($0.0, $0.1) }))
        }
        for (name, spec) in options.spaces {
            guard spec.arch == variant.arch else {
                throw PageFoldError("space: \(name) is an \(spec.arch.rawValue) space; \(variant.name) is for \(variant.arch.rawValue)")
            }
            guard variant.levels.contains(spec.levels) else {
                throw PageFoldError("space: \(name) has \(spec.levels) levels; \(variant.name) runs on \(variant.levels.lowerBound) to \(variant.levels.upperBound)")
            }
            let geo = try Geometry(arch: spec.arch, levels: spec.levels)
            let points = Array(Set(spec.mappings.flatMap { [$0.start, $0.end] })).sorted()
            spaces.append(Space(name: name, spec: spec, ranges: BoundaryCase.ranges(geo, around: points).map { ($0.0, $0.1) }))
        }
        guard !spaces.isEmpty else {
            throw PageFoldError("levels: \(variant.name) runs on \(variant.levels.lowerBound) to \(variant.levels.upperBound) levels; --levels leaves none")
        }
        return spaces
    }

    public static func cases(_ plan: [Space]) -> [Case] {
        plan.enumerated().flatMap { i, space in
            space.ranges.flatMap { r in Walker.allCases.map { Case(space: i, start: r.start, end: r.end, walker: $0) } }
        }
    }

    /// What a run tells the caller as it goes.
    public enum Progress: Sendable {
        case started(Int)
        case failed(Failure)
        case tallied(Tally)
    }

    /// Counts over the cases that ran.
    public struct Tally: Sendable, Codable, Equatable {
        public var cases = 0
        public var invariantChecks = 0
        /// Increments that broke Jason's strict form (reported, not a failure).
        public var invariantBBroken = 0
        /// Cases whose answer a quirk of the base's kernels changed, by quirk.
        public var findings: [String: Int] = [:]

        mutating func add(_ other: Tally) {
            cases += other.cases
            invariantChecks += other.invariantChecks
            invariantBBroken += other.invariantBBroken
            findings.merge(other.findings, uniquingKeysWith: +)
        }
    }

    /// Run the cases from `first` on, in this process: for built-in variants, and inside a worker.
    public static func run(_ variant: Variant, _ plan: [Space], from first: Int = 0,
                           progress: (Progress) -> Void) throws {
        let all = cases(plan)
        var tally = Tally()
        var built: (index: Int, space: AddressSpace)?
        for n in first..<all.count {
            let c = all[n]
            if built?.index != c.space {
                built = (c.space, try plan[c.space].spec.makeSpace())
            }
            progress(.started(n))
            let space = built!.space
            pf_space_reset_pages(space.handle)
            for failure in try check(variant, c, plan[c.space], space, &tally) {
                progress(.failed(failure))
            }
            tally.cases += 1
        }
        progress(.tallied(tally))
    }

    private static func check(_ v: Variant, _ c: Case, _ where_: Space, _ space: AddressSpace,
                              _ tally: inout Tally) throws -> [Failure] {
        let verdict: Verdict
        if c.walker.isGup {
            let ps = space.arch.pageSize
            let gup = try space.gupFast(v, start: c.start, nrPages: (c.end - c.start) / ps, write: c.walker == .gupWrite,
                                        trace: false)
            verdict = judge(gup, in: space, spaceName: where_.name)
        } else {
            verdict = judge(try space.walkPageRange(v, start: c.start, end: c.end, trace: false), in: space,
                            spaceName: where_.name)
        }
        tally.add(verdict.tally)
        return verdict.failures
    }

    /// What one run did wrong, the cause first, and what it counted.
    public struct Verdict: Sendable {
        public var failures: [Failure] = []
        public var tally = Tally()

        /// The verdict under a picture: right, or each failure, the cause first.
        public var text: String {
            guard !failures.isEmpty else { return "\nverdict: right (the Oracle agrees)\n" }
            return "\nverdict: WRONG\n" + failures.map { "  \($0.kind.rawValue): \($0.detail)" }.joined(separator: "\n") + "\n"
        }

        mutating func causeFirst() {
            failures = failures.enumerated().sorted { ($0.element.kind.precedence, $0.offset) < ($1.element.kind.precedence, $1.offset) }
                .map(\.element)
        }
    }

    /// Judge a gup_fast run: its pages against the Oracle (which follows the variant's quirks), its
    /// events, and, after the pages are released, the folios' references. The space's pages must
    /// hold the references they had when mapped (`pf_space_reset_pages`) before the run.
    public static func judge(_ gup: GupResult, in space: AddressSpace, spaceName: String) -> Verdict {
        let ps = space.arch.pageSize
        let end = gup.start + gup.nrPages * ps
        var v = Verdict()
        let walker: Walker = gup.write ? .gupWrite : .gup
        func fail(_ kind: Failure.Kind, _ detail: String) {
            v.failures.append(Failure(kind: kind, space: spaceName, arch: space.arch, levels: space.levels,
                                      walker: walker, start: gup.start, end: end, detail: detail))
        }
        for (kind, detail) in faults(gup.events, gup.invariants, cut: gup.eventsCut, into: &v.tally) { fail(kind, detail) }
        // The Oracle's pages one at a time: the first difference, and how many it expects.
        var expected = 0
        var differs: Int?
        Oracle.forEachGupFrame(space, start: gup.start, nrPages: gup.nrPages, write: gup.write, quirks: gup.quirks) { i, frame in
            expected += 1
            if differs == nil && (i >= gup.frames.count || gup.frames[i] != frame) { differs = i }
        }
        if differs == nil && gup.frames.count != expected { differs = expected }
        if let i = differs {
            let kind: Failure.Kind = i == gup.frames.count ? .missingPages : .wrongPages
            let at = gup.start + UInt64(i) * ps
            let got = i < gup.frames.count
                ? gup.pageAddress(gup.frames[i]).map { "the page mapped at \(hex($0))" } ?? "a page no mapping holds" : "not recorded"
            fail(kind, "recorded \(gup.nr) pages, the oracle \(expected); page \(i) (\(hex(at))) is \(got)")
        }
        for q in Oracle.findings(space, start: gup.start, nrPages: gup.nrPages, write: gup.write, quirks: gup.quirks) {
            v.tally.findings[q.rawValue, default: 0] += 1
        }
        space.release(gup)
        var first: UInt64 = 0
        let changed = pf_space_changed_pages(space.handle, &first)
        if changed > 0 {
            let va = space.virtualAddress(ofFrame: first).map(hex) ?? "?"
            fail(.references, "\(changed) folios do not hold the references they held before (first: the one mapped at \(va)): gup took references it did not record, or dropped some")
        }
        v.causeFirst()
        return v
    }

    /// Judge a walk_page_range_novma() run: its callbacks against the Oracle, and its events.
    public static func judge(_ walk: WalkResult, in space: AddressSpace, spaceName: String) -> Verdict {
        var v = Verdict()
        func fail(_ kind: Failure.Kind, _ detail: String) {
            v.failures.append(Failure(kind: kind, space: spaceName, arch: space.arch, levels: space.levels,
                                      walker: .walk, start: walk.start, end: walk.end, detail: detail))
        }
        for (kind, detail) in faults(walk.events, walk.invariants, cut: walk.eventsCut, into: &v.tally) { fail(kind, detail) }
        let want = Oracle.walkVisits(space, start: walk.start, end: walk.end)
        let got = Oracle.comparable(walk.visits)
        if got != want {
            let i = zip(got, want).prefix { $0 == $1 }.count
            fail(.walkMismatch, "callback \(i): \(i < got.count ? got[i].description : "none") instead of \(i < want.count ? want[i].description : "none")")
        }
        v.causeFirst()
        return v
    }

    /// The events no correct walk raises, as failures; the invariant checks go to the tally.
    private static func faults(_ events: [Event], _ t: InvariantTally, cut: Int,
                               into tally: inout Tally) -> [(Failure.Kind, String)] {
        tally.invariantChecks += t.checkedA
        tally.invariantBBroken += t.brokenB
        var out: [(Failure.Kind, String)] = events.compactMap { e in
            switch e.kind {
            case .invariantB: nil
            case .invariantA: (.invariantA, e.description)
            case .bug: (.bug, e.description)
            case .runaway: (.runaway, e.description)
            case .stackRead: (.strayRead, e.description)
            case .outsideTable, .outsideArena: (.outside, e.description)
            }
        }
        if cut > 0 { out.append((.outside, "\(cut) more events were cut from the record")) }
        return out
    }
}

/// One way a case went wrong.
public struct Failure: Sendable, Codable, Equatable {
    /// In the order the report leads with them: the cause before its symptoms.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case crash = "worker stopped"
        case bug = "BUG()"
        case runaway = "runaway loop"
        case strayRead = "stray read"
        case outside = "read outside the tables"
        case invariantA = "invariant (a)"
        case wrongPages = "wrong pages"
        case missingPages = "missing pages"
        case walkMismatch = "pagewalk callbacks differ"
        case references = "page references"

        public var precedence: Int { Kind.allCases.firstIndex(of: self)! }
    }

    public let kind: Kind
    /// "boundary set", or the space file it came from.
    public let space: String
    public let arch: Arch
    public let levels: Int
    public let walker: Conformance.Walker
    public let start: UInt64
    public let end: UInt64
    public let detail: String

    public var pages: UInt64 { (end - start) / arch.pageSize }
    public var write: Bool { walker == .gupWrite }
}

extension Arch: Codable {}
