/// A named address space and range to run the variants on.
public struct Scenario: Sendable {
    public let name: String
    public let summary: String
    public let arch: Arch
    public let levels: Int
    public let mappings: [MappingSpec]
    public let start: UInt64
    public let nrPages: UInt64
    /// gup with FOLL_WRITE.
    public let write: Bool

    public init(name: String, summary: String, arch: Arch, levels: Int, mappings: [MappingSpec],
                start: UInt64, nrPages: UInt64, write: Bool = false) {
        self.write = write
        self.name = name
        self.summary = summary
        self.arch = arch
        self.levels = levels
        self.mappings = mappings
        self.start = start
        self.nrPages = nrPages
    }

    public var end: UInt64 { start + nrPages * arch.pageSize }

    public func makeSpace() throws -> AddressSpace {
        try AddressSpace(arch: arch, levels: levels, mappings: mappings)
    }

    /// The boundary of the 2020 report: 2^40 + 2^31, a 2 GB (region-3, pud) boundary.
    public static let seedBoundary: UInt64 = 0x100_8000_0000

    /*
     *   0x0fffffff000    0x10000001000   ...   0x1007ffff000   0x10080001000
     *   |--- 2 GB below -|                     |-- the range --|
     *                 ^ 0x10000000000                  ^ 0x10080000000 (pud boundary)
     *   one region-3 entry covers [0x10000000000, 0x10080000000)
     */
    /// The seed mail's walk: an s390 3-level task, range 0x1007ffff000-0x10080001000 across the 2 GB
    /// pud boundary, with the pages 2 GB below it mapped too.
    public static let seed = Scenario(
        name: "seed", summary: "s390 3-level, 0x1007ffff000-0x10080001000 across a 2 GB pud boundary, pages 2 GB below mapped",
        arch: .s390, levels: 3,
        mappings: [
            MappingSpec(start: seedBoundary - 0x1000, end: seedBoundary + 0x1000, pageSize: .k4),
            MappingSpec(start: seedBoundary - 0x8000_0000 - 0x1000, end: seedBoundary - 0x8000_0000 + 0x1000, pageSize: .k4),
        ],
        start: seedBoundary - 0x1000, nrPages: 2)

    /// The seed range with nothing mapped 2 GB below it.
    public static let seedUnmappedBelow = Scenario(
        name: "seed-unmapped-below", summary: "the seed range, nothing mapped 2 GB below",
        arch: .s390, levels: 3,
        mappings: [MappingSpec(start: seedBoundary - 0x1000, end: seedBoundary + 0x1000, pageSize: .k4)],
        start: seedBoundary - 0x1000, nrPages: 2)

    /// The seed's shape for any variant: two pages across the seed boundary (or, where the space
    /// is smaller, across the middle of the user range), at the variant's smallest level count
    /// that folds something at run time (s390 3, x86 4, arm64 3), with the pages 2 GB below mapped
    /// where they fit.
    public static func seedShape(for variant: Variant) -> Scenario {
        if variant.arch == .s390 { return seed }
        return seedShape(arch: variant.arch, levels: variant.defaultLevels)
    }

    /// The seed's shape on an arch at a level count.
    public static func seedShape(arch: Arch, levels: Int) -> Scenario {
        let ps = arch.pageSize
        let limit = (try? Geometry(arch: arch, levels: levels).userLimit) ?? 0
        let b = seedBoundary < limit / 2 ? seedBoundary : limit / 2
        var mappings = [MappingSpec(start: b - ps, end: b + ps, pageSize: arch == .arm64 ? .k16 : .k4)]
        if b == seedBoundary {
            let low = b - 0x8000_0000
            mappings.append(MappingSpec(start: low - ps, end: low + ps, pageSize: arch == .arm64 ? .k16 : .k4))
        }
        return Scenario(name: "seed-shape", summary: "two pages across \(hex(b))",
                        arch: arch, levels: levels, mappings: mappings, start: b - ps, nrPages: 2)
    }
}
