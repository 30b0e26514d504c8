import Foundation
import PageFold

/// The variants the 2020 and 2024 fixes (and compile-time folding) make correct: each must equal
/// the Oracle everywhere it runs.
let fixedVariantNames = ["generic-2l", "generic-3l", "generic-4l", "generic-5l", "middle-level", "s390-rfc-v1", "s390-rfc-v2",
                         "s390-fix", "s390-fix-v6.10", "x86-la57", "arm64-lpa2-fix"]

/// A fixed variant at a level count it runs on.
func runsFixed(_ v: Variant, _ levels: Int) -> Bool {
    fixedVariantNames.contains(v.name) && v.levels.contains(levels)
}

func variant(_ name: String) -> Variant {
    // The registry is the product's own list; a missing name is a test defect worth a crash.
    try! Variant.named(name)
}

/// Events that no correct walk may produce. Invariant (b) is left out: the merged s390 fix breaks
/// it by design.
let faultKinds: Set<EventKind> = [.stackRead, .outsideTable, .outsideArena, .bug, .invariantA, .runaway]


/// The slot of a level's copy in the walk's frame: pgd, p4d and pud ascending, pgd lowest, as
/// GCC 12 lays out the inlined 6.1 walk on s390 (real-kernel-notes.md), at the top of the 16 KB
/// stack below 8 slots of the caller's frame.
func copySlot(_ level: Level) -> Int { 2048 - 8 + level.rawValue }

/// What a call threw, as its message, or "no error".
func errorText(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "no error"
    } catch {
        return "\(error)"
    }
}

/// The repository's examples/, found from this file.
let examplesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("examples")

/// Files that live as long as the value: a scratch directory PageFold removes when it goes away.
final class TemporaryFiles {
    let directory: ScratchDirectory

    init() throws { directory = try ScratchDirectory(prefix: "pagefold-tests") }

    /// Write a file and return its path.
    func write(_ name: String, _ text: String) throws -> String {
        let path = directory.file(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
