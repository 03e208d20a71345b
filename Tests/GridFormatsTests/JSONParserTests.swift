import Foundation
import Testing
@testable import GridFormats
import TestSupport

private func number(_ text: String) throws -> JSONNumber {
    guard case .number(let n) = try JSONParser.parse(text) else { throw Unwrapped() }
    return n
}

private func parseError(_ text: String, maxDepth: Int = 256) -> JSONParseError? {
    do {
        _ = try JSONParser.parse(text, maxDepth: maxDepth)
        return nil
    } catch let e as JSONParseError {
        return e
    } catch {
        return nil
    }
}

private func parseError(bytes: [UInt8]) -> JSONParseError? {
    do {
        _ = try JSONParser.parse(Data(bytes))
        return nil
    } catch {
        return error as? JSONParseError
    }
}

@Test func numbersKeepTextAndValues() throws {
    let one = try number("1")
    #expect(one.text == "1" && one.double == 1 && one.int == 1)

    let negZero = try number("-0")
    #expect(negZero.text == "-0")
    #expect(negZero.double == 0 && negZero.double.sign == .minus)
    #expect(negZero.int == 0)

    let thousand = try number("1e3")
    #expect(thousand.text == "1e3" && thousand.double == 1000 && thousand.int == 1000)

    let big = try number("12345678901234567890")
    #expect(big.text == "12345678901234567890")
    #expect(big.int == nil)  // larger than Int.max
    #expect(big.double == 12345678901234567890.0)

    let tenth = try number("0.1")
    #expect(tenth.double == 0.1 && tenth.int == nil)

    #expect(try number("-12.5E-3").double == -0.0125)
    #expect(try number("9223372036854775807").int == Int.max)
    #expect(try number("-9223372036854775808").int == Int.min)
    #expect(try number("2.50e1").int == 25)
    #expect(try number("1E+2").double == 100)
    #expect(try number("0.000001").double == 0.000001)
    #expect(try number("116.397128").double == 116.397128)
    #expect(JSONNumber(text: "01") == nil)
    #expect(JSONNumber(text: "1.5")?.double == 1.5)
}

@Test func numberValuesMatchTheStandardLibrary() throws {
    var gen = RandomJSON(rng: SeededGenerator(seed: 42))
    for _ in 0..<20_000 {
        let text = gen.numberText()
        let expected = Double(text)!
        guard expected.isFinite else { continue }
        let n = try number(text)
        #expect(n.double == expected, "\(text)")
        #expect(n.double.sign == expected.sign, "\(text)")
        if let i = Int(text) { #expect(n.int == i, "\(text)") }
        if n.int == nil, !text.contains("."), !text.contains("e") {
            #expect(Int(text) == nil, "\(text)")
        }
    }
}

@Test func stringsAndEscapes() throws {
    #expect(try JSONParser.parse(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{8}\u{C}\n\r\t"))
    #expect(try JSONParser.parse(#""\u00e9\u4E2D""#) == .string("é中"))
    #expect(try JSONParser.parse(#""\ud83d\ude00 ok""#) == .string("😀 ok"))
    #expect(try JSONParser.parse(#""\u0000""#) == .string("\u{0}"))
    #expect(try JSONParser.parse("\"社区 😀\"") == .string("社区 😀"))
    #expect(try JSONParser.parse("\"abc\\n社区\"") == .string("abc\n社区"))
}

@Test func objectsKeepMemberOrder() throws {
    let v = try JSONParser.parse(#" { "b" : 1, "a" : [true, false, null], "c": {} } "#)
    let o = try v.objectValue.unwrap()
    #expect(o.keys == ["b", "a", "c"])
    #expect(o["a"] == .array([.bool(true), .bool(false), .null]))
    #expect(o["c"] == .object(JSONObject()))
    #expect(o["missing"] == nil)
    #expect(JSONWriter.write(v, sortedKeys: false) == #"{"b":1,"a":[true,false,null],"c":{}}"#)
    #expect(JSONWriter.write(v) == #"{"a":[true,false,null],"b":1,"c":{}}"#)
}

@Test func byteOrderMarkIsAccepted() throws {
    let v = try JSONParser.parse(Data([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8)))
    #expect(v.objectValue?["a"]?.numberValue?.int == 1)
}

/// Each malformed input, a fragment of its message, and the 1-based line and column.
@Test(arguments: [
    ("NaN", "NaN", 1, 1),
    ("[1,\n Infinity]", "Infinity", 2, 2),
    ("-Infinity", "Infinity", 1, 1),
    ("[01]", "leading zeros", 1, 2),
    ("-01", "leading zeros", 1, 1),
    ("[1,2,]", "trailing comma", 1, 5),
    ("{\"a\":1,\n}", "trailing comma", 1, 7),
    ("\"a\tb\"", "control character U+0009", 1, 3),
    ("[\"a\nb\"]", "control character U+000A", 1, 4),
    (#""\x""#, "invalid escape", 1, 2),
    (#"["ok", "\ud800"]"#, "lone surrogate", 1, 9),
    (#""\udc00""#, "lone surrogate", 1, 2),
    (#""\ud800\u0041""#, "lone surrogate", 1, 2),
    (#""\u12G4""#, "hex digits", 1, 2),
    ("{} x", "after the JSON value", 1, 4),
    ("[1] [2]", "after the JSON value", 1, 5),
    ("{\"a\":1,\"a\":2}", "duplicate key \"a\"", 1, 8),
    ("{\n  \"x\": {\"b\": 1,\n  \"b\": 2}}", "duplicate key \"b\"", 3, 3),
    ("", "empty input", 1, 1),
    ("   ", "empty input", 1, 4),
    ("[1 2]", "expected ',' or ']'", 1, 4),
    ("{\"a\" 1}", "expected ':'", 1, 6),
    ("{1:2}", "member name", 1, 2),
    ("1.", "after '.'", 1, 3),
    ("1e", "exponent", 1, 3),
    ("-", "digit", 1, 2),
    ("-x", "expected a digit", 1, 2),
    ("[1.e5]", "after '.'", 1, 4),
    ("\"abc", "unterminated", 1, 1),
    ("[tru]", "true", 1, 2),
    ("nul", "null", 1, 4),
    ("{\"名\":\n  \"值\", x}", "member name", 2, 8),
    ("[1,\r\n2,\r\n,]", "expected a value", 3, 1),
    ("'a'", "unexpected ''", 1, 1),
    ("[1,\n1e400]", "out of the range", 2, 1),
    ("{\"a\":[1,{\"b\":2,}]}", "trailing comma", 1, 15)
])
func rejectsWithPosition(input: String, fragment: String, line: Int, column: Int) throws {
    let e = try parseError(input).unwrap()
    #expect(e.message.contains(fragment), "\(e)")
    #expect(e.line == line, "\(e)")
    #expect(e.column == column, "\(e)")
    #expect(e.description.hasPrefix("line \(line), column \(column): "))
}

@Test func duplicateKeysAreFoundInLargeObjects() throws {
    let members = (0..<100).map { "\"k\($0)\":\($0)" }
    let ok = "{" + members.joined(separator: ",") + "}"
    #expect(try JSONParser.parse(ok).objectValue?.count == 100)
    let dup = "{" + (members + ["\"k57\":0"]).joined(separator: ",") + "}"
    let e = try parseError(dup).unwrap()
    #expect(e.message == "duplicate key \"k57\"")
    // The same key in different objects is fine.
    #expect(throws: Never.self) { try JSONParser.parse(#"[{"a":1},{"a":2,"b":{"a":3}}]"#) }
}

@Test func invalidUTF8IsRejected() throws {
    // 0xFF never occurs in UTF-8; 0xC0 0x80 is an overlong NUL; ED A0 80 encodes a surrogate.
    let bad: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xF4, 0x90, 0x80, 0x80]]
    for b in bad {
        let e = try parseError(bytes: Array("[\"ab".utf8) + b + Array("\"]".utf8)).unwrap()
        #expect(e.line == 1)
        #expect(e.offset >= 4, "\(e)")
        #expect(e.message.contains("UTF-8"), "\(e)")
    }
}

@Test func deepNestingIsAnErrorNotACrash() throws {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let e = try parseError(deep).unwrap()
    #expect(e.message.contains("nesting deeper than 256"))
    #expect(e.column == 257)

    let objects = String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
    #expect(parseError(objects)?.message.contains("nesting") == true)

    let ok = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
    #expect(parseError(ok) == nil)
    let tooDeep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
    #expect(parseError(tooDeep) != nil)
    #expect(parseError(tooDeep, maxDepth: 300) == nil)
    // A deeper document than the default parses when allowed.
    let deeper = String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000)
    #expect(parseError(deeper, maxDepth: 2_000) == nil)
}

@Test(arguments: [1, 2, 3])
func randomValuesRoundTrip(seed: UInt64) throws {
    var gen = RandomJSON(rng: SeededGenerator(seed: seed))
    for _ in 0..<500 {
        let v = gen.value()
        let compact = JSONWriter.write(v, sortedKeys: false)
        #expect(try JSONParser.parse(compact) == v, "\(compact)")
        #expect(!compact.contains("\n"))
        // Sorted output parses to the same members, sorted, and is stable.
        let sorted = JSONWriter.write(v)
        let reparsed = try JSONParser.parse(sorted)
        #expect(JSONWriter.write(reparsed) == sorted)
        #expect(JSONWriter.write(reparsed, sortedKeys: false) == sorted)
        // Foundation agrees the output is valid JSON.
        #expect(throws: Never.self) {
            try JSONSerialization.jsonObject(with: Data(compact.utf8), options: [.fragmentsAllowed])
        }
    }
}

@Test func writerEscapes() {
    let v: JSONValue = ["s": "a\"b\\c\n\u{1}\u{7F}é/", "n": 1, "x": nil, "t": true, "l": [1.5, "z"]]
    #expect(JSONWriter.write(v) == #"{"l":[1.5,"z"],"n":1,"s":"a\"b\\c\n\u0001\#u{7F}é/","t":true,"x":null}"#)
}
