/// Receives progress of long work (import, analyses): the CLI prints it to stderr, JSON-RPC
/// sends `$/progress` notifications. The one progress protocol of every layer.
public protocol ProgressReporter: Sendable {
    /// `stage` names the step (`parse buildings.csv`); `done`/`total` count its units when known.
    func report(stage: String, done: Int, total: Int?)
}

/// Discards progress.
public struct SilentProgress: ProgressReporter {
    public init() {}
    public func report(stage: String, done: Int, total: Int?) {}
}
