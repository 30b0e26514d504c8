import CShim
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A header's code runs in a worker: a `pagefold worker` process in its own process group, with a
/// time limit per case. If the code crashes, calls exit(), or never returns, the worker dies and
/// PageFold reports it; PageFold itself never runs the code. The worker writes its progress as
/// JSON lines on descriptor 3; CShim/worker.c adds a line naming the faulting instruction.
public enum Worker {
    /// The pagefold executable: $PAGEFOLD_WORKER, this process if it is pagefold, or the pagefold
    /// next to this process's executable (the test bundle's case).
    public static var executable: String {
        if let path = ProcessInfo.processInfo.environment["PAGEFOLD_WORKER"], !path.isEmpty { return path }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        if me.lastPathComponent == "pagefold" { return me.path }
        return me.deletingLastPathComponent().appendingPathComponent("pagefold").path
    }

    /// One line of the protocol.
    struct Line: Decodable {
        var started: Int?
        var failure: Failure?
        var tally: Conformance.Tally?
        var fault: String?
        var signal: Int32?
        var offset: UInt64?
        var row: [String]?
        var pages: [UInt64?]?
    }

    static func decode(_ text: String) -> Line? {
        try? JSONDecoder().decode(Line.self, from: Data(text.utf8))
    }

    /// Start pagefold with these arguments, as a worker.
    static func start(_ arguments: [String], inheritOutput: Bool = false) throws -> Subprocess {
        let exe = executable
        guard FileManager.default.isExecutableFile(atPath: exe) else {
            throw PageFoldError("worker: cannot find the pagefold executable at \(exe); set PAGEFOLD_WORKER")
        }
        return try Subprocess([exe] + arguments, inheritOutput: inheritOutput)
    }

    /// Run the worker, giving it `limit` seconds between progress lines. On a time-out it is asked
    /// where it is (SIGUSR1) before it is killed.
    static func supervise(_ process: Subprocess, limit: Double, line: (Line) -> Void) -> (Termination, String, Line?) {
        var fault: Line?
        var overTime = false
        let (end, output) = process.wait(limit: limit, beforeKill: { pid in
            overTime = true
            kill(pid, SIGUSR1)
        }) { text in
            guard let l = decode(text) else { return }
            // Once over the limit, only where it was counts: SIGUSR1 may have cut a sleep short.
            if l.fault != nil { fault = fault ?? l } else if !overTime { line(l) }
        }
        return (end, output, fault)
    }

    /// Why a worker stopped, in the header's terms: the signal, exit() or the time limit, and the
    /// header's line where the fault reporter could find it.
    static func explain(_ end: Termination, _ fault: Line?, library: String, header: String, output: String) -> String {
        var what: String
        switch end {
        case let .signaled(sig) where fault?.fault == "stack":
            what = "overflowed its stack (\(signalName(sig)))"
        case let .signaled(sig):
            what = sig == SIGSEGV ? "crashed with SIGSEGV (a bad pointer)" : "crashed with \(end)"
        case let .exited(status):
            what = fault?.fault == "exit" ? "called exit(\(status))" : "ended with exit status \(status)"
        case let .timedOut(seconds):
            what = "did not return within the time limit of \(formatSeconds(seconds)) s"
        }
        let headerPath = URL(fileURLWithPath: header).standardizedFileURL.path + ":"
        if let offset = fault?.offset, offset > 0, let chain = sourceLines(library: library, offset: offset) {
            // The header's own line where it is in the chain of inlined calls, else the innermost.
            if let mine = chain.first(where: { $0.hasPrefix(headerPath) }) {
                what += " at \(header):\(mine.split(separator: ":").last ?? "")"
            } else {
                what += " in \(chain[0])"
            }
        }
        let tail = output.split(separator: "\n").suffix(4).joined(separator: "\n  ")
        return tail.isEmpty ? what : "\(what); it printed:\n  \(tail)"
    }

    /// The file:line of an instruction in the library and of each call it is inlined into,
    /// innermost first (its line tables, through `addr2line -i`).
    static func sourceLines(library: String, offset: UInt64) -> [String]? {
        guard let addr2line = findExecutable("addr2line"),
              let p = try? Subprocess([addr2line, "-i", "-e", library, "0x" + String(offset, radix: 16)]) else { return nil }
        let (end, out) = p.wait(limit: 10)
        let chain = out.split(separator: "\n").filter { !$0.hasPrefix("??") }.map { String($0.split(separator: " ").first ?? $0) }
        return end == .exited(0) && !chain.isEmpty ? chain : nil
    }
}

/// The worker's side: load the library, run the cases, report on descriptor 3.
public enum WorkerSide {
    private static let channel = FileHandle(fileDescriptor: 3, closeOnDealloc: false)

    static func send(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        channel.write(data + Data("\n".utf8))
    }

    static func send<T: Encodable>(_ key: String, _ value: T) {
        guard let data = try? JSONEncoder().encode([key: value]) else { return }
        channel.write(data + Data("\n".utf8))
    }

    /// Load a header's library under the fault reporter.
    public static func load(_ library: String, as name: String) throws -> Variant {
        pf_worker_report_faults(library)
        return try HeaderCompiler.load(library, as: name)
    }

    /// `pagefold worker check`: the conformance cases from `from` on.
    public static func check(library: String, name: String, options: Conformance.Options, from: Int) throws {
        let variant = try load(library, as: name)
        let plan = try Conformance.plan(variant, options)
        try Conformance.run(variant, plan, from: from) { progress in
            switch progress {
            case let .started(n): send(["started": n])
            case let .failed(f): send("failure", f)
            case let .tallied(t): send("tally", t)
            }
        }
    }

    /// `pagefold worker pages`: gup_fast of one request, the pages it recorded as the addresses
    /// that map them (null where none does).
    public static func pages(library: String, name: String, space spec: SpaceSpec, start: UInt64, nrPages: UInt64,
                             write: Bool) throws {
        let variant = try load(library, as: name)
        let space = try spec.makeSpace()
        let result = try space.gupFast(variant, start: start, nrPages: nrPages, write: write)
        send("pages", result.frames.map { space.virtualAddress(ofFrame: $0) })
    }

    /// `pagefold worker row`: the header's row of the variant matrix at one level count.
    public static func matrixRow(library: String, name: String, levels: Int) throws {
        send("row", try Matrix.Row(try load(library, as: name), levels: levels).cells)
    }
}

/// `gup`, `walk` and `matrix` with --header: the same command, run by a worker on the built library,
/// its output passed through.
public enum WorkerRelay {
    /// The worker's exit status, or nil and why when the header's code ended it (a signal, exit()
    /// or the time limit), in the header's terms.
    public static func run(_ arguments: [String], build: HeaderBuild, timeout: Double) throws -> (status: Int32?, why: String) {
        let (end, output, fault) = Worker.supervise(try Worker.start(arguments, inheritOutput: true), limit: timeout) { _ in }
        if case let .exited(status) = end, fault == nil, status <= 2 { return (status, "") }
        return (nil, Worker.explain(end, fault, library: build.library, header: build.header, output: output))
    }
}

extension WorkerRelay {
    /// The pages a built library's gup_fast records for one request, as the addresses that map
    /// them (nil where none does), from a worker.
    public static func pages(_ build: HeaderBuild, space: String, start: UInt64, nrPages: UInt64, write: Bool,
                             timeout: Double) throws -> [UInt64?] {
        var pages: [UInt64?]?
        let worker = try Worker.start(["worker", "pages", "--library", build.library, "--name", build.header, "--space", space,
                                       "--start", String(start), "--pages", String(nrPages)] + (write ? ["--write"] : []))
        let (end, output, fault) = Worker.supervise(worker, limit: timeout) { pages = $0.pages ?? pages }
        guard end == .exited(0), fault == nil, let pages else {
            throw PageFoldError("the built code " + Worker.explain(end, fault, library: build.library, header: build.header, output: output))
        }
        return pages
    }
}

/// The variant matrix's rows for a header, one worker per level count.
public enum MatrixRows {
    public static func header(_ build: HeaderBuild, named name: String? = nil, timeout: Double) throws -> [Matrix.Row] {
        let name = name ?? build.header
        return try build.base.levels.map { levels in
            var cells: [String]?
            let worker = try Worker.start(["worker", "row", "--library", build.library, "--name", build.header,
                                           "--levels", String(levels)])
            let (end, output, fault) = Worker.supervise(worker, limit: timeout) { cells = $0.row ?? cells }
            let reference = name == build.header ? "\(build.header) on \(build.base.name)" : build.header
            guard end == .exited(0), fault == nil, let cells else {
                let why = Worker.explain(end, fault, library: build.library, header: build.header, output: output)
                return Matrix.Row(name: name, levels: levels, era: build.base.era(levels: levels), reference: reference,
                                  cells: Matrix.columns.map { _ in "worker \(why.split(separator: ";")[0])" })
            }
            return Matrix.Row(name: name, levels: levels, era: build.base.era(levels: levels), reference: reference, cells: cells)
        }
    }
}
