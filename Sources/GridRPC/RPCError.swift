import GridFormats
import GridGeo
import GridModel

/// A JSON-RPC 2.0 error object. The standard codes, and gridplan's application codes in
/// -32000…-32099; every library error maps to exactly one of them.
public struct RPCError: Error, Sendable {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code; self.message = message; self.data = data
    }

    public static func parseError(_ detail: String) -> RPCError { RPCError(code: -32700, message: "Parse error: \(detail)") }
    public static func invalidRequest(_ detail: String) -> RPCError { RPCError(code: -32600, message: "Invalid Request: \(detail)") }
    public static func methodNotFound(_ name: String) -> RPCError { RPCError(code: -32601, message: "Method not found: \(name)") }
    public static func invalidParams(_ detail: String) -> RPCError { RPCError(code: -32602, message: "Invalid params: \(detail)") }
    public static func internalError(_ detail: String) -> RPCError { RPCError(code: -32603, message: "Internal error: \(detail)") }

    /// Application codes.
    public static let invalidInputCode = -32001     // the dataset or a file is invalid: data.problems lists them
    public static let projectionCode = -32003       // PROJ could not do a conversion

    /// Maps a library error to its JSON-RPC error.
    public static func from(_ error: Error) -> RPCError {
        switch error {
        case let e as RPCError:
            return e
        case let e as InputError:
            return RPCError(code: invalidInputCode, message: "Invalid input: \(e.totalCount) problem(s)",
                            data: .object(JSONObject(members: [
                                ("problems", .array(e.problems.map(problemJSON))),
                                ("total", .number(JSONNumber(e.totalCount))),
                            ])))
        case let e as ValidationProblem:
            return RPCError(code: invalidInputCode, message: "Invalid input: \(e.description)",
                            data: .object(JSONObject(members: [("problems", .array([problemJSON(e)])),
                                                               ("total", .number(JSONNumber(1)))])))
        case let e as UsageError:
            return .invalidParams(e.message)
        case let e as ProjectionError:
            return RPCError(code: projectionCode, message: e.message)
        default:
            return .internalError("\(error)")
        }
    }

    static func problemJSON(_ p: ValidationProblem) -> JSONValue {
        .object(JSONObject(members: [
            ("file", .string(p.file)), ("location", .string(p.location)), ("field", .string(p.field)),
            ("message", .string(p.message)), ("expected", .string(p.expected)),
        ]))
    }

    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("code", .number(JSONNumber(code))), ("message", .string(message))]
        if let data { members.append(("data", data)) }
        return .object(JSONObject(members: members))
    }
}
