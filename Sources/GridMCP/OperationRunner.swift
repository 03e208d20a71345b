import GridLocale
import Foundation
import GridModel
import GridService

/// Runs the operations one at a time on a queue of their own, over one `ServiceContext` (its
/// snapshot is loaded once and kept), pointing the context's progress at the current call.
/// The SDK handles each request in a task of its own; the service layer is synchronous and
/// keeps one progress sink, so calls are serialized here.
final class OperationRunner: @unchecked Sendable {
    let context: ServiceContext
    private let queue = DispatchQueue(label: "gridplan.mcp.operations")

    init(context: ServiceContext) { self.context = context }

    /// Runs `work` on the queue with `progress` as the context's reporter.
    func run<T: Sendable>(
        progress: (any ProgressReporter)? = nil, _ work: @escaping @Sendable (ServiceContext) throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                self.context.progress = progress ?? SilentProgress()
                defer { self.context.progress = SilentProgress() }
                continuation.resume(with: Result { try work(self.context) })
            }
        }
    }
}

/// One progress report of the service layer.
struct ProgressEvent: Sendable {
    let stage: LocalText
    let done: Int
    let total: Int?
}

/// Forwards the service's progress into a stream the tool call drains into MCP notifications,
/// so they are sent in order and before the call's result.
struct StreamProgress: ProgressReporter {
    let sink: AsyncStream<ProgressEvent>.Continuation
    func report(stage: LocalText, done: Int, total: Int?) { sink.yield(ProgressEvent(stage: stage, done: done, total: total)) }
}
