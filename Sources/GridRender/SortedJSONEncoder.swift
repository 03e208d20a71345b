// Over 400 lines on purpose: an `Encoder` needs its keyed, unkeyed and single-value containers and
// the reference tree they fill together; one file keeps that machinery private to the encoder.

import GridFormats
import Foundation

/// A JSON encoder for results: the same bytes as Foundation's `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` (plus `.prettyPrinted` when `pretty`) and
/// non-conforming floats throwing, about ten times faster on large results.
///
/// Foundation's encoder boxes every value into an intermediate tree of existentials and
/// sorts keys with string comparison; at megacity scale (500k building rows) that was three
/// quarters of `coverage --format json`. Here values go into a compact node tree (keyed
/// containers keep their entries in a small array) and are written into one byte buffer.
/// Keys sort by their UTF-8 bytes, which is the order Foundation produces for the ASCII keys
/// results use. Date, Data and URL values have no special strategy here: results hold none.
public struct SortedJSONEncoder {
    /// Indented output (`"key" : value`, two spaces), as `.prettyPrinted`.
    public var pretty: Bool

    public init(pretty: Bool = false) { self.pretty = pretty }

    /// Encodes `value`; throws `EncodingError.invalidValue` for NaN or infinite numbers.
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let node = try TreeEncoder.node(for: value, codingPath: [])
        var writer = JSONBytesWriter(pretty: pretty)
        writer.write(node, indent: 0)
        return writer.bytes
    }

    /// Encodes `value` and hands the text to `sink` in pieces of about a megabyte, so a large
    /// result never sits in memory twice. Every error is thrown before the first piece.
    public func encode<T: Encodable>(_ value: T, to sink: @escaping (UnsafeRawBufferPointer) -> Void) throws {
        let node = try TreeEncoder.node(for: value, codingPath: [])
        var writer = JSONBytesWriter(pretty: pretty, sink: sink)
        writer.write(node, indent: 0)
        writer.flush()
    }
}

// MARK: - Node tree

/// One encoded value. Objects and arrays are reference boxes so containers can fill them in place.
enum JSONNode {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case float(Float)
    case string(String)
    case array(ArrayBox)
    case object(ObjectBox)
}

final class ArrayBox {
    var items: [JSONNode] = []
}

final class ObjectBox {
    /// In encoding order; a key encoded twice appears twice and the writer keeps the later value
    /// (as Foundation's encoder does).
    var entries: [(key: String, value: JSONNode)] = []

    init() { entries.reserveCapacity(8) }

    func set(_ key: String, _ value: JSONNode) { entries.append((key, value)) }
}

// MARK: - Encoder

/// Encodes one value (and, through nested encoders, everything under it) into a `JSONNode`.
final class TreeEncoder: Encoder {
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var node: JSONNode?

    init(codingPath: [CodingKey]) { self.codingPath = codingPath }

    /// The node for `value`, with the scalar types written directly.
    static func node<T: Encodable>(for value: T, codingPath: [CodingKey]) throws -> JSONNode {
        switch value {
        case let v as String: return .string(v)
        case let v as Int: return .int(Int64(v))
        case let v as Double: return try checked(v, codingPath)
        case let v as Bool: return .bool(v)
        default: break
        }
        let encoder = TreeEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        // A type that encodes nothing is an empty object, as with Foundation.
        return encoder.node ?? .object(ObjectBox())
    }

    static func checked(_ v: Double, _ codingPath: [CodingKey]) throws -> JSONNode {
        guard v.isFinite else {
            throw EncodingError.invalidValue(
                v, .init(codingPath: codingPath, debugDescription: "Unable to encode \(v) directly in JSON."))
        }
        return .double(v)
    }

    static func checked(_ v: Float, _ codingPath: [CodingKey]) throws -> JSONNode {
        guard v.isFinite else {
            throw EncodingError.invalidValue(
                v, .init(codingPath: codingPath, debugDescription: "Unable to encode \(v) directly in JSON."))
        }
        return .float(v)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: ObjectBox
        if case .object(let existing)? = node { box = existing } else { box = ObjectBox(); node = .object(box) }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let box: ArrayBox
        if case .array(let existing)? = node { box = existing } else { box = ArrayBox(); node = .array(box) }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleValueContainer(encoder: self) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    let codingPath: [CodingKey]

    mutating func encodeNil(forKey key: Key) throws { box.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        box.set(key.stringValue, try TreeEncoder.checked(value, codingPath + [key]))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        box.set(key.stringValue, try TreeEncoder.checked(value, codingPath + [key]))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.set(key.stringValue, .int(Int64(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { box.set(key.stringValue, .int(Int64(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { box.set(key.stringValue, .int(Int64(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { box.set(key.stringValue, .int(Int64(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { box.set(key.stringValue, .int(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { box.set(key.stringValue, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { box.set(key.stringValue, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { box.set(key.stringValue, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { box.set(key.stringValue, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { box.set(key.stringValue, .uint(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.set(key.stringValue, try TreeEncoder.node(for: value, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        box.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = ArrayBox()
        box.set(key.stringValue, .array(nested))
        return UnkeyedContainer(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder {
        let box = box
        return SuperEncoder(codingPath: codingPath) { box.set("super", $0) }
    }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        let box = box, name = key.stringValue
        return SuperEncoder(codingPath: codingPath + [key]) { box.set(name, $0) }
    }
}

/// The encoder `superEncoder()` hands out: what it encodes is handed to `attach` (an empty
/// object until something is encoded, as Foundation's referencing encoder leaves it).
private final class SuperEncoder: Encoder {
    let attach: (JSONNode) -> Void
    let inner: TreeEncoder
    var codingPath: [CodingKey] { inner.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [CodingKey], attach: @escaping (JSONNode) -> Void) {
        self.attach = attach
        inner = TreeEncoder(codingPath: codingPath)
        attach(.object(ObjectBox()))
    }

    // Containers fill their boxes in place, so attaching the node once they exist is enough.
    func container<K: CodingKey>(keyedBy type: K.Type) -> KeyedEncodingContainer<K> {
        defer { attach(inner.node!) }
        return inner.container(keyedBy: type)
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        defer { attach(inner.node!) }
        return inner.unkeyedContainer()
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleValueContainer(encoder: inner, onSet: attach)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: ArrayBox
    let codingPath: [CodingKey]
    var count: Int { box.items.count }

    private var nextPath: [CodingKey] { codingPath + [IndexKey(intValue: box.items.count)] }

    mutating func encodeNil() throws { box.items.append(.null) }
    mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { box.items.append(try TreeEncoder.checked(value, nextPath)) }
    mutating func encode(_ value: Float) throws { box.items.append(try TreeEncoder.checked(value, nextPath)) }
    mutating func encode(_ value: Int) throws { box.items.append(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { box.items.append(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { box.items.append(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { box.items.append(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { box.items.append(.int(value)) }
    mutating func encode(_ value: UInt) throws { box.items.append(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { box.items.append(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { box.items.append(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { box.items.append(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { box.items.append(.uint(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        box.items.append(try TreeEncoder.node(for: value, codingPath: nextPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        let path = nextPath
        box.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = ArrayBox()
        let path = nextPath
        box.items.append(.array(nested))
        return UnkeyedContainer(box: nested, codingPath: path)
    }

    mutating func superEncoder() -> Encoder {
        // What the super encoder encodes becomes the element at this position.
        let box = box, index = box.items.count, path = nextPath
        box.items.append(.null)
        return SuperEncoder(codingPath: path) { box.items[index] = $0 }
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var onSet: ((JSONNode) -> Void)? = nil
    var codingPath: [CodingKey] { encoder.codingPath }

    private func set(_ node: JSONNode) {
        encoder.node = node
        onSet?(node)
    }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(try TreeEncoder.checked(value, codingPath)) }
    mutating func encode(_ value: Float) throws { set(try TreeEncoder.checked(value, codingPath)) }
    mutating func encode(_ value: Int) throws { set(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { set(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { set(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { set(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { set(.int(value)) }
    mutating func encode(_ value: UInt) throws { set(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { set(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { set(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { set(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { set(.uint(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { set(try TreeEncoder.node(for: value, codingPath: codingPath)) }
}

private struct IndexKey: CodingKey {
    var stringValue: String { "Index \(intValue ?? 0)" }
    var intValue: Int?
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

// MARK: - Writing

/// Serializes a node tree in Foundation's layout.
struct JSONBytesWriter {
    let pretty: Bool
    var bytes: [UInt8] = []
    /// Where full pieces go; nil keeps everything in `bytes`.
    let sink: ((UnsafeRawBufferPointer) -> Void)?
    private static let pieceBytes = 1 << 20

    init(pretty: Bool, sink: ((UnsafeRawBufferPointer) -> Void)? = nil) {
        self.pretty = pretty
        self.sink = sink
        bytes.reserveCapacity(sink == nil ? 1 << 16 : Self.pieceBytes + (1 << 16))
    }

    /// Hands what is buffered to the sink (no-op without one).
    mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(sink)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func flushIfFull() {
        if sink != nil, bytes.count >= Self.pieceBytes { flush() }
    }

    mutating func write(_ node: JSONNode, indent: Int) {
        switch node {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let i): integer(i)
        case .uint(let u): unsigned(u)
        case .double(let d): number(d.description)
        case .float(let f): number(f.description)
        case .string(let s): string(s)
        case .array(let box): array(box.items, indent: indent)
        case .object(let box): object(box, indent: indent)
        }
    }

    private mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Decimal digits of `v` without an intermediate String.
    private mutating func integer(_ v: Int64) {
        if v < 0 {
            bytes.append(UInt8(ascii: "-"))
            unsigned(v.magnitude)
        } else {
            unsigned(UInt64(v))
        }
    }

    private mutating func unsigned(_ v: UInt64) {
        if v < 10 { bytes.append(UInt8(ascii: "0") + UInt8(v)); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        var n = v, count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while n > 0 { buf[23 - count] = UInt8(ascii: "0") + UInt8(n % 10); n /= 10; count += 1 }
            bytes.append(contentsOf: buf[(24 - count)...])
        }
    }

    /// Swift's shortest round-trip text with a trailing ".0" dropped (30.0 → 30, 1e-05 stays).
    private mutating func number(_ text: String) {
        var text = text
        text.withUTF8 { u in
            if u.count >= 2, u[u.count - 2] == UInt8(ascii: "."), u[u.count - 1] == UInt8(ascii: "0") {
                bytes.append(contentsOf: u[0..<(u.count - 2)])
            } else {
                bytes.append(contentsOf: u)
            }
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    private mutating func newline(_ indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        var left = indent
        while left > 0 {
            let n = min(left, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[0..<n])
            left -= n
        }
    }

    /// `a` against `b` by UTF-8 bytes (Foundation's order for the keys results use): <0, 0, >0.
    private static func compare(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { ua in
            b.withUTF8 { ub in
                let n = min(ua.count, ub.count)
                if n > 0, let pa = ua.baseAddress, let pb = ub.baseAddress {
                    let c = memcmp(pa, pb, n)
                    if c != 0 { return Int(c) }
                }
                return ua.count - ub.count
            }
        }
    }

    /// The last key sequence sorted and its order: rows of one type repeat it, so most
    /// objects reuse the order instead of sorting again.
    private var lastKeys: [String] = []
    private var lastOrder: [Int] = []

    /// Indices of `entries` in key order; of a key encoded more than once, only the later one.
    private mutating func order(_ entries: UnsafeBufferPointer<(key: String, value: JSONNode)>) -> [Int] {
        if entries.count == lastKeys.count, zip(entries, lastKeys).allSatisfy({ $0.key == $1 }) { return lastOrder }
        var order = Array(entries.indices).sorted { i, j in
            let c = Self.compare(entries[i].key, entries[j].key)
            return c < 0 || (c == 0 && i < j)
        }
        if order.count > 1 {
            order = order.enumerated().filter { n, i in n + 1 == order.count || entries[order[n + 1]].key != entries[i].key }
                .map(\.element)
        }
        lastKeys = entries.map(\.key)
        lastOrder = order
        return order
    }

    private mutating func array(_ items: [JSONNode], indent: Int) {
        bytes.append(UInt8(ascii: "["))
        if pretty {
            if items.isEmpty {
                bytes.append(UInt8(ascii: "\n")); newline(indent)
            } else {
                for (i, item) in items.enumerated() {
                    if i > 0 { bytes.append(UInt8(ascii: ",")) }
                    newline(indent + 2)
                    write(item, indent: indent + 2)
                    flushIfFull()
                }
                newline(indent)
            }
        } else {
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item, indent: indent)
                flushIfFull()
            }
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func object(_ box: ObjectBox, indent: Int) {
        box.entries.withUnsafeBufferPointer { entries in
            let order = self.order(entries)
            bytes.append(UInt8(ascii: "{"))
            if pretty {
                if order.isEmpty {
                    bytes.append(UInt8(ascii: "\n")); newline(indent)
                } else {
                    for (n, i) in order.enumerated() {
                        if n > 0 { bytes.append(UInt8(ascii: ",")) }
                        newline(indent + 2)
                        string(entries[i].key)
                        bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: ":")); bytes.append(UInt8(ascii: " "))
                        write(entries[i].value, indent: indent + 2)
                    }
                    newline(indent)
                }
            } else {
                for (n, i) in order.enumerated() {
                    if n > 0 { bytes.append(UInt8(ascii: ",")) }
                    string(entries[i].key)
                    bytes.append(UInt8(ascii: ":"))
                    write(entries[i].value, indent: indent)
                }
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string (GridFormats' one escaper).
    private mutating func string(_ s: String) {
        JSONWriter.writeString(s, into: &bytes)
    }
}
