import CSQLite
import Foundation
import GRDB
import GridGeo

/// Steps a prepared GRDB statement and reads its columns straight from SQLite, without a
/// `Row` or a `Data` copy per value: the bulk reader of the large layers, where the
/// per-row overhead of the general path is most of a command's time (megacity: 500k buildings).
///
/// Repeated text values of a column (buildings are stored community by community) are
/// interned: a value equal to the column's previous one reuses its `String`.
struct ColumnReader {
    private let statement: Statement
    private let handle: OpaquePointer
    private var lastText: [Int32: (bytes: [UInt8], value: String)] = [:]

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    /// Advances to the next row; false after the last. Throws the database's error otherwise.
    mutating func next() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }

    func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(handle, i)) }

    func optionalInt(_ i: Int32) -> Int? { isNull(i) ? nil : int(i) }

    func double(_ i: Int32) -> Double { sqlite3_column_double(handle, i) }

    func bool(_ i: Int32) -> Bool { sqlite3_column_int64(handle, i) != 0 }

    /// The column's text ("" for NULL).
    func text(_ i: Int32) -> String {
        guard let p = sqlite3_column_text(handle, i) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i))), as: UTF8.self)
    }

    func optionalText(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }

    /// Text that repeats from row to row (ids of a parent layer): equal consecutive values share one String.
    mutating func repeatedText(_ i: Int32) -> String? {
        guard let p = sqlite3_column_text(handle, i) else { return nil }
        let bytes = UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i)))
        if let last = lastText[i], last.bytes.elementsEqual(bytes) { return last.value }
        let value = String(decoding: bytes, as: UTF8.self)
        lastText[i] = (Array(bytes), value)
        return value
    }

    /// The column's blob in place (valid until the next step), or nil for NULL.
    func withBlob<T>(_ i: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T? {
        guard let p = sqlite3_column_blob(handle, i) else { return nil }
        return try body(UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i))))
    }
}
