import Foundation
import Testing
@testable import GridFormats
import TestSupport

private func readAll(_ bytes: [UInt8], chunkSize: Int = 1 << 20) throws -> (header: [String], records: [CSVRecord]) {
    let file = try TempFile(bytes, suffix: ".csv")
    defer { file.remove() }
    var reader = try CSVReader(url: file.url, chunkSize: chunkSize)
    var records: [CSVRecord] = []
    while let r = try reader.next() { records.append(r) }
    #expect(try reader.next() == nil)
    return (reader.header, records)
}

private func readAll(_ text: String, chunkSize: Int = 1 << 20) throws -> (header: [String], records: [CSVRecord]) {
    try readAll(Array(text.utf8), chunkSize: chunkSize)
}

private func csvError(_ bytes: [UInt8], chunkSize: Int = 1 << 20) throws -> CSVError {
    do {
        _ = try readAll(bytes, chunkSize: chunkSize)
    } catch let e as CSVError {
        return e
    }
    throw Unwrapped()
}

@Test(arguments: [1, 2, 7, 1 << 20])
func quotingAndLineNumbers(chunkSize: Int) throws {
    let text = "id,name,note\n1,\"Smith, J\",\"he said \"\"hi\"\"\"\n2,\"two\nlines\",x\n3,,\n\"4\",\"\",\"\"\"\"\n"
    let (header, records) = try readAll(text, chunkSize: chunkSize)
    #expect(header == ["id", "name", "note"])
    #expect(
        records == [
            CSVRecord(line: 2, fields: ["1", "Smith, J", "he said \"hi\""]),
            CSVRecord(line: 3, fields: ["2", "two\nlines", "x"]),
            CSVRecord(line: 5, fields: ["3", "", ""]),
            CSVRecord(line: 6, fields: ["4", "", "\""])
        ])
}

@Test(arguments: [1, 3, 1 << 20])
func crlfBomAndHeaderWhitespace(chunkSize: Int) throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(" id , 名称 ,lon\r\nB1,楼一,116.4\r\nB2,\"a\r\nb\",116.5\r\n".utf8)
    let (header, records) = try readAll(bytes, chunkSize: chunkSize)
    #expect(header == ["id", "名称", "lon"])
    #expect(
        records == [
            CSVRecord(line: 2, fields: ["B1", "楼一", "116.4"]),
            CSVRecord(line: 3, fields: ["B2", "a\r\nb", "116.5"])
        ])
}

@Test func bomBeforeAQuotedHeader() throws {
    let (header, _) = try readAll([0xEF, 0xBB, 0xBF] + Array("\"id\",x\n".utf8))
    #expect(header == ["id", "x"])
}

@Test func emptyLines() throws {
    // Trailing empty lines are ignored; an empty line inside is a one-field record.
    let (_, records) = try readAll("a,b\n1,2\n\n3,4\n\n\r\n")
    #expect(
        records == [
            CSVRecord(line: 2, fields: ["1", "2"]),
            CSVRecord(line: 3, fields: [""]),
            CSVRecord(line: 4, fields: ["3", "4"])
        ])
    // No line break at the end, and a trailing comma is an empty last field.
    let (_, last) = try readAll("a,b\n1,")
    #expect(last == [CSVRecord(line: 2, fields: ["1", ""])])
    // A quote inside an unquoted field is kept as written.
    let (_, inch) = try readAll("a,b\n5\" screen,x\n")
    #expect(inch == [CSVRecord(line: 2, fields: ["5\" screen", "x"])])
    // A lone CR ends a line too.
    let (_, cr) = try readAll("a,b\r1,2\r3,4")
    #expect(cr == [CSVRecord(line: 2, fields: ["1", "2"]), CSVRecord(line: 3, fields: ["3", "4"])])
    // Ragged rows are returned as they are.
    let (_, ragged) = try readAll("a,b\n1\n1,2,3\n")
    #expect(ragged.map(\.fields.count) == [1, 3])
}

@Test func emptyFileIsAnError() throws {
    for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], Array("\n\r\n".utf8)] {
        let file = try TempFile(bytes)
        defer { file.remove() }
        #expect {
            _ = try CSVReader(url: file.url)
        } throws: { e in
            (e as? CSVError)?.message.contains("empty file") == true && (e as? CSVError)?.line == 1
        }
    }
}

@Test(arguments: [1, 5, 1 << 20])
func unterminatedQuoteReportsTheOpeningLine(chunkSize: Int) throws {
    let e = try csvError(Array("a,b\n1,2\n3,\"open\n4,5\n6,7\n".utf8), chunkSize: chunkSize)
    #expect(e.line == 3)
    #expect(e.message.contains("unterminated"))
    #expect(e.description.hasPrefix("line 3: "))
}

@Test func textAfterClosingQuoteIsAnError() throws {
    let e = try csvError(Array("a,b\n1,2\n\"x\"y,2\n".utf8))
    #expect(e.line == 3)
    #expect(e.message.contains("closing quote"))
}

@Test(arguments: [1, 4, 1 << 20])
func invalidUTF8NamesTheLine(chunkSize: Int) throws {
    // GBK-encoded 社区 (0xC9 0xE7 0xC7 0xF8) in the second data row, after a quoted line break.
    let bytes = Array("id,name\n1,\"a\nb\"\n2,".utf8) + [0xC9, 0xE7, 0xC7, 0xF8] + Array("\n".utf8)
    let e = try csvError(bytes, chunkSize: chunkSize)
    #expect(e.line == 4)
    #expect(e.message.contains("UTF-8"))
    // In a quoted field with a doubled quote too.
    let quoted = Array("id,name\n1,\"x\"\"".utf8) + [0xFF] + Array("\"\n".utf8)
    #expect(try csvError(quoted, chunkSize: chunkSize).line == 2)
}

/// Serializes records the way spreadsheet programs do (quoting only where needed).
private func serialize(_ rows: [[String]], crlf: Bool, rng: inout SeededGenerator) -> String {
    rows.map { row in
        row.map { f in
            let needs =
                f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")
                || f.isEmpty && Bool.random(using: &rng)
            return needs ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",")
    }.joined(separator: crlf ? "\r\n" : "\n") + (crlf ? "\r\n" : "\n")
}

/// LF, CRLF and a lone CR each end a physical line.
private func physicalBreaks(_ s: String) -> Int {
    let b = Array(s.utf8)
    var n = 0
    for (k, c) in b.enumerated() where c == 0x0A || (c == 0x0D && (k + 1 == b.count || b[k + 1] != 0x0A)) {
        n += 1
    }
    return n
}

@Test(arguments: [UInt64(1), 2, 3, 4])
func randomFilesReadBackAtEveryChunkSize(seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    let pieces = ["a", "b", "1", "116.40", ",", "\"", "\n", "\r\n", " ", "中文", "😀", "x y", ""]
    let columns = Int.random(in: 1...6, using: &rng)
    let header = (0..<columns).map { "c\($0)" }
    var rows: [[String]] = [header]
    for _ in 0..<300 {
        rows.append(
            (0..<columns).map { _ in
                (0..<Int.random(in: 0...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            })
    }
    // A one-column row that is empty would be an empty line; keep it quoted-free but non-empty.
    if columns == 1 { rows = rows.map { $0 == [""] ? ["e"] : $0 } }
    let crlf = seed % 2 == 0
    let text = serialize(rows, crlf: crlf, rng: &rng)
    // Expected start lines: 1 + line breaks in the rows before.
    var expectedLines: [Int] = []
    var line = 1
    for row in rows {
        expectedLines.append(line)
        line += 1 + row.reduce(0) { $0 + physicalBreaks($1) }
    }
    for chunkSize in [1, 2, 7, 64, 1 << 20] {
        let (h, records) = try readAll(text, chunkSize: chunkSize)
        #expect(h == header)
        #expect(records.map(\.fields) == Array(rows.dropFirst()))
        #expect(records.map(\.line) == Array(expectedLines.dropFirst()))
    }
}

@Test func csvMemoryStaysBounded() throws {
    var text = "id,community_id,name,households,lon,lat\n"
    let count = 50_000
    for k in 0..<count {
        text += "B\(k),C\(k % 97),\"Building \(k), east\",\(k % 300),116.\(k % 10_000),39.\(k % 9_000)\n"
    }
    let file = try TempFile(text)
    defer { file.remove() }
    var reader = try CSVReader(url: file.url, chunkSize: 8192)
    var n = 0
    var households = 0
    while let r = try reader.next() {
        #expect(r.line == n + 2)
        #expect(r.fields.count == 6)
        households += Int(r.fields[3]) ?? -1_000_000
        n += 1
    }
    #expect(n == count)
    #expect(households == (0..<count).reduce(0) { $0 + $1 % 300 })
    #expect(reader.bufferCapacity <= 8 * 8192)
}
