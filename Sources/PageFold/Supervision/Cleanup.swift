import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What PageFold leaves behind is removed on every way out: the scratch directories it made and
/// the process groups it started, on a normal exit, an error, SIGINT and SIGTERM.
public final class Cleanup: @unchecked Sendable {
    public static let shared = Cleanup()

    private let lock = NSLock()
    private var directories: Set<String> = []
    private var groups: Set<pid_t> = []
    private var signalSources: [DispatchSourceSignal] = []
    private var terminatedBy: Int32?

    func adopt(directory: String) { lock.withLock { _ = directories.insert(directory) } }
    func adopt(group: pid_t) { lock.withLock { _ = groups.insert(group) } }
    func release(group: pid_t) { lock.withLock { _ = groups.remove(group) } }

    func remove(directory: String) {
        try? FileManager.default.removeItem(atPath: directory)
        lock.withLock { _ = directories.remove(directory) }
    }

    /// Exit with `status`, or as the signal that is ending the process would.
    public func exit(_ status: Int32) -> Never {
        if let sig = lock.withLock({ terminatedBy }) {
            runAll()
            _exit(128 + sig)
        }
        Foundation.exit(status)
    }

    /// Kill every group still running and remove every directory still there.
    public func runAll() {
        let (dirs, pids) = lock.withLock { (directories, groups) }
        for pid in pids { kill(-pid, SIGKILL) }
        for dir in dirs { try? FileManager.default.removeItem(atPath: dir) }
        lock.withLock {
            directories.removeAll()
            groups.removeAll()
        }
    }

    /// On SIGINT or SIGTERM: clean up, then exit as the signal would (128 + its number). The
    /// signal is noted first: killing a worker wakes the main thread, which then exits the same way.
    public func installSignalHandlers() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [self] in
                lock.withLock { terminatedBy = sig }
                runAll()
                _exit(128 + sig)
            }
            source.resume()
            signalSources.append(source)
        }
    }
}

/// A scratch directory under $TMPDIR, removed when this goes away or PageFold is interrupted.
public final class ScratchDirectory: @unchecked Sendable {
    public let path: String

    public init(prefix: String = "pagefold") throws {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw PageFoldError("temp: cannot make a directory in \(base): \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
        Cleanup.shared.adopt(directory: path)
    }

    public func file(_ name: String) -> String { "\(path)/\(name)" }

    deinit {
        Cleanup.shared.remove(directory: path)
    }
}
