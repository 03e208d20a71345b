#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GridFormats
import GridLocale
import GridModel
import GridRPC
import GridService
import MCP

/// `gridplan mcp`: a Model Context Protocol server (the official Swift SDK) over stdio whose
/// tools, resources and prompts are the service layer's operations. It holds no analysis of its
/// own: every tool runs an `OperationDeclaration`, every resource reads one.
public final class AssistantServer: Sendable {
    let settings: AssistantSettings
    let runner: OperationRunner
    let results: LatestResults

    public init(context: ServiceContext, settings: AssistantSettings) {
        self.settings = settings
        self.runner = OperationRunner(context: context)
        self.results = LatestResults()
    }

    /// Serves on stdin/stdout until the client closes stdin. stdout carries protocol bytes only
    /// (descriptor 1 is pointed at stderr, as `rpc` does); SIGPIPE is ignored.
    public func serve() async throws {
        signal(SIGPIPE, SIG_IGN)
        fflush(nil)
        let out = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        defer { close(out) }
        let transport = LineTransport(
            input: STDIN_FILENO, output: out, maxLineBytes: settings.maxMessageBytes, language: settings.language)
        let server = Server(
            name: "gridplan", version: GridplanVersion.current, title: "gridplan",
            instructions: Catalogue.text("mcp.instructions", settings.language),
            capabilities: .init(
                prompts: .init(listChanged: false), resources: .init(subscribe: false, listChanged: false),
                tools: .init(listChanged: false)))
        await register(on: server)
        try await server.start(transport: transport)
        await server.waitUntilCompleted()
        // Requests still running when input ended get their answers before the server stops.
        await transport.drained()
        await server.stop()
    }

    /// Registers the tools, resources and prompts handlers.
    func register(on server: Server) async {
        let language = settings.language
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: AssistantTool.all.map { $0.tool(language) }) }
        await server.withMethodHandler(CallTool.self) { [self] params in
            try await self.call(params, server: server)
        }
        await server.withMethodHandler(ListResources.self) { [self] _ in .init(resources: self.resourceList) }
        await server.withMethodHandler(ReadResource.self) { [self] params in try await self.read(params.uri) }
        await server.withMethodHandler(ListPrompts.self) { [self] _ in .init(prompts: self.promptList) }
        await server.withMethodHandler(GetPrompt.self) { [self] params in try self.prompt(params.name, params.arguments ?? [:]) }
    }

    /// Answers one `tools/call`.
    func call(_ params: CallTool.Parameters, server: Server) async throws -> CallTool.Result {
        guard let tool = AssistantTool.named(params.name) else {
            throw MCPError.invalidParams(Catalogue.text("mcp.unknown_tool", settings.language, ["tool": params.name]))
        }
        let call = ToolCall(tool: tool, arguments: JSONBridge.object(params.arguments), settings: settings)
        if let refusal = call.refusal() { return ToolCall.failure(refusal) }
        let token = params._meta?.progressToken
        do {
            let parameters = try call.parameters()
            let operation = tool.operation
            let json: JSONValue
            if let token {
                let (events, sink) = AsyncStream.makeStream(of: ProgressEvent.self)
                async let outcome = runner.run(progress: StreamProgress(sink: sink)) { context in
                    defer { sink.finish() }
                    return try ToolCall.run(operation, parameters, context: context)
                }
                var sent = 0
                for await event in events {
                    sent += 1
                    try? await server.notify(
                        ProgressNotification.message(
                            .init(
                                progressToken: token, progress: Double(sent), total: nil,
                                message: Self.progressText(event, settings.language))))
                }
                json = try await outcome
            } else {
                json = try await runner.run { context in try ToolCall.run(operation, parameters, context: context) }
            }
            results.record(tool.name, json)
            let summary = ResultSummary.text(tool: tool, json: json, language: settings.language)
            let structured: Value? = JSONBridge.value(json)
            return CallTool.Result(
                content: [.text(text: summary, annotations: nil, _meta: nil)], structuredContent: structured, isError: false)
        } catch {
            let rpc = RPCError.from(error)
            return ToolCall.failure(rpc.message, error: rpc)
        }
    }

    /// A progress report as the notification's message in the server's language: `stage done/total`. The notification's
    /// `progress` counts reports, so it increases with each one as MCP requires, even when a
    /// new stage starts its own count.
    static func progressText(_ event: ProgressEvent, _ language: Language) -> String {
        "\(event.stage.text(language)) \(event.done)" + (event.total.map { "/\($0)" } ?? "")
    }
}

/// Each tool's latest result in this session, for the `gridplan://results/latest` resource.
final class LatestResults: @unchecked Sendable {
    private let lock = NSLock()
    private var byTool: [(tool: String, result: JSONValue)] = []

    func record(_ tool: String, _ result: JSONValue) {
        lock.lock(); defer { lock.unlock() }
        byTool.removeAll { $0.tool == tool }
        byTool.append((tool, result))
    }

    /// The results by tool name, in the order the tools were last called.
    var all: [(tool: String, result: JSONValue)] {
        lock.lock(); defer { lock.unlock() }
        return byTool
    }
}
