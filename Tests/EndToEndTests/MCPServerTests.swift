import Foundation
import GridFormats
import GridService
import Testing
import TestSupport

/// `gridplan mcp` driven by a real MCP client, the official Python SDK (`mcp` in the test venv,
/// through Tools/mcp_session.py): initialize, the tools and their schemas, every read-only tool
/// against `gridplan <command> --format json`, tool errors for bad arguments, write consent,
/// household data, resources and prompts. Skipped when the venv lacks `mcp`; under CI=true
/// (Tools/setup installs it) a missing client fails instead.
@Suite(.serialized, .enabled(if: MCPSession.runs, "the test venv (Tools/setup) has no mcp module"))
struct MCPServerTests {
    /// A store holding the demo district, imported once.
    static let store: String = try! CLI.importDemo()

    /// (tool, arguments as JSON, the CLI words and flags giving the same document with --format json)
    static let readOnlyCalls: [(tool: String, arguments: String, cli: [String])] = [
        ("info", "{}", ["info"]),
        ("report_area", #"{"allocate":"reach"}"#, ["report", "area", "--allocate", "reach"]),
        ("coverage", "{}", ["coverage"]),
        ("report_underserved", "{}", ["report", "underserved"]),
        ("site", #"{"count":3}"#, ["site", "--count", "3"]),
        ("grids_plan", #"{"community":["C01","C02"]}"#, ["grids", "plan", "--community", "C01", "--community", "C02"]),
        ("party_plan", "{}", ["party", "plan"]),
        ("report_party", #"{"community":["C03"]}"#, ["report", "party", "--community", "C03"]),
        ("report_compliance", "{}", ["report", "compliance"]),
        ("inspect", #"{"directory":"\#(CLI.demoDataset.path)"}"#, ["inspect", CLI.demoDataset.path])
    ]

    @Test func initializeListToolsAndEveryReadOnlyToolGivesTheCommandsJSON() throws {
        try MCPSession.requireClient()
        let steps =
            [#"{"op":"list_tools"}"#]
            + Self.readOnlyCalls.map { #"{"op":"call","name":"\#($0.tool)","arguments":\#($0.arguments)}"# }
            + [
                #"{"op":"call","name":"crs_convert","arguments":{"from":"EPSG:4326","to":"GCJ-02","points":[[114.3,30.6]]}}"#
            ]
        let transcript = try MCPSession.run(["--db", Self.store], steps: steps)
        #expect(transcript.server["serverInfo"]?.objectValue?["name"] == .string("gridplan"))
        #expect(transcript.server["capabilities"]?.objectValue?["tools"] != nil)

        // The tools: one per offered operation, the schema from the same declarations as OpenRPC.
        let tools = try #require(transcript.steps[0]["tools"]?.arrayValue)
        var byName: [String: JSONObject] = [:]
        for tool in tools { if let t = tool.objectValue, let name = t["name"]?.stringValue { byName[name] = t } }
        #expect(
            Set(byName.keys)
                == [
                    "info", "report_area", "coverage", "report_underserved", "site", "grids_plan", "party_plan", "report_party",
                    "report_compliance", "crs_convert", "inspect", "import", "export"
                ])
        for (name, tool) in byName {
            let method = name == "crs_convert" ? "crs.convert" : name.replacingOccurrences(of: "_", with: ".")
            let operation = try #require(OperationCatalogue.operation(method: method), "\(name)")
            let properties = Set(tool["inputSchema"]?.objectValue?["properties"]?.objectValue?.keys ?? [])
            var expected = Set(operation.rpcFields.map(\.name))
            if !operation.formats.isEmpty { expected.remove("format") }
            if case .writes = operation.effect { expected.insert("apply") }
            #expect(properties == expected, "\(name): the schema's properties are the declaration's fields")
            let readOnly = tool["annotations"]?.objectValue?["readOnlyHint"]
            #expect(readOnly == .bool(operation.effect == .readOnly), "\(name): readOnlyHint")
        }
        let siteCount = byName["site"]?["inputSchema"]?.objectValue?["properties"]?.objectValue?["count"]?.objectValue
        #expect(siteCount?["type"] == .string("integer"))
        #expect(byName["import"]?["annotations"]?.objectValue?["destructiveHint"] == .bool(true))

        // Every read-only tool: its structured content is the command's JSON.
        for (index, call) in Self.readOnlyCalls.enumerated() {
            let result = transcript.steps[index + 1]
            #expect(result["isError"] != .bool(true), "\(call.tool): \(JSONWriter.write(.object(result)))")
            let cli = try CLI.run(call.cli + ["--format", "json", "--db", Self.store])
            #expect(cli.status == 0, "\(cli.stderr)")
            let expected = try JSONParser.parse(cli.stdout)
            let structured = try #require(result["structuredContent"], "\(call.tool) has no structured content")
            #expect(JSONComparison.same(structured, expected), "\(call.tool): structured content differs from the CLI's JSON")
            #expect(!MCPSession.summary(result).isEmpty, "\(call.tool): no text summary")
        }
        // The summary quotes the result's figures.
        let area = try JSONParser.parse(
            try CLI.run(["report", "area", "--allocate", "reach", "--format", "json", "--db", Self.store]).stdout)
        let total = try #require(area.objectValue?["total"]?.objectValue)
        let summary = MCPSession.summary(transcript.steps[2])
        #expect(
            summary.contains(
                "\(total["communities_meeting_standard"]!.numberValue!.text) of \(total["community_count"]!.numberValue!.text)"))
        #expect(summary.contains(total["area_per_100_households"]!.numberValue!.text))

        // crs convert has no CLI command for pairs; the same call over rpc.
        let rpc = try CLI.run(
            ["rpc"],
            stdin:
                #"{"jsonrpc":"2.0","id":1,"method":"crs.convert","params":{"from":"EPSG:4326","to":"GCJ-02","points":[[114.3,30.6]]}}"#
                + "\n")
        let rpcResult = try #require(try JSONParser.parse(rpc.stdout).objectValue?["result"])
        let converted = try #require(transcript.steps.last?["structuredContent"])
        #expect(JSONComparison.same(converted, rpcResult))
    }

    @Test func badArgumentsAreToolErrorsWithRPCsMessageAndTheServerGoesOn() throws {
        try MCPSession.requireClient()
        let transcript = try MCPSession.run(
            ["--db", Self.store],
            steps: [
                #"{"op":"call","name":"site","arguments":{"count":"x"}}"#,
                #"{"op":"call","name":"report_area","arguments":{"nope":1}}"#,
                #"{"op":"call","name":"coverage","arguments":{"radius":-3}}"#,
                #"{"op":"call","name":"no_such_tool","arguments":{}}"#,
                #"{"op":"call","name":"info","arguments":{}}"#
            ])
        let rpc = try CLI.run(
            ["rpc", "--db", Self.store],
            stdin: [
                #"{"jsonrpc":"2.0","id":1,"method":"site","params":{"count":"x"}}"#,
                #"{"jsonrpc":"2.0","id":2,"method":"coverage","params":{"radius":-3}}"#
            ].joined(separator: "\n") + "\n")
        let rpcErrors = rpc.stdout.split(separator: "\n").compactMap {
            try? JSONParser.parse(String($0)).objectValue?["error"]?.objectValue
        }
        #expect(rpcErrors.count == 2)
        for (step, rpcError) in zip([0, 2], rpcErrors) {
            let result = transcript.steps[step]
            #expect(result["isError"] == .bool(true))
            let error = try #require(result["structuredContent"]?.objectValue)
            #expect(error["code"] == rpcError["code"], "the same error code as rpc")
            #expect(error["message"] == rpcError["message"], "the same error message as rpc")
        }
        #expect(transcript.steps[1]["isError"] == .bool(true))
        #expect(MCPSession.summary(transcript.steps[1]).contains("unknown parameter 'nope'"))
        #expect(transcript.steps[3]["error"] != nil, "an unknown tool is a protocol error")
        #expect(transcript.steps[4]["isError"] != .bool(true), "the server still answers")
        #expect(transcript.steps[4]["structuredContent"]?.objectValue?["store"] != nil)
    }

    @Test func writeToolsRefuseWithoutTheirFlagAndWriteWithIt() throws {
        try MCPSession.requireClient()
        let dir = try CLI.temporaryDirectory()
        let db = dir.appendingPathComponent("write.gpkg").path
        try FileManager.default.copyItem(atPath: Self.store, toPath: db)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let folder = dir.appendingPathComponent("export").path
        let demo = CLI.demoDataset.path
        let transcript = try MCPSession.run(
            ["--db", db],
            steps: [
                #"{"op":"call","name":"import","arguments":{"directory":"\#(demo)","replace":true}}"#,
                #"{"op":"call","name":"export","arguments":{"format":"csv","out":"\#(folder)"}}"#,
                #"{"op":"call","name":"grids_plan","arguments":{"community":["C01"]}}"#,
                #"{"op":"call","name":"import","arguments":{"directory":"\#(demo)","dry_run":true}}"#
            ])
        for step in [0, 1] {
            #expect(transcript.steps[step]["isError"] == .bool(true))
            #expect(MCPSession.summary(transcript.steps[step]).contains("apply: true"))
        }
        #expect(transcript.steps[2]["structuredContent"]?.objectValue?["applied"] == .bool(false), "a preview")
        #expect(transcript.steps[3]["isError"] != .bool(true), "a dry run writes nothing and needs no consent")
        #expect(transcript.steps[3]["structuredContent"]?.objectValue?["dry_run"]?.objectValue?["valid"] == .bool(true))
        #expect(MCPSession.summary(transcript.steps[3]).contains("nothing written"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before, "the store is unchanged")
        #expect(!FileManager.default.fileExists(atPath: folder), "nothing exported")

        // With the flag: they write, and the import reports progress as MCP notifications.
        let applied = try MCPSession.run(
            ["--db", db],
            steps: [
                #"{"op":"call","name":"import","arguments":{"directory":"\#(demo)","replace":true,"apply":true},"progress":true}"#,
                #"{"op":"call","name":"export","arguments":{"format":"csv","out":"\#(folder)","layers":["communities"],"apply":true}}"#,
                #"{"op":"call","name":"grids_plan","arguments":{"community":["C01"],"apply":true}}"#
            ])
        #expect(applied.steps[0]["isError"] != .bool(true), "\(JSONWriter.write(.object(applied.steps[0])))")
        #expect(applied.steps[0]["structuredContent"]?.objectValue?["replaced_existing"] == .bool(true))
        let progress = applied.steps[0]["progress_notifications"]?.arrayValue ?? []
        #expect(!progress.isEmpty, "import reports progress")
        let values = progress.compactMap { $0.objectValue?["progress"]?.numberValue?.double }
        #expect(values == values.sorted() && Set(values).count == values.count, "progress increases")
        #expect(FileManager.default.fileExists(atPath: folder + "/communities.csv"))
        #expect(applied.steps[2]["structuredContent"]?.objectValue?["applied"] == .bool(true))
    }

    @Test func householdDataOnlyWhenTheServerAllowsIt() throws {
        try MCPSession.requireClient()
        let dir = try CLI.temporaryDirectory()
        let call = #"{"op":"call","name":"party_plan","arguments":{"community":["C05"],"include_households":true}}"#
        let export =
            #"{"op":"call","name":"export","arguments":{"format":"csv","out":"\#(dir.path)/x","include_households":true,"apply":true}}"#
        let refused = try MCPSession.run(["--db", Self.store], steps: [call, export])
        for step in refused.steps {
            #expect(step["isError"] == .bool(true))
            #expect(MCPSession.summary(step).contains("--allow-household-data"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/x"))

        let allowed = try MCPSession.run(["--db", Self.store, "--allow-household-data"], steps: [call])
        let cli = try CLI.run([
            "party", "plan", "--community", "C05", "--include-households", "--format", "json", "--db", Self.store
        ])
        let structured = try #require(allowed.steps[0]["structuredContent"])
        #expect(JSONComparison.same(structured, try JSONParser.parse(cli.stdout)))
    }

    @Test func resourcesAndPrompts() throws {
        try MCPSession.requireClient()
        let transcript = try MCPSession.run(
            ["--db", Self.store, "--lang", "zh"],
            steps: [
                #"{"op":"list_resources"}"#, #"{"op":"read","uri":"gridplan://standards"}"#,
                #"{"op":"read","uri":"gridplan://dataset"}"#, #"{"op":"read","uri":"gridplan://map/coverage.svg"}"#,
                #"{"op":"call","name":"report_underserved","arguments":{}}"#, #"{"op":"read","uri":"gridplan://results/latest"}"#,
                #"{"op":"list_prompts"}"#, #"{"op":"prompt","name":"propose_centers","arguments":{"count":"2"}}"#,
                #"{"op":"prompt","name":"propose_centers","arguments":{}}"#, #"{"op":"read","uri":"gridplan://nothing"}"#
            ])
        let uris = Set(transcript.steps[0]["resources"]?.arrayValue?.compactMap { $0.objectValue?["uri"]?.stringValue } ?? [])
        #expect(
            uris.isSuperset(of: [
                "gridplan://standards", "gridplan://dataset", "gridplan://results/latest", "gridplan://map/area.svg"
            ]))
        func content(_ step: Int) -> JSONObject? { transcript.steps[step]["contents"]?.arrayValue?.first?.objectValue }

        let standards = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("seeds/standards.json"), encoding: .utf8)
        #expect(content(1)?["text"]?.stringValue == standards)
        let info = try JSONParser.parse(try CLI.run(["info", "--format", "json", "--db", Self.store]).stdout)
        #expect(JSONComparison.same(try JSONParser.parse(content(2)?["text"]?.stringValue ?? ""), info))
        let map = try CLI.run(["map", "--theme", "coverage", "--out", "-", "--db", Self.store])
        #expect(content(3)?["mimeType"] == .string("image/svg+xml"))
        #expect(content(3)?["text"]?.stringValue == map.stdout, "the map resource is the map command's SVG")

        let underserved = try #require(transcript.steps[4]["structuredContent"])
        let summary = MCPSession.summary(transcript.steps[4])
        let count = try #require(underserved.objectValue?["underserved_communities"]?.numberValue?.text)
        #expect(summary.contains("个社区中 \(count) 个服务不足"), "the summary in Chinese: \(summary)")
        let latest = try JSONParser.parse(content(5)?["text"]?.stringValue ?? "")
        #expect(JSONComparison.same(try #require(latest.objectValue?["report_underserved"]), underserved))

        let prompts = Set(transcript.steps[6]["prompts"]?.arrayValue?.compactMap { $0.objectValue?["name"]?.stringValue } ?? [])
        #expect(prompts == ["find_underserved", "propose_centers", "check_party_network"])
        let text =
            transcript.steps[7]["messages"]?.arrayValue?.first?.objectValue?["content"]?.objectValue?["text"]?.stringValue ?? ""
        #expect(text.contains("count: 2") && text.contains("site"), "\(text)")
        #expect(transcript.steps[8]["error"] != nil, "count is required")
        #expect(transcript.steps[9]["error"] != nil, "an unknown resource is a protocol error")
    }
}

/// One session of Tools/mcp_session.py against the built binary.
enum MCPSession {
    /// Whether the tests run: the venv has `mcp`, or CI requires it (then a missing client fails).
    static let runs = TestVenv.hasModules(["mcp"]) || ProcessInfo.processInfo.environment["CI"] == "true"

    static func requireClient() throws {
        try #require(TestVenv.hasModules(["mcp"]), "CI=true: the test venv must have the mcp module (Tools/setup)")
    }

    struct Transcript {
        var server: JSONObject
        var steps: [JSONObject]
    }

    /// Runs `steps` (JSON texts) over one session of `gridplan mcp serverArguments…`.
    static func run(_ serverArguments: [String], steps: [String]) throws -> Transcript {
        let python = try #require(TestVenv.python)
        let script = CLI.repositoryRoot.appendingPathComponent("Tools/mcp_session.py")
        let r = try ProcessRunner.run(
            python, [script.path, CLI.binary.path, "mcp"] + serverArguments, stdin: "[" + steps.joined(separator: ",") + "]",
            environment: CLI.environment(), timeout: 600)
        try #require(r.status == 0, "mcp_session.py failed: \(r.stderr)")
        let transcript = try #require(try JSONParser.parse(r.stdout).objectValue)
        let server = try #require(transcript["server"]?.objectValue)
        let results = try #require(transcript["steps"]?.arrayValue).map { $0.objectValue ?? JSONObject() }
        try #require(results.count == steps.count)
        return Transcript(server: server, steps: results)
    }

    /// The text content of a tool result.
    static func summary(_ result: JSONObject) -> String {
        (result["content"]?.arrayValue ?? []).compactMap { $0.objectValue?["text"]?.stringValue }.joined(separator: "\n")
    }
}

/// JSON documents compared by meaning: objects whatever their key order, numbers by value.
enum JSONComparison {
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x.double == y.double
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.object(let x), .object(let y)):
            return Set(x.keys) == Set(y.keys) && x.members.allSatisfy { m in y[m.key].map { same(m.value, $0) } ?? false }
        default: return false
        }
    }
}
