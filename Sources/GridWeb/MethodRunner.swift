import Foundation
import GridFormats
import GridLocale
import GridRPC
import GridService

/// Runs the page's JSON-RPC requests through the one `RPCServer` (the same answers as
/// `gridplan rpc`), one at a time on a serial queue (the service context serves one request at
/// a time), with the concurrent-method and time limits and the household-data rule.
final class MethodRunner: @unchecked Sendable {
    /// What became of a request.
    enum Outcome {
        /// The JSON-RPC response text (nil for a notification).
        case reply(String?)
        /// Refused before running: a JSON-RPC error response and the HTTP status to send it with.
        case refused(status: Int, response: String)
    }

    let context: ServiceContext
    let settings: WorkspaceSettings
    let progress = ProgressBoard()
    private(set) var server: RPCServer!
    private let queue = DispatchQueue(label: "gridplan.serve.methods")
    private let lock = NSLock()
    private var inFlight = 0
    /// Bumped after every method that writes, so cached map data is rebuilt.
    private var written = 0
    var generation: Int { lock.withLock { written } }

    init(context: ServiceContext, settings: WorkspaceSettings) {
        self.context = context
        self.settings = settings
        let board = progress
        server = RPCServer(context: context, methods: MethodTable.all) { board.post($0) }
    }

    /// The household-data refusal of a request, when it asks for household-level data without
    /// `--allow-household-data`: a parameter that releases it set to true.
    func householdRefusal(method: String, params: JSONObject?) -> String? {
        guard !settings.allowHouseholdData, let operation = OperationCatalogue.operation(method: method),
            let params
        else { return nil }
        guard let field = operation.fields.first(where: { $0.releasesHouseholdData && params[$0.name] == .bool(true) })
        else { return nil }
        return settings.language.tr("web.refused.households", ["method": method, "field": field.name])
    }

    /// Answers one JSON-RPC request (a single object, never a batch).
    func run(_ message: JSONValue) async -> Outcome {
        let obj = message.objectValue
        let id = obj?["id"] ?? .null
        if case .array = message {
            return .refused(
                status: 400, response: RPCError.invalidRequest(settings.language.tr("web.error.batch")).response(id: .null))
        }
        if let obj, case .string(let method)? = obj["method"],
            let refusal = householdRefusal(method: method, params: obj["params"]?.objectValue)
        {
            return .refused(status: 403, response: RPCError(code: -32003, message: refusal).response(id: id))
        }
        let started = Date()
        let outcome = await perform(deadline: settings.methodSeconds) { [self] in
            let reply = server.handle(message: message)
            if let obj, case .string(let name)? = obj["method"], let op = OperationCatalogue.operation(method: name),
                op.writes(with: obj["params"]?.objectValue ?? JSONObject())
            {
                lock.withLock { written += 1 }
            }
            return reply
        }
        switch outcome {
        case .done(let reply): return .reply(reply)
        case .busy:
            let text = settings.language.tr("web.error.busy", ["limit": String(settings.maxConcurrentMethods)])
            return .refused(status: 429, response: RPCError(code: -32004, message: text).response(id: id))
        case .timedOut:
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            let text = settings.language.tr(
                "web.error.time_limit", ["seconds": seconds, "limit": String(format: "%g", settings.methodSeconds)])
            return .refused(status: 504, response: RPCError(code: -32005, message: text).response(id: id))
        }
    }

    enum Performed<T: Sendable>: Sendable {
        case done(T)
        case busy
        case timedOut
    }

    /// Runs `work` on the serial queue unless the limit of methods running or waiting is reached;
    /// answers `.timedOut` after `deadline` seconds (the work then finishes unseen, or is skipped
    /// if it has not started).
    func perform<T: Sendable>(deadline: Double?, _ work: @escaping @Sendable () -> T) async -> Performed<T> {
        let admitted = lock.withLock {
            if inFlight >= settings.maxConcurrentMethods { return false }
            inFlight += 1
            return true
        }
        if !admitted { return .busy }
        let once = Once<Performed<T>>()
        return await withCheckedContinuation { (continuation: CheckedContinuation<Performed<T>, Never>) in
            once.continuation = continuation
            queue.async { [self] in
                defer { lock.withLock { inFlight -= 1 } }
                if once.isFinished { return }
                let value = work()
                once.finish(.done(value))
            }
            if let deadline {
                DispatchQueue.global().asyncAfter(deadline: .now() + deadline) { once.finish(.timedOut) }
            }
        }
    }
}

/// Resumes a continuation exactly once, whichever of the work and the timer comes first.
private final class Once<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    var continuation: CheckedContinuation<T, Never>?
    private var finished = false

    var isFinished: Bool { lock.lock(); defer { lock.unlock() }; return finished }

    func finish(_ value: T) {
        lock.lock()
        guard !finished, let c = continuation else { lock.unlock(); return }
        finished = true
        lock.unlock()
        c.resume(returning: value)
    }
}
