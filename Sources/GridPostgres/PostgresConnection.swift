import CLibPQ
import Foundation

/// One libpq connection. Parameters are always bound (`$1`, `$2`, …), never interpolated into
/// the SQL text; values travel in PostgreSQL's text format. Not for use from two threads at once.
public final class PostgresConnection {
    private let handle: OpaquePointer

    /// Connects with a libpq connection string or URI (`host=… dbname=…` or `postgresql://…`).
    /// Callers should include `connect_timeout` so a dead server cannot hang them.
    public init(_ conninfo: String) throws {
        guard let handle = PQconnectdb(conninfo) else {
            throw PostgresError(message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.trimmed(PQerrorMessage(handle))
            PQfinish(handle)
            throw PostgresError(message: message)
        }
        self.handle = handle
    }

    deinit { PQfinish(handle) }

    /// Runs one statement with bound text parameters (nil is SQL NULL) and returns its rows, each
    /// column as text or nil for NULL.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] {
        let result = try execute(sql, parameters)
        defer { PQclear(result) }
        let rows = Int(PQntuples(result)), columns = Int(PQnfields(result))
        var table: [[String?]] = []
        table.reserveCapacity(rows)
        for row in 0..<rows {
            var values: [String?] = []
            values.reserveCapacity(columns)
            for column in 0..<columns {
                if PQgetisnull(result, Int32(row), Int32(column)) != 0 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
            table.append(values)
        }
        return table
    }

    /// Runs one statement with bound text parameters and returns its rows in PostgreSQL's binary
    /// format, read in place (no text to parse): for large reads. Cast columns in the SQL to the
    /// types `PostgresResult` reads (float8, int4/int8, bool, text, bytea).
    public func binaryQuery(_ sql: String, _ parameters: [String?] = []) throws -> PostgresResult {
        PostgresResult(try execute(sql, parameters, resultFormat: 1))
    }

    /// The first column of the first row, or nil when there is no row or it is NULL.
    public func scalar(_ sql: String, _ parameters: [String?] = []) throws -> String? {
        try query(sql, parameters).first?.first ?? nil
    }

    /// Runs `body` inside BEGIN … COMMIT, rolling back when it throws.
    /// `repeatableRead` gives the body one snapshot for all its reads.
    public func transaction<T>(repeatableRead: Bool = false, _ body: (PostgresConnection) throws -> T) throws -> T {
        try query(repeatableRead ? "BEGIN ISOLATION LEVEL REPEATABLE READ" : "BEGIN")
        do {
            let value = try body(self)
            try query("COMMIT")
            return value
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    /// Bulk load: runs `COPY … FROM STDIN` (`sql`) and streams `data` (text format rows) to it.
    public func copyIn(_ sql: String, data: [UInt8]) throws {
        let start = try execute(sql, [], expecting: PGRES_COPY_IN)
        PQclear(start)
        let chunk = 1 << 16
        var offset = 0
        while offset < data.count {
            let end = min(offset + chunk, data.count)
            let sent = data[offset..<end].withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    PQputCopyData(handle, $0, Int32(buffer.count))
                }
            }
            guard sent == 1 else { throw PostgresError(message: Self.trimmed(PQerrorMessage(handle))) }
            offset = end
        }
        guard PQputCopyEnd(handle, nil) == 1 else {
            throw PostgresError(message: Self.trimmed(PQerrorMessage(handle)))
        }
        var failure: PostgresError?
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, failure == nil { failure = Self.error(of: result) }
            PQclear(result)
        }
        if let failure { throw failure }
    }

    private func execute(
        _ sql: String, _ parameters: [String?], expecting expected: ExecStatusType? = nil, resultFormat: Int32 = 0
    ) throws -> OpaquePointer {
        let copies: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { for copy in copies { free(copy) } }
        let values: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
        let result = PQexecParams(handle, sql, Int32(values.count), nil, values.isEmpty ? nil : values, nil, nil, resultFormat)
        guard let result else { throw PostgresError(message: Self.trimmed(PQerrorMessage(handle))) }
        let status = PQresultStatus(result)
        let ok = expected.map { status == $0 } ?? (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        guard ok else {
            let error = Self.error(of: result)
            PQclear(result)
            throw error
        }
        return result
    }

    private static func error(of result: OpaquePointer) -> PostgresError {
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        return PostgresError(message: trimmed(PQresultErrorMessage(result)), sqlState: state)
    }

    private static func trimmed(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "" }
        var message = String(cString: text)
        while message.last?.isWhitespace == true { message.removeLast() }
        return message
    }
}
