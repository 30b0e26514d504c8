import CShim

/// The page-table levels, numbered as mm/pagewalk.c numbers hole depths (pgd 0 … pmd 3), then pte.
public enum Level: Int, CaseIterable, Comparable, Sendable, CustomStringConvertible {
    case pgd = 0, p4d, pud, pmd, pte

    public var description: String {
        switch self {
        case .pgd: "pgd"
        case .p4d: "p4d"
        case .pud: "pud"
        case .pmd: "pmd"
        case .pte: "pte"
        }
    }

    public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
}

public enum Arch: String, CaseIterable, Sendable {
    case generic, s390, x86, arm64

    var c: pf_arch {
        switch self {
        case .generic: PF_ARCH_GENERIC
        case .s390: PF_ARCH_S390
        case .x86: PF_ARCH_X86
        case .arm64: PF_ARCH_ARM64
        }
    }

    init?(c: pf_arch) {
        guard let arch = Arch.allCases.first(where: { $0.c == c }) else { return nil }
        self = arch
    }

    /// The level counts a task of this arch can have.
    public var levelRange: ClosedRange<Int> {
        switch self {
        case .generic: 2...5
        case .s390: 2...5
        case .x86: 4...5
        case .arm64: 3...4
        }
    }

    public var pageShift: Int { self == .arm64 ? 14 : 12 }
    public var pageSize: UInt64 { 1 << UInt64(pageShift) }
}

/// The sizes a mapping can be made of.
public enum PageSize: String, CaseIterable, Sendable {
    case k4 = "4K", k16 = "16K", m1 = "1M", m2 = "2M", m32 = "32M", g1 = "1G", g2 = "2G"

    public var shift: Int {
        switch self {
        case .k4: 12
        case .k16: 14
        case .m1: 20
        case .m2: 21
        case .m32: 25
        case .g1: 30
        case .g2: 31
        }
    }

    public var bytes: UInt64 { 1 << UInt64(shift) }
}

/// The kernel semantics of one arch at one level count, restated independently of the C code:
/// the real tables from the top, what their entries span, and the depth mm/pagewalk.c reports
/// for a hole in them. The Oracle and the tests reason with this, never with the page tables.
public struct Geometry: Sendable {
    public struct Table: Sendable {
        /// The loop that walks this table's entries.
        public let level: Level
        /// One entry spans 1 << shift bytes.
        public let shift: Int
        public let entries: Int
        /// pte_hole()'s depth for a none entry here (after real_depth()).
        public let holeDepth: Int
        /// The page size an entry may map directly, if any.
        public let leaf: PageSize?
    }

    public let arch: Arch
    public let levels: Int
    public let tables: [Table]
    public let userLimit: UInt64

    public var pageShift: Int { arch.pageShift }
    public var pageSize: UInt64 { arch.pageSize }
    public var pageSizes: [PageSize] {
        [arch == .arm64 ? .k16 : .k4] + tables.compactMap(\.leaf)
    }

    public init(arch: Arch, levels: Int) throws {
        guard arch.levelRange.contains(levels) else {
            throw PageFoldError("levels: \(arch.rawValue) has \(arch.levelRange.lowerBound) to \(arch.levelRange.upperBound) page-table levels, not \(levels)")
        }
        self.arch = arch
        self.levels = levels
        switch arch {
        case .s390:
            // Region-1, region-2, region-3 and segment tables of 2048 entries, page tables of 256;
            // a task of n levels has the lowest n. A hole is reported at its table type's depth.
            let all: [Table] = [
                Table(level: .pgd, shift: 53, entries: 2048, holeDepth: 0, leaf: nil),
                Table(level: .p4d, shift: 42, entries: 2048, holeDepth: 1, leaf: nil),
                Table(level: .pud, shift: 31, entries: 2048, holeDepth: 2, leaf: .g2),
                Table(level: .pmd, shift: 20, entries: 2048, holeDepth: 3, leaf: .m1),
                Table(level: .pte, shift: 12, entries: 256, holeDepth: 4, leaf: nil),
            ]
            tables = Array(all.suffix(levels))
            // mm->context.asce_limit; TASK_SIZE_MAX (-PAGE_SIZE) for five levels.
            userLimit = levels == 5 ? 0 &- 4096 : 1 << UInt64([2: 31, 3: 42, 4: 53][levels]!)
        case .generic, .x86:
            // 9 bits a level; the top table's holes are found by the first real check below the
            // folded levels, which real_depth() maps to 0.
            let roles: [Level] = Array(Level.allCases.suffix(levels))
            tables = (0..<levels).map { i in
                let shift = 12 + 9 * (levels - 1 - i)
                let level: Level = i == 0 ? .pgd : roles[i]
                let leaf: PageSize? = shift == 21 ? .m2 : shift == 30 ? .g1 : nil
                return Table(level: level, shift: shift, entries: 512,
                             holeDepth: i == 0 ? 0 : roles[i].rawValue, leaf: leaf)
            }
            if arch == .x86 {
                userLimit = (1 << (levels == 5 ? 56 : 47)) - 4096  // TASK_SIZE_MAX
            } else {
                userLimit = 1 << UInt64(12 + 9 * levels)
            }
        case .arm64:
            // 16K pages, 2048-entry tables; with LPA2 a 32-entry pgd on top (52-bit VA), without
            // it the pud table is the top (47-bit VA) and its holes are reported at depth 2.
            var t: [Table] = []
            if levels == 4 {
                t.append(Table(level: .pgd, shift: 47, entries: 32, holeDepth: 0, leaf: nil))
            }
            t.append(Table(level: .pud, shift: 36, entries: 2048, holeDepth: 2, leaf: nil))
            t.append(Table(level: .pmd, shift: 25, entries: 2048, holeDepth: 3, leaf: .m32))
            t.append(Table(level: .pte, shift: 14, entries: 2048, holeDepth: 4, leaf: nil))
            tables = t
            userLimit = 1 << (levels == 4 ? 52 : 47)
        }
    }

    /// The boundaries of every real level in [low, high): addresses where an entry starts.
    public func boundaries(of table: Table, from low: UInt64, to high: UInt64) -> [UInt64] {
        let span: UInt64 = table.shift >= 64 ? 0 : 1 << UInt64(table.shift)
        guard span > 0 else { return [] }
        var (b, overflow) = (low / span + 1).multipliedReportingOverflow(by: span)
        var out: [UInt64] = []
        if overflow { return out }
        while b < high && b > low {
            out.append(b)
            let (n, o) = b.addingReportingOverflow(span)
            if o { break }
            b = n
        }
        return out
    }
}
