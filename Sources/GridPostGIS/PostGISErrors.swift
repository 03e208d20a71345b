import GridModel
import GridPostgres
import GridStore

/// libpq's and the server's errors as gridplan's usage errors: one clear message naming the
/// database (never a password: URIs holding one are refused before connecting).
enum PostGISErrors {
    /// Connects, turning a failure into "cannot connect" or "authentication failed".
    static func connect(_ address: PostGISAddress) throws -> PostgresConnection {
        do {
            return try PostgresConnection(address.conninfo)
        } catch let error as PostgresError {
            let text = error.message
            if text.contains("password authentication failed") || text.contains("no password supplied")
                || text.contains("authentication failed")
            {
                throw UsageError(key: "usage.postgis.authentication", ["uri": address.display, "error": text])
            }
            throw UsageError(key: "usage.postgis.connect", ["uri": address.display, "error": text])
        }
    }

    static func newer(_ address: PostGISAddress, found: Int) -> UsageError {
        UsageError(
            key: "usage.postgis.newer",
            ["uri": address.display, "found": "\(found)", "known": "\(PostGISSchema.currentVersion)"])
    }

    /// Runs `body`, turning a PostgresError into a usage error (permission denied said as such).
    static func mapped<T>(_ address: PostGISAddress, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresError {
            if error.sqlState == "42501" {
                throw UsageError(key: "usage.postgis.denied", ["uri": address.display, "error": error.message])
            }
            throw UsageError(key: "usage.postgis.failed", ["uri": address.display, "error": error.description])
        }
    }
}
