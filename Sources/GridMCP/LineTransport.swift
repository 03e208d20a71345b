#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GridFormats
import GridLocale
import GridRPC
import GridService
import Logging
import MCP

/// The MCP stdio transport with `gridplan rpc`'s framing and limits: one JSON message per line,
/// read by `StdioTransport.readLines` on a thread of its own (blocking reads, no polling); a line
/// longer than `maxLineBytes` is dropped and answered with -32600, as `rpc` does. stdout carries
/// protocol bytes only: the caller hands the real stdout's descriptor and points descriptor 1
/// at stderr (`AssistantServer.serve`).
public actor LineTransport: Transport {
    public nonisolated let logger = Logger(label: "gridplan.mcp", factory: { _ in SwiftLogNoOpLogHandler() })
    private let input: Int32
    private let output: LineOutput
    private let maxLineBytes: Int
    /// The language of the error answering an oversize line.
    private let language: Language
    private let messages: AsyncThrowingStream<Data, Swift.Error>
    private let sink: AsyncThrowingStream<Data, Swift.Error>.Continuation
    private var reading = false

    public init(input: Int32, output: Int32, maxLineBytes: Int, language: Language = .en) {
        self.input = input
        self.output = LineOutput(fd: output)
        self.maxLineBytes = maxLineBytes
        self.language = language
        (messages, sink) = AsyncThrowingStream.makeStream()
    }

    public func connect() async throws {
        guard !reading else { return }
        reading = true
        let (input, limit, sink, output, language) = (self.input, maxLineBytes, self.sink, self.output, self.language)
        let thread = Thread {
            StdioTransport.readLines(
                fd: input, maxLineBytes: limit,
                onLine: { line in
                    if line.trimmingCharacters(in: .whitespaces).isEmpty { return }
                    output.received(line)
                    sink.yield(Data(line.utf8))
                },
                onOversize: { output.write(RPCError.oversize(limit, language).response(id: .null), counted: false) })
            sink.finish()
        }
        thread.start()
    }

    public func disconnect() async { sink.finish() }

    public func send(_ data: Data) async throws { output.write(String(decoding: data, as: UTF8.self)) }

    public func receive() -> AsyncThrowingStream<Data, Swift.Error> { messages }

    /// Returns once every request received has been answered (or cancelled), so that a client
    /// that closes its input right after its requests still gets every answer.
    public func drained() async {
        while output.unanswered > 0 { try? await Task.sleep(for: .milliseconds(5)) }
    }
}

/// Whole lines to a descriptor, one writer at a time; quiet after the client went away. Counts
/// the requests not answered yet: a request (a message with `id` and `method`) counts one, a
/// cancellation notification or a response sent takes one off. Responses are told apart by
/// their first key, as the SDK writes sorted keys: `{"error"` or `{"id"` (the server sends no
/// requests of its own), where notifications begin `{"jsonrpc"`.
final class LineOutput: @unchecked Sendable {
    private let writer: DescriptorWriter
    private let lock = NSLock()
    private var broken = false
    private var pending = 0

    init(fd: Int32) { writer = DescriptorWriter(fd: fd) }

    var unanswered: Int {
        lock.lock(); defer { lock.unlock() }
        return broken ? 0 : pending
    }

    /// Notes a message from the client.
    func received(_ line: String) {
        guard case .object(let message)? = try? JSONParser.parse(line), case .string(let method)? = message["method"] else {
            return
        }
        lock.lock(); defer { lock.unlock() }
        if message["id"] != nil {
            pending += 1
        } else if method == "notifications/cancelled" {
            pending = max(0, pending - 1)
        }
    }

    /// Writes one line; `counted` false for replies to messages that were never counted (an
    /// over-long line).
    func write(_ line: String, counted: Bool = true) {
        lock.lock(); defer { lock.unlock() }
        if broken { return }
        if counted, line.hasPrefix(#"{"error""#) || line.hasPrefix(#"{"id""#) { pending = max(0, pending - 1) }
        if writer.write(line + "\n") != nil { broken = true }
    }
}
