import ArgumentParser
import Foundation
import PageFold

/// Which variant runs: a registered one, or a user header on a base.
struct VariantOptions: ParsableArguments {
    @Option(help: "A registered variant (see `pagefold matrix`).")
    var variant: String?

    @Option(help: "A C header of patched pXd_* macros, compiled on --base instead of --variant.")
    var header: String?

    @Option(help: "The variant --header builds on (default s390-fix).")
    var base: String?

    func resolve() throws -> Variant {
        if let header {
            guard variant == nil else { throw ValidationError("give --variant or --header, not both") }
            return try HeaderCompiler.compile(header: header, base: try Variant.named(base ?? "s390-fix"))
        }
        guard let variant else { throw ValidationError("missing --variant (or --header)") }
        return try Variant.named(variant)
    }
}

/// The address space: a JSON spec, or an arch and a level count with a default mapping.
struct SpaceOptions: ParsableArguments {
    @Option(help: "An address space as JSON (docs/spec.md).")
    var space: String?

    @Option(help: "generic, s390, x86 or arm64, when no --space is given (default: the variant's).")
    var arch: String?

    @Option(help: "The level count, when no --space is given (default: s390 3, as after exec; else the smallest).")
    var levels: Int?

    /// With no spec: the range itself and two pages either side are mapped with base pages.
    func make(for variant: Variant, around start: UInt64, _ end: UInt64) throws -> AddressSpace {
        if let space {
            guard arch == nil && levels == nil else { throw ValidationError("give --space or --arch/--levels, not both") }
            return try SpaceSpec.load(path: space).makeSpace()
        }
        let arch = try arch.map { name in
            guard let a = Arch(rawValue: name) else {
                throw ValidationError("--arch: \"\(name)\" is not one of \(Arch.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return a
        } ?? variant.arch
        let levels = levels ?? variant.defaultLevels
        let geo = try Geometry(arch: arch, levels: levels)
        let ps = geo.pageSize
        guard end <= geo.userLimit else {
            throw PageFoldError("end: \(hex(end)) is beyond the space's user limit \(hex(geo.userLimit))")
        }
        let low = start >= 2 * ps ? start - 2 * ps : 0
        let high = geo.userLimit - end >= 2 * ps ? end + 2 * ps : geo.userLimit
        return try AddressSpace(arch: arch, levels: levels, mappings: [
            MappingSpec(start: low, end: high, pageSize: arch == .arm64 ? .k16 : .k4),
        ])
    }
}

struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON object (docs/json.md).")
    var json = false

    @Option(help: "Also write the picture as SVG to this file.")
    var svg: String?
}

func address(_ text: String, _ option: String) throws -> UInt64 {
    guard let v = parseAddress(text) else {
        throw ValidationError("\(option): \"\(text)\" is not an address in hex (0x…) or decimal")
    }
    return v
}

/// Colour only on a terminal, and never with NO_COLOR set.
var useColor: Bool {
    isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
}

/// Progress on stderr when it is a terminal; nothing when piped.
func progress(_ label: String) -> (Int, Int) -> Void {
    guard isatty(STDERR_FILENO) != 0 else { return { _, _ in } }
    return { done, total in
        FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)\(done == total ? "\n" : "")".utf8))
    }
}

func writeFile(_ text: String, to path: String) throws {
    do {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
        throw PageFoldError("svg: cannot write \(path): \(error.localizedDescription)")
    }
}
