/// An aligned plain-text table whose columns line up in a terminal even with
/// Chinese text (East Asian wide characters take two columns).
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }
    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// Display width of `s` in terminal columns (East Asian Wide and Fullwidth characters count 2),
    /// not its bytes or Characters.
    public static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + scalarWidth($1) }
    }

    /// Columns of one scalar: 0 for combining marks and zero-width characters, 2 for East Asian
    /// Wide and Fullwidth characters (Unicode's East_Asian_Width, `EastAsianWidth`), else 1.
    static func scalarWidth(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v == 0 || (v >= 0x300 && v <= 0x36F) || v == 0x200B || (v >= 0xFE00 && v <= 0xFE0F) { return 0 }
        return EastAsianWidth.isWide(v) ? 2 : 1
    }

    /// The table as text, one line per row, columns separated by two spaces, a rule under the header.
    public func render() -> String {
        let n = headers.count
        var widths = headers.map(TextTable.displayWidth)
        for r in rows { for (i, c) in r.prefix(n).enumerated() { widths[i] = max(widths[i], TextTable.displayWidth(c)) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in 0..<n {
                let c = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: widths[i] - TextTable.displayWidth(c))
                parts.append(alignments[i] == .right ? pad + c : (i == n - 1 ? c : c + pad))
            }
            return parts.joined(separator: "  ")
        }
        var out = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }
}
