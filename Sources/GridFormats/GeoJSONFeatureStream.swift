import Foundation

/// An error while streaming a GeoJSON FeatureCollection: the message, the 0-based index of
/// the feature being read (nil outside the `features` array) and the 1-based line and
/// column in the file where known.
public struct GeoJSONStreamError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, as a case with its values.
    public var issue: SyntaxIssue
    public var featureIndex: Int?
    public var line: Int?
    public var column: Int?
    /// The English text.
    public var message: String { issue.english }

    public init(_ issue: SyntaxIssue, featureIndex: Int? = nil, line: Int? = nil, column: Int? = nil) {
        self.issue = issue
        self.featureIndex = featureIndex
        self.line = line
        self.column = column
    }

    public var description: String {
        var parts: [String] = []
        if let line {
            parts.append(column.map { "line \(line), column \($0)" } ?? "line \(line)")
        }
        if let featureIndex { parts.append("feature \(featureIndex)") }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

/// Reads the features of a GeoJSON FeatureCollection one at a time, in bounded memory.
///
/// The file is read in chunks of `chunkSize` bytes; only the feature being parsed (at most
/// `maxFeatureBytes`) and one chunk are held. The top-level members other than `features`
/// (`type`, `name`, `crs`, ...) may come before or after it; they are collected in
/// `topLevelMembers`. `next()` returns nil once the whole document has been read and checked
/// (so after nil, `topLevelMembers` is complete and `"type": "FeatureCollection"` has been
/// verified). Every element of `features` must be a JSON object; checking that it is a
/// valid Feature is the caller's job.
///
/// - Complexity: O(n) in the file size; memory O(chunkSize + largest feature).
public struct GeoJSONFeatureStream {
    private let source: ByteSource
    private let maxFeatureBytes: Int
    private let maxDepth: Int
    private var state: State = .begin
    private var nextIndex = 0
    private var sawType = false
    private var sawFeatures = false
    private var scratch = JSONCore.Scratch()

    /// Members of the top-level object other than `features`, in document order, as far as
    /// they have been read.
    public private(set) var topLevelMembers = JSONObject()

    private enum State { case begin, features, done }

    /// Bytes the read buffer can hold now (for tests of bounded memory).
    var bufferCapacity: Int { source.capacity }

    /// Opens `url`. Throws `GeoJSONStreamError` when the file cannot be opened.
    public init(url: URL, chunkSize: Int = 1 << 20, maxFeatureBytes: Int = 64 << 20, maxDepth: Int = 256) throws {
        do {
            source = try ByteSource(url: url, chunkSize: chunkSize, tracksLines: true)
        } catch {
            throw GeoJSONStreamError(error.issue)
        }
        self.maxFeatureBytes = maxFeatureBytes
        self.maxDepth = maxDepth
    }

    /// The next feature and its 0-based index in `features`, or nil after the end of the
    /// document.
    public mutating func next() throws -> (index: Int, feature: JSONObject)? {
        do {
            switch state {
            case .done:
                return nil
            case .begin:
                try readHead()
                if state == .done { return nil }
            case .features:
                break
            }
            // In the features array, before an element or the closing bracket.
            try skipWhitespace(context: .insideFeatures)
            let c = source.bytes[source.start]
            if nextIndex > 0 {
                if c == UInt8(ascii: "]") {
                    source.start += 1
                    try readTail()
                    return nil
                }
                guard c == UInt8(ascii: ",") else {
                    throw failure(
                        .expectedAfterFeature(index: nextIndex - 1, found: describe(c)), at: source.start, feature: nil)
                }
                // Look past the comma without consuming it (reading more may move the buffer).
                guard let k = try peekNonWhitespace(after: 1) else {
                    throw failure(.unexpectedEndOfFile(expected: .feature), at: source.end, feature: nextIndex)
                }
                if source.bytes[k] == UInt8(ascii: "]") {
                    throw failure(.trailingCommaAfterLastFeature, at: source.start, feature: nil)
                }
                source.start = k
            } else if c == UInt8(ascii: "]") {
                source.start += 1
                try readTail()
                return nil
            }
            let index = nextIndex
            let (value, valueAt) = try parseValue(feature: index, what: .feature(index))
            guard case .object(let object) = value else {
                throw failure(.featureNotObject(found: value.kindName), at: valueAt, feature: index)
            }
            nextIndex += 1
            return (index, object)
        } catch let e as GeoJSONStreamError {
            state = .done
            throw e
        } catch let e as IOFailure {
            state = .done
            throw GeoJSONStreamError(e.issue)
        }
    }

    // MARK: top level

    /// Reads `{` and the members up to and including `"features": [`.
    private mutating func readHead() throws {
        while source.end - source.start < 3, try source.fill(minimum: 3) {}
        if source.end - source.start >= 3, source.bytes[0] == 0xEF, source.bytes[1] == 0xBB, source.bytes[2] == 0xBF,
            source.droppedBytes == 0
        {
            source.start += 3
        }
        guard try skipWhitespaceOrEnd() else {
            throw GeoJSONStreamError(.emptyGeoJSON)
        }
        let c = source.bytes[source.start]
        if c == UInt8(ascii: "[") {
            throw failure(.topLevelArray, at: source.start, feature: nil)
        }
        guard c == UInt8(ascii: "{") else {
            throw failure(.topLevelNotObject(found: describe(c)), at: source.start, feature: nil)
        }
        source.start += 1
        try skipWhitespace(context: .inTopLevelObject)
        if source.bytes[source.start] == UInt8(ascii: "}") {
            source.start += 1
            try finishDocument()
            return
        }
        try readMembers()
    }

    /// Reads members until `"features": [` (then state is `.features`) or the end of the
    /// top-level object (then the document is finished and state is `.done`).
    private mutating func readMembers() throws {
        while true {
            try skipWhitespace(context: .memberNameInTopLevelObject)
            guard source.bytes[source.start] == UInt8(ascii: "\"") else {
                throw failure(
                    .expectedMemberName(found: describe(source.bytes[source.start])), at: source.start, feature: nil)
            }
            let (keyValue, keyAt) = try parseValue(feature: nil, what: .memberName)
            guard case .string(let key) = keyValue else {
                throw failure(.memberNameNotString, at: keyAt, feature: nil)
            }
            if key == "features" ? sawFeatures : topLevelMembers[key] != nil {
                throw failure(.duplicateTopLevelKey(key), at: keyAt, feature: nil)
            }
            try skipWhitespace(context: .colon)
            guard source.bytes[source.start] == UInt8(ascii: ":") else {
                throw failure(
                    .expectedColon(key: key, found: describe(source.bytes[source.start])), at: source.start, feature: nil)
            }
            source.start += 1
            try skipWhitespace(context: .valueOf(key: key))
            if key == "features" {
                let c = source.bytes[source.start]
                guard c == UInt8(ascii: "[") else {
                    let (v, at) = try parseValue(feature: nil, what: .features)
                    throw failure(.featuresNotArray(found: v.kindName), at: at, feature: nil)
                }
                source.start += 1
                sawFeatures = true
                state = .features
                return
            }
            let (value, valueAt) = try parseValue(feature: nil, what: .valueOf(key: key))
            if key == "type" {
                sawType = true
                guard value == .string("FeatureCollection") else {
                    topLevelMembers.members.append((key: key, value: value))
                    let shown = value.stringValue.map { "\"\($0)\"" } ?? value.kindName
                    throw failure(.typeNotFeatureCollection(shown: shown), at: valueAt, feature: nil)
                }
            }
            topLevelMembers.members.append((key: key, value: value))
            try skipWhitespace(context: .commaOrBraceInTopLevelObject)
            let c = source.bytes[source.start]
            if c == UInt8(ascii: ",") {
                source.start += 1
                continue
            }
            guard c == UInt8(ascii: "}") else {
                throw failure(.expectedCommaOrBraceInTopLevelObject(found: describe(c)), at: source.start, feature: nil)
            }
            source.start += 1
            try finishDocument()
            return
        }
    }

    /// After the `features` array: the remaining members and the end of the document.
    private mutating func readTail() throws {
        try skipWhitespace(context: .commaOrBraceAfterFeatures)
        let c = source.bytes[source.start]
        if c == UInt8(ascii: ",") {
            source.start += 1
            state = .begin
            try readMembers()
            if state == .features {  // cannot happen: a second "features" is a duplicate
                throw failure(.duplicateKey("features"), at: source.start, feature: nil)
            }
            return
        }
        guard c == UInt8(ascii: "}") else {
            throw failure(.expectedCommaOrBraceAfterFeatures(found: describe(c)), at: source.start, feature: nil)
        }
        source.start += 1
        try finishDocument()
    }

    /// After the top-level `}`: only whitespace may follow; `type` and `features` must have
    /// been seen.
    private mutating func finishDocument() throws {
        if try skipWhitespaceOrEnd() {
            throw failure(.unexpectedAfterTopLevelObject(describe(source.bytes[source.start])), at: source.start, feature: nil)
        }
        guard sawType else {
            throw failure(.noType, at: source.start, feature: nil)
        }
        guard sawFeatures else {
            throw failure(.noFeatures, at: source.start, feature: nil)
        }
        state = .done
    }

    // MARK: bytes

    /// Skips whitespace, reading more as needed; false at the end of the file.
    private mutating func skipWhitespaceOrEnd() throws -> Bool {
        while true {
            let p = source.bytes
            var i = source.start
            let end = source.end
            while i < end {
                let c = p[i]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { break }
            }
            source.start = i
            if i < end { return true }
            if try !source.fill() { return false }
        }
    }

    /// Skips whitespace; the end of the file is an error ("expected `context`").
    private mutating func skipWhitespace(context: SyntaxExpectation) throws {
        guard try skipWhitespaceOrEnd() else {
            throw failure(
                .unexpectedEndOfFile(expected: context), at: source.start,
                feature: state == .features ? nextIndex : nil)
        }
    }

    /// Index of the first non-whitespace byte at or after `source.start + skip`, reading more
    /// as needed while keeping `source.start`; nil at the end of the file.
    private mutating func peekNonWhitespace(after skip: Int) throws -> Int? {
        var distance = skip
        while true {
            let p = source.bytes
            var i = source.start + distance
            let end = source.end
            while i < end {
                let c = p[i]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { break }
            }
            if i < end { return i }
            distance = i - source.start
            if try !source.fill() { return nil }
        }
    }

    /// Parses one value at `source.start`, reading more of the file until it is complete,
    /// and consumes it. Returns the value and the buffer index where it starts (valid until
    /// the buffer is next filled).
    private mutating func parseValue(feature: Int?, what: SyntaxSubject) throws -> (JSONValue, Int) {
        while true {
            let base = UnsafePointer(source.bytes)
            var core = JSONCore(base: base, start: source.start, end: source.end, maxDepth: maxDepth)
            do throws(RawJSONError) {
                let v = try core.parseValue(&scratch)
                // A scalar that ends exactly at the end of the buffer may continue in the file.
                if core.i == source.end, !source.eof, !isContainer(v) {
                    throw RawJSONError(issue: .truncatedUTF8, offset: core.i, atEnd: true)
                }
                let at = source.start
                source.start = core.i
                return (v, at)
            } catch let e {
                if e.atEnd && !source.eof {
                    let held = source.end - source.start
                    if held > maxFeatureBytes {
                        throw failure(.tooLarge(what, limit: maxFeatureBytes), at: source.start, feature: feature)
                    }
                    if try source.fill(minimum: held) { continue }
                    continue  // now at eof: parse once more to report the real error
                }
                throw failure(e.issue, at: e.offset, feature: feature)
            }
        }
    }

    private func isContainer(_ v: JSONValue) -> Bool {
        switch v {
        case .array, .object: return true
        default: return false
        }
    }

    private func failure(_ issue: SyntaxIssue, at offset: Int, feature: Int?) -> GeoJSONStreamError {
        let (line, column) = source.lineColumn(at: offset)
        return GeoJSONStreamError(issue, featureIndex: feature, line: line, column: column)
    }

    private func describe(_ c: UInt8) -> SyntaxToken {
        switch c {
        case 0x21..<0x7F: return .character(String(Character(Unicode.Scalar(c))), code: nil)
        default: return .byte(hex: String(c, radix: 16, uppercase: true))
        }
    }
}
