/// Loop bodies as a picture keeps them, in memory that does not grow with the walk: at each level,
/// a run of alike bodies (the next entry of the same table, the next range, one iteration on) is
/// one line, and past the first and last few lines of a level the rest are only counted.
public struct StepRuns: Sendable {
    /// Bodies kept one by one in a run before it is shown as one line.
    static let shownAlone = 4
    /// Lines kept at the start and at the end of a level.
    static let keep = 6
    /// Bodies kept in walk order, for the SVG.
    static let headCount = 96

    public struct Run: Sendable {
        public internal(set) var first: Step
        public internal(set) var last: Step
        public internal(set) var count = 1
        /// The run's first bodies, while it is short enough to show them.
        public internal(set) var steps: [Step]

        init(_ s: Step) {
            first = s
            last = s
            steps = [s]
        }

        /// The body continues this run: same level, one iteration on, the next range, the next
        /// entry of the same table.
        func continued(by s: Step) -> Bool {
            guard s.level == last.level, s.iteration == last.iteration + 1, s.addr == last.next,
                  case let .table(l1, pa1, i1) = last.place, case let .table(l2, pa2, i2) = s.place else { return false }
            return l1 == l2 && pa1 == pa2 && i2 == i1 + 1
        }

        mutating func add(_ s: Step) {
            last = s
            count += 1
            if steps.count < StepRuns.shownAlone + 1 { steps.append(s) }
        }
    }

    struct Band: Sendable {
        var first: [Run] = []
        var last: [Run] = []
        var elidedRuns = 0
        var elidedSteps = 0
    }

    var bands = [Band](repeating: Band(), count: Level.allCases.count)
    /// The first bodies in walk order.
    public private(set) var head: [Step] = []
    public private(set) var total = 0

    public init() {}

    public init(_ steps: [Step]) {
        steps.forEach { add($0) }
    }

    public mutating func add(_ s: Step) {
        total += 1
        if head.count < StepRuns.headCount { head.append(s) }
        var band = bands[s.level.rawValue]
        defer { bands[s.level.rawValue] = band }
        if band.last.isEmpty && band.first.count < StepRuns.keep {
            if var run = band.first.last, run.continued(by: s) {
                run.add(s)
                band.first[band.first.count - 1] = run
            } else {
                band.first.append(Run(s))
            }
            return
        }
        if var run = band.last.last, run.continued(by: s) {
            run.add(s)
            band.last[band.last.count - 1] = run
            return
        }
        if band.last.isEmpty, var run = band.first.last, run.continued(by: s) {
            run.add(s)
            band.first[band.first.count - 1] = run
            return
        }
        band.last.append(Run(s))
        if band.last.count > StepRuns.keep {
            let dropped = band.last.removeFirst()
            band.elidedRuns += 1
            band.elidedSteps += dropped.count
        }
    }

    /// A level's lines: runs, with nil where runs were only counted.
    func lines(_ level: Level) -> [Run?] {
        let b = bands[level.rawValue]
        return b.first + (b.elidedRuns > 0 ? [nil] : []) + b.last
    }

    func elided(_ level: Level) -> (runs: Int, steps: Int) {
        (bands[level.rawValue].elidedRuns, bands[level.rawValue].elidedSteps)
    }
}
