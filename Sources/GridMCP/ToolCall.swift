import GridFormats
import GridLocale
import GridRPC
import GridRender
import GridService
import MCP

/// One `tools/call`: the arguments checked by the tool's fields, the write consent and the
/// household-data rule applied, the operation run by the service layer, and its JSON returned
/// as structured content with a short summary. Every refusal and every operation error is a
/// tool error (`isError`), never a protocol error or a crash.
struct ToolCall {
    let tool: AssistantTool
    let arguments: JSONObject
    let settings: AssistantSettings

    /// Why the call may not run, in the server's language; nil when it may.
    func refusal() -> String? {
        let operation = tool.operation
        if case .writes = operation.effect, operation.writes(with: arguments), arguments["apply"] != .bool(true) {
            return Catalogue.text("mcp.refused.write", settings.language, ["tool": tool.name])
        }
        if !settings.allowHouseholdData,
            let field = tool.fields.first(where: { $0.releasesHouseholdData && arguments[$0.name] == .bool(true) })
        {
            return Catalogue.text("mcp.refused.households", settings.language, ["tool": tool.name, "field": field.name])
        }
        return nil
    }

    /// The parameters the operation reads: the arguments checked against the tool's fields
    /// (unknown or ill-typed ones are refused as `rpc` refuses them), without the write consent.
    func parameters() throws -> JSONObject {
        _ = try OptionValues(arguments, fields: tool.fields)
        var parameters = arguments
        if case .writes = tool.operation.effect { parameters["apply"] = nil }
        return parameters
    }

    /// Runs the operation and returns its JSON document.
    static func run(_ operation: OperationDeclaration, _ parameters: JSONObject, context: ServiceContext) throws -> JSONValue {
        let output = try operation.execute(parameters, context: context, defaultFormat: .json)
        switch output.document {
        case .json(let value)?: return try JSONParser.parse(try ResultEncoding.json(value))
        case .jsonText(let text)?: return try JSONParser.parse(text)
        case .text(let text)?: return .string(text)
        case nil: return .null
        }
    }

    /// The tool error of a refusal or a failed operation: the text, and the same error object
    /// `rpc` answers (code, message, data.problems) as structured content.
    static func failure(_ text: String, error: RPCError? = nil) -> CallTool.Result {
        var members: [String: Value] = ["message": .string(error?.message ?? text)]
        if let error {
            members["code"] = .int(error.code)
            if let data = error.data { members["data"] = JSONBridge.value(data) }
        }
        let structured: Value? = .object(members)
        return CallTool.Result(
            content: [.text(text: text, annotations: nil, _meta: nil)], structuredContent: structured, isError: true)
    }
}

/// How the server was started: which store, which language, whether household data may leave.
public struct AssistantSettings: Sendable {
    public var language: Language
    public var allowHouseholdData: Bool
    public var maxMessageBytes: Int

    public init(language: Language, allowHouseholdData: Bool = false, maxMessageBytes: Int = 64 << 20) {
        self.language = language; self.allowHouseholdData = allowHouseholdData; self.maxMessageBytes = maxMessageBytes
    }
}
