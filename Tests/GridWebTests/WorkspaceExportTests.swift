import Foundation
import GridFormats
import Testing
import TestSupport

/// The page's xlsx downloads through `GET /api/export` (the server's own workbook writer): the
/// workbook of `report area` equals the command's cell for cell, and the scenario tables
/// (`scenario.evaluate`, `scenario.compare`) download as workbooks too.
@Suite(.serialized) struct WorkspaceExportTests {
    static let curl = "/usr/bin/curl"

    static func query(_ method: String, _ params: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return "/api/export?method=\(method)&format=xlsx&params="
            + (params.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }

    @Test func scenarioTablesDownloadAsWorkbooks() throws {
        let db = try CLI.importDemo(named: "export.gpkg")
        let server = try WorkspaceProcess(db: db)
        defer { server.stop() }
        let evaluate = try RawHTTP.send(
            port: server.port,
            path: Self.query("scenario.evaluate", #"{"edits":[{"op":"close_facility","id":"F013"}],"lang":"zh"}"#))
        #expect(evaluate.status == 200 && evaluate.body.hasPrefix("PK"), "\(evaluate.body.prefix(300))")
        #expect(evaluate.header("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        let compare = try RawHTTP.send(port: server.port, path: Self.query("scenario.compare", #"{"a":"base","b":"base"}"#))
        #expect(compare.status == 200 && compare.body.hasPrefix("PK"), "\(compare.body.prefix(300))")
        // A bad edit is the method's own error, naming the edit.
        let bad = try RawHTTP.send(port: server.port, path: Self.query("scenario.evaluate", #"{"edits":[{"op":"nope"}]}"#))
        #expect(bad.status == 400 && bad.body.contains("edits[0]"), "\(bad.body)")
    }

    /// The downloaded workbook has exactly the sheets and cells of `report area --format xlsx --out`.
    @Test(.enabled(if: WorkbookReader.shouldRun && FileManager.default.isExecutableFile(atPath: curl)))
    func exportEqualsTheCommandsWorkbook() throws {
        let db = try CLI.importDemo(named: "export-cells.gpkg")
        let dir = try CLI.temporaryDirectory()
        let cli = dir.appendingPathComponent("cli.xlsx").path
        let r = try CLI.run(["report", "area", "--db", db, "--format", "xlsx", "--out", cli, "--lang", "zh"])
        #expect(r.status == 0, "\(r.stderr)")
        let server = try WorkspaceProcess(db: db)
        defer { server.stop() }
        // Fetched with curl, byte for byte (the raw client decodes bodies as text).
        let served = dir.appendingPathComponent("served.xlsx").path
        let url =
            server.url.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            + Self.query("report.area", #"{"lang":"zh"}"#)
        let curl = try ProcessRunner.run(URL(fileURLWithPath: Self.curl), ["-sS", "-f", "-o", served, url])
        #expect(curl.status == 0, "\(curl.stderr)")
        let a = try WorkbookReader.read(served), b = try WorkbookReader.read(cli)
        #expect(!a.isEmpty && a.map(\.name) == b.map(\.name))
        #expect(a.map(\.rows) == b.map(\.rows))
    }
}
