#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GridFormats
import GridLocale
import GridModel
import GridRender
import GridXLSX

/// One sheet of a workbook written.
public struct WrittenSheet: Codable, Sendable, Hashable {
    public var name: String
    /// Data rows below the header row.
    public var rows: Int
}

/// The result of `--format xlsx --out FILE`.
public struct WorkbookSummary: Codable, Sendable {
    public var path: String
    public var sheets: [WrittenSheet]
}

/// `--format xlsx --out FILE` of the report and table commands: the result's JSON document as a
/// workbook (`ResultSheets`), headers in the language asked for, written whole or not at all.
enum WorkbookOutput {
    /// The `out` option every operation offering xlsx gets.
    static let outField = OptionField(
        "out", .text, help: "The workbook to write with --format xlsx.", valueName: "file.xlsx")

    /// Writes `result` as a workbook to `path`.
    static func write<Result: Encodable>(
        _ result: Result, method: String, command: [String], to path: String, context: ServiceContext
    ) throws -> OperationOutput {
        let language = context.language
        let document = try JSONParser.parse(ResultEncoding.json(result))
        var about: [(String, String)] = [("report", (["gridplan"] + command).joined(separator: " "))]
        if let metadata = try? context.snapshot(layers: []).metadata {
            about.append(("dataset", metadata.name))
            about.append(("working_crs", metadata.workingCRS))
        }
        about.append(("generated", WorkbookOutput.today()))
        let sheets = ResultSheets.sheets(document, about: about, language: language)
        try write(sheets, to: path, title: about[0].1)
        let written = sheets.map { WrittenSheet(name: $0.name, rows: $0.rows.count) }
        return OperationOutput(
            .json(WorkbookSummary(path: path, sheets: written)),
            messages: [
                language.tr(
                    "output.workbook.written",
                    [
                        "command": command.joined(separator: " "), "path": path, "sheets": String(written.count),
                        "rows": String(written.map(\.rows).reduce(0, +))
                    ])
            ])
    }

    /// Writes `sheets` into a temporary file beside `path`, then renames it over `path`: a reader
    /// sees the old workbook or the new one; on failure an existing file is left as it was.
    static func write(_ sheets: [Sheet], to path: String, title: String) throws {
        try OutputFile.replace(path, option: "--out", what: LocalText("output.workbook")) { temporary in
            do {
                try WorkbookWriter.write(sheets, to: temporary, title: title)
            } catch let error as WorkbookError {
                throw OutputFile.Failure(error.localText)
            }
        }
    }

    /// Today's date (UTC), `YYYY-MM-DD`.
    static func today() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }
}

extension WorkbookError {
    /// What failed in the reader's language; libxlsxwriter's own reason as it wrote it.
    var localText: LocalText {
        switch kind {
        case .noSheets(let path): LocalText("error.workbook.no_sheets", ["path": path])
        case .cannotCreate(let path): LocalText("error.workbook.cannot_create", ["path": path])
        case .cannotAddSheet(let path, let sheet): LocalText("error.workbook.cannot_add_sheet", ["path": path, "sheet": sheet])
        case .library(let place, let reason): LocalText("error.workbook.library", ["place": place, "reason": reason])
        }
    }
}
