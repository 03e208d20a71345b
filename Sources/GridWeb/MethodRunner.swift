import Foundation
import GridFormats
import GridLocale
import GridRPC
import GridService

/// Runs the page's JSON-RPC requests through the one `RPCServer` (the same answers as
/// `gridplan rpc`) with the concurrent-method and time limits and the household-data rule.
/// Methods that only read run side by side, each with its own `requestContext()` over the one
/// immutable snapshot; a method that writes (the store or a file) runs alone, after the readers
/// before it and before the ones after it (a barrier on the methods' concurrent queue).
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
    let outputRule: OutputRule
    private(set) var server: RPCServer!
    private let queue = DispatchQueue(label: "gridplan.serve.methods", attributes: .concurrent)
    /// Where the methods' time-limit timers fire.
    private let timers = DispatchQueue(label: "gridplan.serve.timers")
    private let lock = NSLock()
    private var inFlight = 0
    /// Bumped after every method that writes, so cached map data is rebuilt.
    private var written = 0
    var generation: Int { lock.withLock { written } }

    init(context: ServiceContext, settings: WorkspaceSettings) {
        self.context = context
        self.settings = settings
        outputRule = OutputRule(directory: settings.outputDirectory)
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

    /// The request with its `out` made the absolute path inside `--output-dir`, or the refusal
    /// (a JSON-RPC error text) when the server writes no files or the name leads outside.
    func placingOutput(_ message: JSONValue) -> Result<JSONValue, Refusal> {
        guard var obj = message.objectValue, var params = obj["params"]?.objectValue, let out = params["out"],
            out != .null
        else { return .success(message) }
        let method = obj["method"]?.stringValue ?? ""
        let name = out.stringValue ?? JSONWriter.write(out)
        switch out.stringValue.map(outputRule.resolve) ?? .outside {
        case .allowed(let path):
            params["out"] = .string(path)
            obj["params"] = .object(params)
            return .success(.object(obj))
        case .off: return .failure(Refusal(settings.language.tr("web.refused.out_off", ["method": method])))
        case .outside:
            return .failure(Refusal(settings.language.tr("web.refused.out_path", ["method": method, "out": name])))
        }
    }

    /// Why a request was refused before running.
    struct Refusal: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Answers one JSON-RPC request (a single object, never a batch).
    func run(_ request: JSONValue) async -> Outcome {
        let id = request.objectValue?["id"] ?? .null
        let message: JSONValue
        switch placingOutput(request) {
        case .success(let placed): message = placed
        case .failure(let refusal):
            return .refused(status: 403, response: RPCError(code: -32003, message: refusal.message).response(id: id))
        }
        return await execute(message)
    }

    /// Runs a request whose `out`, if any, the server chose or placed: the household-data rule,
    /// the limits, the method.
    func execute(_ message: JSONValue) async -> Outcome {
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
        let writes: Bool
        if let obj, case .string(let name)? = obj["method"], let op = OperationCatalogue.operation(method: name) {
            writes = op.writes(with: obj["params"]?.objectValue ?? JSONObject())
        } else {
            writes = false
        }
        let outcome = await perform(deadline: settings.methodSeconds, exclusive: writes) { [self] in
            if !writes { return server.handle(message: message, in: context.requestContext()) }
            let reply = server.handle(message: message)
            lock.withLock { written += 1 }
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

    /// Runs `work` on the methods' queue (alone when `exclusive`, else beside other readers)
    /// unless the limit of methods running or waiting is reached (`counted`: the server's own map
    /// index is not a method and is never refused); answers `.timedOut` after `deadline` seconds
    /// (the work then finishes unseen, or is skipped if it has not started).
    func perform<T: Sendable>(
        deadline: Double?, exclusive: Bool = false, counted: Bool = true, _ work: @escaping @Sendable () -> T
    ) async -> Performed<T> {
        if counted {
            let admitted = lock.withLock {
                if inFlight >= settings.maxConcurrentMethods { return false }
                inFlight += 1
                return true
            }
            if !admitted { return .busy }
        }
        let once = Once<Performed<T>>()
        let end = deadline.map { DispatchTime.now().uptimeNanoseconds + UInt64(max(0, $0) * 1e9) }
        let late: @Sendable () -> Bool = { end.map { DispatchTime.now().uptimeNanoseconds > $0 } ?? false }
        return await withCheckedContinuation { (continuation: CheckedContinuation<Performed<T>, Never>) in
            once.continuation = continuation
            // The timer is a dispatch source on its own serial queue, not a block on the global
            // queues (the methods keep their threads, one per core, busy) nor a sleeping task
            // (either would stay allocated for the whole time limit after its method answered;
            // a busy server would hold minutes of them): it is cancelled, and freed, when the
            // work ends.
            let timer = deadline.map { seconds in
                let source = DispatchSource.makeTimerSource(queue: timers)
                source.schedule(deadline: .now() + max(0, seconds))
                source.setEventHandler { once.finish(.timedOut) }
                source.resume()
                return TimerBox(source)
            }
            queue.async(flags: exclusive ? .barrier : []) { [self] in
                defer {
                    timer?.source.cancel()
                    if counted { lock.withLock { inFlight -= 1 } }
                }
                if once.isFinished || late() {
                    once.finish(.timedOut)
                    return
                }
                let value = work()
                // Past the deadline is late even when the timer has not been scheduled yet.
                once.finish(late() ? .timedOut : .done(value))
            }
        }
    }
}

/// A method's time-limit timer, handed to the work that cancels it.
private final class TimerBox: @unchecked Sendable {
    let source: DispatchSourceTimer
    init(_ source: DispatchSourceTimer) { self.source = source }
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
