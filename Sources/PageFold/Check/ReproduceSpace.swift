import Foundation

/// The space a `reproduce:` line names, written where the next run does not overwrite it: named by
/// its content, in $XDG_CACHE_HOME/pagefold/spaces (or ~/.cache/pagefold/spaces, else ./).
public enum ReproduceSpace {
    public static func keep(_ spec: SpaceSpec) throws -> String {
        let text = spec.json()
        var hash = FNV()
        hash.add(text)
        let dir = BuildCache.directory(named: "pagefold/spaces") ?? FileManager.default.currentDirectoryPath
        let path = "\(dir)/\(spec.arch.rawValue)-\(spec.levels)l-\(hash.hex).json"
        if FileManager.default.fileExists(atPath: path) { return path }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw PageFoldError("space: cannot write \(path): \(error.localizedDescription)")
        }
        return path
    }
}
