import Foundation

/// Derives the named parameters of an options struct by decoding it once with a decoder
/// that records every key asked for and its type, so that `rpc.discover` can never
/// disagree with what the server actually accepts.
///
/// Works for the options structs of GridService, whose properties are all optional
/// (`decodeIfPresent`); nested types are described as objects.
public enum ParameterSchema {
    /// One named parameter: its snake_case name and JSON Schema type.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var type: String
        public var itemType: String?
    }

    /// The parameters `T` decodes, in declaration order.
    public static func parameters<T: Decodable>(of type: T.Type) -> [Parameter] {
        let recorder = KeyRecorder()
        _ = try? T(from: RecordingDecoder(recorder: recorder))
        return recorder.parameters
    }

    static func snakeCase(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }

    static func jsonType(_ t: Any.Type) -> (String, String?) {
        switch t {
        case is String.Type: return ("string", nil)
        case is Bool.Type: return ("boolean", nil)
        case is Int.Type, is Int32.Type, is Int64.Type: return ("integer", nil)
        case is Double.Type, is Float.Type: return ("number", nil)
        case is [String].Type: return ("array", "string")
        case is [Int].Type: return ("array", "integer")
        case is [Double].Type: return ("array", "number")
        case is [[Double]].Type: return ("array", "array")
        default:
            if let r = t as? any RawRepresentable.Type {
                return jsonType(r.rawValueType)
            }
            return ("object", nil)
        }
    }
}

private extension RawRepresentable {
    static var rawValueType: Any.Type { RawValue.self }
}

final class KeyRecorder {
    var parameters: [ParameterSchema.Parameter] = []
    func record(_ key: CodingKey, _ type: Any.Type) {
        let name = ParameterSchema.snakeCase(key.stringValue)
        guard !parameters.contains(where: { $0.name == name }) else { return }
        let (t, item) = ParameterSchema.jsonType(type)
        parameters.append(.init(name: name, type: t, itemType: item))
    }
}

struct RecordingDecoder: Decoder {
    let recorder: KeyRecorder
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RecordingContainer<Key>(recorder: recorder))
    }
    func unkeyedContainer() throws -> UnkeyedDecodingContainer { throw Stop() }
    func singleValueContainer() throws -> SingleValueDecodingContainer { throw Stop() }
    struct Stop: Error {}
}

struct RecordingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let recorder: KeyRecorder
    var codingPath: [CodingKey] = []
    var allKeys: [Key] { [] }
    func contains(_ key: Key) -> Bool { false }
    func decodeNil(forKey key: Key) throws -> Bool { true }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        recorder.record(key, type); return nil
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { recorder.record(key, type); return nil }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { recorder.record(key, type); return nil }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { recorder.record(key, type); return nil }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { recorder.record(key, type); return nil }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { recorder.record(key, type); return nil }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { recorder.record(key, type); return nil }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { recorder.record(key, type); return nil }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { recorder.record(key, type); return nil }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { recorder.record(key, type); return nil }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { recorder.record(key, type); return nil }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { recorder.record(key, type); return nil }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { recorder.record(key, type); return nil }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { recorder.record(key, type); return nil }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { recorder.record(key, type); return nil }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        recorder.record(key, type); throw RecordingDecoder.Stop()
    }
    func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
        throw RecordingDecoder.Stop()
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { throw RecordingDecoder.Stop() }
    func superDecoder() throws -> Decoder { throw RecordingDecoder.Stop() }
    func superDecoder(forKey key: Key) throws -> Decoder { throw RecordingDecoder.Stop() }
}
