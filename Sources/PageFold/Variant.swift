import CShim

/// One choice of page-table macros (an arch header plus patch macros), compiled with the shared
/// gup_fast and pagewalk loops. The built-in list comes from the C registry; a user's header
/// becomes one through `HeaderCompiler`.
public struct Variant: @unchecked Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let arch: Arch
    public let reference: String
    public let summary: String
    /// The kernels that ran this code.
    public let era: String
    public let levels: ClosedRange<Int>
    /// What these kernels do that a correct walk would not; the Oracle follows them.
    public let quirks: Set<Quirk>
    /// The registry record; it lives as long as the process (registry or a loaded library).
    let entry: UnsafePointer<pf_variant>

    public var description: String { name }

    /// The level count a task has by default: s390 starts every task with 3 (init_new_context());
    /// the run-time folders are shown folded (x86 4, arm64 3); generic has one.
    public var defaultLevels: Int {
        arch == .s390 ? max(3, levels.lowerBound) : levels.lowerBound
    }

    /// A registry record; `name` overrides the record's (a user header's is named by the header).
    init?(_ entry: UnsafePointer<pf_variant>, name: String? = nil) {
        let v = entry.pointee
        guard let arch = Arch(c: v.arch) else { return nil }
        self.entry = entry
        self.name = name ?? String(cString: v.name)
        self.arch = arch
        reference = String(cString: v.reference)
        summary = String(cString: v.summary)
        era = v.era.map { String(cString: $0) } ?? ""
        levels = Int(v.min_levels)...Int(v.max_levels)
        quirks = Set(Quirk.allCases.filter { v.quirks & $0.c != 0 })
        let eras = v.era_at
        eraAt = [eras.0, eras.1, eras.2, eras.3, eras.4, eras.5].map { $0.map { String(cString: $0) } }
    }

    private let eraAt: [String?]

    /// The kernels that ran this code on a task of `levels` levels.
    public func era(levels: Int) -> String {
        (eraAt.indices.contains(levels) ? eraAt[levels] : nil) ?? era
    }

    /// Every variant in the registry, in its order.
    public static let all: [Variant] = (0..<pf_nr_variants()).compactMap { i in
        pf_variant_at(i).flatMap { Variant($0) }
    }

    public static func named(_ name: String) throws -> Variant {
        guard let v = all.first(where: { $0.name == name }) else {
            throw PageFoldError("variant: no variant is named \(name); the variants are \(all.map(\.name).joined(separator: ", "))")
        }
        return v
    }

    public static func == (a: Variant, b: Variant) -> Bool { a.entry == b.entry }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    var c: pf_variant { entry.pointee }
}

/// A kernel behaviour PageFold models because the kernel has it, not because it is right.
public enum Quirk: String, CaseIterable, Sendable {
    /// s390 before 3e93d49175a7 (v6.10): hugetlb writes the segment read bit where pud_write()
    /// tests the region-3 write bit, so gup_fast pins a read-only 2 GB page for FOLL_WRITE.
    case readOnlyHugePudWritable = "read-only 2 GB hugetlb page reads as writable"

    var c: UInt32 {
        switch self {
        case .readOnlyHugePudWritable: PF_QUIRK_RO_HUGE_PUD_WRITABLE
        }
    }

    /// A few words for a matrix cell.
    public var short: String {
        switch self {
        case .readOnlyHugePudWritable: "ro 2G writable"
        }
    }

    /// The commit that ended it.
    public var fixedBy: String {
        switch self {
        case .readOnlyHugePudWritable: "3e93d49175a7 (v6.10)"
        }
    }
}
