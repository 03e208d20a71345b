import GridFormats
import GridLocale
import GridGeo
import GridService
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

    // The standard errors: the code is the contract; the message is the standard's name and the
    // detail, for a person, in the server's language (English byte for byte by default).

    public static func parseError(_ detail: String, _ l: Language = .en) -> RPCError {
        RPCError(code: -32700, message: l.tr("error.rpc.parse", ["message": detail]))
    }
    public static func invalidRequest(_ detail: String, _ l: Language = .en) -> RPCError {
        RPCError(code: -32600, message: l.tr("error.rpc.invalid_request", ["message": detail]))
    }
    /// A line over the transport's limit (answered with id null, its bytes dropped unread).
    public static func oversize(_ maxLineBytes: Int, _ l: Language = .en) -> RPCError {
        invalidRequest(l.tr("error.rpc.request.oversize", ["limit": "\(maxLineBytes)"]), l)
    }

    /// The JSON-RPC 2.0 error response carrying this error, one line.
    public func response(id: JSONValue) -> String {
        JSONWriter.write(.object(JSONObject(members: [("error", json), ("id", id), ("jsonrpc", .string("2.0"))])))
    }
    public static func methodNotFound(_ name: String, _ l: Language = .en) -> RPCError {
        RPCError(code: -32601, message: l.tr("error.rpc.method_not_found", ["method": name]))
    }
    public static func invalidParams(_ detail: String, _ l: Language = .en) -> RPCError {
        RPCError(code: -32602, message: l.tr("error.rpc.invalid_params", ["message": detail]))
    }
    public static func internalError(_ detail: String, _ l: Language = .en) -> RPCError {
        RPCError(code: -32603, message: l.tr("error.rpc.internal", ["message": detail]))
    }

    /// Application codes.
    public static let invalidInputCode = ErrorClassification.invalidInputCode
    public static let projectionCode = ErrorClassification.projectionCode

    /// Maps a library error to its JSON-RPC error (`ErrorClassification`, shared with the CLI).
    public static func from(_ error: Error, language: Language = .en) -> RPCError {
        if let e = error as? RPCError { return e }
        let c = ErrorClassification(error, language: language)
        let data = c.problems.map { p in
            JSONValue.object(
                JSONObject(members: [
                    ("problems", .array(p.list.map(problemJSON))), ("total", .number(JSONNumber(p.total)))
                ]))
        }
        return RPCError(code: c.rpcCode, message: c.rpcMessage, data: data)
    }

    static func problemJSON(_ p: ValidationProblem) -> JSONValue {
        .object(
            JSONObject(members: [
                ("file", .string(p.file)), ("location", .string(p.location)), ("field", .string(p.field)),
                ("message", .string(p.message)), ("expected", .string(p.expected))
            ]))
    }

    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("code", .number(JSONNumber(code))), ("message", .string(message))]
        if let data { members.append(("data", data)) }
        return .object(JSONObject(members: members))
    }
}
