import CShim

/// One choice of page-table macros (an arch header plus patch macros), compiled with the shared
/// gup_fast and pagewalk loops. The built-in list comes from the C registry; a user's header
/// becomes one through `HeaderCompiler`.
public struct Variant: @unchecked Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let arch: Arch
    public let reference: String
    public let summary: String
    public let levels: ClosedRange<Int>
    /// The registry record; it lives as long as the process (registry or a loaded library).
    let entry: UnsafePointer<pf_variant>

    public var description: String { name }

    /// The level count a task has by default: s390 starts every task with 3 (init_new_context());
    /// the run-time folders are shown folded (x86 4, arm64 3); generic has one.
    public var defaultLevels: Int {
        arch == .s390 ? max(3, levels.lowerBound) : levels.lowerBound
    }

    init?(_ entry: UnsafePointer<pf_variant>) {
        let v = entry.pointee
        guard let arch = Arch(c: v.arch) else { return nil }
        self.entry = entry
        name = String(cString: v.name)
        self.arch = arch
        reference = String(cString: v.reference)
        summary = String(cString: v.summary)
        levels = Int(v.min_levels)...Int(v.max_levels)
    }

    /// Every variant in the registry, in its order.
    public static let all: [Variant] = (0..<pf_nr_variants()).compactMap { i in
        pf_variant_at(i).flatMap(Variant.init)
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
