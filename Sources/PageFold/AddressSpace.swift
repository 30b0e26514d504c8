import CShim

/// A mapping as asked for: a virtual range, its page size and whether it may be written.
public struct MappingSpec: Sendable, Equatable {
    public var start: UInt64
    public var end: UInt64
    public var pageSize: PageSize
    public var writable: Bool

    public init(start: UInt64, end: UInt64, pageSize: PageSize, writable: Bool = true) {
        self.start = start
        self.end = end
        self.pageSize = pageSize
        self.writable = writable
    }
}

/// A mapping as made: the spec plus the physical frames it was given.
public struct Mapping: Sendable, Equatable {
    public let spec: MappingSpec
    /// Physical address of the first byte.
    public let phys: UInt64

    public var start: UInt64 { spec.start }
    public var end: UInt64 { spec.end }
    public var pageSize: PageSize { spec.pageSize }
    public var writable: Bool { spec.writable }

    public func contains(_ va: UInt64) -> Bool { va >= start && va < end }
}

/// A task's address space in its own arena: page tables at the arch's real sizes, struct pages,
/// a simulated kernel stack. Not shared: each test or command builds its own.
public final class AddressSpace {
    public let arch: Arch
    public private(set) var geometry: Geometry
    public private(set) var mappings: [Mapping] = []
    /// The level count the task started with; crst_table_upgrade() may have added tables on top.
    public let initialLevels: Int
    let handle: OpaquePointer
    private var nextPhys: UInt64 = UInt64(PF_DATA_PHYS_BASE)

    public var levels: Int { geometry.levels }
    public var userLimit: UInt64 { geometry.userLimit }

    /// capBytes bounds the arena (page tables plus struct pages); 0 means the default, 256 MiB.
    public init(arch: Arch, levels: Int, mappings: [MappingSpec] = [], capBytes: UInt64 = 0) throws {
        self.arch = arch
        self.geometry = try Geometry(arch: arch, levels: levels)
        self.initialLevels = levels
        self.handle = try withCError { err, len in pf_space_create(arch.c, Int32(levels), capBytes, err, len) }
        for spec in mappings {
            try map(spec)
        }
    }

    deinit {
        pf_space_destroy(handle)
    }

    /// Map a range; frames are laid out one mapping after another, each aligned to its page size.
    public func map(_ spec: MappingSpec) throws {
        guard geometry.pageSizes.contains(spec.pageSize) else {
            let sizes = geometry.pageSizes.map(\.rawValue).joined(separator: ", ")
            throw PageFoldError("page: \(arch.rawValue) with \(levels) levels maps \(sizes) pages, not \(spec.pageSize.rawValue)")
        }
        let size = spec.pageSize.bytes
        let phys = (nextPhys + size - 1) / size * size
        try withCError { err, len in
            pf_space_map(handle, spec.start, spec.end, Int32(spec.pageSize.shift), spec.writable, phys, err, len) == 0
        }
        mappings.append(Mapping(spec: spec, phys: phys))
        nextPhys = phys + (spec.end - spec.start)
    }

    /// s390's crst_table_upgrade(): add region tables on top, 3 -> 4 -> 5 levels.
    public func upgrade(to levels: Int) throws {
        let upgraded = try Geometry(arch: arch, levels: levels)
        try withCError { err, len in pf_space_upgrade(handle, Int32(levels), err, len) == 0 }
        geometry = upgraded
    }

    /// The mapping that holds a virtual address.
    public func mapping(containing va: UInt64) -> Mapping? {
        mappings.first { $0.contains(va) }
    }

    /// The user virtual address that maps a frame, if any mapping does.
    public func virtualAddress(ofFrame pfn: UInt64) -> UInt64? {
        let pa = pfn << UInt64(arch.pageShift)
        for m in mappings where pa >= m.phys && pa - m.phys < m.end - m.start {
            return m.start + (pa - m.phys)
        }
        return nil
    }

    /// The folio counts of the frame's head page: (refcount, pincount).
    public func pageCounts(frame pfn: UInt64) -> (refcount: Int, pincount: Int)? {
        var ref: Int32 = 0
        var pin: Int32 = 0
        guard pf_space_page_counts(handle, pfn, &ref, &pin) else { return nil }
        return (Int(ref), Int(pin))
    }
}

/// Call a C function that explains a failure in an error buffer: nil or false means it failed.
private func withCError<T>(_ body: (UnsafeMutablePointer<CChar>, Int) -> T?) throws -> T {
    var err = [CChar](repeating: 0, count: 256)
    if let value = err.withUnsafeMutableBufferPointer({ body($0.baseAddress!, $0.count) }) {
        return value
    }
    throw PageFoldError(String(decoding: err.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
}

private func withCError(_ body: (UnsafeMutablePointer<CChar>, Int) -> Bool) throws {
    _ = try withCError { err, len -> Bool? in body(err, len) ? true : nil }
}
