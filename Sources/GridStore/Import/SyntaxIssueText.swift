import Foundation
import GridFormats
import GridGDAL
import GridGeo
import GridLocale

/// The readers' syntax errors (`GridFormats`) as catalogue messages, so a dataset problem is
/// written in the reader's language; the English is the readers' own text, byte for byte.
extension SyntaxIssue {
    /// The message of this issue.
    public var localText: LocalText {
        switch self {
        case .emptyInput: LocalText("syntax.empty_input")
        case .unexpectedEnd(let e): LocalText("syntax.unexpected_end", parts: ["expected": e.localText])
        case .unexpected(let t, let e):
            LocalText("syntax.unexpected", parts: ["found": t.localText, "expected": e.localText])
        case .trailingContent(let t): LocalText("syntax.trailing_content", parts: ["found": t.localText])
        case .tooDeep(let limit): LocalText("syntax.too_deep", ["limit": "\(limit)"])
        case .nonFiniteNumber: LocalText("syntax.non_finite")
        case .trailingComma(let t): LocalText("syntax.trailing_comma", parts: ["found": t.localText])
        case .duplicateKey(let key): LocalText("syntax.duplicate_key", ["key": key])
        case .invalidLiteral(let word): LocalText("syntax.invalid_literal", ["word": word])
        case .unescaped(let t): LocalText("syntax.unescaped", parts: ["found": t.localText])
        case .unterminatedString: LocalText("syntax.unterminated_string")
        case .loneHighSurrogate(let code): LocalText("syntax.lone_high_surrogate", ["code": code])
        case .highSurrogateWithoutLow(let code, let next):
            LocalText("syntax.high_surrogate_without_low", ["code": code, "next": next])
        case .loneLowSurrogate(let code): LocalText("syntax.lone_low_surrogate", ["code": code])
        case .invalidEscape(.character(let c, nil)): LocalText("syntax.invalid_escape", ["found": c])
        case .invalidEscape(let t): LocalText("syntax.invalid_escape", parts: ["found": t.localText])
        case .invalidUnicodeEscape: LocalText("syntax.invalid_unicode_escape")
        case .truncatedUTF8: LocalText("syntax.truncated_utf8")
        case .invalidUTF8Byte(let hex): LocalText("syntax.invalid_utf8_byte", ["hex": hex])
        case .leadingZeros: LocalText("syntax.leading_zeros")
        case .numberOutOfRange(let text): LocalText("syntax.number_out_of_range", ["number": text])
        case .openedHere(let inner): LocalText("syntax.opened_here", parts: ["issue": inner.localText])
        case .emptyGeoJSON: LocalText("syntax.empty_geojson")
        case .unexpectedEndOfFile(let e): LocalText("syntax.unexpected_eof", parts: ["expected": e.localText])
        case .expectedAfterFeature(let index, let t):
            LocalText("syntax.after_feature", ["index": "\(index)"], parts: ["found": t.localText])
        case .trailingCommaAfterLastFeature: LocalText("syntax.trailing_comma_after_features")
        case .featureNotObject(let kind): LocalText("syntax.feature_not_object", parts: ["kind": Self.kind(kind)])
        case .topLevelArray: LocalText("syntax.top_level_array")
        case .topLevelNotObject(let t): LocalText("syntax.top_level_not_object", parts: ["found": t.localText])
        case .expectedMemberName(let t): LocalText("syntax.expected_member_name", parts: ["found": t.localText])
        case .memberNameNotString: LocalText("syntax.member_name_not_string")
        case .duplicateTopLevelKey(let key): LocalText("syntax.duplicate_top_level_key", ["key": key])
        case .expectedColon(let key, let t): LocalText("syntax.expected_colon", ["key": key], parts: ["found": t.localText])
        case .featuresNotArray(let kind): LocalText("syntax.features_not_array", parts: ["kind": Self.kind(kind)])
        case .typeNotFeatureCollection(let shown): LocalText("syntax.type_not_collection", ["type": shown])
        case .expectedCommaOrBraceInTopLevelObject(let t):
            LocalText("syntax.comma_or_brace_top_level", parts: ["found": t.localText])
        case .expectedCommaOrBraceAfterFeatures(let t):
            LocalText("syntax.comma_or_brace_after_features", parts: ["found": t.localText])
        case .unexpectedAfterTopLevelObject(let t): LocalText("syntax.after_top_level", parts: ["found": t.localText])
        case .noType: LocalText("syntax.no_type")
        case .noFeatures: LocalText("syntax.no_features")
        case .tooLarge(let subject, let limit):
            LocalText("syntax.too_large", ["limit": "\(limit)"], parts: ["subject": subject.localText])
        case .emptyCSV: LocalText("syntax.csv_empty")
        case .tooManyFields(let limit): LocalText("syntax.csv_too_many_fields", ["limit": "\(limit)"])
        case .unterminatedQuote: LocalText("syntax.csv_unterminated_quote")
        case .textAfterClosingQuote: LocalText("syntax.csv_text_after_quote")
        case .invalidUTF8: LocalText("syntax.csv_invalid_utf8")
        case .cannotOpen(let path, let code):
            LocalText("syntax.cannot_open", ["path": path], parts: ["reason": Self.reason(code)])
        case .isDirectory(let path): LocalText("syntax.is_directory", ["path": path])
        case .cannotRead(let path, let code):
            LocalText("syntax.cannot_read", ["path": path], parts: ["reason": Self.reason(code)])
        }
    }

    /// A JSON value kind (`object`, `array`, ...) by name.
    static func kind(_ name: String) -> LocalText {
        let key = "syntax.kind.\(name)"
        return Catalogue.has(key) ? LocalText(key) : LocalText("syntax.errno.other", ["system": name])
    }

    /// The system's reason for a failed open or read: the common ones from the catalogue (their
    /// English is the C library's), any other as the system writes it.
    static func reason(_ code: Int32) -> LocalText {
        switch code {
        case ENOENT: LocalText("syntax.errno.not_found")
        case EACCES: LocalText("syntax.errno.permission")
        default: LocalText("syntax.errno.other", ["system": SyntaxIssue.systemText(code)])
        }
    }
}

extension SyntaxToken {
    /// The token's name.
    public var localText: LocalText {
        switch self {
        case .endOfInput: LocalText("syntax.token.end")
        case .character(let c, nil): LocalText("syntax.token.character", ["char": c])
        case .character(let c, let code?): LocalText("syntax.token.character_code", ["char": c, "code": code])
        case .controlCharacter(let code): LocalText("syntax.token.control", ["code": code])
        case .byte(let hex): LocalText("syntax.token.byte", ["hex": hex])
        }
    }
}

extension SyntaxExpectation {
    /// What was expected.
    public var localText: LocalText {
        switch self {
        case .value: LocalText("syntax.expect.value")
        case .commaOrBrace: LocalText("syntax.expect.comma_or_brace")
        case .commaOrBracket: LocalText("syntax.expect.comma_or_bracket")
        case .memberName: LocalText("syntax.expect.member_name")
        case .colon: LocalText("syntax.expect.colon")
        case .colonAfter(let key): LocalText("syntax.expect.colon_after", ["key": key])
        case .literal(let word): LocalText("syntax.expect.literal", ["word": word])
        case .escapeCharacter: LocalText("syntax.expect.escape_character")
        case .lowSurrogateEscape: LocalText("syntax.expect.low_surrogate")
        case .closingQuote: LocalText("syntax.expect.closing_quote")
        case .fourHexDigits: LocalText("syntax.expect.four_hex")
        case .digit: LocalText("syntax.expect.digit")
        case .digitAfterMinus: LocalText("syntax.expect.digit_after_minus")
        case .digitAfterPoint: LocalText("syntax.expect.digit_after_point")
        case .digitInExponent: LocalText("syntax.expect.digit_in_exponent")
        case .feature: LocalText("syntax.expect.feature")
        case .insideFeatures: LocalText("syntax.expect.inside_features")
        case .inTopLevelObject: LocalText("syntax.expect.in_top_level")
        case .memberNameInTopLevelObject: LocalText("syntax.expect.member_name_top_level")
        case .valueOf(let key): LocalText("syntax.expect.value_of", ["key": key])
        case .commaOrBraceInTopLevelObject: LocalText("syntax.expect.comma_or_brace_top_level")
        case .commaOrBraceAfterFeatures: LocalText("syntax.expect.comma_or_brace_after_features")
        }
    }
}

extension SyntaxSubject {
    /// The part of the document.
    public var localText: LocalText {
        switch self {
        case .feature(let i): LocalText("syntax.subject.feature", ["n": "\(i)"])
        case .memberName: LocalText("syntax.subject.member_name")
        case .features: LocalText("syntax.subject.features")
        case .valueOf(let key): LocalText("syntax.expect.value_of", ["key": key])
        }
    }
}

extension ProjectionError {
    /// What failed, in the reader's language, then PROJ's own message as PROJ wrote it.
    public var localText: LocalText {
        let what: LocalText =
            switch kind {
            case .unknownCRS(let name): LocalText("problem.crs.unknown", ["crs": name])
            case .notACRS(let name): LocalText("problem.crs.not_crs", ["crs": name])
            case .noTransformation(let from, let to): LocalText("problem.crs.no_transformation", ["from": from, "to": to])
            case .axisOrder(let from, let to): LocalText("problem.crs.axis_order", ["from": from, "to": to])
            case .cannotConvert(nil, let x, let y, let from, let to):
                LocalText("problem.crs.cannot_convert", ["x": "\(x)", "y": "\(y)", "from": from, "to": to])
            case .cannotConvert(let i?, let x, let y, let from, let to):
                LocalText("problem.crs.cannot_convert_point", ["n": "\(i)", "x": "\(x)", "y": "\(y)", "from": from, "to": to])
            }
        guard !detail.isEmpty else { return what }
        return LocalText("problem.crs.with_detail", ["detail": detail], parts: ["problem": what])
    }
}

/// GDAL's errors in the reader's language: what failed from the catalogue, GDAL's own message
/// (its English) after it.
public enum GDALErrorText {
    /// The text of `error` when it is a `GDALError`, else nil.
    public static func localText(_ error: Error) -> LocalText? {
        guard let e = error as? GDALError else { return nil }
        let what: LocalText =
            switch e.kind {
            case .remotePathRead(let path): LocalText("error.gdal.remote_read", ["path": path])
            case .cannotOpen(let path): LocalText("error.gdal.cannot_open", ["path": path])
            case .remotePathWrite(let path): LocalText("error.gdal.remote_write", ["path": path])
            case .noDriver(let driver): LocalText("error.gdal.no_driver", ["driver": driver])
            case .cannotCreate(let path, let driver): LocalText("error.gdal.cannot_create", ["path": path, "driver": driver])
            case .cannotReadFeature(let layer): LocalText("error.gdal.cannot_read_feature", ["layer": layer])
            case .unknownCRS(let crs): LocalText("error.gdal.unknown_crs", ["crs": crs])
            case .cannotCreateLayer(let layer, let path):
                LocalText("error.gdal.cannot_create_layer", ["layer": layer, "path": path])
            case .cannotAddField(let field, let layer): LocalText("error.gdal.cannot_add_field", ["field": field, "layer": layer])
            case .fieldRenamed(let field, let layer): LocalText("error.gdal.field_renamed", ["field": field, "layer": layer])
            case .cannotWriteFeature(let number, let layer):
                LocalText("error.gdal.cannot_write_feature", ["n": "\(number)", "layer": layer])
            }
        // What failed, then GDAL's own words (before, English showed GDAL's words alone).
        guard !e.detail.isEmpty else { return what }
        return LocalText("error.gdal.with_detail", ["detail": e.detail], parts: ["what": what])
    }
}
