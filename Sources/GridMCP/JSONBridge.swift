import GridFormats
import MCP

/// Converts between the project's JSON values and the SDK's `Value`, without a text round trip
/// through the SDK's decoder (which would read a string beginning `data:` as binary data).
enum JSONBridge {
    /// The SDK value of a JSON value: integral numbers as `int`, others as `double`.
    static func value(_ json: JSONValue) -> Value {
        switch json {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return n.int.map(Value.int) ?? .double(n.double)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(value))
        case .object(let object):
            var members: [String: Value] = [:]
            for (key, member) in object.members { members[key] = value(member) }
            return .object(members)
        }
    }

    /// The JSON value of an SDK value (binary data as its base64 text).
    static func json(_ value: Value) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .number(JSONNumber(i))
        case .double(let d): return d.isFinite ? .number(JSONNumber(d)) : .null
        case .string(let s): return .string(s)
        case .data(_, let data): return .string(data.base64EncodedString())
        case .array(let items): return .array(items.map(json))
        case .object(let members):
            return .object(JSONObject(members: members.keys.sorted().map { (key: $0, value: json(members[$0]!)) }))
        }
    }

    /// A tool call's arguments as the parameter object the operations read.
    static func object(_ arguments: [String: Value]?) -> JSONObject {
        guard case .object(let object) = json(.object(arguments ?? [:])) else { return JSONObject() }
        return object
    }
}
