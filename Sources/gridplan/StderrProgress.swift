import Foundation
import GridLocale
import GridModel

/// Progress lines on stderr, at most a few a second.
/// Quiet during the first second, so quick commands print nothing but their result.
final class StderrProgress: ProgressReporter, @unchecked Sendable {
    private let started = Date()
    private var last = Date.distantPast
    private var lastStage: LocalText?
    private let lock = NSLock()
    private let language: Language

    init(language: Language) { self.language = language }

    func report(stage: LocalText, done: Int, total: Int?) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(started) > 1 else { return }
        let finished = total.map { done >= $0 } ?? false
        guard stage != lastStage || finished || now.timeIntervalSince(last) > 0.5 else { return }
        last = now; lastStage = stage
        printError(ProgressStage.line(stage, done: done, total: total, language))
    }
}
