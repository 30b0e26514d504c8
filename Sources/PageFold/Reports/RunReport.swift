/// The JSON form of a gup or walk run (documented in docs/json.md).
public enum RunReport {
    public static func gup(_ r: GupResult, space: AddressSpace, failures: [Failure] = []) -> JSON {
        .object([
            ("variant", .string(r.variant)),
            ("walker", .string("gup")),
            ("arch", .string(space.arch.rawValue)),
            ("levels", .int(space.levels)),
            ("start", .hex(r.start)),
            ("pages_requested", .int(Int(r.nrPages))),
            ("nr", .int(r.nr)),
            ("pages", .array(r.pageAddresses.map { $0.map(JSON.hex) ?? .null })),
            ("expected_pages", .array(Oracle.gupFrames(space, start: r.start, nrPages: r.nrPages, write: r.write, quirks: r.quirks)
                .compactMap { space.virtualAddress(ofFrame: $0) }.map(JSON.hex))),
            ("aborted", .bool(r.aborted)),
            ("events_cut", .int(r.eventsCut)),
            ("failures", .array(failures.map(CheckReportJSON.failure))),
            ("events", events(r.events)),
            ("iterations", iterations(r.iterations)),
            ("invariants", invariants(r.invariants)),
            ("trace", trace(r.steps)),
        ])
    }

    public static func walk(_ r: WalkResult, space: AddressSpace, failures: [Failure] = []) -> JSON {
        .object([
            ("variant", .string(r.variant)),
            ("walker", .string("walk")),
            ("arch", .string(space.arch.rawValue)),
            ("levels", .int(space.levels)),
            ("start", .hex(r.start)),
            ("end", .hex(r.end)),
            ("nr", .int(r.returned)),
            ("aborted", .bool(r.aborted)),
            ("events_cut", .int(r.eventsCut)),
            ("failures", .array(failures.map(CheckReportJSON.failure))),
            ("holes", .array(r.holes.map {
                .object([("start", .hex($0.start)), ("end", .hex($0.end)), ("depth", .int($0.depth ?? -1))])
            })),
            ("visits", .array(r.visits.filter { $0.kind != .hole }.map {
                .object([("kind", .string($0.kind.rawValue)), ("start", .hex($0.start)), ("end", .hex($0.end)),
                         ("mapped", .bool($0.mapped)), ("pfn", $0.pfn.map(JSON.hex) ?? .null)])
            })),
            ("events", events(r.events)),
            ("iterations", iterations(r.iterations)),
            ("invariants", invariants(r.invariants)),
            ("trace", trace(r.steps)),
        ])
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

    static func trace(_ steps: [Step]) -> JSON {
        .array(steps.map { s in
            let (table, index): (JSON, Int) = switch s.place {
            case let .table(level, pa, index): (.string("\(level)@\(hex(pa))"), index)
            case let .stack(slot, _): (.string("stack"), slot)
            default: (.string(s.place.description), -1)
            }
            return .object([
                ("level", .string(s.level.description)), ("iteration", .int(s.iteration)),
                ("addr", .hex(s.addr)), ("next", .hex(s.next)), ("table", table), ("index", .int(index)),
                ("place", .string(s.place.description)), ("value", s.value.map(JSON.hex) ?? .null),
            ])
        })
    }
}
