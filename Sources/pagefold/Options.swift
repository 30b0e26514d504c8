import ArgumentParser
import Foundation
import PageFold

/// The base a header builds on when none is named: the merged fix as s390 runs it today.
let defaultBase = "s390-fix-v6.10"

/// Which variant runs: a registered one, or a user header on a base (built, then run in a worker).
struct VariantOptions: ParsableArguments {
    @Option(help: "A registered variant (see `pagefold matrix`).")
    var variant: String?

    @Option(help: "A C header of patched pXd_* helpers and macros, built on --base and run in a worker.")
    var header: String?

    @Option(help: "The variant --header builds on (default \(defaultBase)).")
    var base: String?

    @Option(help: "Seconds a compile, or the header's code on one case, may take (default \(formatted(HeaderCompiler.defaultTimeout))).")
    var timeout: Double = HeaderCompiler.defaultTimeout

    /// A kernel tree's own walk instead (built, then run in a worker).
    @OptionGroup var kernel: KernelTreeOptions

    /// A built header's library: how a worker is told what to load.
    @Option(help: .hidden) var library: String?
    @Option(help: .hidden) var libraryName: String?

    func validate() throws {
        guard timeout > 0 && timeout <= 3600 else { throw ValidationError("--timeout: give 0 to 3600 seconds, not \(timeout)") }
    }

    func baseVariant() throws -> Variant { try Variant.named(base ?? defaultBase) }

    /// A registered variant, or (in a worker) the built library; nil when a header or a kernel
    /// tree must be built first.
    func resolveHere() throws -> Variant? {
        if let library {
            return try WorkerSide.load(library, as: libraryName ?? library)
        }
        if kernel.kernelTree != nil {
            guard variant == nil && header == nil else { throw ValidationError("give one of --variant, --header and --kernel-tree") }
            return nil
        }
        if let header {
            guard variant == nil else { throw ValidationError("give --variant or --header, not both") }
            _ = header
            return nil
        }
        guard let variant else { throw ValidationError("missing --variant (or --header, or --kernel-tree)") }
        guard base == nil else { throw ValidationError("--base goes with --header, not --variant") }
        return try Variant.named(variant)
    }

    /// The arch the walk runs on: a kernel tree's (the space's, else --arch, else s390), a
    /// header's base's, or the variant's.
    func arch(space: SpaceOptions) throws -> Arch {
        if kernel.kernelTree != nil, library == nil {
            return try kernel.tree(spaceArch: try space.specArch(), arch: space.arch)!.arch
        }
        if header != nil || library != nil { return try baseVariant().arch }
        return try Variant.named(variant ?? "").arch
    }
}

/// `gup` and `walk` with --header or --kernel-tree: build it, then run this same command in a
/// worker on the built library, passing its output and exit status through. A crash, exit() or
/// time-out of the built code is a failure (exit 1), never PageFold's.
func relayToWorker(_ which: VariantOptions, space: SpaceOptions) throws -> Never {
    let build: HeaderBuild
    var args = removingOptions(Array(CommandLine.arguments.dropFirst()), ["--header", "--base", "--timeout", "--kernel-tree", "--patch"])
        .filter { $0 != "--show-code" }
    if let tree = try which.kernel.tree(spaceArch: try space.specArch(), arch: space.arch) {
        build = try TreeBuild.make(tree, timeout: which.timeout).build
        if space.space != nil { args = removingOptions(args, ["--arch"]) }   // the space says
    } else if let header = which.header {
        build = try HeaderCompiler.compile(header: header, base: try which.baseVariant(), timeout: which.timeout)
        if !build.warnings.isEmpty { FileHandle.standardError.write(Data("warnings in \(header):\n\(build.warnings)\n".utf8)) }
    } else {
        fatalError("relayToWorker without --header or --kernel-tree")
    }
    args += ["--library", build.library, "--library-name", build.header, "--base", build.base.name]
    let (status, why) = try WorkerRelay.run(args, build: build, timeout: which.timeout)
    if let status { Cleanup.shared.exit(status) }
    FileHandle.standardError.write(Data("FAIL: the built code \(why)\n".utf8))
    Cleanup.shared.exit(1)
}

/// The arguments without these options and their values (`--opt value` and `--opt=value`).
func removingOptions(_ args: [String], _ names: Set<String>) -> [String] {
    var out: [String] = []
    var skip = false
    for a in args {
        if skip { skip = false; continue }
        if names.contains(a) { skip = true; continue }
        if let eq = a.firstIndex(of: "="), names.contains(String(a[..<eq])) { continue }
        out.append(a)
    }
    return out
}

/// The address space: a JSON spec, or an arch and a level count with a default mapping.
struct SpaceOptions: ParsableArguments {
    @Option(help: "An address space as JSON (docs/spec.md).")
    var space: String?

    @Option(help: "generic, s390, x86 or arm64, when no --space is given (default: the variant's).")
    var arch: String?

    @Option(help: "The level count, when no --space is given (default: s390 3, as after exec; else the smallest).")
    var levels: Int?

    /// The arch of the --space file, if one is given.
    func specArch() throws -> Arch? {
        try space.map { try SpaceSpec.load(path: $0).arch }
    }

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

func formatted(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}

/// Colour only on a terminal, and never with NO_COLOR set.
var useColor: Bool {
    isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
}

/// Progress on stderr when it is a terminal; nothing when piped.
func progress(_ label: String) -> (Int, Int) -> Void {
    guard isatty(STDERR_FILENO) != 0 else { return { _, _ in } }
    var last = -1
    return { done, total in
        let pct = total > 0 ? done * 100 / total : 100
        guard pct != last || done == total else { return }
        last = pct
        FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)\(done == total ? "\r\u{1b}[K" : "")".utf8))
    }
}

func writeFile(_ text: String, to path: String) throws {
    do {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
        throw PageFoldError("svg: cannot write \(path): \(error.localizedDescription)")
    }
}

/// A kernel tree's own walk instead of a variant: the tree, patches applied to a scratch copy of
/// it, and the arch (docs/kernel-tree.md).
struct KernelTreeOptions: ParsableArguments {
    @Option(name: .customLong("kernel-tree"), help: "A kernel source tree: judge its own gup_fast, pagewalk and arch helpers.")
    var kernelTree: String?

    @Option(help: "A unified diff to apply to a scratch copy of the tree (never the tree); repeatable, in order.")
    var patch: [String] = []

    @Flag(help: "With --kernel-tree: list every definition taken from the tree, and every stand-in with why.")
    var showCode = false

    /// The tree, for the space's arch (--space) or --arch (default s390); nil without --kernel-tree.
    func tree(spaceArch: Arch?, arch given: String?) throws -> KernelTree? {
        guard let kernelTree else {
            guard patch.isEmpty else { throw ValidationError("--patch goes with --kernel-tree") }
            return nil
        }
        let named = try given.map(Self.archNamed)
        if let named, let spaceArch, named != spaceArch {
            throw ValidationError("--arch \(named.rawValue) conflicts with the space's arch, \(spaceArch.rawValue)")
        }
        return try KernelTree(root: kernelTree, arch: spaceArch ?? named ?? .s390, patches: patch)
    }

    /// An arch kernel-tree mode has a profile for (default s390).
    static func archNamed(_ name: String?) throws -> Arch {
        guard let name else { return .s390 }
        guard let a = Arch(rawValue: name), a != .generic else {
            throw ValidationError("--arch: give s390, x86 or arm64 with --kernel-tree, not \"\(name)\"")
        }
        return a
    }
}
