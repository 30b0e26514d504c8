import CShim

/// What an address was: a table entry, a stack slot, or nothing a walk should touch.
public enum Place: Sendable, Equatable, CustomStringConvertible {
    /// Entry `index` of a page-table page at physical address `tablePA`, walked by `level`.
    case table(level: Level, tablePA: UInt64, index: Int)
    /// A slot of the walk's frame on the simulated kernel stack; `copyOf` is the level whose copy
    /// it holds, if any (nil: what is there depends on earlier calls).
    case stack(slot: Int, copyOf: Level?)
    /// The caller's saved registers, right above the walk's copies: their content depends on the caller.
    case callerFrame(slot: Int)
    case mm
    /// Inside the arena, but in no table.
    case free
    case outside

    init(_ p: pf_place) {
        switch p.kind {
        case PF_PLACE_TABLE:
            self = .table(level: Level(rawValue: Int(p.table_level)) ?? .pte, tablePA: p.table_pa, index: Int(p.index))
        case PF_PLACE_STACK:
            self = .stack(slot: Int(p.index), copyOf: p.slot_copy >= 0 ? Level(rawValue: Int(p.slot_copy)) : nil)
        case PF_PLACE_CALLER: self = .callerFrame(slot: Int(p.index))
        case PF_PLACE_MM: self = .mm
        case PF_PLACE_FREE: self = .free
        default: self = .outside
        }
    }

    public var description: String {
        switch self {
        case let .table(level, pa, index): "\(level) table \(hex(pa))[\(index)]"
        case let .stack(slot, copy?): "stack slot \(slot) (copy of \(copy))"
        case let .stack(slot, nil): "stack slot \(slot) (no copy: content unknown)"
        case let .callerFrame(slot): "stack slot \(slot) (the caller's saved registers)"
        case .mm: "mm_struct"
        case .free: "arena memory outside every table"
        case .outside: "outside the arena"
        }
    }

    public var isStack: Bool {
        switch self {
        case .stack, .callerFrame: true
        default: false
        }
    }

    /// A stack slot whose content PageFold does not model: reading it stops the walk.
    public var isUnknownStack: Bool {
        switch self {
        case .stack(_, nil), .callerFrame: true
        default: false
        }
    }
}

public enum EventKind: String, Sendable, CaseIterable {
    case stackRead = "stack-read"
    case outsideTable = "outside-table"
    case outsideArena = "outside-arena"
    case bug
    case invariantA = "invariant-a"
    case invariantB = "invariant-b"
    case runaway

    init(_ k: pf_event_kind) {
        switch k {
        case PF_EV_STACK_READ: self = .stackRead
        case PF_EV_OUTSIDE_TABLE: self = .outsideTable
        case PF_EV_OUTSIDE_ARENA: self = .outsideArena
        case PF_EV_BUG: self = .bug
        case PF_EV_INVARIANT_A: self = .invariantA
        case PF_EV_INVARIANT_B: self = .invariantB
        default: self = .runaway
        }
    }
}

/// Something a walk did that a correct walk does not: recorded as data, never a crash.
public struct Event: Sendable, Equatable, CustomStringConvertible {
    public let kind: EventKind
    /// The loop that was running, and its 1-based iteration.
    public let level: Level?
    public let iteration: Int
    /// The virtual address that loop was at.
    public let addr: UInt64
    /// What was read (stack and table events) or where the pointer pointed (invariant events).
    public let place: Place
    /// The value read, or the stray address.
    public let value: UInt64
    /// Invariant events: where the pointer should have pointed.
    public let expected: Place?
    /// BUG events: where in the variant's source.
    public let source: String?
    /// Runaway events: why the walk was stopped, and so what `value` is.
    public var runaway: Runaway?

    public var description: String {
        let at = level.map { "\($0) iteration \(iteration)" } ?? "entry"
        let addr = hex(self.addr)
        switch kind {
        case .stackRead where place.isUnknownStack:
            return "\(at) at \(addr) read \(place); the walk was stopped there"
        case .stackRead: return "\(at) at \(addr) read \(place): \(hex(value))"
        case .outsideTable: return "\(at) at \(addr) read \(place): \(hex(value))"
        case .outsideArena: return "\(at) at \(addr) reached address \(hex(value)) outside the arena"
        case .bug: return "\(at) at \(addr) hit BUG() at \(source ?? "?")"
        case .invariantA: return "\(at) at \(addr): pointer at \(place), a fresh walk reaches \(expected.map(\.description) ?? "?") (invariant a)"
        case .invariantB: return "\(at) at \(addr): pointer at \(place), pXd_offset(upper, addr) gives \(expected.map(\.description) ?? "?") (invariant b)"
        case .runaway where runaway == .next:
            return "\(at) at \(addr) ran away: next = \(hex(value)) is not in (addr, end]; the walk was stopped"
        case .runaway where runaway == .unaligned:
            return "\(at) at \(addr) ran away: next = \(hex(value)) is not page aligned, so the loops below it never meet their end; the walk was stopped"
        case .runaway: return "\(at) ran away: a body began at \(hex(value)), outside its range or past the step budget; the walk was stopped"
        }
    }
}

/// Why a runaway loop was stopped (PF_RUNAWAY_*).
public enum Runaway: Int32, Sendable {
    /// The body's next is not in (addr, end]: the event's value is next.
    case next = 1
    /// A body began outside its range or past the step budget: the value is its addr.
    case step = 2
    /// The body's next is not page aligned: the value is next.
    case unaligned = 3
}

/// One run of a loop body.
public struct Step: Sendable, Equatable {
    public let level: Level
    public let iteration: Int
    public let addr: UInt64
    public let next: UInt64
    /// The entry the loop pointer designated, and the value read through it.
    public let place: Place
    public let value: UInt64?
}

/// One callback of walk_page_range_novma().
public struct Visit: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case pud, pmd, pte, hole
    }

    public let kind: Kind
    public let start: UInt64
    public let end: UInt64
    /// pud/pmd: the entry maps a leaf; pte: the pte is present.
    public let mapped: Bool
    /// The frame of `start`, for leaves and present ptes.
    public let pfn: UInt64?
    /// Holes: pte_hole()'s depth.
    public let depth: Int?

    public var description: String {
        let range = "\(hex(start))-\(hex(end))"
        switch kind {
        case .hole: return "hole \(range) depth \(depth ?? -1)"
        default: return "\(kind.rawValue) \(range)" + (pfn.map { " pfn \(hex($0))" } ?? " none")
        }
    }
}

/// How often each invariant was checked after an increment, and how often it broke.
public struct InvariantTally: Sendable, Equatable {
    public var checkedA = 0, brokenA = 0
    public var checkedB = 0, brokenB = 0

    public var holdsA: Bool { brokenA == 0 }
    public var holdsB: Bool { brokenB == 0 }
}
