import GridFormats
import GridLocale
import GridRender
import GridService
import MCP

/// One MCP tool: a declared operation, its arguments the operation's JSON fields (the same
/// declarations as the CLI, JSON-RPC and OpenRPC), its annotations from the declared effect.
/// Results are always the operation's JSON, so `format` is not an argument of operations that
/// render several formats.
struct AssistantTool: Sendable {
    let operation: OperationDeclaration

    /// The operations offered as tools, in the order `tools/list` gives them. The map is a
    /// resource (`gridplan://map/<theme>.svg`); the HTML report stays on the command line.
    static let all: [AssistantTool] = [
        "info", "report.area", "coverage", "report.underserved", "site", "grids.plan", "party.plan", "report.party",
        "report.compliance", "crs.convert", "inspect", "import", "export"
    ].map { method in
        guard let operation = OperationCatalogue.operation(method: method) else { preconditionFailure("no operation \(method)") }
        return AssistantTool(operation: operation)
    }

    /// The tool called `name`.
    static func named(_ name: String) -> AssistantTool? { all.first { $0.name == name } }

    /// The tool's name: the method with `_` for `.` (`report_area`), as clients accept
    /// `[A-Za-z0-9_-]` names only.
    var name: String { operation.method.replacingOccurrences(of: ".", with: "_") }

    /// The arguments: the operation's JSON fields without `format` (results are JSON), plus the
    /// write consent of an operation that always writes.
    var fields: [OptionField] {
        var fields = operation.rpcFields
        if !operation.formats.isEmpty { fields.removeAll { $0.name == "format" } }
        if case .writes = operation.effect, let consent = operation.writeConsent { fields.append(consent) }
        return fields
    }

    /// The JSON Schema of the arguments (`ParameterSchema`).
    var inputSchema: JSONValue { OperationDeclaration.parametersSchema(of: fields) }

    /// The tool as `tools/list` describes it; what it writes said in `language`.
    func tool(_ language: Language) -> Tool {
        var description = operation.summary
        if !operation.discussion.isEmpty { description += " " + operation.discussion }
        switch operation.effect {
        case .readOnly: break
        case .writesWhen(let flag): description += " " + Catalogue.text("mcp.tool.writes_when", language, ["flag": flag])
        case .writes(let preview?):
            description += " " + Catalogue.text("mcp.tool.writes_unless_preview", language, ["preview": preview])
        case .writes(nil): description += " " + Catalogue.text("mcp.tool.writes", language)
        }
        let readOnly = operation.effect == .readOnly
        return Tool(
            name: name, title: operation.commandPath.isEmpty ? operation.method : operation.commandPath.joined(separator: " "),
            description: description, inputSchema: JSONBridge.value(inputSchema),
            annotations: .init(
                readOnlyHint: readOnly, destructiveHint: readOnly ? nil : true,
                idempotentHint: readOnly ? true : nil, openWorldHint: false))
    }
}
