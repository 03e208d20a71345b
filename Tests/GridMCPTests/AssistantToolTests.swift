import GridFormats
import GridLocale
import GridService
import MCP
import Testing

@testable import GridMCP

/// The MCP tools as derived from the operation declarations: their arguments, the write
/// consent and household-data refusals, the summaries' facts, and the JSON bridge.
@Suite struct AssistantToolTests {
    func tool(_ name: String) throws -> AssistantTool { try #require(AssistantTool.named(name)) }

    func call(_ name: String, _ arguments: String, allow: Bool = false) throws -> ToolCall {
        let object = try #require(try JSONParser.parse(arguments).objectValue)
        return ToolCall(
            tool: try tool(name), arguments: object, settings: AssistantSettings(language: .en, allowHouseholdData: allow))
    }

    @Test func argumentsAreTheDeclaredFieldsWithoutFormatAndWithConsentWhereEveryRunWrites() throws {
        for tool in AssistantTool.all {
            let names = tool.fields.map(\.name)
            let declared = tool.operation.rpcFields.map(\.name)
            #expect(names.contains("apply") == (tool.operation.effect != .readOnly), "\(tool.name)")
            let expected = tool.operation.formats.isEmpty ? Set(declared) : Set(declared).subtracting(["format"])
            #expect(
                Set(names).subtracting(["apply"]) == expected.subtracting(["apply"]), "\(tool.name): results are JSON, no format")
            guard case .object(let schema) = tool.inputSchema else { Issue.record("\(tool.name): no schema"); continue }
            #expect(Set(schema["properties"]?.objectValue?.keys ?? []) == Set(names))
            #expect(schema["additionalProperties"] == .bool(false))
        }
        // export's own `format` (what to write) stays; the grid plan's consent is its own apply flag.
        #expect(try tool("export").fields.contains { $0.name == "format" })
        #expect(try tool("grids_plan").fields.filter { $0.name == "apply" }.count == 1)
        #expect(try tool("report_area").tool(.en).annotations.readOnlyHint == true)
        #expect(try tool("import").tool(.en).annotations.readOnlyHint == false)
    }

    @Test func progressNotificationsSpeakTheServersLanguage() {
        let event = ProgressEvent(stage: LocalText("progress.stage.siting", ["objective": "cover"]), done: 0, total: 1)
        #expect(AssistantServer.progressText(event, .en) == "siting (cover) 0/1")
        #expect(AssistantServer.progressText(event, .zh) == "选址（cover） 0/1")
        let reading = ProgressEvent(stage: LocalText("progress.stage.read", ["name": "buildings.csv"]), done: 500, total: nil)
        #expect(AssistantServer.progressText(reading, .en) == "read buildings.csv 500")
        #expect(AssistantServer.progressText(reading, .zh) == "读取 buildings.csv 500")
    }

    @Test func writeToolsRefuseWithoutApplyAndPreviewsNeedNone() throws {
        #expect(try call("import", #"{"directory":"d"}"#).refusal()?.contains("apply: true") == true)
        #expect(try call("import", #"{"directory":"d","apply":false}"#).refusal() != nil)
        #expect(try call("import", #"{"directory":"d","apply":true}"#).refusal() == nil)
        #expect(try call("import", #"{"directory":"d","dry_run":true}"#).refusal() == nil, "a dry run writes nothing")
        #expect(try call("export", #"{"format":"csv","out":"x"}"#).refusal() != nil)
        #expect(try call("export", #"{"format":"csv","out":"x","apply":true}"#).refusal() == nil)
        #expect(try call("grids_plan", "{}").refusal() == nil, "without apply the grid plan is a preview")
        #expect(try call("coverage", "{}").refusal() == nil)
        // The consent is not passed on to the operation, whose own fields do not have it.
        #expect(try call("export", #"{"format":"csv","out":"x","apply":true}"#).parameters()["apply"] == nil)
        #expect(try call("grids_plan", #"{"apply":true}"#).parameters()["apply"] == .bool(true))
    }

    @Test func householdDataIsRefusedUnlessAllowed() throws {
        let party = #"{"include_households":true}"#
        #expect(try call("party_plan", party).refusal()?.contains("--allow-household-data") == true)
        #expect(try call("report_party", party).refusal() != nil)
        #expect(try call("party_plan", party, allow: true).refusal() == nil)
        #expect(try call("party_plan", #"{"include_households":false}"#).refusal() == nil)
        let export = #"{"format":"csv","out":"x","apply":true,"include_households":true}"#
        #expect(try call("export", export).refusal() != nil)
        #expect(try call("export", export, allow: true).refusal() == nil)
    }

    /// Unknown and missing arguments are refused before the operation runs (ill-typed values when
    /// the operation reads them, as over rpc: MCPServerTests).
    @Test func unknownAndMissingArgumentsAreRefusedByTheFieldTable() throws {
        #expect(throws: (any Error).self) { try call("coverage", #"{"format":"table"}"#).parameters() }
        #expect(throws: (any Error).self) { try call("site", #"{"nope":1}"#).parameters() }
        #expect(throws: (any Error).self) { try call("export", #"{"out":"x","apply":true}"#).parameters() }
        #expect(try call("site", #"{"count":3}"#).parameters()["count"] == .number(JSONNumber(3)))
    }

    @Test func everySummaryTemplateIsFilledByItsFacts() {
        for tool in AssistantTool.all {
            let methods = [tool.operation.method] + (tool.operation.method == "import" ? ["import.dry_run"] : [])
            for method in methods {
                let facts = ResultSummary.facts[method]
                #expect(facts != nil, "\(method) has no summary")
                for language in Language.allCases {
                    let template = Catalogue.messages["mcp.summary.\(method)"]?.text(language) ?? ""
                    let placeholders = Set(
                        Catalogue.pieces(template).compactMap { piece -> String? in
                            if case .placeholder(let name) = piece { return name } else { return nil }
                        })
                    #expect(placeholders == Set(facts?.keys ?? [:].keys), "\(method) \(language)")
                }
            }
        }
    }

    @Test func factsAreReadFromTheResultsJSON() throws {
        let json = try JSONParser.parse(
            #"{"total":{"rate":0.97633,"n":12,"x":659.125},"gaps":[1,2,3],"sites":[{"name":"新荣"}],"applied":false}"#)
        #expect(ResultSummary.fact("%total.rate", in: json, language: .en) == "97.6%")
        #expect(ResultSummary.fact("total.n", in: json, language: .en) == "12")
        #expect(ResultSummary.fact("total.x", in: json, language: .en) == "659.13")
        #expect(ResultSummary.fact("#gaps", in: json, language: .en) == "3")
        #expect(ResultSummary.fact("sites.0.name", in: json, language: .en) == "新荣")
        #expect(ResultSummary.fact("sites.1.name", in: json, language: .en) == nil)
        #expect(ResultSummary.fact("applied", in: json, language: .zh) == "否")
        #expect(ResultSummary.fact("total.missing", in: json, language: .en) == nil)
    }

    @Test func theJSONBridgeKeepsNumbersAndDataLikeStrings() throws {
        let json = try JSONParser.parse(#"{"a":3,"b":0.1,"c":"data:text/plain;base64,eA==","d":[true,null,-2.5e-7]}"#)
        let value = JSONBridge.value(json)
        #expect(value.objectValue?["a"] == .int(3))
        #expect(value.objectValue?["b"] == .double(0.1))
        #expect(value.objectValue?["c"] == .string("data:text/plain;base64,eA=="), "a string stays a string")
        let back = try #require(JSONBridge.json(value).objectValue)
        #expect(back["a"] == .number(JSONNumber(3)))
        #expect(back["b"]?.numberValue?.double == 0.1)
        #expect(back["c"] == .string("data:text/plain;base64,eA=="))
        let d = back["d"]?.arrayValue ?? []
        #expect(d.count == 3 && d[0] == .bool(true) && d[1] == .null && d[2].numberValue?.double == -2.5e-7)
    }
}
