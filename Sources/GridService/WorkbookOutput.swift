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
                "\(command.joined(separator: " ")): \(path): \(written.count) sheets, \(written.map(\.rows).reduce(0, +)) rows"
            ])
    }

    /// Writes `sheets` into a temporary file beside `path`, then renames it over `path`: a reader
    /// sees the old workbook or the new one; on failure an existing file is left as it was.
    static func write(_ sheets: [Sheet], to path: String, title: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UsageError("--out \(path): cannot write the workbook: it is a folder")
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError("--out \(path): cannot write the workbook: the folder \(folder) does not exist")
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp.xlsx").path
        do {
            try WorkbookWriter.write(sheets, to: temporary, title: title)
        } catch let error as WorkbookError {
            unlink(temporary)
            throw UsageError("--out \(path): cannot write the workbook (\(error.message))")
        }
        // A file replaced keeps its permission bits; rename(2) swaps it whole.
        var existing = stat()
        if stat(path, &existing) == 0 { _ = chmod(temporary, existing.st_mode & 0o7777) }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw UsageError("--out \(path): cannot write the workbook (\(reason))")
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
