import CShim

/// What get_user_pages_fast_only() did.
public struct GupResult: Sendable {
    public let variant: String
    public let start: UInt64
    public let nrPages: UInt64
    /// The count gup returned.
    public let nr: Int
    /// The recorded pages, in order, as frame numbers.
    public let frames: [UInt64]
    /// The space's mappings when the walk ran, to name the pages.
    let mappings: [Mapping]
    let pageShift: Int

    /// For each recorded page, the user virtual address that maps it (nil: none does).
    public var pageAddresses: [UInt64?] { frames.map(pageAddress) }

    /// The user virtual address that maps a frame, if any mapping does.
    public func pageAddress(_ pfn: UInt64) -> UInt64? {
        let pa = pfn << UInt64(pageShift)
        return mappings.first { pa >= $0.phys && pa - $0.phys < $0.end - $0.start }.map { $0.start + (pa - $0.phys) }
    }
    public let events: [Event]
    public let steps: [Step]
    public let invariants: InvariantTally
    /// BUG(), a runaway loop or a read of unknown content stopped the walk.
    public let aborted: Bool
    /// Events beyond the record's cap (stray stack reads are never cut).
    public let eventsCut: Int
    /// The variant's quirks, which the Oracle follows for this result.
    public let quirks: Set<Quirk>
    let flags: UInt32
    let iterationCounts: [Int]

    public var write: Bool { flags & PF_FOLL_WRITE != 0 }

    /// Loop bodies run at a level (counted whether or not the steps were kept).
    public func iterations(_ level: Level) -> Int { iterationCounts[level.rawValue] }
    public func events(_ kind: EventKind) -> [Event] { events.filter { $0.kind == kind } }
}

/// What walk_page_range_novma() did.
public struct WalkResult: Sendable {
    public let variant: String
    public let start: UInt64
    public let end: UInt64
    /// The walk's return value (0, or the -errno a stopped walk gives).
    public let returned: Int
    public let visits: [Visit]
    public let events: [Event]
    public let steps: [Step]
    public let invariants: InvariantTally
    public let aborted: Bool
    public let eventsCut: Int
    let iterationCounts: [Int]

    public func iterations(_ level: Level) -> Int { iterationCounts[level.rawValue] }
    public func events(_ kind: EventKind) -> [Event] { events.filter { $0.kind == kind } }
    public var holes: [Visit] { visits.filter { $0.kind == .hole } }
}

/// The most pages one request may ask for: 4 Mi pages, 16 GB of 4K pages.
public let maxRequestPages: UInt64 = 1 << 22

extension AddressSpace {
    private func check(_ variant: Variant) throws {
        guard variant.arch == arch else {
            throw PageFoldError("variant: \(variant.name) is for \(variant.arch.rawValue), the space is \(arch.rawValue)")
        }
        guard variant.levels.contains(levels) else {
            throw PageFoldError("levels: \(variant.name) runs on \(variant.levels.lowerBound) to \(variant.levels.upperBound) levels, the space has \(levels)")
        }
    }

    private func checkRange(start: UInt64, end: UInt64) throws {
        let ps = arch.pageSize
        guard start % ps == 0 else {
            throw PageFoldError("start: \(hex(start)) is not aligned to the \(ps)-byte page")
        }
        guard end <= userLimit else {
            throw PageFoldError("end: \(hex(end)) is beyond the space's user limit \(hex(userLimit))\(arch == .s390 ? " (asce_limit)" : "")")
        }
    }

    /// What gupFast() refuses, before anything runs: a variant of another arch or level count, and
    /// a request that is empty, too big, unaligned, or past the user limit.
    public func checkGup(_ variant: Variant, start: UInt64, nrPages: UInt64) throws {
        try check(variant)
        guard nrPages > 0 else { throw PageFoldError("pages: a request of 0 pages pins nothing; ask for 1 or more") }
        guard nrPages <= maxRequestPages else {
            throw PageFoldError("pages: \(nrPages) pages is more than the \(maxRequestPages) one request may ask for")
        }
        let (len, o1) = nrPages.multipliedReportingOverflow(by: arch.pageSize)
        let (end, o2) = start.addingReportingOverflow(len)
        guard !o1 && !o2 else {
            throw PageFoldError("pages: \(hex(start)) + \(nrPages) pages overflows the address space")
        }
        try checkRange(start: start, end: end)
    }

    /// What walkPageRange() refuses, before anything runs.
    public func checkWalk(_ variant: Variant, start: UInt64, end: UInt64) throws {
        try check(variant)
        guard start < end else {
            throw PageFoldError("end: \(hex(end)) is not above start \(hex(start))")
        }
        guard end % arch.pageSize == 0 else {
            throw PageFoldError("end: \(hex(end)) is not aligned to the \(arch.pageSize)-byte page")
        }
        try checkRange(start: start, end: end)
    }

    /// get_user_pages_fast_only() through one variant: FOLL_GET, or FOLL_PIN with `pin`. With
    /// `trace`, every loop body is kept (`steps`); with `invariants`, (a) and (b) are checked after
    /// every pointer increment (a fresh walk each time).
    public func gupFast(_ variant: Variant, start: UInt64, nrPages: UInt64, write: Bool = false,
                        pin: Bool = false, trace: Bool = true, invariants: Bool = true,
                        onStep: ((Step) -> Void)? = nil) throws -> GupResult {
        try checkGup(variant, start: start, nrPages: nrPages)
        let flags = (write ? PF_FOLL_WRITE : 0) | (pin ? PF_FOLL_PIN : PF_FOLL_GET)
        pf_space_write_leaves(handle, variant.c.leaf_entry)
        var run = pf_run()
        pf_run_init(&run)
        defer { pf_run_free(&run) }
        run.record = (trace ? PF_RUN_STEPS : 0) | (invariants ? PF_RUN_INVARIANTS : 0)
        let sink = onStep.map(StepSink.init)
        sink?.attach(&run)
        let nr = withExtendedLifetime(sink) { variant.c.gup_fast(handle, start, nrPages, flags, &run) }
        let frames = (0..<Int(nr)).map { run.pfns[$0] }
        let events = run.swiftEvents
        return GupResult(variant: variant.name, start: start, nrPages: nrPages, nr: Int(nr), frames: frames,
                         mappings: mappings, pageShift: arch.pageShift,
                         events: events, steps: run.swiftSteps, invariants: run.tally(events),
                         aborted: run.aborted, eventsCut: Int(run.events_cut), quirks: variant.quirks, flags: flags,
                         iterationCounts: run.iterationCounts)
    }

    /// Drop what a gup run took: unpin_user_pages() or put_page() for each recorded page.
    public func release(_ result: GupResult) {
        pf_space_release(handle, result.frames, result.frames.count, result.flags)
    }

    /// walk_page_range_novma() through one variant, with callbacks at every level; `trace` and
    /// `invariants` as for `gupFast`.
    public func walkPageRange(_ variant: Variant, start: UInt64, end: UInt64, trace: Bool = true,
                              invariants: Bool = true, onStep: ((Step) -> Void)? = nil) throws -> WalkResult {
        try checkWalk(variant, start: start, end: end)
        pf_space_write_leaves(handle, variant.c.leaf_entry)
        var run = pf_run()
        pf_run_init(&run)
        defer { pf_run_free(&run) }
        run.record = (trace ? PF_RUN_STEPS : 0) | (invariants ? PF_RUN_INVARIANTS : 0)
        let sink = onStep.map(StepSink.init)
        sink?.attach(&run)
        let ret = withExtendedLifetime(sink) { variant.c.walk_page_range(handle, start, end, &run) }
        let visits = (0..<Int(run.nr_visits)).map { i -> Visit in
            let v = run.visits[i]
            let kind: Visit.Kind = switch v.kind {
            case PF_VISIT_PUD: .pud
            case PF_VISIT_PMD: .pmd
            case PF_VISIT_PTE: .pte
            default: .hole
            }
            return Visit(kind: kind, start: v.start, end: v.end, mapped: v.leaf,
                         pfn: v.leaf ? v.pfn : nil, depth: kind == .hole ? Int(v.depth) : nil)
        }
        let events = run.swiftEvents
        return WalkResult(variant: variant.name, start: start, end: end, returned: Int(ret), visits: visits,
                          events: events, steps: run.swiftSteps, invariants: run.tally(events),
                          aborted: run.aborted, eventsCut: Int(run.events_cut), iterationCounts: run.iterationCounts)
    }
}

/// Steps handed to Swift as the C side completes them (pf_run.step_sink): nothing is kept.
final class StepSink {
    let body: (Step) -> Void

    init(_ body: @escaping (Step) -> Void) { self.body = body }

    func attach(_ run: inout pf_run) {
        run.sink_ctx = Unmanaged.passUnretained(self).toOpaque()
        run.step_sink = { ctx, step in
            guard let ctx, let step else { return }
            Unmanaged<StepSink>.fromOpaque(ctx).takeUnretainedValue().body(Step(step.pointee))
        }
    }
}

extension Step {
    init(_ s: pf_step) {
        self.init(level: Level(rawValue: Int(s.level)) ?? .pte, iteration: Int(s.iteration), addr: s.addr,
                  next: s.next, place: Place(s.place), value: s.value_read ? s.value : nil)
    }
}

extension pf_run {
    var swiftEvents: [Event] {
        (0..<Int(nr_events)).map { i in
            let e = events[i]
            let expected: Place? = e.kind == PF_EV_INVARIANT_A || e.kind == PF_EV_INVARIANT_B ? Place(e.expected) : nil
            return Event(kind: EventKind(e.kind), level: Level(rawValue: Int(e.level)), iteration: Int(e.iteration),
                         addr: e.addr, place: Place(e.place), value: e.value, expected: expected,
                         source: e.file.map { "\(sourcePath(String(cString: $0))):\(e.line)" },
                         runaway: e.kind == PF_EV_RUNAWAY ? Runaway(rawValue: e.line) : nil)
        }
    }

    var swiftSteps: [Step] {
        (0..<Int(nr_steps)).map { Step(steps[$0]) }
    }

    var iterationCounts: [Int] {
        let i = iterations
        return [i.0, i.1, i.2, i.3, i.4].map { Int($0) }
    }

    /// The checks the C side counted, and the breaks among the run's decoded events.
    func tally(_ events: [Event]) -> InvariantTally {
        InvariantTally(checkedA: Int(checks_a), brokenA: events.count { $0.kind == .invariantA },
                       checkedB: Int(checks_b), brokenB: events.count { $0.kind == .invariantB })
    }
}

/// A source file as a report names it: relative to the PageFold tree when it is in it.
func sourcePath(_ file: String) -> String {
    let root = HeaderCompiler.sourceRoot + "/"
    return file.hasPrefix(root) ? String(file.dropFirst(root.count)) : file
}
