import Foundation
import GridFormats
import Testing
import TestSupport

/// `--format xlsx --out FILE` of every report and table command, read back with openpyxl (an
/// independent reader) and compared value by value with the same command's `--format json`.
@Suite(.serialized, .enabled(if: WorkbookReader.shouldRun, "openpyxl is not in the test venv (Tools/setup)"))
struct WorkbookReportTests {
    static let commands: [[String]] = [
        ["report", "area"], ["report", "area", "--allocate", "reach"], ["coverage"], ["site", "--count", "5"],
        ["report", "underserved"], ["report", "compliance"], ["grids", "plan"], ["report", "party"], ["party", "plan"]
    ]

    @Test(arguments: commands)
    func workbookHoldsTheJSONValues(_ command: [String]) throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("report.xlsx").path
        let json = try CLI.run(command + ["--db", MapsDemo.store, "--format", "json"], environment: MapsDemo.environment)
        #expect(json.status == 0, "\(json.stderr)")
        let run = try CLI.run(
            command + ["--db", MapsDemo.store, "--format", "xlsx", "--out", file],
            environment: MapsDemo.environment.merging(["GRIDPLAN_LANG": "en"]) { $1 })
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty, "a workbook is written, not printed")
        #expect(run.stderr.contains(file))

        let document = try JSONParser.parse(json.stdout)
        let sheets = try WorkbookReader.read(file)
        let summary = try #require(sheets.first)
        #expect(summary.name == "summary")
        var fields: [String: JSONCell] = [:]
        for row in summary.rows.dropFirst() {
            if case .text(let key)? = row.first { fields[key] = row.count > 1 ? row[1] : .empty }
        }
        #expect(fields["report"] == .text("gridplan " + command.prefix { !$0.hasPrefix("--") }.joined(separator: " ")))
        if case .text(let crs)? = fields["working_crs"] {
            #expect(crs.hasPrefix("EPSG:"))
        } else {
            Issue.record("no working_crs row")
        }
        let object = try #require(document.objectValue)
        var checkedTables = 0
        compare(object, prefix: "", summary: fields, sheets: sheets, checkedTables: &checkedTables)
        #expect(checkedTables > 0, "\(command): no list of records compared")
        for sheet in sheets {
            #expect(sheet.freezePanes == "A2", "\(sheet.name): header row not frozen")
            #expect(sheet.widths.allSatisfy { ($0 ?? 0) >= 6 }, "\(sheet.name): a column without a width")
        }
    }

    /// Top-level figures are summary rows; each list of records is a sheet of the same name
    /// whose rows hold the records' values under their keys.
    func compare(
        _ object: JSONObject, prefix: String, summary: [String: JSONCell], sheets: [WorkbookSheet], checkedTables: inout Int
    ) {
        for (key, value) in object.members {
            let name = prefix + key
            switch value {
            case .object(let inner):
                compare(inner, prefix: name + ".", summary: summary, sheets: sheets, checkedTables: &checkedTables)
            case .array(let items):
                let records = items.compactMap(\.objectValue)
                guard !records.isEmpty else { continue }
                guard let sheet = sheets.first(where: { $0.name == String(name.prefix(31)) }) else {
                    Issue.record("no sheet \(name)")
                    continue
                }
                compareTable(records, sheet: sheet)
                checkedTables += 1
            default:
                guard let cell = summary[name] else {
                    Issue.record("summary has no row \(name)")
                    continue
                }
                #expect(matches(cell, value), "summary \(name): \(cell) ≠ \(value)")
            }
        }
    }

    func compareTable(_ records: [JSONObject], sheet: WorkbookSheet) {
        #expect(sheet.rows.count == records.count + 1, "\(sheet.name): \(sheet.rows.count - 1) rows for \(records.count) records")
        let header = (sheet.rows.first ?? []).map { cell -> String in
            if case .text(let t) = cell { return t }
            return ""
        }
        for (i, record) in records.enumerated() where i + 1 < sheet.rows.count {
            let row = sheet.rows[i + 1]
            for (key, value) in scalars(record, prefix: "") {
                guard let column = header.firstIndex(of: key) else {
                    Issue.record("\(sheet.name): no column \(key)")
                    return
                }
                let cell = column < row.count ? row[column] : .empty
                #expect(matches(cell, value), "\(sheet.name) row \(i + 2) \(key): \(cell) ≠ \(value)")
            }
        }
    }

    /// A record's plain values, nested objects with dotted keys.
    func scalars(_ object: JSONObject, prefix: String) -> [(String, JSONValue)] {
        object.members.flatMap { key, value -> [(String, JSONValue)] in
            switch value {
            case .object(let inner): return scalars(inner, prefix: prefix + key + ".")
            case .array: return []
            default: return [(prefix + key, value)]
            }
        }
    }

    func matches(_ cell: JSONCell, _ value: JSONValue) -> Bool {
        switch (cell, value) {
        case (.text(let a), .string(let b)): return a == b
        case (.empty, .string(let b)): return b.isEmpty
        case (.number(let a), .number(let b)): return abs(a - b.double) <= 1e-9 * max(1, abs(b.double))
        case (.bool(let a), .bool(let b)): return a == b
        case (.empty, .null): return true
        default: return false
        }
    }

    @Test func chineseHeadersFollowTheLanguage() throws {
        let dir = try CLI.temporaryDirectory()
        let en = dir.appendingPathComponent("en.xlsx").path, zh = dir.appendingPathComponent("zh.xlsx").path
        for (file, language) in [(en, "en"), (zh, "zh")] {
            let r = try CLI.run(
                ["report", "area", "--db", MapsDemo.store, "--format", "xlsx", "--out", file],
                environment: MapsDemo.environment.merging(["GRIDPLAN_LANG": language]) { $1 })
            #expect(r.status == 0, "\(r.stderr)")
        }
        let english = try WorkbookReader.read(en), chinese = try WorkbookReader.read(zh)
        #expect(chinese.map(\.name) == ["概况", "社区", "街道"])
        let header = try #require(chinese.first { $0.name == "社区" }?.rows.first)
        for expected in ["编号", "名称", "街道", "户数", "每百户服务面积(平方米)", "缺口(平方米)"] {
            #expect(header.contains(.text(expected)), "no header \(expected) in \(header)")
        }
        // Only the words change: every data row is the same in both languages.
        for (a, b) in zip(english.dropFirst(), chinese.dropFirst()) {
            #expect(Array(a.rows.dropFirst()) == Array(b.rows.dropFirst()), "\(a.name) / \(b.name)")
        }
        // A CJK column is wide enough for its longest name (two units per character).
        let communities = try #require(chinese.first { $0.name == "社区" })
        let nameColumn = try #require(header.firstIndex(of: .text("名称")))
        let longest =
            communities.rows.dropFirst().compactMap { row -> Int? in
                if case .text(let t) = row[nameColumn] { return t.count }
                return nil
            }.max() ?? 0
        #expect((communities.widths[nameColumn] ?? 0) >= Double(2 * longest))
    }

    /// Over JSON-RPC the same workbook is written and the result says what it holds.
    @Test func rpcWritesTheWorkbookAndAnswersItsSheets() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("rpc.xlsx").path
        let request = #"{"jsonrpc":"2.0","id":1,"method":"report.area","params":{"format":"xlsx","out":"\#(file)"}}"#
        let r = try CLI.run(
            ["rpc", "--db", MapsDemo.store], stdin: request + "\n",
            environment: MapsDemo.environment.merging(["GRIDPLAN_LANG": "en"]) { $1 })
        #expect(r.status == 0, "\(r.stderr)")
        let reply = try #require(try JSONParser.parse(r.stdout.split(separator: "\n").first.map(String.init) ?? "").objectValue)
        let result = try #require(reply["result"]?.objectValue, "\(reply)")
        #expect(result["path"]?.stringValue == file)
        let sheets = try WorkbookReader.read(file)
        let listed = result["sheets"]?.arrayValue?.compactMap { $0.objectValue } ?? []
        #expect(listed.map { $0["name"]?.stringValue ?? "" } == sheets.map(\.name))
        #expect(listed.map { $0["rows"]?.numberValue?.int ?? -1 } == sheets.map { $0.rows.count - 1 })
    }

    @Test func xlsxNeedsOutAndOutNeedsXlsx() throws {
        let noOut = try CLI.run(["report", "area", "--db", MapsDemo.store, "--format", "xlsx"], environment: MapsDemo.environment)
        #expect(noOut.status == 64)
        #expect(noOut.stderr.contains("--out"))
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("a.xlsx").path
        let outWithJSON = try CLI.run(
            ["report", "area", "--db", MapsDemo.store, "--format", "json", "--out", file], environment: MapsDemo.environment)
        #expect(outWithJSON.status == 64)
        #expect(outWithJSON.stderr.contains("--format xlsx"))
        #expect(!FileManager.default.fileExists(atPath: file))
        let missingFolder = try CLI.run(
            ["coverage", "--db", MapsDemo.store, "--format", "xlsx", "--out", dir.appendingPathComponent("no/such.xlsx").path],
            environment: MapsDemo.environment)
        #expect(missingFolder.status != 0)
        #expect(missingFolder.stderr.contains("does not exist"))

        // A workbook written again replaces the old one whole and keeps its permissions.
        let again = dir.appendingPathComponent("again.xlsx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: again))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: again)
        let replaced = try CLI.run(
            ["report", "area", "--db", MapsDemo.store, "--format", "xlsx", "--out", again], environment: MapsDemo.environment)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: again)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try WorkbookReader.read(again).count == 3)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test(.enabled(if: OGRInfo.isAvailable, "ogrinfo (gdal-bin) is not installed"))
    func exportXlsxHasASheetPerLayerThatGDALReads() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("export.xlsx").path
        let r = try CLI.run(
            ["export", "--db", MapsDemo.store, "--format", "xlsx", "--out", file],
            environment: MapsDemo.environment.merging(["GRIDPLAN_LANG": "en"]) { $1 })
        #expect(r.status == 0, "\(r.stderr)")
        // GDAL guesses whether a sheet's first row is a header; an all-text sheet needs telling.
        let layers = try OGRInfo.layers(file, options: ["--config", "OGR_XLSX_HEADERS", "FORCE"])
        let expected = try MapsDemo.expectedCounts()
        #expect(Dictionary(uniqueKeysWithValues: layers.map { ($0.name, $0.features) }) == expected)

        // Points keep their coordinates: the sheet against the GeoJSON export (rounded to 7 places).
        let geojsonDir = dir.appendingPathComponent("geojson").path
        let g = try CLI.run(
            ["export", "--db", MapsDemo.store, "--format", "geojson", "--out", geojsonDir], environment: MapsDemo.environment)
        #expect(g.status == 0, "\(g.stderr)")
        let features =
            try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: geojsonDir + "/facilities.geojson")))
                    as? [String: Any])["features"] as? [[String: Any]]
        let sheet = try #require(try WorkbookReader.read(file).first { $0.name == "facilities" })
        let header = sheet.rows[0]
        let lon = try #require(header.firstIndex(of: .text("lon"))), lat = try #require(header.firstIndex(of: .text("lat")))
        let area = try #require(header.firstIndex(of: .text("usable_area_m2")))
        #expect(sheet.rows.count - 1 == features?.count)
        for (row, feature) in zip(sheet.rows.dropFirst(), features ?? []) {
            let c = (feature["geometry"] as? [String: Any])?["coordinates"] as? [Double] ?? []
            guard case .number(let x) = row[lon], case .number(let y) = row[lat] else {
                Issue.record("lon/lat not numbers: \(row)")
                continue
            }
            #expect(abs(x - c[0]) <= 5.1e-8 && abs(y - c[1]) <= 5.1e-8)
            if case .number = row[area] {} else { Issue.record("usable_area_m2 is not a number: \(row[area])") }
        }
        #expect(sheet.numberFormats[lon] == "0.0000000")
    }
}
