import CXlsxWriter
import Foundation

/// An error writing a workbook: libxlsxwriter's own text, with the sheet or file it concerns.
public struct WorkbookError: Error, CustomStringConvertible, Sendable {
    /// What failed, as a case with its values.
    public enum Kind: Sendable, Hashable {
        case noSheets(path: String)
        case cannotCreate(path: String)
        case cannotAddSheet(path: String, sheet: String)
        /// libxlsxwriter refused a call at `place` (the file, sheet, row and column) for `reason`,
        /// libxlsxwriter's own English.
        case library(place: String, reason: String)
    }
    public var kind: Kind
    public init(_ kind: Kind) { self.kind = kind }
    /// The English text.
    public var message: String {
        switch kind {
        case .noSheets(let path): "\(path): a workbook needs at least one sheet"
        case .cannotCreate(let path): "\(path): cannot create the workbook"
        case .cannotAddSheet(let path, let sheet): "\(path): cannot add the sheet \(sheet)"
        case .library(let place, let reason): "\(place): \(reason)"
        }
    }
    public var description: String { message }
}

/// The one wrapper over libxlsxwriter (`CXlsxWriter`): writes `Sheet`s as an `.xlsx` workbook,
/// one worksheet per sheet, the header row bold and frozen, columns as wide as their contents,
/// numbers as numbers with their decimals as the number format. Rows are streamed to disk
/// (libxlsxwriter's constant-memory mode), so a sheet of a million rows costs no more memory
/// than its values already do.
public enum WorkbookWriter {
    /// Writes `sheets` to `path` (replacing it), in order. `title` goes to the document's properties.
    ///
    /// - Throws: `WorkbookError` naming the sheet and libxlsxwriter's reason.
    public static func write(_ sheets: [Sheet], to path: String, title: String? = nil) throws {
        guard !sheets.isEmpty else { throw WorkbookError(.noSheets(path: path)) }
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 1)
        guard let workbook = workbook_new_opt(path, &options) else {
            throw WorkbookError(.cannotCreate(path: path))
        }
        var closed = false
        defer { if !closed { _ = workbook_close(workbook) } }
        if let title {
            try title.withCString { t in
                try "gridplan".withCString { author in
                    var properties = lxw_doc_properties()
                    properties.title = UnsafeMutablePointer(mutating: t)
                    properties.author = UnsafeMutablePointer(mutating: author)
                    try check(workbook_set_properties(workbook, &properties), "\(path): document properties")
                }
            }
        }
        let header = workbook_add_format(workbook)
        format_set_bold(header)
        format_set_text_wrap(header)
        var numberFormats: [Int: UnsafeMutablePointer<lxw_format>] = [:]
        func numberFormat(_ decimals: Int) -> UnsafeMutablePointer<lxw_format>? {
            if let f = numberFormats[decimals] { return f }
            let f = workbook_add_format(workbook)
            format_set_num_format(f, decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals))
            numberFormats[decimals] = f
            return f
        }

        var used = Set<String>()
        for sheet in sheets {
            var name = Sheet.validName(sheet.name)
            var n = 2
            while used.contains(name.lowercased()) {
                let suffix = " (\(n))"
                name = String(Sheet.validName(sheet.name).prefix(31 - suffix.count)) + suffix
                n += 1
            }
            used.insert(name.lowercased())
            guard let worksheet = workbook_add_worksheet(workbook, name) else {
                throw WorkbookError(.cannotAddSheet(path: path, sheet: name))
            }
            let place = "\(path)[\(name)]"
            for (i, width) in sheet.columnWidths.enumerated() {
                try check(worksheet_set_column(worksheet, lxw_col_t(i), lxw_col_t(i), width, nil), "\(place): column \(i + 1)")
            }
            worksheet_freeze_panes(worksheet, 1, 0)
            for (i, text) in sheet.headers.enumerated() {
                try check(worksheet_write_string(worksheet, 0, lxw_col_t(i), text, header), "\(place): header \(text)")
            }
            for (r, row) in sheet.rows.enumerated() {
                let rowNumber = lxw_row_t(r + 1)
                for (c, cell) in row.enumerated() {
                    let column = lxw_col_t(c)
                    let result: lxw_error
                    switch cell {
                    case .text(let s): result = worksheet_write_string(worksheet, rowNumber, column, s, nil)
                    case .number(let x, let decimals):
                        result =
                            x.isFinite
                            ? worksheet_write_number(worksheet, rowNumber, column, x, numberFormat(decimals)) : LXW_NO_ERROR
                    case .boolean(let b): result = worksheet_write_boolean(worksheet, rowNumber, column, b ? 1 : 0, nil)
                    case .empty: result = LXW_NO_ERROR
                    }
                    try check(
                        result,
                        "\(place): row \(r + 2), column \(sheet.headers.indices.contains(c) ? sheet.headers[c] : String(c + 1))")
                }
            }
        }
        closed = true
        try check(workbook_close(workbook), path)
    }

    private static func check(_ error: lxw_error, _ place: String) throws {
        guard error != LXW_NO_ERROR else { return }
        throw WorkbookError(.library(place: place, reason: String(cString: lxw_strerror(error))))
    }
}
