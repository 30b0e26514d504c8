import PageFold

/// The variants the 2020 and 2024 fixes (and compile-time folding) make correct: each must equal
/// the Oracle everywhere it runs.
let fixedVariantNames = ["generic-2l", "generic-3l", "generic-4l", "generic-5l", "s390-rfc-v1", "s390-rfc-v2",
                         "s390-fix", "x86-la57", "arm64-lpa2-fix"]

/// RFC v1's BUG() and RFC v2's VM_BUG_ON fire on a 2-level (31-bit compat) task by design
/// (TwoLevelTests); from 3 levels on they are fixed.
func runsFixed(_ v: Variant, _ levels: Int) -> Bool {
    fixedVariantNames.contains(v.name) && !(levels == 2 && v.name.hasPrefix("s390-rfc"))
}

func variant(_ name: String) -> Variant {
    // The registry is the product's own list; a missing name is a test defect worth a crash.
    try! Variant.named(name)
}

/// Events that no correct walk may produce. Invariant (b) is left out: the merged s390 fix breaks
/// it by design.
let faultKinds: Set<EventKind> = [.stackRead, .outsideTable, .outsideArena, .bug, .invariantA, .runaway]


/// What a call threw, as its message, or "no error".
func errorText(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "no error"
    } catch {
        return "\(error)"
    }
}
