import Foundation

/// JSON encoding of results, the same for the CLI (`--format json`) and JSON-RPC.
public enum ResultEncoding {
    /// Sorted keys; compact for the wire, indented for people.
    public static func json<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        String(decoding: try SortedJSONEncoder(pretty: pretty).encode(value), as: UTF8.self)
    }

    /// The same text handed to `sink` piece by piece (large results straight to stdout).
    public static func writeJSON<T: Encodable>(
        _ value: T, pretty: Bool = false,
        to sink: @escaping (UnsafeRawBufferPointer) -> Void
    ) throws {
        try SortedJSONEncoder(pretty: pretty).encode(value, to: sink)
    }
}
