import Foundation
import GridFormats
import GridWeb
import Testing
import TestSupport

/// Files over HTTP: a method's `out` is written only inside `--output-dir` (each rule fails its
/// test when removed), and `/api/export` downloads a table through the same guards as `/rpc`.
@Suite(.serialized) struct WorkspaceFilesTests {
    static let demo: Result<String, any Error> = Result { try CLI.importDemo(named: "files.gpkg") }

    func rpc(_ server: WorkspaceProcess, _ body: String, headers: [String: String] = [:]) throws -> RawHTTP.Reply {
        try RawHTTP.send(
            port: server.port, method: "POST", path: "/rpc",
            headers: ["Content-Type": "application/json"].merging(headers) { $1 }, body: body)
    }

    func workbook(_ out: String) -> String {
        let name = JSONWriter.write(.string(out))
        return "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"report.area\",\"params\":{\"format\":\"xlsx\",\"out\":\(name)}}"
    }

    func code(_ reply: RawHTTP.Reply) -> Int? {
        (try? JSONParser.parse(reply.body))?.objectValue?["error"]?.objectValue?["code"]?.numberValue?.int
    }

    /// Without `--output-dir` no method writes a file, whatever the name; the error says how to allow it.
    @Test func outIsRefusedWithoutTheOutputFolder() throws {
        let folder = try TemporaryFiles.directory(prefix: "serve-out")
        let server = try WorkspaceProcess(db: try Self.demo.get(), ["--lang", "en"])
        defer { server.stop() }
        for out in [folder.appendingPathComponent("a.xlsx").path, "a.xlsx"] {
            let reply = try rpc(server, workbook(out))
            #expect(reply.status == 403, "\(out)")
            #expect(code(reply) == -32003)
            #expect(reply.body.contains("--output-dir"))
        }
        let map = try rpc(server, #"{"jsonrpc":"2.0","id":5,"method":"map","params":{"out":"\#(folder.path)/m.svg"}}"#)
        #expect(map.status == 403)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        // Leaving `out` out still answers with the document itself.
        #expect(try rpc(server, #"{"jsonrpc":"2.0","id":6,"method":"report.area"}"#).status == 200)
    }

    /// With `--output-dir DIR` a relative name inside DIR is written there; an absolute path,
    /// `..` and a link inside DIR leading out are refused and nothing is written.
    @Test func outStaysInsideTheOutputFolder() throws {
        let base = try TemporaryFiles.directory(prefix: "serve-out")
        let folder = base.appendingPathComponent("out"), outside = base.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link").path, withDestinationPath: outside.path)
        let server = try WorkspaceProcess(db: try Self.demo.get(), ["--output-dir", folder.path])
        defer { server.stop() }
        let written = try rpc(server, workbook("area.xlsx"))
        #expect(written.status == 200, "\(written.body)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("area.xlsx").path))
        for out in [
            outside.appendingPathComponent("abs.xlsx").path, "../outside/dots.xlsx", "sub/../../outside/dots.xlsx",
            "link/linked.xlsx", "~/home.xlsx"
        ] {
            let reply = try rpc(server, workbook(out))
            #expect(reply.status == 403, "\(out)")
            #expect(code(reply) == -32003, "\(out)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == ["out", "outside"])
        // A folder that does not exist is a usage error at start.
        let refused = try CLI.run(["serve", "--output-dir", base.appendingPathComponent("none").path, "--port", "0"])
        #expect(refused.status != 0 && refused.stderr.contains("none"))
    }

    /// The rule itself: relative names only, resolved links checked, off without a folder.
    @Test func outputRuleVerdicts() throws {
        let base = try TemporaryFiles.directory(prefix: "serve-rule")
        let real = try #require(OutputRule(directory: base.path).directory)
        try FileManager.default.createDirectory(
            at: base.appendingPathComponent("inner"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: base.appendingPathComponent("up").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(
            atPath: base.appendingPathComponent("in").path, withDestinationPath: "inner")
        let rule = OutputRule(directory: base.path)
        #expect(rule.resolve("a.xlsx") == .allowed(real + "/a.xlsx"))
        #expect(rule.resolve("./new/b.csv") == .allowed(real + "/new/b.csv"))
        #expect(rule.resolve("in/c.xlsx") == .allowed(real + "/in/c.xlsx"))
        for name in ["", "/etc/x", "../x", "a/../../x", "up/x", "~/x", "a\\..\\x"] {
            #expect(rule.resolve(name) == .outside, "\(name)")
        }
        #expect(OutputRule(directory: nil).resolve("a.xlsx") == .off)
        #expect(OutputRule(directory: base.appendingPathComponent("missing").path).resolve("a.xlsx") == .off)
    }

    /// `/api/export` answers a read-only method's table as a download: the CSV is what
    /// `gridplan report area --format csv` prints (after a BOM), the workbook an xlsx file.
    @Test func exportDownloadsTheTable() throws {
        let db = try Self.demo.get()
        let server = try WorkspaceProcess(db: db)
        defer { server.stop() }
        let csv = try RawHTTP.send(port: server.port, path: "/api/export?method=report.area&format=csv")
        #expect(csv.status == 200)
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(csv.header("Content-Disposition") == #"attachment; filename="report.area.csv""#)
        let expected = try CLI.run(["report", "area", "--db", db, "--format", "csv", "--lang", "en"])
        #expect(csv.body.hasPrefix("\u{FEFF}"))
        #expect(
            csv.body.dropFirst().trimmingCharacters(in: .newlines) == expected.stdout.trimmingCharacters(in: .newlines))
        let params = #"{"radius":400}"#.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let coverage = try RawHTTP.send(port: server.port, path: "/api/export?method=coverage&format=csv&params=\(params)")
        let expectedCoverage = try CLI.run(["coverage", "--db", db, "--radius", "400", "--format", "csv", "--lang", "en"])
        #expect(coverage.status == 200)
        #expect(
            coverage.body.dropFirst().trimmingCharacters(in: .newlines)
                == expectedCoverage.stdout.trimmingCharacters(in: .newlines))
        let xlsx = try RawHTTP.send(port: server.port, path: "/api/export?method=report.area&format=xlsx")
        #expect(xlsx.status == 200)
        #expect(xlsx.header("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(xlsx.body.hasPrefix("PK"))
        #expect(xlsx.header("Content-Disposition") == #"attachment; filename="report.area.xlsx""#)
        // Not a read-only method with that table, or params that are not an object: 400.
        let apply = #"{"apply":true}"#.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        #expect(
            try RawHTTP.send(port: server.port, path: "/api/export?method=grids.plan&format=csv&params=\(apply)").status == 400)
        #expect(try RawHTTP.send(port: server.port, path: "/api/export?method=report.area&format=svg").status == 400)
        #expect(
            try RawHTTP.send(port: server.port, path: "/api/export?method=report.area&format=csv&params=%5B1%5D").status == 400)
    }

    /// The download passes the guards of `/rpc`: household data, Origin, token.
    @Test func exportKeepsTheGuards() throws {
        let db = try Self.demo.get()
        let server = try WorkspaceProcess(db: db)
        defer { server.stop() }
        let households = #"{"include_households":true}"#.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let refused = try RawHTTP.send(port: server.port, path: "/api/export?method=report.party&format=csv&params=\(households)")
        #expect(refused.status == 403)
        #expect(code(refused) == -32003)
        let foreign = try RawHTTP.send(
            port: server.port, path: "/api/export?method=report.area&format=csv", headers: ["Origin": "http://evil.example"])
        #expect(foreign.status == 403)
        let guarded = try WorkspaceProcess(db: db, ["--host", "0.0.0.0"])
        defer { guarded.stop() }
        #expect(try RawHTTP.send(port: guarded.port, path: "/api/export?method=report.area&format=csv").status == 401)
    }
}
