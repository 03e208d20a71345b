/// A parsed JSON value written back through any `Encoder` (a stored scenario's edits inside a
/// result document): integers as integers, other numbers as their `Double`.
extension JSONValue: Encodable {
    public func encode(to encoder: Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .number(let n):
            var c = encoder.singleValueContainer()
            if let i = n.int { try c.encode(i) } else { try c.encode(n.double) }
        case .string(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let o):
            var c = encoder.container(keyedBy: JSONMemberKey.self)
            for (k, v) in o.members { try c.encode(v, forKey: JSONMemberKey(stringValue: k)) }
        }
    }
}

/// A member name of a JSON object, as a coding key.
struct JSONMemberKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
