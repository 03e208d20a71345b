import CLibPQ

/// A query's rows in PostgreSQL's binary format (`PostgresConnection.binaryQuery`), read in
/// place; owns libpq's result and frees it when released. Accessors return nil for SQL NULL.
public final class PostgresResult {
    private let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { PQclear(handle) }

    /// Number of rows.
    public var rowCount: Int { Int(PQntuples(handle)) }

    /// The raw bytes of a value (valid while this result lives), nil for NULL.
    public func bytes(_ row: Int, _ column: Int) -> UnsafeRawBufferPointer? {
        let r = Int32(row), c = Int32(column)
        guard PQgetisnull(handle, r, c) == 0, let value = PQgetvalue(handle, r, c) else { return nil }
        return UnsafeRawBufferPointer(start: UnsafeRawPointer(value), count: Int(PQgetlength(handle, r, c)))
    }

    /// A `text` value.
    public func text(_ row: Int, _ column: Int) -> String? {
        bytes(row, column).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A `float8` value.
    public func double(_ row: Int, _ column: Int) -> Double? {
        guard let b = bytes(row, column), b.count == 8 else { return nil }
        return Double(bitPattern: UInt64(bigEndian: b.loadUnaligned(as: UInt64.self)))
    }

    /// An `int2`, `int4` or `int8` value.
    public func int(_ row: Int, _ column: Int) -> Int? {
        guard let b = bytes(row, column) else { return nil }
        switch b.count {
        case 2: return Int(Int16(bigEndian: b.loadUnaligned(as: Int16.self)))
        case 4: return Int(Int32(bigEndian: b.loadUnaligned(as: Int32.self)))
        case 8: return Int(Int64(bigEndian: b.loadUnaligned(as: Int64.self)))
        default: return nil
        }
    }

    /// A `bool` value.
    public func bool(_ row: Int, _ column: Int) -> Bool? {
        guard let b = bytes(row, column), b.count == 1 else { return nil }
        return b[0] != 0
    }
}
