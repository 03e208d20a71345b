// Over 400 lines on purpose: one byte-level recursive-descent parser (positions, duplicate keys,
// depth limit) whose scanner, number and string readers share one cursor and its error reporting;
// split, the hot inlined paths would cross file boundaries.

import Foundation

/// A JSON syntax error with its position (line and column 1-based, column counted in
/// Unicode scalars; offset is the 0-based byte offset in the input).
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, as a case with its values.
    public var issue: SyntaxIssue
    public var line: Int
    public var column: Int
    public var offset: Int
    /// The English text.
    public var message: String { issue.english }

    public init(_ issue: SyntaxIssue, line: Int, column: Int, offset: Int) {
        self.issue = issue
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 JSON parser working on bytes.
///
/// Rejects `NaN`/`Infinity`, leading zeros, trailing commas, unescaped control characters,
/// invalid escapes, lone surrogates, invalid UTF-8, trailing garbage and duplicate keys in
/// one object; accepts a leading UTF-8 byte order mark. Nesting deeper than `maxDepth`
/// is an error (the parser is iterative, so deep input cannot overflow the stack).
///
/// - Complexity: O(n) in the input size.
public enum JSONParser {
    public static func parse(_ data: Data, maxDepth: Int = 256) throws -> JSONValue {
        try data.withUnsafeBytes { buf in try parse(bytes: buf, maxDepth: maxDepth) }
    }

    public static func parse(_ text: String, maxDepth: Int = 256) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { buf in try parse(bytes: UnsafeRawBufferPointer(buf), maxDepth: maxDepth) }
    }

    /// Parses one JSON document from raw bytes.
    public static func parse(bytes: UnsafeRawBufferPointer, maxDepth: Int = 256) throws -> JSONValue {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw JSONParseError(.emptyInput, line: 1, column: 1, offset: 0)
        }
        var core = JSONCore(
            base: base.assumingMemoryBound(to: UInt8.self), start: 0, end: bytes.count,
            maxDepth: maxDepth)
        do {
            return try core.parseDocument()
        } catch {
            let (line, column) = TextPosition.lineColumn(
                base.assumingMemoryBound(to: UInt8.self),
                upTo: error.offset)
            throw JSONParseError(error.issue, line: line, column: column, offset: error.offset)
        }
    }
}

/// Line/column arithmetic over UTF-8 bytes.
enum TextPosition {
    /// 1-based line and column (in Unicode scalars) of byte `offset`.
    static func lineColumn(
        _ p: UnsafePointer<UInt8>, from start: Int = 0, upTo offset: Int,
        line baseLine: Int = 1, column baseColumn: Int = 1
    ) -> (Int, Int) {
        var line = baseLine
        var column = baseColumn
        var i = start
        while i < offset {
            let c = p[i]
            if c == 0x0A {
                line += 1
                column = 1
            } else if c & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}

/// An error inside the byte parser: message and byte offset. `atEnd` is set when the
/// error is only that the input ended (a streaming caller can read more and retry).
struct RawJSONError: Error {
    var issue: SyntaxIssue
    var offset: Int
    var atEnd: Bool
}

private let powersOf10: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
]

/// The byte-level parser. `i` is the read position; the input is `p[start..<end]`.
struct JSONCore {
    let p: UnsafePointer<UInt8>
    let end: Int
    var i: Int
    let maxDepth: Int

    init(base: UnsafePointer<UInt8>, start: Int, end: Int, maxDepth: Int) {
        self.p = base
        self.i = start
        self.end = end
        self.maxDepth = maxDepth
    }

    /// An open container: where its elements (or members) begin in the shared scratch stacks.
    struct Frame {
        var isObject: Bool
        var first: Int
        var keySet: Set<String>? = nil
    }

    /// Scratch stacks shared by all open containers (and reusable across parses), so each
    /// finished array or object is allocated once, at its exact size.
    struct Scratch {
        var frames: [Frame] = []
        var values: [JSONValue] = []
        var members: [(key: String, value: JSONValue)] = []
        var keys: [String] = []
        init() {}
    }

    // MARK: errors

    private func fail(_ issue: SyntaxIssue, at offset: Int) -> RawJSONError {
        RawJSONError(issue: issue, offset: offset, atEnd: false)
    }

    private func endOfInput(_ expected: SyntaxExpectation) -> RawJSONError {
        RawJSONError(issue: .unexpectedEnd(expected: expected), offset: end, atEnd: true)
    }

    /// A readable name of the byte at `k` (a whole scalar when it is the lead byte of one).
    private func describe(at k: Int) -> SyntaxToken {
        guard k < end else { return .endOfInput }
        let c = p[k]
        switch c {
        case 0x20..<0x7F: return .character(String(Character(Unicode.Scalar(c))), code: nil)
        case 0x00..<0x20, 0x7F: return .controlCharacter(code: hex4(UInt32(c)))
        default:
            var j = k
            if let s = decodeScalar(&j) { return .character(String(Character(s)), code: hex4(s.value)) }
            return .byte(hex: String(c, radix: 16, uppercase: true))
        }
    }

    private func hex4(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    // MARK: structure

    @inline(__always)
    mutating func skipWhitespace() {
        while i < end {
            let c = p[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { return }
        }
    }

    /// A whole document: optional BOM, one value, only whitespace after it.
    mutating func parseDocument() throws(RawJSONError) -> JSONValue {
        if end - i >= 3, p[i] == 0xEF, p[i + 1] == 0xBB, p[i + 2] == 0xBF { i += 3 }
        skipWhitespace()
        if i >= end { throw RawJSONError(issue: .emptyInput, offset: i, atEnd: true) }
        var scratch = Scratch()
        let v = try parseValue(&scratch)
        skipWhitespace()
        if i < end { throw fail(.trailingContent(describe(at: i)), at: i) }
        return v
    }

    /// One value starting at `i` (after optional whitespace); leaves `i` just after it.
    /// `scratch` is left empty (also after an error), ready for the next call.
    mutating func parseValue(_ scratch: inout Scratch) throws(RawJSONError) -> JSONValue {
        do {
            return try parseValueUsing(&scratch)
        } catch {
            scratch.frames.removeAll(keepingCapacity: true)
            scratch.values.removeAll(keepingCapacity: true)
            scratch.members.removeAll(keepingCapacity: true)
            scratch.keys.removeAll(keepingCapacity: true)
            throw error
        }
    }

    private mutating func parseValueUsing(_ scratch: inout Scratch) throws(RawJSONError) -> JSONValue {
        var value: JSONValue
        scan: while true {
            skipWhitespace()
            guard i < end else { throw endOfInput(.value) }
            let c = p[i]
            switch c {
            case UInt8(ascii: "{"):
                if scratch.frames.count >= maxDepth {
                    throw fail(.tooDeep(limit: maxDepth), at: i)
                }
                i += 1
                skipWhitespace()
                if i < end, p[i] == UInt8(ascii: "}") {
                    i += 1
                    value = .object(JSONObject())
                } else {
                    scratch.frames.append(Frame(isObject: true, first: scratch.members.count))
                    try parseKey(&scratch)
                    continue scan
                }
            case UInt8(ascii: "["):
                if scratch.frames.count >= maxDepth {
                    throw fail(.tooDeep(limit: maxDepth), at: i)
                }
                i += 1
                skipWhitespace()
                if i < end, p[i] == UInt8(ascii: "]") {
                    i += 1
                    value = .array([])
                } else {
                    scratch.frames.append(Frame(isObject: false, first: scratch.values.count))
                    continue scan
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            case UInt8(ascii: "t"):
                try expectLiteral("true"); value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false"); value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null"); value = .null
            case UInt8(ascii: "N"), UInt8(ascii: "I"):
                throw fail(.nonFiniteNumber, at: i)
            default:
                throw fail(.unexpected(describe(at: i), expected: .value), at: i)
            }

            // A value is complete: attach it to the enclosing container(s).
            while true {
                guard let frame = scratch.frames.last else { return value }
                let isObject = frame.isObject
                if isObject {
                    scratch.members.append((key: scratch.keys.removeLast(), value: value))
                } else {
                    scratch.values.append(value)
                }
                skipWhitespace()
                guard i < end else { throw endOfInput(isObject ? .commaOrBrace : .commaOrBracket) }
                let c = p[i]
                if c == UInt8(ascii: ",") {
                    let commaAt = i
                    i += 1
                    skipWhitespace()
                    if i < end, p[i] == UInt8(ascii: "]") || p[i] == UInt8(ascii: "}") {
                        throw fail(.trailingComma(before: describe(at: i)), at: commaAt)
                    }
                    if isObject { try parseKey(&scratch) }
                    continue scan
                } else if c == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    i += 1
                    scratch.frames.removeLast()
                    if isObject {
                        value = .object(JSONObject(members: Array(scratch.members[frame.first...])))
                        scratch.members.removeSubrange(frame.first...)
                    } else {
                        value = .array(Array(scratch.values[frame.first...]))
                        scratch.values.removeSubrange(frame.first...)
                    }
                } else {
                    throw fail(.unexpected(describe(at: i), expected: isObject ? .commaOrBrace : .commaOrBracket), at: i)
                }
            }
        }
    }

    /// A member name and its colon, pushed on `scratch.keys`; rejects a name the innermost
    /// open object already has.
    private mutating func parseKey(_ scratch: inout Scratch) throws(RawJSONError) {
        skipWhitespace()
        guard i < end else { throw endOfInput(.memberName) }
        guard p[i] == UInt8(ascii: "\"") else {
            throw fail(.unexpected(describe(at: i), expected: .memberName), at: i)
        }
        let keyAt = i
        let key = try parseString()
        // Duplicate check: a linear scan for small objects, a set for large ones.
        let top = scratch.frames.count - 1
        let first = scratch.frames[top].first
        let count = scratch.members.count - first
        if scratch.frames[top].keySet == nil && count < 16 {
            var k = first
            while k < scratch.members.count {
                if scratch.members[k].key == key { throw fail(.duplicateKey(key), at: keyAt) }
                k += 1
            }
        } else {
            if scratch.frames[top].keySet == nil {
                scratch.frames[top].keySet = Set(scratch.members[first...].map(\.key))
            }
            if !scratch.frames[top].keySet!.insert(key).inserted {
                throw fail(.duplicateKey(key), at: keyAt)
            }
        }
        skipWhitespace()
        guard i < end else { throw endOfInput(.colon) }
        guard p[i] == UInt8(ascii: ":") else {
            throw fail(.unexpected(describe(at: i), expected: .colonAfter(key: key)), at: i)
        }
        i += 1
        scratch.keys.append(key)
    }

    private mutating func expectLiteral(_ word: StaticString) throws(RawJSONError) {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        let start = i
        for k in 0..<n {
            guard start + k < end else { throw endOfInput(.literal("\(word)")) }
            if p[start + k] != w[k] {
                throw fail(.invalidLiteral(expected: "\(word)"), at: start)
            }
        }
        i = start + n
    }

    // MARK: strings

    /// A string starting at the opening quote `p[i]`.
    mutating func parseString() throws(RawJSONError) -> String {
        let open = i
        i += 1
        let start = i
        while i < end {
            let c = p[i]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self)
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if c < 0x20 { throw fail(.unescaped(describe(at: i)), at: i) }
            if c < 0x80 { i += 1 } else { try validateUTF8() }
        }
        throw RawJSONError(issue: .unterminatedString, offset: end, atEnd: true)
            .withMessageOffsetHint(open)
    }

    /// The slow path: a string with escapes. `i` is at the first backslash.
    private mutating func parseEscapedString(from start: Int) throws(RawJSONError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(i - start + 16)
        bytes.append(contentsOf: UnsafeBufferPointer(start: p + start, count: i - start))
        while i < end {
            let c = p[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: bytes, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") {
                let escAt = i
                guard i + 1 < end else { throw endOfInput(.escapeCharacter) }
                let e = p[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""): bytes.append(0x22)
                case UInt8(ascii: "\\"): bytes.append(0x5C)
                case UInt8(ascii: "/"): bytes.append(0x2F)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    let u = try hex4Escape(at: escAt)
                    var scalarValue = u
                    if u >= 0xD800 && u <= 0xDBFF {
                        // A high surrogate must be followed by \u and a low surrogate.
                        guard i + 1 < end else { throw endOfInput(.lowSurrogateEscape) }
                        guard p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") else {
                            throw fail(.loneHighSurrogate(code: hex4(u)), at: escAt)
                        }
                        let lowAt = i
                        i += 2
                        let low = try hex4Escape(at: lowAt)
                        guard low >= 0xDC00 && low <= 0xDFFF else {
                            throw fail(.highSurrogateWithoutLow(code: hex4(u), next: hex4(low)), at: escAt)
                        }
                        scalarValue = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                    } else if u >= 0xDC00 && u <= 0xDFFF {
                        throw fail(.loneLowSurrogate(code: hex4(u)), at: escAt)
                    }
                    appendUTF8(scalarValue, to: &bytes)
                default:
                    throw fail(.invalidEscape(describe(at: escAt + 1)), at: escAt)
                }
                continue
            }
            if c < 0x20 { throw fail(.unescaped(describe(at: i)), at: i) }
            if c < 0x80 {
                bytes.append(c)
                i += 1
            } else {
                let s = i
                try validateUTF8()
                bytes.append(contentsOf: UnsafeBufferPointer(start: p + s, count: i - s))
            }
        }
        throw endOfInput(.closingQuote)
    }

    /// Four hex digits after `\u` (the escape starts at `escAt`; `i` is after the `u`).
    private mutating func hex4Escape(at escAt: Int) throws(RawJSONError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < end else { throw endOfInput(.fourHexDigits) }
            let c = p[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw fail(.invalidUnicodeEscape, at: escAt)
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private func appendUTF8(_ v: UInt32, to bytes: inout [UInt8]) {
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Validates one multi-byte UTF-8 sequence at `i` (lead byte ≥ 0x80) and steps over it.
    @inline(__always)
    private mutating func validateUTF8() throws(RawJSONError) {
        var j = i
        if decodeScalar(&j) != nil {
            i = j
            return
        }
        if j >= end { throw RawJSONError(issue: .truncatedUTF8, offset: end, atEnd: true) }
        throw fail(.invalidUTF8Byte(hex: String(p[j], radix: 16, uppercase: true)), at: j)
    }

    /// Decodes the UTF-8 scalar at `j` and advances past it; nil (with `j` at the bad byte,
    /// or `end` when truncated) when the bytes are not valid UTF-8.
    private func decodeScalar(_ j: inout Int) -> Unicode.Scalar? {
        let c0 = p[j]
        if c0 < 0x80 { j += 1; return Unicode.Scalar(c0) }
        let need: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        var v: UInt32
        switch c0 {
        case 0xC2...0xDF: need = 1; v = UInt32(c0 & 0x1F)
        case 0xE0: need = 2; lo = 0xA0; v = UInt32(c0 & 0x0F)
        case 0xE1...0xEC, 0xEE...0xEF: need = 2; v = UInt32(c0 & 0x0F)
        case 0xED: need = 2; hi = 0x9F; v = UInt32(c0 & 0x0F)
        case 0xF0: need = 3; lo = 0x90; v = UInt32(c0 & 0x07)
        case 0xF1...0xF3: need = 3; v = UInt32(c0 & 0x07)
        case 0xF4: need = 3; hi = 0x8F; v = UInt32(c0 & 0x07)
        default: return nil
        }
        var k = j + 1
        for n in 0..<need {
            guard k < end else { j = end; return nil }
            let c = p[k]
            if n == 0 {
                guard c >= lo && c <= hi else { j = k; return nil }
            } else {
                guard c & 0xC0 == 0x80 else { j = k; return nil }
            }
            v = v << 6 | UInt32(c & 0x3F)
            k += 1
        }
        j = k
        return Unicode.Scalar(v)
    }

    // MARK: numbers

    @inline(__always)
    private func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    mutating func parseNumber() throws(RawJSONError) -> JSONNumber {
        let start = i
        var negative = false
        if p[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
            guard i < end else { throw endOfInput(.digitAfterMinus) }
            if p[i] == UInt8(ascii: "I") { throw fail(.nonFiniteNumber, at: start) }
        }
        var mantissa: UInt64 = 0
        var digits = 0  // significant digits accumulated into `mantissa`
        var dropped = 0  // integer digits not accumulated (too many)
        guard i < end else { throw endOfInput(.digit) }
        if p[i] == UInt8(ascii: "0") {
            i += 1
            if i < end, isDigit(p[i]) { throw fail(.leadingZeros, at: start) }
        } else if isDigit(p[i]) {
            while i < end, isDigit(p[i]) {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(p[i] - 0x30)
                    if mantissa != 0 { digits += 1 }
                } else {
                    dropped += 1
                }
                i += 1
            }
        } else {
            throw fail(.unexpected(describe(at: i), expected: .digit), at: i)
        }
        var integral = true
        var exp10 = dropped
        if i < end, p[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            guard i < end else { throw endOfInput(.digitAfterPoint) }
            guard isDigit(p[i]) else { throw fail(.unexpected(describe(at: i), expected: .digitAfterPoint), at: i) }
            while i < end, isDigit(p[i]) {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(p[i] - 0x30)
                    if mantissa != 0 { digits += 1 }
                    exp10 -= 1
                }
                i += 1
            }
        }
        if i < end, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            integral = false
            i += 1
            var expNegative = false
            if i < end, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
                expNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < end else { throw endOfInput(.digitInExponent) }
            guard isDigit(p[i]) else { throw fail(.unexpected(describe(at: i), expected: .digitInExponent), at: i) }
            var e = 0
            while i < end, isDigit(p[i]) {
                if e < 100_000 { e = e * 10 + Int(p[i] - 0x30) }
                i += 1
            }
            exp10 += expNegative ? -e : e
        }
        let text = String(decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self)
        var double: Double
        if digits <= 15 && dropped == 0 && exp10 >= -22 && exp10 <= 22 {
            // Exact: both the mantissa and the power of ten are exact doubles (Clinger).
            double = Double(mantissa)
            if exp10 < 0 { double /= powersOf10[-exp10] } else if exp10 > 0 { double *= powersOf10[exp10] }
            if negative { double = -double }
        } else if mantissa == 0 {
            double = negative ? -0.0 : 0.0
        } else {
            double = Double(text) ?? .nan
        }
        guard double.isFinite else { throw fail(.numberOutOfRange(text), at: start) }
        var int: Int? = nil
        if integral {
            if dropped == 0 && digits <= 18 {
                int = negative ? -Int(mantissa) : Int(mantissa)
            } else {
                int = Int(text)
            }
        } else if double == double.rounded(), abs(double) <= 9_007_199_254_740_992 {
            int = Int(double)
        }
        return JSONNumber(uncheckedText: text, double: double, int: int)
    }
}

extension RawJSONError {
    /// Unterminated strings are reported at their opening quote, still marked `atEnd`.
    fileprivate func withMessageOffsetHint(_ open: Int) -> RawJSONError {
        RawJSONError(issue: .openedHere(issue), offset: open, atEnd: true)
    }
}
