import Foundation

/// A CSV syntax or encoding error at a 1-based physical line.
public struct CSVError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, as a case with its values.
    public var issue: SyntaxIssue
    public var line: Int
    /// The English text.
    public var message: String { issue.english }

    public init(_ issue: SyntaxIssue, line: Int) {
        self.issue = issue
        self.line = line
    }

    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

/// One CSV record: the physical line where it starts (1-based; the header is line 1 unless
/// it spans lines) and its fields as written (quotes removed, doubled quotes undoubled).
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// Streams an RFC 4180 CSV file record by record in bounded memory.
///
/// Fields are separated by commas; a field in double quotes may contain commas, line
/// breaks and doubled quotes. Records end with LF, CRLF or CR. A UTF-8 byte order mark is
/// dropped; header names are trimmed of surrounding whitespace (data fields are not). Empty
/// lines at the end of the file are ignored; an empty line elsewhere is a record with one
/// empty field. Records are returned as they are: checking that each has as many fields as
/// the header is the caller's job. Errors: an unterminated quote (at the line of the opening
/// quote), text after a closing quote, invalid UTF-8 (at its line).
///
/// - Complexity: O(n) in the file size; memory O(chunkSize + longest record).
public struct CSVReader {
    private let source: ByteSource
    /// The line where the record at `source.start` begins.
    private var line = 1
    private var expectedFields = 8
    private var finished = false
    /// Most fields a record may have: each costs a String, so a long line of tiny fields would
    /// otherwise take far more memory than its bytes.
    private let maxFields: Int

    /// The header row (names trimmed of whitespace).
    public private(set) var header: [String] = []
    /// The line where the header row begins (1).
    public let headerLine = 1

    /// Bytes the read buffer can hold now (for tests of bounded memory).
    var bufferCapacity: Int { source.capacity }

    /// Opens `url` and reads the header. Throws `CSVError` when the file cannot be read or
    /// has no header (an empty file).
    public init(url: URL, chunkSize: Int = 1 << 20, maxFields: Int = 1 << 16) throws {
        self.maxFields = max(1, maxFields)
        do {
            source = try ByteSource(url: url, chunkSize: chunkSize, tracksLines: false)
        } catch {
            throw CSVError(error.issue, line: 0)
        }
        do {
            while source.end - source.start < 3, try source.fill(minimum: 3) {}
        } catch {
            throw CSVError(error.issue, line: 0)
        }
        if source.end >= 3, source.bytes[0] == 0xEF, source.bytes[1] == 0xBB, source.bytes[2] == 0xBF {
            source.start = 3
        }
        guard let first = try next() else {
            throw CSVError(.emptyCSV, line: 1)
        }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        expectedFields = header.count
    }

    /// The next record after the header, or nil at the end of the file.
    public mutating func next() throws -> CSVRecord? {
        if finished { return nil }
        do {
            while true {
                if source.start >= source.end {
                    if try !source.fill() { finished = true; return nil }
                    continue
                }
                let c = source.bytes[source.start]
                if c == 0x0A || c == 0x0D, try onlyLineBreaksRemain() {
                    finished = true
                    return nil
                }
                if let record = try parseRecord() { return record }
                // The record continues past the buffer: read more (at least as much again,
                // so a long record costs O(its length) overall) and parse it again.
                try source.fill(minimum: source.end - source.start)
            }
        } catch let e as CSVError {
            finished = true
            throw e
        } catch let e as IOFailure {
            finished = true
            throw CSVError(e.issue, line: line)
        }
    }

    /// Whether everything from `source.start` to the end of the file is CR/LF.
    private mutating func onlyLineBreaksRemain() throws -> Bool {
        var i = source.start
        while true {
            while i < source.end {
                let c = source.bytes[i]
                if c != 0x0A && c != 0x0D { return false }
                i += 1
            }
            let offset = i - source.start
            if try !source.fill() { return true }
            i = source.start + offset
        }
    }

    /// Parses the record at `source.start`; nil when the buffer ends before the record does
    /// (and the file has more).
    private mutating func parseRecord() throws -> CSVRecord? {
        let p = source.bytes
        let end = source.end
        let eof = source.eof
        var i = source.start
        var breaks = 0  // line breaks inside quoted fields so far
        var fields: [String] = []
        fields.reserveCapacity(expectedFields)
        while true {
            if fields.count >= maxFields {
                throw CSVError(.tooManyFields(limit: maxFields), line: line + breaks)
            }
            // One field starting at i.
            if i < end, p[i] == UInt8(ascii: "\"") {
                let openLine = line + breaks
                i += 1
                var segment = i
                var unescaped: [UInt8]? = nil
                var high: UInt8 = 0
                while true {
                    while i < end {
                        let c = p[i]
                        if c == UInt8(ascii: "\"") { break }
                        if c == 0x0A { breaks += 1 } else if c == 0x0D, i + 1 < end ? p[i + 1] != 0x0A : eof { breaks += 1 }
                        high |= c
                        i += 1
                    }
                    if i >= end {
                        if eof { throw CSVError(.unterminatedQuote, line: openLine) }
                        return nil
                    }
                    // p[i] is a quote: doubled (a literal quote) or closing.
                    if i + 1 >= end && !eof { return nil }
                    if i + 1 < end, p[i + 1] == UInt8(ascii: "\"") {
                        if unescaped == nil { unescaped = [] }
                        unescaped!.append(contentsOf: UnsafeBufferPointer(start: p + segment, count: i + 1 - segment))
                        i += 2
                        segment = i
                        continue
                    }
                    let field: String
                    if var u = unescaped {
                        u.append(contentsOf: UnsafeBufferPointer(start: p + segment, count: i - segment))
                        field = try makeString(owned: u, line: openLine)
                    } else {
                        field = try makeString(UnsafeBufferPointer(start: p + segment, count: i - segment), high, line: openLine)
                    }
                    fields.append(field)
                    i += 1
                    break
                }
                if i < end {
                    let c = p[i]
                    if c != UInt8(ascii: ","), c != 0x0A, c != 0x0D {
                        throw CSVError(.textAfterClosingQuote, line: line + breaks)
                    }
                }
            } else {
                let fieldStart = i
                var high: UInt8 = 0
                while i < end {
                    let c = p[i]
                    if c == UInt8(ascii: ",") || c == 0x0A || c == 0x0D { break }
                    high |= c
                    i += 1
                }
                if i >= end && !eof { return nil }
                fields.append(
                    try makeString(
                        UnsafeBufferPointer(start: p + fieldStart, count: i - fieldStart), high,
                        line: line + breaks))
            }
            // After a field: a comma, a line break or the end of the file.
            if i >= end {
                if !eof { return nil }
                let record = CSVRecord(line: line, fields: fields)
                line += breaks + 1
                source.start = i
                return record
            }
            let c = p[i]
            if c == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if c == 0x0D {
                if i + 1 >= end && !eof { return nil }
                i += (i + 1 < end && p[i + 1] == 0x0A) ? 2 : 1
            } else {
                i += 1  // LF
            }
            let record = CSVRecord(line: line, fields: fields)
            line += breaks + 1
            source.start = i
            return record
        }
    }

    /// A field's text; invalid UTF-8 is an error at `line`.
    @inline(__always)
    private func makeString(owned: [UInt8], line: Int) throws -> String {
        try owned.withUnsafeBufferPointer { buf in
            try makeString(buf, buf.reduce(0, |), line: line)
        }
    }

    @inline(__always)
    private func makeString(_ bytes: UnsafeBufferPointer<UInt8>, _ high: UInt8, line: Int) throws -> String {
        if high < 0x80 { return String(decoding: bytes, as: UTF8.self) }
        guard let s = String(validating: bytes, as: UTF8.self) else {
            throw CSVError(.invalidUTF8, line: line)
        }
        return s
    }
}
