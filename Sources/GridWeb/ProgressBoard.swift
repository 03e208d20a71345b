import Foundation
import GridFormats

/// The latest `$/progress` notification of each running request, by its `progress_token`, for
/// the page to poll (`GET /api/progress?token=`).
final class ProgressBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: [String: String] = [:]
    private var order: [String] = []

    /// Keeps the params of a `$/progress` notification (the whole notification's JSON text).
    func post(_ notification: String) {
        guard let value = try? JSONParser.parse(notification), let params = value.objectValue?["params"],
            let token = params.objectValue?["token"]
        else { return }
        let key = token.stringValue ?? JSONWriter.write(token)
        lock.lock(); defer { lock.unlock() }
        if latest[key] == nil {
            order.append(key)
            if order.count > 256 { latest[order.removeFirst()] = nil }
        }
        latest[key] = JSONWriter.write(params)
    }

    /// The last progress params posted for `token`, or `null`.
    func current(_ token: String) -> String {
        lock.lock(); defer { lock.unlock() }
        return latest[token] ?? "null"
    }
}
