import GridFormats
import GridRender

extension OptionField {
    /// The JSON Schema of the field's value: type, `enum` of a choice, `items` of a list,
    /// `default`, and the help as `description`.
    public var jsonSchema: JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        switch kind {
        case .flag: members.append(("type", "boolean"))
        case .integer: members.append(("type", "integer"))
        case .number: members.append(("type", "number"))
        case .text: members.append(("type", "string"))
        case .textList:
            members.append(("type", "array"))
            members.append(("items", .object(JSONObject(members: [("type", "string")]))))
        case .choiceList(let set):
            members.append(("type", "array"))
            members.append(
                ("items", .object(JSONObject(members: [("type", "string"), ("enum", .array(set.values.map { .string($0) }))]))))
        case .choice(let set):
            members.append(("type", "string"))
            members.append(("enum", .array(set.values.map { .string($0) })))
        case .objectList:
            members.append(("type", "array"))
            members.append(("items", .object(JSONObject(members: [("type", "object")]))))
        case .coordinatePairs:
            members.append(("type", "array"))
            members.append(
                (
                    "items",
                    .object(
                        JSONObject(members: [
                            ("type", "array"), ("items", .object(JSONObject(members: [("type", "number")]))),
                            ("minItems", 2), ("maxItems", 2)
                        ]))
                ))
        }
        if let defaultValue { members.append(("default", defaultValue)) }
        members.append(("description", .string(help)))
        return .object(JSONObject(members: members))
    }
}

extension OperationDeclaration {
    /// The fields a JSON client (JSON-RPC, MCP) sends, with `format` defaulting to JSON there.
    public var rpcFields: [OptionField] {
        fields(for: .json).map { $0.name == "format" ? $0.defaulting(to: .string(OutputFormat.json.rawValue)) : $0 }
    }

    /// The JSON Schema of the parameters object: every field, its type, choices, default and
    /// help; required fields; nothing else allowed. The MCP server publishes it as the tool's
    /// `inputSchema`; `rpc.discover` lists the same fields.
    public var parametersSchema: JSONValue { Self.parametersSchema(of: rpcFields) }

    /// The JSON Schema of a parameters object holding exactly `fields` (the MCP tools' arguments
    /// are an operation's fields without `format`, with the write consent).
    public static func parametersSchema(of fields: [OptionField]) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("type", "object"),
            ("properties", .object(JSONObject(members: fields.map { (key: $0.name, value: $0.jsonSchema) })))
        ]
        let required = fields.filter { $0.requirement == .always }.map { JSONValue.string($0.name) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        members.append(("additionalProperties", false))
        return .object(JSONObject(members: members))
    }

    /// What the result is in each format, for OpenRPC.
    public var resultFormatsDescription: String {
        guard !formats.isEmpty else { return resultDescription }
        var parts = ["format json (default): \(resultDescription)"]
        for f in formats where f != .json {
            switch f {
            case .geojson: parts.append("format geojson: the GeoJSON FeatureCollection object")
            case .xlsx: parts.append("format xlsx (with out): {path, sheets: [{name, rows}]}, the workbook written to out")
            default: parts.append("format \(f.rawValue): the \(f.rawValue) text as one string")
            }
        }
        return parts.joined(separator: "; ")
    }
}
