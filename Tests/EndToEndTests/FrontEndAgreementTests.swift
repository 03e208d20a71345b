import Foundation
import GridFormats
import GridService
import Testing
import TestSupport

/// The CLI and JSON-RPC are two front ends over one declaration per operation: the same
/// document for every operation and format, the same message for a refused value, and help
/// that lists every option.
@Suite(.serialized) struct FrontEndAgreementTests {
    /// A store holding the demo district, imported once.
    static let store: String = try! CLI.importDemo()

    /// (JSON-RPC method, CLI words, parameters as JSON and as CLI arguments, formats)
    static let cases: [(method: String, words: [String], params: String, args: [String], formats: [String])] = [
        ("coverage", ["coverage"], "", [], ["table", "json", "csv", "geojson"]),
        ("report.underserved", ["report", "underserved"], "", [], ["table", "json", "csv", "geojson"]),
        ("site", ["site"], #""count":3,"#, ["--count", "3"], ["table", "json", "csv", "geojson"]),
        (
            "report.area", ["report", "area"], #""allocate":"reach","#, ["--allocate", "reach"],
            ["table", "json", "csv", "geojson"]
        ),
        ("report.compliance", ["report", "compliance"], "", [], ["table", "json", "csv"]),
        (
            "grids.plan", ["grids", "plan"], #""community":["C01","C02"],"#, ["--community", "C01", "--community", "C02"],
            ["table", "json", "csv", "geojson"]
        ),
        ("party.plan", ["party", "plan"], "", [], ["table", "json", "csv", "geojson"]),
        ("report.party", ["report", "party"], "", [], ["table", "json", "csv", "geojson"]),
        ("info", ["info"], "", [], ["table", "json"])
    ]

    /// Every request of `cases` answered by one `gridplan rpc` process, by id.
    static func rpcResults(_ requests: [(id: Int, method: String, params: String)]) throws -> [Int: JSONValue] {
        let input = requests.map { #"{"jsonrpc":"2.0","id":\#($0.id),"method":"\#($0.method)","params":{\#($0.params)}}"# }
        let r = try CLI.run(["rpc", "--db", store], stdin: input.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        var out: [Int: JSONValue] = [:]
        for line in r.stdout.split(separator: "\n") {
            let reply = try JSONParser.parse(String(line)).objectValue
            if let id = reply?["id"]?.numberValue?.int { out[id] = reply?["result"] ?? reply?["error"] ?? .null }
        }
        return out
    }

    @Test func cliAndRPCGiveTheSameDocumentForEveryOperationAndFormat() throws {
        var requests: [(id: Int, method: String, params: String)] = []
        var runs: [(id: Int, args: [String], format: String, name: String)] = []
        for c in Self.cases {
            for f in c.formats {
                let id = requests.count + 1
                requests.append((id, c.method, c.params + #""format":"\#(f)""#))
                runs.append((id, c.words + c.args + ["--format", f, "--db", Self.store], f, "\(c.method) \(f)"))
            }
        }
        // The map: the SVG on stdout is the `svg` of the JSON-RPC result.
        requests.append((999, "map", #""theme":"coverage","sites":2"#))
        let results = try Self.rpcResults(requests)
        for run in runs {
            let cli = try CLI.run(run.args)
            #expect(cli.status == 0, "\(run.name): \(cli.stderr)")
            let rpc = try #require(results[run.id], "\(run.name): no reply")
            switch run.format {
            case "json", "geojson":
                #expect(try JSONParser.parse(cli.stdout) == rpc, "\(run.name)")
            default:
                let text = try #require(rpc.stringValue, "\(run.name): \(rpc)")
                #expect(cli.stdout == (text.hasSuffix("\n") ? text : text + "\n"), "\(run.name)")
            }
        }
        let map = try CLI.run(["map", "--theme", "coverage", "--sites", "2", "--out", "-", "--db", Self.store])
        let svg = try #require(results[999]?.objectValue?["svg"]?.stringValue)
        #expect(map.stdout == (svg.hasSuffix("\n") ? svg : svg + "\n"))
    }

    @Test func aRefusedValueGetsTheSameMessageFromBoth() throws {
        let refused: [(method: String, params: String, args: [String])] = [
            ("coverage", #""decay":"bogus""#, ["coverage", "--decay", "bogus"]),
            ("site", #""objective":"nope","count":2"#, ["site", "--objective", "nope", "--count", "2"]),
            ("site", #""candidates":"some","count":2"#, ["site", "--candidates", "some", "--count", "2"]),
            ("report.area", #""allocate":"magic""#, ["report", "area", "--allocate", "magic"]),
            ("report.area", #""by":"street""#, ["report", "area", "--by", "street"]),
            ("grids.plan", #""method":"random""#, ["grids", "plan", "--method", "random"]),
            ("map", #""theme":"heat""#, ["map", "--theme", "heat", "--out", "-"]),
            ("report.compliance", #""format":"geojson""#, ["report", "compliance", "--format", "geojson"]),
            ("export", #""format":"dxf","out":"x""#, ["export", "--format", "dxf", "--out", "x"]),
            ("coverage", #""circle":"20min""#, ["coverage", "--circle", "20min"])
        ]
        let results = try Self.rpcResults(refused.enumerated().map { (id: $0 + 1, method: $1.method, params: $1.params) })
        for (i, r) in refused.enumerated() {
            let cli = try CLI.run(r.args + ["--db", Self.store])
            #expect(cli.status == 64, "\(r.args)")
            let rpc = try #require(results[i + 1]?.objectValue)
            #expect(rpc["code"] == .number(JSONNumber(-32602)))
            let message = try #require(rpc["message"]?.stringValue?.replacingOccurrences(of: "Invalid params: ", with: ""))
            #expect(cli.stderr == "error: \(message)\n", "\(r.args)")
        }
    }

    @Test func helpListsEveryOption() throws {
        for operation in OperationCatalogue.all where !operation.commandPath.isEmpty {
            let r = try CLI.run(operation.commandPath + ["--help"])
            #expect(r.status == 0)
            for field in operation.fields(for: .commandLine) where !field.hidden {
                #expect(
                    r.stdout.contains(field.positional ? field.displayName : field.flag), "\(operation.method): \(field.name)")
                if let set = field.choices {
                    for value in set.values { #expect(r.stdout.contains(value), "\(operation.method): \(field.name) \(value)") }
                }
            }
            #expect(r.stdout.contains("--db <file>"))
            #expect(r.stdout.contains(operation.summary.prefix(30)))
        }
    }

    @Test func optionsMayBeWrittenInEveryForm() throws {
        // `--opt value` ≡ `--opt=value`; a list by repeated flags ≡ comma-separated ≡ both.
        let spaced = try CLI.run([
            "grids", "plan", "--community", "C01", "--community", "C02", "--format", "json", "--db", Self.store
        ])
        let joined = try CLI.run(["grids", "plan", "--community=C01,C02", "--format=json", "--db=\(Self.store)"])
        let mixed = try CLI.run(["grids", "plan", "--format", "json", "--community", "C02, C01", "--db", Self.store])
        #expect(spaced.status == 0 && !spaced.stdout.isEmpty, "\(spaced.stderr)")
        #expect(joined.stdout == spaced.stdout && mixed.stdout == spaced.stdout)
        // A flag given as --flag=false is off.
        let off = try CLI.run(["report", "area", "--short-only=false", "--format", "csv", "--db", Self.store])
        let plain = try CLI.run(["report", "area", "--format", "csv", "--db", Self.store])
        #expect(off.status == 0 && off.stdout == plain.stdout)
        // The positional argument of import, and `--` before an argument that looks like an option.
        let missing = try CLI.run(["import", "--db", Self.store + ".new", "--", "--no-such-folder"])
        #expect(missing.status == 64 && missing.stderr.contains("--no-such-folder"), "\(missing.stderr)")
    }

    @Test func usageErrorsGoToStderrWithExit64() throws {
        for args in [
            ["site", "--radius"], ["coverage", "--colour", "red"], ["report", "area", "extra"], ["nonsense"],
            ["site", "--count", "many"], ["map"]
        ] {
            let r = try CLI.run(args + ["--db", Self.store].filter { _ in args != ["site", "--radius"] })
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.hasPrefix("error: "), "\(args)")
        }
        // `report --html FILE` is `report html --out FILE`; `report` alone shows the group's help.
        let group = try CLI.run(["report"])
        #expect(group.status == 0 && group.stdout.contains("SUBCOMMANDS") && group.stdout.contains("underserved"))
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && version.stdout == GridplanVersion.current + "\n")
    }
}
