import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How a supervised process ended.
public enum Termination: Equatable, Sendable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)
    /// It outran its time limit and its process group was killed.
    case timedOut(seconds: Double)

    public var description: String {
        switch self {
        case let .exited(code): "exit status \(code)"
        case let .signaled(sig): "signal \(sig) (\(signalName(sig)))"
        case let .timedOut(seconds): "time limit of \(formatSeconds(seconds)) s"
        }
    }
}

func signalName(_ sig: Int32) -> String {
    switch sig {
    case SIGSEGV: "SIGSEGV"
    case SIGABRT: "SIGABRT"
    case SIGBUS: "SIGBUS"
    case SIGILL: "SIGILL"
    case SIGFPE: "SIGFPE"
    case SIGKILL: "SIGKILL"
    case SIGTERM: "SIGTERM"
    case SIGINT: "SIGINT"
    case SIGXCPU: "SIGXCPU"
    case SIGTRAP: "SIGTRAP"
    default: "SIG\(sig)"
    }
}

func formatSeconds(_ s: Double) -> String {
    s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s)
}

/// A child process in its own process group, with standard input from /dev/null, its output
/// captured, and a deadline after which the whole group is killed. Nothing it starts outlives it:
/// the group is killed on a time-out and when PageFold itself is interrupted (`Cleanup`).
final class Subprocess {
    let pid: pid_t
    /// stdout and stderr, merged, unless inherited.
    private let output: Int32
    /// The worker protocol: a pipe the child sees as file descriptor 3.
    private let channel: Int32

    /// Start `argv[0]` (a path, or a program on $PATH) with `argv`. With `inheritOutput`, stdout and stderr are PageFold's.
    init(_ argv: [String], environment: [String: String]? = nil, inheritOutput: Bool = false) throws {
        var outPipe: [Int32] = [-1, -1]
        var chanPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&chanPipe) == 0 else {
            throw PageFoldError("spawn: cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if !inheritOutput {
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 2)
        }
        posix_spawn_file_actions_adddup2(&actions, chanPipe[1], 3)
        for fd in outPipe + chanPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attr, 0)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attr, &all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attr, &none)

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var child: pid_t = 0
        let rc = posix_spawnp(&child, argv[0], &actions, &attr, &cArgs, &cEnv)
        close(outPipe[1])
        close(chanPipe[1])
        guard rc == 0 else {
            close(outPipe[0])
            close(chanPipe[0])
            throw PageFoldError("spawn: cannot run \(argv[0]): \(String(cString: strerror(rc)))")
        }
        pid = child
        output = outPipe[0]
        channel = chanPipe[0]
        Cleanup.shared.adopt(group: child)
    }

    deinit {
        close(output)
        close(channel)
    }

    /// Read the child's output and its protocol lines until it exits, calling `line` for each
    /// protocol line. `limit` is the time allowed between protocol lines (or for the whole run
    /// when the child writes none); when it runs out, the process group is killed.
    /// `beforeKill` may ask the child where it is (a signal) before the group is killed; what it
    /// writes in the next half second still reaches `line`.
    func wait(limit: Double, beforeKill: ((pid_t) -> Void)? = nil,
              line: (String) -> Void = { _ in }) -> (Termination, String) {
        var out = Data()
        var pending = Data()
        var deadline = Date().addingTimeInterval(limit)
        var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: channel, events: Int16(POLLIN), revents: 0)]
        var open = 2
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        var asked = false
        while open > 0 {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                if let beforeKill, !asked {
                    asked = true
                    beforeKill(pid)
                    deadline = Date().addingTimeInterval(0.5)
                    continue
                }
                timedOut = true
                break
            }
            let n = poll(&fds, nfds_t(fds.count), Int32(min(left * 1000, 1000).rounded(.up)))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { continue }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let got = read(fds[i].fd, &buffer, buffer.count)
                if got <= 0 {
                    fds[i].fd = -1
                    open -= 1
                    continue
                }
                if i == 0 {
                    // Keep the first 1 MB a child writes: enough to show, bounded if it floods.
                    if out.count < 1 << 20 { out.append(contentsOf: buffer[0..<got]) }
                } else {
                    pending.append(contentsOf: buffer[0..<got])
                    while let nl = pending.firstIndex(of: UInt8(ascii: "\n")) {
                        line(String(decoding: pending[pending.startIndex..<nl], as: UTF8.self))
                        pending.removeSubrange(pending.startIndex...nl)
                        if !asked { deadline = Date().addingTimeInterval(limit) }
                    }
                }
            }
        }
        // Once over the limit, it is over, whatever the child does in its last half second.
        if asked { timedOut = true }
        var status: Int32 = 0
        // Output closed is not the end: a child may close it and go on running.
        while !timedOut {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno != EINTR) { break }
            if deadline.timeIntervalSinceNow <= 0 {
                timedOut = true
                break
            }
            usleep(2000)
        }
        if timedOut {
            kill(-pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        // Whatever the child started in its group goes with it.
        kill(-pid, SIGKILL)
        Cleanup.shared.release(group: pid)
        let text = String(decoding: out, as: UTF8.self)
        if timedOut { return (.timedOut(seconds: limit), text) }
        if status & 0x7f == 0 { return (.exited((status >> 8) & 0xff), text) }
        return (.signaled(status & 0x7f), text)
    }
}
