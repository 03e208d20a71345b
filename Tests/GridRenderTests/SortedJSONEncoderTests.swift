import Foundation
import Testing
@testable import GridRender
import TestSupport

/// `SortedJSONEncoder` must produce exactly Foundation's bytes (sorted keys, no escaped
/// slashes, pretty or compact): seeded random values of every shape results use, compared
/// byte for byte with `JSONEncoder`.
struct SortedJSONEncoderTests {
    private typealias Generator = SeededGenerator

    /// A value of arbitrary shape, encoded through the same Codable paths results take.
    private indirect enum Value: Encodable {
        case null, bool(Bool), int(Int), double(Double), string(String)
        case array([Value]), object([String: Value]), record(Record)

        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .null: try c.encodeNil()
            case .bool(let b): try c.encode(b)
            case .int(let i): try c.encode(i)
            case .double(let d): try c.encode(d)
            case .string(let s): try c.encode(s)
            case .array(let a): try c.encode(a)
            case .object(let o): try c.encode(o)
            case .record(let r): try c.encode(r)
            }
        }
    }

    /// A struct with synthesized Codable, optionals (absent and present), nested containers.
    private struct Record: Encodable {
        var id: String
        var households: Int
        var areaM2: Double
        var covered: Bool
        var nearest: String?
        var distance: Double?
        var tags: [String]
        var counts: [String: Int]
        var empty: [Int] = []

        enum CodingKeys: String, CodingKey {
            case id, households, covered, nearest, tags, counts, empty
            case areaM2 = "area_m2"
            case distance = "distance_m"
        }
    }

    private static let pieces = [
        "a", "Z", "中文", "路/街", "q\"uote", "back\\slash", "\n", "\t", "\u{1}", "\u{1f}",
        "\u{7f}", "é", "😀", " ", "_", "10", "9", "\u{2028}", "\r\u{8}\u{c}"
    ]

    private func string(_ g: inout Generator) -> String {
        (0..<Int.random(in: 0...4, using: &g)).map { _ in Self.pieces.randomElement(using: &g)! }.joined()
    }

    private func double(_ g: inout Generator) -> Double {
        switch Int.random(in: 0..<6, using: &g) {
        case 0: return Double(Int.random(in: -1000...1000, using: &g))  // integral: "30", not "30.0"
        case 1: return (Double.random(in: -1e4...1e4, using: &g) * 100).rounded() / 100  // report figures
        case 2: return Double.random(in: 0...1, using: &g) * 1e-6  // exponent form
        case 3: return Double.random(in: 1e15...1e22, using: &g)  // large
        case 4:
            return [0.0, -0.0, 0.1 + 0.2, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude].randomElement(using: &g)!
        default: return Double(bitPattern: g.next() & 0x7FEF_FFFF_FFFF_FFFF)  // any finite double
        }
    }

    private func value(_ g: inout Generator, depth: Int) -> Value {
        switch Int.random(in: 0..<(depth > 3 ? 5 : 8), using: &g) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &g))
        case 2: return .int(Int.random(in: Int.min...Int.max, using: &g))
        case 3: return .double(double(&g))
        case 4: return .string(string(&g))
        case 5: return .array((0..<Int.random(in: 0...4, using: &g)).map { _ in value(&g, depth: depth + 1) })
        case 6:
            var o: [String: Value] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &g) { o[string(&g)] = value(&g, depth: depth + 1) }
            return .object(o)
        default:
            return .record(
                Record(
                    id: string(&g), households: Int.random(in: 0...500, using: &g), areaM2: double(&g),
                    covered: Bool.random(using: &g),
                    nearest: Bool.random(using: &g) ? string(&g) : nil,
                    distance: Bool.random(using: &g) ? double(&g) : nil,
                    tags: (0..<Int.random(in: 0...3, using: &g)).map { _ in string(&g) },
                    counts: Dictionary(
                        uniqueKeysWithValues: (0..<Int.random(in: 0...3, using: &g)).map { i in
                            ("k\(i)_\(Int.random(in: 0...20, using: &g))", i)
                        })))
        }
    }

    private func foundation<T: Encodable>(_ v: T, pretty: Bool) throws -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .throw
        return Array(try e.encode(v))
    }

    @Test(arguments: 0..<200)
    func sameBytesAsFoundation(seed: Int) throws {
        var g = Generator(seed: UInt64(seed) &* 7919)
        // Top level as results have it: an object or array, sometimes a bare scalar.
        let v = value(&g, depth: 0)
        for pretty in [true, false] {
            let ours = try SortedJSONEncoder(pretty: pretty).encode(v)
            let theirs = try foundation(v, pretty: pretty)
            #expect(
                ours == theirs,
                "seed \(seed) pretty \(pretty):\n\(String(decoding: ours, as: UTF8.self))\n---\n\(String(decoding: theirs, as: UTF8.self))"
            )
        }
    }

    @Test func handWrittenLayout() throws {
        struct Row: Encodable { var b = 2.0; var a: [Int] = []; var c = "x/y\"" }
        #expect(try ResultEncoding.json(Row(), pretty: false) == #"{"a":[],"b":2,"c":"x/y\""}"#)
        #expect(try ResultEncoding.json(Row(), pretty: true) == "{\n  \"a\" : [\n\n  ],\n  \"b\" : 2,\n  \"c\" : \"x/y\\\"\"\n}")
    }

    @Test func aKeyEncodedTwiceKeepsTheLaterValue() throws {
        struct Twice: Encodable {
            enum K: String, CodingKey { case a, b }
            func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: K.self)
                try c.encode(1, forKey: .b)
                try c.encode(2, forKey: .a)
                try c.encode(3, forKey: .b)
            }
        }
        #expect(try SortedJSONEncoder().encode(Twice()) == Array(#"{"a":2,"b":3}"#.utf8))
        #expect(try SortedJSONEncoder().encode(Twice()) == foundation(Twice(), pretty: false))
    }

    @Test func streamedPiecesJoinToTheSameBytes() throws {
        // About 3 MB of rows: several pieces, each cut after a whole array element.
        var g = Generator(seed: 42)
        let rows = (0..<30_000).map { _ in value(&g, depth: 1) }
        final class Pieces { var all: [[UInt8]] = [] }
        let pieces = Pieces()
        try SortedJSONEncoder(pretty: true).encode(rows) { pieces.all.append(Array($0)) }
        #expect(pieces.all.count > 2, "\(pieces.all.map(\.count))")
        #expect(pieces.all.dropLast().allSatisfy { $0.count >= 1 << 20 })
        #expect(Array(pieces.all.joined()) == (try foundation(rows, pretty: true)))
    }

    @Test func nothingIsStreamedWhenEncodingFails() {
        final class Pieces { var count = 0 }
        let pieces = Pieces()
        #expect(throws: EncodingError.self) {
            try SortedJSONEncoder().encode(Array(repeating: 1.0, count: 300_000) + [.nan]) { _ in pieces.count += 1 }
        }
        #expect(pieces.count == 0)
    }

    @Test func superEncodersAsFoundation() throws {
        struct Base: Encodable { var id = "B1"; var n = 2 }
        struct Derived: Encodable {
            enum K: String, CodingKey { case own, parent, empty, list }
            func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: K.self)
                try c.encode(1, forKey: .own)
                try Base().encode(to: c.superEncoder())  // under "super"
                try Base(id: "B2", n: 3).encode(to: c.superEncoder(forKey: .parent))
                _ = c.superEncoder(forKey: .empty)  // nothing encoded: {}
                var u = c.nestedUnkeyedContainer(forKey: .list)
                try u.encode(0)
                try [5, 6].encode(to: u.superEncoder())  // an element in place
                var single = u.superEncoder().singleValueContainer()
                try single.encode("s")
            }
        }
        struct Wrapper: Encodable {
            func encode(to encoder: Encoder) throws {
                var u = encoder.unkeyedContainer()
                try Derived().encode(to: u.superEncoder())
                try u.encode(Derived())
            }
        }
        for pretty in [false, true] {
            #expect(try SortedJSONEncoder(pretty: pretty).encode(Wrapper()) == foundation(Wrapper(), pretty: pretty))
        }
    }

    @Test func nonFiniteNumbersThrow() {
        struct Row: Encodable { var x: Double }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(Row(x: .nan)) }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode([1.0, .infinity]) }
    }
}
