/// A JSON value as parsed by `JSONParser`: objects keep their members in document
/// order and numbers keep the text they were written with.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The string, when this is a string.
    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    /// The number, when this is a number.
    public var numberValue: JSONNumber? { if case .number(let n) = self { return n }; return nil }
    /// The Boolean, when this is `true` or `false`.
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    /// The object, when this is an object.
    public var objectValue: JSONObject? { if case .object(let o) = self { return o }; return nil }
    /// Whether this is `null`.
    public var isNull: Bool { if case .null = self { return true }; return false }

    /// A short name of the value's kind for messages: "null", "boolean", "number",
    /// "string", "array", "object".
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text with members in document order.
    public var description: String { JSONWriter.write(self, sortedKeys: false) }
}

/// A JSON number: the text as written, its `Double` value and, when the value is an
/// integer that fits, its exact `Int`.
public struct JSONNumber: Sendable, Equatable {
    /// The number exactly as written in the document (e.g. `12345678901234567890`, `1e3`, `-0`).
    public let text: String
    private let _double: Double
    private let _int: Int?

    /// The nearest `Double` (correctly rounded).
    public var double: Double { _double }
    /// The exact integer value when the number is integral and fits in `Int`: `1`, `-0` (0),
    /// `1e3` (1000) and `2.50e1` (25) have one; `0.5` and `12345678901234567890` have none.
    /// A value written with a fraction or exponent counts only while it is exact in a
    /// `Double` (|value| ≤ 2^53).
    public var int: Int? { _int }

    init(uncheckedText text: String, double: Double, int: Int?) {
        self.text = text
        self._double = double
        self._int = int
    }

    /// An integer number.
    public init(_ value: Int) {
        self.init(uncheckedText: String(value), double: Double(value), int: value)
    }

    /// A finite `Double` (written in Swift's shortest round-trip form, integral values
    /// without a fraction). Precondition: `value.isFinite`.
    public init(_ value: Double) {
        precondition(value.isFinite, "JSON numbers must be finite")
        if value == value.rounded(), abs(value) <= 9_007_199_254_740_992 {
            let i = Int(value)
            let text = (value == 0 && value.sign == .minus) ? "-0" : String(i)
            self.init(uncheckedText: text, double: value, int: i)
        } else {
            self.init(uncheckedText: "\(value)", double: value, int: nil)
        }
    }

    /// Parses a JSON number text (RFC 8259 grammar); nil when `text` is not one.
    public init?(text: String) {
        guard case .number(let n)? = try? JSONParser.parse(text), n.text == text else { return nil }
        self = n
    }
}

/// A JSON object: members in document order (keys are unique: the parser rejects
/// duplicates).
public struct JSONObject: Sendable, Equatable {
    public var members: [(key: String, value: JSONValue)]

    public init(members: [(key: String, value: JSONValue)] = []) {
        self.members = members
    }

    /// The value of the first member named `key`. Setting replaces that member's value
    /// in place, appends a new member, or (nil) removes the member.
    /// - Complexity: O(n) in the number of members.
    public subscript(key: String) -> JSONValue? {
        get {
            for m in members where m.key == key { return m.value }
            return nil
        }
        set {
            if let i = members.firstIndex(where: { $0.key == key }) {
                if let v = newValue { members[i].value = v } else { members.remove(at: i) }
            } else if let v = newValue {
                members.append((key: key, value: v))
            }
        }
    }

    /// The member names in document order.
    public var keys: [String] { members.map(\.key) }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        guard a.members.count == b.members.count else { return false }
        for (x, y) in zip(a.members, b.members) where x.key != y.key || x.value != y.value {
            return false
        }
        return true
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(members: elements.map { (key: $0.0, value: $0.1) })
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(members: elements.map { (key: $0.0, value: $0.1) }))
    }
}
