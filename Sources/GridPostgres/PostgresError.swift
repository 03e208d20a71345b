/// A failure reported by libpq or the server: libpq's own message and, when the server sent one,
/// the five-character SQLSTATE.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// libpq's message, as the server or the client library worded it.
    public var message: String
    /// The SQLSTATE code (for example `28P01` for a wrong password), or nil for client-side failures.
    public var sqlState: String?

    public init(message: String, sqlState: String? = nil) {
        self.message = message
        self.sqlState = sqlState
    }

    public var description: String {
        sqlState.map { "[\($0)] \(message)" } ?? message
    }
}
