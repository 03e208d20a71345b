import GridFormats
import GridLocale
import GridRender
import GridService

/// Builds the OpenRPC document (https://spec.open-rpc.org) that `rpc.discover` returns, from
/// the operations' field tables: every parameter with its type, choices (`enum`), default,
/// help and whether it is required.
enum OpenRPCDocument {
    static func make(methods: [RPCMethod], language: Language = .en) -> JSONValue {
        func obj(_ m: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(members: m.map { (key: $0.0, value: $0.1) })) }
        let methodDocs: [JSONValue] = methods.map { m in
            let params: [JSONValue] =
                (m.operation?.rpcFields ?? []).map { field in
                    obj([
                        ("name", .string(field.name)), ("description", .string(field.help(in: language))),
                        ("required", .bool(field.requirement == .always)), ("schema", field.jsonSchema)
                    ])
                } + [
                    obj([
                        ("name", .string("progress_token")), ("required", .bool(false)),
                        ("description", .string(language.tr("help.rpc.progress_token"))),
                        ("schema", obj([("type", .array([.string("string"), .string("integer")]))]))
                    ])
                ]
            // With `format` table or csv the result is a string; otherwise an object.
            let resultTypes: [JSONValue] =
                m.operation?.formats.contains(where: { $0 == .table || $0 == .csv }) == true
                ? [.string("object"), .string("string")] : [.string("object")]
            return obj([
                ("name", .string(m.name)),
                ("summary", .string(m.operation?.summary(in: language) ?? language.tr("help.\(m.name).summary"))),
                ("paramStructure", .string("by-name")),
                ("params", .array(params)),
                (
                    "result",
                    obj([
                        ("name", .string("result")), ("description", .string(m.resultDescription)),
                        ("schema", obj([("type", resultTypes.count == 1 ? resultTypes[0] : .array(resultTypes))]))
                    ])
                )
            ])
        }
        return obj([
            ("openrpc", .string("1.2.6")),
            ("info", obj([("title", .string("gridplan")), ("version", .string(GridplanVersion.current))])),
            ("methods", .array(methodDocs))
        ])
    }
}
