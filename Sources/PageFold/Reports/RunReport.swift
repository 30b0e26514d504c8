import Foundation

/// Text written as it is made: to standard output through a buffer, or into a string.
public final class TextOut {
    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) -> Void

    public init(_ sink: @escaping ([UInt8]) -> Void) { self.sink = sink }

    /// Standard output, 64 KB at a time.
    public static func standardOutput() -> TextOut {
        TextOut { bytes in FileHandle.standardOutput.write(Data(bytes)) }
    }

    public func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// A JSON string of the value in hex, "0x…", without going through String.
    func quotedHex(_ v: UInt64) {
        buffer.append(UInt8(ascii: "\""))
        hexDigits(v)
        buffer.append(UInt8(ascii: "\""))
    }

    /// 0x and lower-case hex digits, as hex() writes them.
    func hexDigits(_ v: UInt64) {
        buffer.append(UInt8(ascii: "0"))
        buffer.append(UInt8(ascii: "x"))
        var digits = 1
        while digits < 16 && v >> (4 * UInt64(digits)) != 0 { digits += 1 }
        for d in stride(from: digits - 1, through: 0, by: -1) {
            let nibble = UInt8((v >> (4 * UInt64(d))) & 0xf)
            buffer.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
        }
    }

    func decimal(_ v: Int) {
        guard v >= 0 && v < 1_000_000_000 else { return buffer.append(contentsOf: String(v).utf8) }
        var scratch: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = v, count = 0
        withUnsafeMutableBytes(of: &scratch) { digits in
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                count += 1
            } while n > 0
            for i in stride(from: count - 1, through: 0, by: -1) { buffer.append(digits[i]) }
        }
    }

    func bytes(_ s: StaticString) {
        s.withUTF8Buffer { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        if !buffer.isEmpty { sink(buffer) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The JSON form of a gup or walk run (documented in docs/json.md), written as it goes: the
/// request, then the trace while the walk runs, then what the walk did. Memory does not grow with
/// the walk beyond the pages it recorded, whether the steps were kept or streamed.
public enum RunReport {
    /// The head of a gup report, up to the opening of the trace.
    public static func gupHead(variant: String, space: AddressSpace, start: UInt64, nrPages: UInt64, to out: TextOut) {
        out.write("{\n")
        field(out, "variant", .string(variant))
        field(out, "walker", .string("gup"))
        field(out, "arch", .string(space.arch.rawValue))
        field(out, "levels", .int(space.levels))
        field(out, "start", .hex(start))
        field(out, "pages_requested", .int(Int(nrPages)))
        out.write("  \"trace\": [")
    }

    /// The head of a walk report, up to the opening of the trace.
    public static func walkHead(variant: String, space: AddressSpace, start: UInt64, end: UInt64, to out: TextOut) {
        out.write("{\n")
        field(out, "variant", .string(variant))
        field(out, "walker", .string("walk"))
        field(out, "arch", .string(space.arch.rawValue))
        field(out, "levels", .int(space.levels))
        field(out, "start", .hex(start))
        field(out, "end", .hex(end))
        out.write("  \"trace\": [")
    }

    /// A trace that writes each step as the walk completes it.
    public final class Trace {
        let out: TextOut
        var count = 0

        public init(_ out: TextOut) { self.out = out }

        /// One step, one line: {"level", "iteration", "addr", "next", "table", "index", "place", "value"}.
        public func add(_ s: Step) {
            out.bytes(count == 0 ? "\n    {\"level\": \"" : ",\n    {\"level\": \"")
            out.write(s.level.description)
            out.bytes("\", \"iteration\": ")
            out.decimal(s.iteration)
            out.bytes(", \"addr\": ")
            out.quotedHex(s.addr)
            out.bytes(", \"next\": ")
            out.quotedHex(s.next)
            out.bytes(", \"table\": ")
            switch s.place {
            case let .table(level, pa, index):
                // "pte@0x…", then "pte table 0x…[index]": the common case, without String
                out.bytes("\"")
                out.write(level.description)
                out.bytes("@")
                out.hexDigits(pa)
                out.bytes("\", \"index\": ")
                out.decimal(index)
                out.bytes(", \"place\": \"")
                out.write(level.description)
                out.bytes(" table ")
                out.hexDigits(pa)
                out.bytes("[")
                out.decimal(index)
                out.bytes("]\"")
            case let .stack(slot, _), let .callerFrame(slot):
                out.bytes("\"stack\", \"index\": ")
                out.decimal(slot)
                out.bytes(", \"place\": ")
                out.write(JSON.quote(s.place.description))
            default:
                out.write(JSON.quote(s.place.description) + ", \"index\": -1, \"place\": " + JSON.quote(s.place.description))
            }
            out.bytes(", \"value\": ")
            if let v = s.value { out.quotedHex(v) } else { out.bytes("null") }
            out.bytes("}")
            count += 1
        }

        /// Close the trace array.
        public func close() { out.write(count == 0 ? "],\n" : "\n  ],\n") }
    }

    /// The rest of a gup report, after its trace.
    public static func gupTail(_ r: GupResult, space: AddressSpace, failures: [Failure], to out: TextOut) {
        field(out, "nr", .int(r.nr))
        func page(_ i: Int, _ pfn: UInt64) {
            if i > 0 { out.bytes(", ") }
            if let va = r.pageAddress(pfn) { out.quotedHex(va) } else { out.bytes("null") }
        }
        out.bytes("  \"pages\": [")
        for (i, pfn) in r.frames.enumerated() { page(i, pfn) }
        out.bytes("],\n  \"expected_pages\": [")
        Oracle.forEachGupFrame(space, start: r.start, nrPages: r.nrPages, write: r.write, quirks: r.quirks, page)
        out.bytes("],\n")
        common(aborted: r.aborted, eventsCut: r.eventsCut, failures: failures, out: out)
        field(out, "events", events(r.events))
        field(out, "iterations", iterations(r.iterations))
        field(out, "invariants", invariants(r.invariants), last: true)
        out.write("}\n")
    }

    /// The rest of a walk report, after its trace.
    public static func walkTail(_ r: WalkResult, failures: [Failure], to out: TextOut) {
        field(out, "nr", .int(r.returned))
        common(aborted: r.aborted, eventsCut: r.eventsCut, failures: failures, out: out)
        field(out, "holes", .array(r.holes.map {
            .object([("start", .hex($0.start)), ("end", .hex($0.end)), ("depth", .int($0.depth ?? -1))])
        }))
        field(out, "visits", .array(r.visits.filter { $0.kind != .hole }.map {
            .object([("kind", .string($0.kind.rawValue)), ("start", .hex($0.start)), ("end", .hex($0.end)),
                     ("mapped", .bool($0.mapped)), ("pfn", $0.pfn.map(JSON.hex) ?? .null)])
        }))
        field(out, "events", events(r.events))
        field(out, "iterations", iterations(r.iterations))
        field(out, "invariants", invariants(r.invariants), last: true)
        out.write("}\n")
    }

    /// A whole gup report of a run whose steps were kept.
    public static func gup(_ r: GupResult, space: AddressSpace, failures: [Failure] = []) -> String {
        collect { out in
            gupHead(variant: r.variant, space: space, start: r.start, nrPages: r.nrPages, to: out)
            let trace = Trace(out)
            r.steps.forEach(trace.add)
            trace.close()
            gupTail(r, space: space, failures: failures, to: out)
        }
    }

    /// A whole walk report of a run whose steps were kept.
    public static func walk(_ r: WalkResult, space: AddressSpace, failures: [Failure] = []) -> String {
        collect { out in
            walkHead(variant: r.variant, space: space, start: r.start, end: r.end, to: out)
            let trace = Trace(out)
            r.steps.forEach(trace.add)
            trace.close()
            walkTail(r, failures: failures, to: out)
        }
    }

    static func collect(_ body: (TextOut) -> Void) -> String {
        var bytes: [UInt8] = []
        let out = TextOut { bytes += $0 }
        body(out)
        out.flush()
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func field(_ out: TextOut, _ key: String, _ value: JSON, last: Bool = false) {
        out.write("  \(JSON.quote(key)): \(value.render(indent: 1))\(last ? "" : ",")\n")
    }

    private static func common(aborted: Bool, eventsCut: Int, failures: [Failure], out: TextOut) {
        field(out, "aborted", .bool(aborted))
        field(out, "events_cut", .int(eventsCut))
        field(out, "failures", .array(failures.map(CheckReportJSON.failure)))
    }

    static func events(_ events: [Event]) -> JSON {
        .array(events.map { e in
            var fields: [(String, JSON)] = [
                ("kind", .string(e.kind.rawValue)),
                ("level", e.level.map { .string($0.description) } ?? .null),
                ("iteration", .int(e.iteration)),
                ("addr", .hex(e.addr)),
                ("place", .string(e.place.description)),
                ("value", .hex(e.value)),
            ]
            if let expected = e.expected { fields.append(("expected", .string(expected.description))) }
            if let source = e.source { fields.append(("source", .string(source))) }
            fields.append(("message", .string(e.description)))
            return .object(fields)
        })
    }

    static func iterations(_ count: (Level) -> Int) -> JSON {
        .object(Level.allCases.map { level in (level.description, .int(count(level))) })
    }

    static func invariants(_ t: InvariantTally) -> JSON {
        .object([
            ("a", .object([("checked", .int(t.checkedA)), ("broken", .int(t.brokenA))])),
            ("b", .object([("checked", .int(t.checkedB)), ("broken", .int(t.brokenB))])),
        ])
    }

    static func step(_ s: Step) -> JSON {
        let (table, index): (JSON, Int) = switch s.place {
        case let .table(level, pa, index): (.string("\(level)@\(hex(pa))"), index)
        case let .stack(slot, _), let .callerFrame(slot): (.string("stack"), slot)
        default: (.string(s.place.description), -1)
        }
        return .object([
            ("level", .string(s.level.description)), ("iteration", .int(s.iteration)),
            ("addr", .hex(s.addr)), ("next", .hex(s.next)), ("table", table), ("index", .int(index)),
            ("place", .string(s.place.description)), ("value", s.value.map(JSON.hex) ?? .null),
        ])
    }
}
