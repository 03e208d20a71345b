import Foundation
import GridFormats
import Testing
import TestSupport

/// `POST /api/export`: the workbook of an operation offering xlsx, written by the server's own
/// writer, the same sheets as `--format xlsx --out`; refused for other methods and, without
/// `--allow-household-data`, for household-level parameters.
@Suite(.serialized) struct WorkspaceExportTests {
    func export(_ server: WorkspaceProcess, _ body: String) throws -> RawHTTP.Reply {
        try RawHTTP.send(
            port: server.port, method: "POST", path: "/api/export", headers: ["Content-Type": "application/json"], body: body)
    }

    @Test func exportAnswersTheOperationsWorkbook() throws {
        let db = try CLI.importDemo(named: "export.gpkg")
        let server = try WorkspaceProcess(db: db)
        defer { server.stop() }
        let reply = try export(server, #"{"method":"report.area","params":{"lang":"zh"}}"#)
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(reply.header("Content-Disposition")?.contains("gridplan-report.area.xlsx") == true)
        #expect(reply.body.hasPrefix("PK"), "not a zip: \(reply.body.prefix(40))")

        // The what-if figures too (the page's scenario tables).
        let scenario = try export(
            server, #"{"method":"scenario.evaluate","params":{"edits":[{"op":"close_facility","id":"F013"}]}}"#)
        #expect(scenario.status == 200 && scenario.body.hasPrefix("PK"), "\(scenario.body.prefix(300))")

        // Not an xlsx operation, not JSON, household rows without the flag: clear JSON errors.
        let info = try export(server, #"{"method":"info"}"#)
        #expect(info.status == 400 && info.body.contains("/api/export"))
        let garbage = try export(server, "{not json")
        #expect(garbage.status == 400)
        let households = try export(server, #"{"method":"report.party","params":{"include_households":true}}"#)
        #expect(households.status == 403 && households.body.contains("-32003"))
        // A bad parameter is the method's own JSON-RPC error.
        let bad = try export(server, #"{"method":"site","params":{"count":"many"}}"#)
        #expect(bad.status == 400 && bad.body.contains("count"))
    }

    /// The downloaded workbook has exactly the sheets and cells of `report area --format xlsx --out`.
    static let curl = "/usr/bin/curl"

    @Test(.enabled(if: WorkbookReader.shouldRun && FileManager.default.isExecutableFile(atPath: curl)))
    func exportEqualsTheCommandsWorkbook() throws {
        let db = try CLI.importDemo(named: "export-cells.gpkg")
        let dir = try CLI.temporaryDirectory()
        let cli = dir.appendingPathComponent("cli.xlsx").path
        let r = try CLI.run(["report", "area", "--db", db, "--format", "xlsx", "--out", cli, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        let server = try WorkspaceProcess(db: db)
        defer { server.stop() }
        // Fetched with curl, byte for byte (the raw client decodes bodies as text).
        let served = dir.appendingPathComponent("served.xlsx").path
        let curl = try ProcessRunner.run(
            URL(fileURLWithPath: Self.curl),
            [
                "-sS", "-o", served, "-X", "POST", "-H", "Content-Type: application/json", "--data",
                #"{"method":"report.area","params":{"lang":"en"}}"#, server.url.absoluteString + "api/export"
            ])
        #expect(curl.status == 0, "\(curl.stderr)")
        let a = try WorkbookReader.read(served), b = try WorkbookReader.read(cli)
        #expect(!a.isEmpty && a.map(\.name) == b.map(\.name))
        #expect(a.map(\.rows) == b.map(\.rows))
    }
}
