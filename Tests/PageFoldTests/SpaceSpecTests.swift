import Foundation
import Testing
import PageFold

@Suite("Space specs: JSON in, clear errors out")
struct SpaceSpecTests {
    func parse(_ text: String) -> String {
        errorText { _ = try SpaceSpec.parse(Data(text.utf8)).makeSpace() }
    }

    @Test func seedExampleMatchesTheSeed() throws {
        let spec = try SpaceSpec.load(path: examplesDir.appendingPathComponent("spaces/seed.json").path)
        #expect(spec == SpaceSpec(arch: .s390, levels: 3, mappings: Scenario.seed.mappings))
    }

    @Test func roundTrip() throws {
        let spec = SpaceSpec(arch: .x86, levels: 5, mappings: [
            MappingSpec(start: 0x4000_0000, end: 0x8000_0000, pageSize: .g1, writable: false),
            MappingSpec(start: 0x1000, end: 0x3000, pageSize: .k4),
        ])
        #expect(try SpaceSpec.parse(Data(spec.json().utf8)) == spec)
    }

    @Test("Errors name the field and the reason", arguments: [
        ("{\"arch\":\"s390\",\"levels\":3,\"mappings\":[{\"start\":\"0xZZ\",\"end\":\"0x2000\",\"page\":\"4K\"}]}",
         "mappings[0].start: \"0xZZ\" is not an address in hex (0x…) or decimal"),
        ("{\"arch\":\"sparc\",\"levels\":3,\"mappings\":[]}", "arch: \"sparc\" is not one of generic, s390, x86, arm64"),
        ("{\"arch\":\"x86\",\"levels\":3,\"mappings\":[]}", "levels: x86 has 4 to 5 page-table levels, not 3"),
        ("{\"arch\":\"s390\",\"levels\":3}", "mappings: missing, or not an array"),
        ("{\"arch\":\"s390\",\"levels\":3,\"mappings\":[{\"start\":4096,\"end\":0,\"page\":\"4K\"}]}",
         "mappings[0].end: 0x0 is not above start 0x1000"),
        ("{\"arch\":\"s390\",\"levels\":3,\"mappings\":[{\"start\":-4096,\"end\":0,\"page\":\"4K\"}]}",
         "mappings[0].start: -4096 is not a whole number from 0 to 2^53; write large addresses as hex strings"),
        ("{\"arch\":\"s390\",\"levels\":3,\"mappings\":[{\"start\":\"0x10000000000000000\",\"end\":\"0x1\",\"page\":\"4K\"}]}",
         "mappings[0].start: \"0x10000000000000000\" is not an address in hex (0x…) or decimal"),
        ("{\"arch\":\"s390\",\"levels\":3,\"mappings\":[{\"start\":\"0x0\",\"end\":\"0x2000\",\"page\":\"3K\"}]}",
         "mappings[0].page: \"3K\" is not one of 4K, 16K, 1M, 2M, 32M, 1G, 2G"),
        ("{\"arch\":\"s390\",\"levels\":3,\"mappings\":[{\"start\":\"0x0\",\"end\":\"0x2000\",\"page\":\"4K\",\"write\":\"yes\"}]}",
         "mappings[0].write: not true or false"),
        ("{\"arch\":\"s390\",\"levels\":3,\"mappings\":[{\"start\":\"0x0\",\"end\":\"0x2000\",\"page\":\"4K\"},{\"start\":\"0x1000\",\"end\":\"0x3000\",\"page\":\"4K\"}]}",
         "mapping 0x1000-0x3000 overlaps mapping 0x0-0x2000"),
        ("{\"arch\":\"s390\",\"levels\":3,\"mappings\":[{\"start\":\"0x0\",\"end\":\"0x50000000000\",\"page\":\"4K\"}]}",
         "mapping end 0x50000000000 is beyond the user limit 0x40000000000"),
        ("{\"arch\":\"s390\",\"levels\":3,\"mappings\":[], \"extra\": 1}", "space: unknown field \"extra\""),
        ("[1, 2]", "space: the top level must be an object"),
    ])
    func errors(_ input: String, _ message: String) {
        #expect(parse(input) == message)
    }

    @Test("Truncated JSON is refused")
    func truncated() {
        #expect(parse("{\"arch\":\"s390\",\"levels\":3,\"mapp").hasPrefix("space: not valid JSON"))
    }

    @Test("Addresses in hex or decimal", arguments: [
        ("0x1007ffff000", UInt64(0x1007ffff000)), ("4096", 4096), ("0X10", 16), ("0xffffffffffffffff", UInt64.max),
    ])
    func addresses(_ text: String, _ value: UInt64) {
        #expect(parseAddress(text) == value)
    }

    @Test(arguments: ["0x", "", "12ab", "0xfffffffffffffffff", "-1", "0x-1"])
    func badAddresses(_ text: String) {
        #expect(parseAddress(text) == nil)
    }
}
