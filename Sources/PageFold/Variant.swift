import CShim

/// One choice of page-table macros (an arch header plus patch macros), compiled with the shared
/// gup_fast and pagewalk loops. The list comes from the C registry.
public struct Variant: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let arch: Arch
    public let reference: String
    public let summary: String
    public let levels: ClosedRange<Int>
    let index: Int32

    public var description: String { name }

    /// Every variant in the registry, in its order.
    public static let all: [Variant] = (0..<pf_nr_variants()).compactMap { i in
        guard let v = pf_variant_at(i)?.pointee, let arch = Arch(c: v.arch) else { return nil }
        return Variant(name: String(cString: v.name), arch: arch, reference: String(cString: v.reference),
                       summary: String(cString: v.summary),
                       levels: Int(v.min_levels)...Int(v.max_levels), index: i)
    }

    public static func named(_ name: String) throws -> Variant {
        guard let v = all.first(where: { $0.name == name }) else {
            throw PageFoldError("variant: no variant is named \(name); the variants are \(all.map(\.name).joined(separator: ", "))")
        }
        return v
    }

    var c: pf_variant { pf_variant_at(index).pointee }
}
