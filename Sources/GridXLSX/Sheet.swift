/// One worksheet as plain values: a header row and typed cells. `WorkbookWriter` turns sheets
/// into an `.xlsx` file; nothing here touches C.
public struct Sheet: Sendable, Equatable {
    /// One cell below the header row.
    public enum Cell: Sendable, Equatable {
        case text(String)
        /// A number stored as a number, shown with `decimals` places (0: an integer).
        case number(Double, decimals: Int)
        case boolean(Bool)
        case empty
    }

    /// The sheet's name as the tab shows it (at most 31 characters, none of `[]:*?/\`).
    public var name: String
    /// The header row, one text per column.
    public var headers: [String]
    /// Data rows, each with at most `headers.count` cells.
    public var rows: [[Cell]]

    public init(name: String, headers: [String], rows: [[Cell]] = []) {
        self.name = name; self.headers = headers; self.rows = rows
    }

    /// The width of each column in Excel's units (characters of the default font): the widest of
    /// the header and the cells, a CJK character counted twice, plus a margin, between 6 and 60.
    public var columnWidths: [Double] {
        var widths = headers.map(Sheet.displayWidth)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], Sheet.displayWidth(cell))
            }
        }
        return widths.map { min(60, max(6, Double($0) + 2)) }
    }

    /// Columns a text takes on screen: two per East Asian wide character, one otherwise.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func displayWidth(_ cell: Cell) -> Int {
        switch cell {
        case .text(let s): return displayWidth(s)
        case .number(let x, let decimals): return numberText(x, decimals: decimals).count
        case .boolean(let b): return b ? 4 : 5
        case .empty: return 0
        }
    }

    static func numberText(_ x: Double, decimals: Int) -> String {
        decimals == 0 && abs(x) < 1e15 ? String(Int64(x.rounded())) : String(x)
    }

    /// CJK ideographs, kana, Hangul, full-width forms and CJK punctuation.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default: return false
        }
    }

    /// `text` made a valid sheet name: forbidden characters replaced by `_`, cut to 31 characters.
    public static func validName(_ text: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        let cleaned = String(text.map { forbidden.contains($0) ? "_" : $0 }).trimmingCharacters(in: ["'"])
        let cut = String(cleaned.prefix(31))
        return cut.isEmpty ? "Sheet" : cut
    }
}
