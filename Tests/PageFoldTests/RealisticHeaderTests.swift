import Foundation
import Testing
import PageFold

/// The headers in Tests/Headers, one class a directory: kernel code pasted as it stands (paste),
/// headers that change nothing the walkers run (unchanged), one real bug each (bug), and input
/// that must not take the tool down (broken); and examples/headers. Each says, in its opening
/// comment, how it is checked and what the verdict must be, from the kernel's semantics:
///
///     check: --base V [--levels N...] [--timeout S]
///     expect: PASS | FAIL <kind> [| <kind>...] | ERROR <text in the message>
///     expect-detail:, -note:, -warning:, -error: <text the report must hold>
///     expect-only: <the one failure kind allowed>
struct RealisticHeader: Sendable, CustomTestStringConvertible {
    let path: String
    let base: String
    let levels: Set<Int>?
    let timeout: Double
    let expect: String
    let extra: [(key: String, text: String)]

    var testDescription: String { path.split(separator: "/").suffix(2).joined(separator: "/") }

    /// The suite, and the examples the README shows, which say what they expect the same way.
    static let directories = ["Tests/Headers", "examples/headers"].map { repositoryRoot.appendingPathComponent($0) }

    static let all: [RealisticHeader] = directories.flatMap { dir in
        (FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".h") }.sorted().map { RealisticHeader(path: dir.appendingPathComponent($0).path) }
    }

    init(path: String) {
        self.path = path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var fields: [(String, String)] = []
        for line in text.split(separator: "\n") {
            let t = line.drop { $0 == " " || $0 == "*" || $0 == "\t" }
            guard let colon = t.firstIndex(of: ":"), t.hasPrefix("check") || t.hasPrefix("expect") else { continue }
            fields.append((String(t[..<colon]), t[t.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let args = fields.first { $0.0 == "check" }?.1.split(separator: " ").map(String.init) ?? []
        func values(_ option: String) -> [String] {
            guard let i = args.firstIndex(of: option) else { return [] }
            return Array(args[(i + 1)...].prefix { !$0.hasPrefix("--") })
        }
        base = values("--base").first ?? "s390-fix-v6.10"
        let levelList = values("--levels").compactMap { Int($0) }
        levels = levelList.isEmpty ? nil : Set(levelList)
        timeout = values("--timeout").first.flatMap(Double.init) ?? HeaderCompiler.defaultTimeout
        expect = fields.first { $0.0 == "expect" }?.1 ?? ""
        extra = fields.filter { $0.0.hasPrefix("expect-") }.map { ($0.0, $0.1) }
    }

    enum Outcome {
        case report(CheckReport)
        case error(String)
    }

    func run() -> Outcome {
        do {
            let build = try HeaderCompiler.compile(header: path, base: try Variant.named(base), timeout: timeout)
            return .report(try CheckRun.run(build, options: Conformance.Options(levels: levels), timeout: timeout))
        } catch {
            return .error("\(error)")
        }
    }
}

@Suite("Realistic headers: kernel code pasted as is, no-ops, one bug each, broken input")
struct RealisticHeaderTests {
    @Test("The suite holds every class", .tags(.headers))
    func classes() {
        let dirs = Set(RealisticHeader.all.map { URL(fileURLWithPath: $0.path).deletingLastPathComponent().lastPathComponent })
        #expect(dirs == ["paste", "unchanged", "bug", "broken", "headers"])
        #expect(RealisticHeader.all.allSatisfy { !$0.expect.isEmpty })
    }

    @Test(.tags(.headers), arguments: RealisticHeader.all)
    func verdict(_ h: RealisticHeader) {
        let outcome = h.run()
        switch outcome {
        case let .error(message):
            #expect(h.expect.hasPrefix("ERROR"), "\(message)")
            let want = h.expect.dropFirst("ERROR".count).trimmingCharacters(in: .whitespaces)
            #expect(message.contains(want), "\(message)")
            for (key, text) in h.extra where key == "expect-error" {
                #expect(message.contains(text), "\(message)")
            }
        case let .report(report):
            if h.expect == "PASS" {
                #expect(report.passed, "\(report.lead.map { "\($0.kind.rawValue): \($0.detail)" } ?? "")")
                #expect(report.tally.cases == report.plannedCases)
            } else if h.expect.hasPrefix("FAIL") {
                let kinds = h.expect.dropFirst("FAIL".count).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                let lead = report.lead
                #expect(lead.map { kinds.contains($0.kind.rawValue) } == true,
                        "lead: \(lead.map { "\($0.kind.rawValue): \($0.detail)" } ?? "none")")
            } else {
                Issue.record("expected \(h.expect), the header was checked: \(report.passed ? "PASS" : "FAIL")")
            }
            for (key, text) in h.extra {
                switch key {
                case "expect-detail": #expect(report.lead?.detail.contains(text) == true, "\(report.lead?.detail ?? "")")
                case "expect-note": #expect((report.notes + report.quirkNotes).contains { $0.contains(text) })
                case "expect-warning": #expect(report.warnings.contains(text), "\(report.warnings)")
                case "expect-only": #expect(report.failures.allSatisfy { $0.kind.rawValue == text },
                                            "\(Set(report.failures.map(\.kind.rawValue)))")
                default: break
                }
            }
        }
    }
}

extension Tag {
    @Tag static var headers: Self
}
