import Foundation

/// What a reader found where something else belonged: a character, a control character, a
/// byte that is not UTF-8, or the end of the input.
public enum SyntaxToken: Sendable, Hashable {
    case endOfInput
    /// A character as written; `code` is its `U+XXXX` when it is not ASCII.
    case character(String, code: String?)
    /// A control character by its `U+XXXX`.
    case controlCharacter(code: String)
    /// A byte that starts no UTF-8 character, in hexadecimal.
    case byte(hex: String)

    /// The English name (`'}'`, `end of input`, `byte 0xFF`).
    public var english: String {
        switch self {
        case .endOfInput: "end of input"
        case .character(let c, nil): "'\(c)'"
        case .character(let c, let code?): "'\(c)' (U+\(code))"
        case .controlCharacter(let code): "control character U+\(code)"
        case .byte(let hex): "byte 0x\(hex)"
        }
    }
}

/// What a reader expected where it stopped.
public enum SyntaxExpectation: Sendable, Hashable {
    case value
    case commaOrBrace
    case commaOrBracket
    case memberName
    case colon
    case colonAfter(key: String)
    case literal(String)
    case escapeCharacter
    case lowSurrogateEscape
    case closingQuote
    case fourHexDigits
    case digit
    case digitAfterMinus
    case digitAfterPoint
    case digitInExponent
    case feature
    case insideFeatures
    case inTopLevelObject
    case memberNameInTopLevelObject
    case valueOf(key: String)
    case commaOrBraceInTopLevelObject
    case commaOrBraceAfterFeatures

    /// The English text (`a value`, `',' or '}'`).
    public var english: String {
        switch self {
        case .value: "a value"
        case .commaOrBrace: "',' or '}'"
        case .commaOrBracket: "',' or ']'"
        case .memberName: "a member name in double quotes"
        case .colon: "':'"
        case .colonAfter(let key): "':' after member name \"\(key)\""
        case .literal(let word): "'\(word)'"
        case .escapeCharacter: "an escape character"
        case .lowSurrogateEscape: "a low surrogate escape"
        case .closingQuote: "'\"' to end the string"
        case .fourHexDigits: "four hex digits after \\u"
        case .digit: "a digit"
        case .digitAfterMinus: "a digit after '-'"
        case .digitAfterPoint: "a digit after '.'"
        case .digitInExponent: "a digit in the exponent"
        case .feature: "a feature"
        case .insideFeatures: "inside \"features\""
        case .inTopLevelObject: "in the top-level object"
        case .memberNameInTopLevelObject: "a member name in the top-level object"
        case .valueOf(let key): "the value of \"\(key)\""
        case .commaOrBraceInTopLevelObject: "',' or '}' in the top-level object"
        case .commaOrBraceAfterFeatures: "',' or '}' after \"features\""
        }
    }
}

/// The part of a GeoJSON document that grew beyond the size limit.
public enum SyntaxSubject: Sendable, Hashable {
    case feature(Int)
    case memberName
    case features
    case valueOf(key: String)

    /// The English text (`feature 3`, `"features"`).
    public var english: String {
        switch self {
        case .feature(let i): "feature \(i)"
        case .memberName: "member name"
        case .features: "\"features\""
        case .valueOf(let key): "the value of \"\(key)\""
        }
    }
}

/// Why a file could not be read or parsed: every syntax and input error of `JSONParser`,
/// `GeoJSONFeatureStream` and `CSVReader` as a case with its values, so the layer that shows
/// it to a person can write it in that person's language (`english` is the text in English).
public indirect enum SyntaxIssue: Sendable, Hashable {
    // JSON
    case emptyInput
    case unexpectedEnd(expected: SyntaxExpectation)
    case unexpected(SyntaxToken, expected: SyntaxExpectation)
    case trailingContent(SyntaxToken)
    case tooDeep(limit: Int)
    case nonFiniteNumber
    case trailingComma(before: SyntaxToken)
    case duplicateKey(String)
    case invalidLiteral(expected: String)
    case unescaped(SyntaxToken)
    case unterminatedString
    case loneHighSurrogate(code: String)
    case highSurrogateWithoutLow(code: String, next: String)
    case loneLowSurrogate(code: String)
    case invalidEscape(SyntaxToken)
    case invalidUnicodeEscape
    case truncatedUTF8
    case invalidUTF8Byte(hex: String)
    case leadingZeros
    case numberOutOfRange(String)
    /// The issue, reported where the unclosed string opened.
    case openedHere(SyntaxIssue)
    // GeoJSON FeatureCollection stream
    case emptyGeoJSON
    case unexpectedEndOfFile(expected: SyntaxExpectation)
    case expectedAfterFeature(index: Int, found: SyntaxToken)
    case trailingCommaAfterLastFeature
    case featureNotObject(found: String)
    case topLevelArray
    case topLevelNotObject(found: SyntaxToken)
    case expectedMemberName(found: SyntaxToken)
    case memberNameNotString
    case duplicateTopLevelKey(String)
    case expectedColon(key: String, found: SyntaxToken)
    case featuresNotArray(found: String)
    /// `shown` is the type as written in quotes, or the JSON kind of a non-string type.
    case typeNotFeatureCollection(shown: String)
    case expectedCommaOrBraceInTopLevelObject(found: SyntaxToken)
    case expectedCommaOrBraceAfterFeatures(found: SyntaxToken)
    case unexpectedAfterTopLevelObject(SyntaxToken)
    case noType
    case noFeatures
    case tooLarge(SyntaxSubject, limit: Int)
    // CSV
    case emptyCSV
    case tooManyFields(limit: Int)
    case unterminatedQuote
    case textAfterClosingQuote
    case invalidUTF8
    // files
    /// The file cannot be opened; `errno` is the system's error number.
    case cannotOpen(path: String, errno: Int32)
    case isDirectory(path: String)
    case cannotRead(path: String, errno: Int32)

    /// Whether the issue says the document is not a FeatureCollection at all.
    public var isNotFeatureCollection: Bool {
        switch self {
        case .topLevelArray, .topLevelNotObject, .typeNotFeatureCollection, .noType: true
        default: false
        }
    }

    /// The English text, as the readers' `message`.
    public var english: String {
        switch self {
        case .emptyInput: "empty input, expected a JSON value"
        case .unexpectedEnd(let e): "unexpected end of input, expected \(e.english)"
        case .unexpected(let t, let e): "unexpected \(t.english), expected \(e.english)"
        case .trailingContent(let t): "unexpected \(t.english) after the JSON value"
        case .tooDeep(let limit): "nesting deeper than \(limit) levels"
        case .nonFiniteNumber: "NaN and Infinity are not valid JSON numbers"
        case .trailingComma(let t): "trailing comma before \(t.english)"
        case .duplicateKey(let key): "duplicate key \"\(key)\""
        case .invalidLiteral(let word): "invalid literal, expected '\(word)'"
        case .unescaped(let t): "unescaped \(t.english) in string"
        case .unterminatedString: "unterminated string"
        case .loneHighSurrogate(let code):
            "lone surrogate \\u\(code) (a high surrogate must be followed by a low surrogate escape)"
        case .highSurrogateWithoutLow(let code, let next):
            "lone surrogate \\u\(code) (followed by \\u\(next), not a low surrogate)"
        case .loneLowSurrogate(let code): "lone surrogate \\u\(code) (a low surrogate without a high one)"
        case .invalidEscape(let t): "invalid escape \\\(SyntaxIssue.unquoted(t.english)) in string"
        case .invalidUnicodeEscape: "invalid \\u escape: expected four hex digits"
        case .truncatedUTF8: "input ends inside a UTF-8 sequence"
        case .invalidUTF8Byte(let hex): "invalid UTF-8 byte 0x\(hex)"
        case .leadingZeros: "leading zeros are not allowed in numbers"
        case .numberOutOfRange(let text): "number \(text) is out of the range of a double"
        case .openedHere(let inner): inner.english + " (opened here)"
        case .emptyGeoJSON: "empty file, expected a GeoJSON FeatureCollection"
        case .unexpectedEndOfFile(let e): "unexpected end of file, expected \(e.english)"
        case .expectedAfterFeature(let index, let t): "expected ',' or ']' after feature \(index), found \(t.english)"
        case .trailingCommaAfterLastFeature: "trailing comma after the last feature"
        case .featureNotObject(let kind): "feature is not a JSON object (found \(kind))"
        case .topLevelArray: "not a FeatureCollection: top level is an array"
        case .topLevelNotObject(let t): "not a FeatureCollection: top level is not a JSON object (found \(t.english))"
        case .expectedMemberName(let t): "expected a member name in double quotes, found \(t.english)"
        case .memberNameNotString: "expected a member name"
        case .duplicateTopLevelKey(let key): "duplicate key \"\(key)\" in the top-level object"
        case .expectedColon(let key, let t): "expected ':' after member name \"\(key)\", found \(t.english)"
        case .featuresNotArray(let kind): "\"features\" is not an array (found \(kind))"
        case .typeNotFeatureCollection(let shown): "not a FeatureCollection: type is \(shown)"
        case .expectedCommaOrBraceInTopLevelObject(let t): "expected ',' or '}' in the top-level object, found \(t.english)"
        case .expectedCommaOrBraceAfterFeatures(let t): "expected ',' or '}' after \"features\", found \(t.english)"
        case .unexpectedAfterTopLevelObject(let t): "unexpected \(t.english) after the top-level object"
        case .noType: "not a FeatureCollection: the top-level object has no \"type\""
        case .noFeatures: "the FeatureCollection has no \"features\" member"
        case .tooLarge(let what, let limit): "\(what.english) is larger than the limit of \(limit) bytes"
        case .emptyCSV: "empty file: no header row"
        case .tooManyFields(let limit): "a record with more than \(limit) fields"
        case .unterminatedQuote: "unterminated quoted field (the quote opens here)"
        case .textAfterClosingQuote:
            "unexpected text after a closing quote (a quote inside a quoted field must be doubled)"
        case .invalidUTF8: "invalid UTF-8 (the file must be UTF-8 encoded)"
        case .cannotOpen(let path, let code): "cannot open \(path): \(SyntaxIssue.systemText(code))"
        case .isDirectory(let path): "cannot read \(path): it is a directory"
        case .cannotRead(let path, let code): "cannot read \(path): \(SyntaxIssue.systemText(code))"
        }
    }

    /// The system's own text for `errno` (`strerror`).
    public static func systemText(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// `'x'` without its quotes; other names unchanged.
    static func unquoted(_ s: String) -> String {
        if s.hasPrefix("'"), s.hasSuffix("'"), s.count >= 3 { return String(s.dropFirst().dropLast()) }
        return s
    }
}
