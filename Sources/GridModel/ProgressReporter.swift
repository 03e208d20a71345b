import GridLocale

/// Receives progress of long work (import, analyses): the CLI prints it to stderr, JSON-RPC
/// sends `$/progress` notifications. The one progress protocol of every layer.
public protocol ProgressReporter: Sendable {
    /// `stage` names the step as a catalogue message (`progress.stage.read` of `buildings.csv`),
    /// written in the reader's language by the front end; `done`/`total` count its units when known.
    func report(stage: LocalText, done: Int, total: Int?)
}

/// Discards progress.
public struct SilentProgress: ProgressReporter {
    public init() {}
    public func report(stage: LocalText, done: Int, total: Int?) {}
}
