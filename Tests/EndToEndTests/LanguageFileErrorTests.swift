import Foundation
import GridService
import Testing
import TestSupport

/// File-level import problems under `--lang zh`: a CSV syntax error, a GeoJSON syntax error, an
/// unreadable file and an unknown CRS are written in Chinese with the file, the location and the
/// field as written in the dataset; `--lang en` gives the English, byte for byte as before. And the
/// same operation gives the same JSON in both languages, for every operation.
@Suite(.serialized) struct LanguageFileErrorTests {
    /// Imports `files` in `language`; the run (exit 65 expected) and whether a store appeared.
    static func importing(_ files: DatasetFiles, _ language: String) throws -> (run: CLIRun, stored: Bool) {
        let dir = try CLI.temporaryDirectory()
        let data = dir.appendingPathComponent("data")
        try files.write(to: data)
        let db = dir.appendingPathComponent("s.gpkg").path
        let run = try CLI.run(["import", data.path, "--db", db, "--lang", language], in: dir)
        return (run, FileManager.default.fileExists(atPath: db))
    }

    /// The problem lines of an import's stderr (progress lines left out).
    static func problems(_ run: CLIRun) -> [String] {
        run.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": ") && !$0.hasPrefix("读取 ") }
    }

    @Test func csvSyntaxErrorInChinese() throws {
        var files = DatasetFiles.base
        files.replace("households.csv", "H-0004,B3,2,201,1,0", "H-0004,B3,\"2,201,1,0")
        let zh = try Self.importing(files, "zh")
        #expect(zh.run.status == 65 && !zh.stored)
        #expect(
            zh.run.stderr.contains("households.csv:第5行: 带引号的字段没有结束（引号从此处开始）（应为有效的 CSV）"), "\(zh.run.stderr)")
        let en = try Self.importing(files, "en")
        #expect(
            en.run.stderr.contains("households.csv:line 5: unterminated quoted field (the quote opens here) (valid CSV)"),
            "\(en.run.stderr)")
    }

    @Test func geoJSONSyntaxErrorInChinese() throws {
        var files = DatasetFiles.base
        files.files["buildings.geojson"] =
            "{\"type\":\"FeatureCollection\",\"features\":[\n"
            + "{\"type\":\"Feature\",\"properties\":{\"id\":\"B1\" \"households\":2},\"geometry\":null}\n]}\n"
        let zh = try Self.importing(files, "zh")
        #expect(zh.run.status == 65 && !zh.stored)
        #expect(
            zh.run.stderr.contains(
                "buildings.geojson:要素0: JSON 无效（第2行第43列）：意外的字符 '\"'，应为',' 或 '}'（应为GeoJSON 要素集合（FeatureCollection））"),
            "\(zh.run.stderr)")
        let en = try Self.importing(files, "en")
        #expect(
            en.run.stderr.contains(
                "buildings.geojson:feature 0: invalid JSON at line 2, column 43: unexpected '\"', expected ',' or '}' (a GeoJSON FeatureCollection)"
            ), "\(en.run.stderr)")
        // The top level too: a property name without quotes, and a file that is not JSON at all.
        files.files["buildings.geojson"] = "{type: 1}"
        let top = try Self.importing(files, "zh")
        #expect(
            top.run.stderr.contains("buildings.geojson:第1行第2列: 应为双引号括起的成员名，实际为字符 't'"), "\(top.run.stderr)")
    }

    @Test func unreadableFileInChinese() throws {
        let dir = try CLI.temporaryDirectory()
        let data = dir.appendingPathComponent("data")
        try DatasetFiles.base.write(to: data)
        // A folder where the file should be: the reader cannot read it, whoever runs the test.
        let households = data.appendingPathComponent("households.csv")
        try FileManager.default.removeItem(at: households)
        try FileManager.default.createDirectory(at: households, withIntermediateDirectories: false)
        let db = dir.appendingPathComponent("s.gpkg").path
        let zh = try CLI.run(["import", data.path, "--db", db, "--lang", "zh"], in: dir)
        #expect(zh.status == 65 && !FileManager.default.fileExists(atPath: db))
        let line = Self.problems(zh).first { $0.hasPrefix("households.csv: ") }
        #expect(
            line.map { $0.hasPrefix("households.csv: 无法读取 ") && $0.hasSuffix("households.csv：这是一个文件夹（应为带表头行的 UTF-8 CSV）") }
                == true, "\(zh.stderr)")
        let en = try CLI.run(["import", data.path, "--db", db, "--lang", "en"], in: dir)
        #expect(
            en.stderr.contains("households.csv: cannot read ")
                && en.stderr.contains(": it is a directory (UTF-8 CSV with a header row)"))
    }

    @Test func crsErrorInChinese() throws {
        var files = DatasetFiles.base
        files.files["dataset.json"] = #"{"name": "测试", "crs": "EPSG:99999"}"#
        let zh = try Self.importing(files, "zh")
        #expect(zh.run.status == 65 && !zh.stored)
        let line = Self.problems(zh.run).first { $0.hasPrefix("dataset.json: crs: ") }
        #expect(
            line.map {
                $0.hasPrefix("dataset.json: crs: 未知的坐标系 'EPSG:99999'（PROJ：")
                    && $0.hasSuffix("）（应为PROJ 认识的坐标系（EPSG:4326、EPSG:4490、EPSG:4547 等）、GCJ-02 或 BD-09）")
            } == true, "\(zh.run.stderr)")
        let en = try Self.importing(files, "en")
        #expect(en.run.stderr.contains("dataset.json: crs: unknown CRS 'EPSG:99999': "), "\(en.run.stderr)")
        #expect(en.run.stderr.contains(" (a CRS PROJ knows (EPSG:4326, EPSG:4490, EPSG:4547, ...), GCJ-02 or BD-09)"))
        // A layer's own CRS names the layer setting as the field.
        files.files["dataset.json"] = #"{"working_crs": "EPSG:4326"}"#
        let geographic = try Self.importing(files, "zh")
        #expect(
            geographic.run.stderr.contains(
                "dataset.json: working_crs: 'EPSG:4326' 是地理坐标系；计算距离需要投影坐标系（应为auto，或 PROJ 认识的以米为单位的投影坐标系（EPSG:4547、EPSG:32650 等））"
            ), "\(geographic.run.stderr)")
    }

    @Test func rpcProtocolErrorsFollowTheServersLanguage() throws {
        let input = "{\"jsonrpc\": \"2.0\", \"id\": 1,, }\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}\n"
        let zh = try CLI.run(["rpc"], stdin: input, environment: ["GRIDPLAN_LANG": "zh"])
        #expect(zh.stdout.contains("\"code\":-32700,\"message\":\"解析错误：第1行第28列: 意外的字符 ','，应为双引号括起的成员名\""), "\(zh.stdout)")
        #expect(zh.stdout.contains("\"code\":-32601,\"message\":\"方法不存在：nope\""), "\(zh.stdout)")
        let en = try CLI.run(["rpc"], stdin: input)
        #expect(
            en.stdout.contains(
                "\"code\":-32700,\"message\":\"Parse error: line 1, column 28: unexpected ',', expected a member name in double quotes\""
            ),
            "\(en.stdout)")
        #expect(en.stdout.contains("\"code\":-32601,\"message\":\"Method not found: nope\""))
    }

    /// Operations whose output is a document handed to people in their language (the SVG map, the
    /// HTML report), or the server's own description: the rest must give the same JSON in both.
    static let documents: Set<String> = ["map", "report.html", "rpc.discover"]

    /// The scenario edits of the language check: a facility closed, one added outside the community.
    static let edits =
        #"[{"op": "close_facility", "id": "F2"}, {"op": "add_facility", "id": "S1", "x": 114.316, "y": 30.606, "crs": "EPSG:4326", "kind": "party_mass_station", "usable_area_m2": 50}]"#

    /// `value` without the times a run stamps (a scenario's `created_at`, `updated_at`, `applied_at`).
    static func withoutTimes(_ value: Any) -> Any {
        if let o = value as? [String: Any] {
            return o.filter { !["created_at", "updated_at", "applied_at"].contains($0.key) }.mapValues(withoutTimes)
        }
        if let a = value as? [Any] { return a.map(withoutTimes) }
        return value
    }

    @Test func everyOperationGivesTheSameJSONInBothLanguages() throws {
        let dir = try CLI.temporaryDirectory()
        let data = dir.appendingPathComponent("data")
        try DatasetFiles.base.write(to: data)
        let db = dir.appendingPathComponent("s.gpkg").path
        let out = dir.appendingPathComponent("export").path
        // Each operation's parameters over JSON-RPC (the CLI's options, the same declarations).
        let params: [String: String] = [
            "import": #"{"directory": "\#(data.path)", "replace": true}"#,
            "inspect": #"{"directory": "\#(data.path)"}"#,
            "info": "{}", "coverage": "{}", "report.area": #"{"by": "grid"}"#, "site": #"{"count": 1}"#,
            "report.underserved": "{}", "report.party": "{}", "party.plan": "{}", "grids.plan": "{}",
            "report.compliance": "{}", "export": #"{"format": "geojson", "out": "\#(out)"}"#,
            "crs.convert": #"{"from": "EPSG:4326", "to": "EPSG:4547", "points": [[114.3, 30.6]]}"#,
            "scenario.evaluate": #"{"edits": \#(Self.edits)}"#,
            "scenario.save": #"{"name": "s", "edits": \#(Self.edits), "replace": true}"#,
            "scenario.list": "{}", "scenario.show": #"{"name": "s"}"#, "scenario.compare": #"{"a": "base", "b": "s"}"#,
            "scenario.delete": #"{"name": "s"}"#, "scenario.apply": #"{"name": "s", "dry_run": true}"#
        ]
        // Requests sent before a method's own, in the same process: a deleted scenario is saved again.
        let prelude: [String: String] = [
            "scenario.delete":
                #"{"jsonrpc": "2.0", "id": 0, "method": "scenario.save", "params": {"name": "s", "edits": [], "replace": true}}"#,
            "scenario.apply":
                #"{"jsonrpc": "2.0", "id": 0, "method": "scenario.save", "params": {"name": "s", "edits": \#(Self.edits), "replace": true}}"#
        ]
        let methods = OperationCatalogue.all.map(\.method).filter { !Self.documents.contains($0) }
        #expect(
            Set(methods).isSubset(of: Set(params.keys)),
            "an operation without a language check: \(Set(methods).subtracting(params.keys))")
        func call(_ method: String, _ language: String) throws -> Any? {
            let p = params[method]!.dropLast().trimmingCharacters(in: .whitespaces)
            let withLang = (p == "{" ? "{" : p + ",") + " \"lang\": \"\(language)\"}"
            let line = #"{"jsonrpc": "2.0", "id": 1, "method": "\#(method)", "params": \#(withLang)}"#
            let input = (prelude[method].map { $0 + "\n" } ?? "") + line + "\n"
            let run = try CLI.run(["rpc", "--db", db], stdin: input, in: dir)
            let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
            let reply = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
            #expect(reply?["error"] == nil, "\(method) \(language): \(run.stdout)")
            // A list (scenario.list) is compared as the object {"items": list}.
            var result = reply?["result"] as? [String: Any] ?? (reply?["result"] as? [Any]).map { ["items": $0] }
            result?["seconds"] = nil  // the import's timing
            return result.map { Self.withoutTimes($0) as? [String: Any] ?? [:] }
        }
        _ = try call("import", "en")
        for method in ["import"] + methods.filter({ $0 != "import" }) {
            let zh = try call(method, "zh")
            let en = try call(method, "en")
            #expect(zh != nil, "\(method): no result")
            let same =
                try JSONSerialization.data(withJSONObject: zh ?? [:], options: .sortedKeys)
                == JSONSerialization.data(withJSONObject: en ?? [:], options: .sortedKeys)
            #expect(same, "\(method): the JSON differs between lang zh and lang en")
        }
    }
}
