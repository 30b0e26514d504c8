import Foundation

/// A kernel source tree PageFold judges: its own gup_fast walk, pagewalk and arch helpers, for one
/// arch, with patches applied to a scratch copy (never to the tree itself). docs/kernel-tree.md.
public struct KernelTree: Sendable {
    /// The tree's directory, absolute.
    public let root: String
    public let arch: Arch
    /// Unified diffs, applied in order (absolute paths).
    public let patches: [String]
    public let version: KernelVersion

    /// Check that `root` is a kernel tree with what the walk needs, and read its version.
    public init(root given: String, arch: Arch, patches: [String] = []) throws {
        let root = URL(fileURLWithPath: given).standardizedFileURL.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            throw PageFoldError("kernel-tree: \(given) is not a directory")
        }
        guard let profile = ArchProfile.forArch(arch) else {
            throw PageFoldError("kernel-tree: --arch \(arch.rawValue) has no kernel-tree profile; give s390, x86 or arm64")
        }
        let missing = profile.requiredFiles.filter { !FileManager.default.fileExists(atPath: "\(root)/\($0)") }
        guard missing.isEmpty else {
            throw PageFoldError("kernel-tree: \(given) lacks \(missing.joined(separator: ", ")): a kernel tree for \(arch.rawValue) needs them")
        }
        self.root = root
        self.arch = arch
        self.version = try KernelVersion(makefile: "\(root)/Makefile")
        self.patches = try patches.map { path in
            let full = URL(fileURLWithPath: path).standardizedFileURL.path
            guard FileManager.default.isReadableFile(atPath: full) else {
                throw PageFoldError("patch: cannot read \(path)")
            }
            return full
        }
    }

    var profile: ArchProfile { ArchProfile.forArch(arch)! }

    /// How the tree is named in reports: its directory, and the patches on it.
    public var subject: String {
        ([root] + patches.map { "+ " + URL(fileURLWithPath: $0).lastPathComponent }).joined(separator: " ")
    }

    /// The options that name this tree on a command line.
    public var arguments: [String] {
        ["--kernel-tree", root] + patches.flatMap { ["--patch", $0] } + ["--arch", arch.rawValue]
    }
}

/// VERSION.PATCHLEVEL.SUBLEVEL, from the tree's top Makefile.
public struct KernelVersion: Sendable, Comparable, CustomStringConvertible {
    public let major: Int, minor: Int, sublevel: Int

    public init(_ major: Int, _ minor: Int, _ sublevel: Int = 0) {
        (self.major, self.minor, self.sublevel) = (major, minor, sublevel)
    }

    init(makefile: String) throws {
        guard let text = try? String(contentsOfFile: makefile, encoding: .utf8) else {
            throw PageFoldError("kernel-tree: cannot read \(makefile)")
        }
        func value(_ key: String) -> Int? {
            for line in text.split(separator: "\n").prefix(20) {
                let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2 && parts[0] == key { return Int(parts[1]) }
            }
            return nil
        }
        guard let major = value("VERSION"), let minor = value("PATCHLEVEL") else {
            throw PageFoldError("kernel-tree: \(makefile) has no VERSION and PATCHLEVEL: not a kernel tree's Makefile")
        }
        self.init(major, minor, value("SUBLEVEL") ?? 0)
    }

    public var description: String { "\(major).\(minor).\(sublevel)" }

    public static func < (a: KernelVersion, b: KernelVersion) -> Bool {
        (a.major, a.minor, a.sublevel) < (b.major, b.minor, b.sublevel)
    }
}
