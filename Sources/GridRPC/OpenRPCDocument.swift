import GridFormats
import GridService

/// Builds the OpenRPC document (https://spec.open-rpc.org) that `rpc.discover` returns.
enum OpenRPCDocument {
    static func make(methods: [RPCMethod]) -> JSONValue {
        func obj(_ m: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(members: m.map { (key: $0.0, value: $0.1) })) }
        let methodDocs: [JSONValue] = methods.map { m in
            let params: [JSONValue] = m.parameters.map { p in
                var schema: [(String, JSONValue)] = [("type", .string(p.type))]
                if let item = p.itemType { schema.append(("items", obj([("type", .string(item))]))) }
                return obj([("name", .string(p.name)), ("required", .bool(m.required.contains(p.name))),
                            ("schema", obj(schema))])
            } + [obj([("name", .string("progress_token")), ("required", .bool(false)),
                      ("description", .string("When given, $/progress notifications carry this token.")),
                      ("schema", obj([("type", .array([.string("string"), .string("integer")]))]))])]
            return obj([
                ("name", .string(m.name)),
                ("summary", .string(m.summary)),
                ("paramStructure", .string("by-name")),
                ("params", .array(params)),
                ("result", obj([("name", .string("result")), ("description", .string(m.resultDescription)),
                                ("schema", obj([("type", .string("object"))]))])),
            ])
        }
        return obj([
            ("openrpc", .string("1.2.6")),
            ("info", obj([("title", .string("gridplan")), ("version", .string(GridplanVersion.current))])),
            ("methods", .array(methodDocs)),
        ])
    }
}
