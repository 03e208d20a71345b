import Foundation
import GridFormats
import GridLocale
import GridModel
import GridService

/// A JSON-RPC 2.0 server over one message per line: requests, notifications (no response),
/// batches, and progress notifications for requests whose params carry `progress_token`.
///
/// Transport-free: `handle(line:)` takes one line and sends whatever it answers through `send`
/// (a compact JSON text with sorted keys, without the newline).
public final class RPCServer: @unchecked Sendable {
    public let context: ServiceContext
    public private(set) var methods: [String: RPCMethod] = [:]
    private let send: @Sendable (String) -> Void

    /// The language of requests without `lang`: the server's (`gridplan rpc --lang`, else the environment).
    public let language: Language

    public init(context: ServiceContext, methods: [RPCMethod], send: @escaping @Sendable (String) -> Void) {
        self.context = context
        self.language = context.language
        self.send = send
        for m in methods { self.methods[m.name] = m }
        self.methods["rpc.discover"] = RPCMethod(
            name: "rpc.discover", summary: "The OpenRPC document describing every method.", operation: nil,
            resultDescription: "An OpenRPC 1.2.6 document."
        ) { [unowned self] _, _ in
            JSONWriter.write(
                OpenRPCDocument.make(methods: self.methods.values.sorted { $0.name < $1.name }, language: self.language))
        }
    }

    /// Handles one line of input.
    public func handle(line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return }
        let value: JSONValue
        do {
            value = try JSONParser.parse(trimmed)
        } catch {
            send(response(id: .null, error: .parseError(ErrorClassification.describe(error, language), language)))
            return
        }
        switch value {
        case .array(let items):
            if items.isEmpty {
                send(response(id: .null, error: .invalidRequest(language.tr("error.rpc.request.empty_batch"), language)))
                return
            }
            let replies = items.compactMap { handle(message: $0) }
            if !replies.isEmpty { send("[" + replies.joined(separator: ",") + "]") }
        default:
            if let reply = handle(message: value) { send(reply) }
        }
    }

    /// Answers one message, or nil for a notification (`gridplan serve` answers `POST /rpc` with it).
    public func handle(message: JSONValue) -> String? { handle(message: message, in: context) }

    /// Answers one message with `context` (the server's own, or a `requestContext()` of it when
    /// requests are answered side by side), or nil for a notification.
    public func handle(message: JSONValue, in context: ServiceContext) -> String? {
        guard case .object(let obj) = message else {
            return response(id: .null, error: .invalidRequest(language.tr("error.rpc.request.not_object"), language))
        }
        let id = obj["id"]
        if let id {
            switch id {
            case .string, .number, .null: break
            default: return response(id: .null, error: .invalidRequest(language.tr("error.rpc.request.id"), language))
            }
        }
        guard case .string("2.0")? = obj["jsonrpc"] else {
            return response(id: id ?? .null, error: .invalidRequest(language.tr("error.rpc.request.version"), language))
        }
        guard case .string(let name)? = obj["method"] else {
            return response(id: id ?? .null, error: .invalidRequest(language.tr("error.rpc.request.method"), language))
        }
        let isNotification = id == nil
        let params: JSONObject
        switch obj["params"] {
        case nil, .null?: params = JSONObject(members: [])
        case .object(let o)?: params = o
        case .array?:
            return isNotification
                ? nil : response(id: id!, error: .invalidParams(language.tr("error.rpc.request.by_name"), language))
        default:
            return isNotification
                ? nil : response(id: id!, error: .invalidRequest(language.tr("error.rpc.request.params"), language))
        }
        guard let method = methods[name] else {
            return isNotification ? nil : response(id: id!, error: .methodNotFound(name, language))
        }
        let token = params["progress_token"]
        context.progress = token.map { NotificationProgress(token: $0, send: send) } ?? SilentProgress()
        context.language = language
        defer { context.progress = SilentProgress(); context.language = language }
        do {
            let result = try method.call(params, context)
            return isNotification ? nil : "{\"id\":\(JSONWriter.write(id!)),\"jsonrpc\":\"2.0\",\"result\":\(result)}"
        } catch {
            return isNotification ? nil : response(id: id!, error: RPCError.from(error, language: context.language))
        }
    }

    func response(id: JSONValue, error: RPCError) -> String { error.response(id: id) }
}

/// Sends `$/progress` notifications for one request.
struct NotificationProgress: ProgressReporter, @unchecked Sendable {
    let token: JSONValue
    let send: @Sendable (String) -> Void
    /// The stage in English: a JSON value of the protocol, the same whatever the request's language.
    func report(stage: LocalText, done: Int, total: Int?) {
        var params: [(key: String, value: JSONValue)] = [
            ("done", .number(JSONNumber(done))), ("stage", .string(stage.text(.en))), ("token", token)
        ]
        if let total { params.append(("total", .number(JSONNumber(total)))) }
        send(
            JSONWriter.write(
                .object(
                    JSONObject(members: [
                        ("jsonrpc", .string("2.0")), ("method", .string("$/progress")),
                        ("params", .object(JSONObject(members: params)))
                    ]))))
    }
}
