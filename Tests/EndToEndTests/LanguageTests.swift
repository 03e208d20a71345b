import Foundation
import Testing
import TestSupport

/// `--lang zh|en`, `GRIDPLAN_LANG` and the locale: the same numbers and JSON in both languages,
/// Chinese tables aligned by display width, import errors in Chinese naming file, location and field.
@Suite(.serialized) struct LanguageTests {
    /// The small valid dataset imported into a fresh store.
    static func store() throws -> (dir: URL, db: String) {
        let dir = try CLI.temporaryDirectory()
        let (db, run) = try DatasetFiles.base.imported(in: dir, store: "store.gpkg")
        #expect(run.status == 0, "\(run.stderr)")
        return (dir, db)
    }

    static let jsonCommands: [[String]] = [
        ["info"], ["coverage"], ["report", "area"], ["report", "area", "--by", "grid"], ["site", "--count", "1"],
        ["report", "underserved"], ["report", "party"], ["party", "plan"], ["grids", "plan"], ["report", "compliance"]
    ]

    @Test func jsonIsTheSameInBothLanguagesAndTablesDiffer() throws {
        let (dir, db) = try Self.store()
        for command in Self.jsonCommands {
            let zh = try CLI.run(command + ["--db", db, "--format", "json", "--lang", "zh"], in: dir)
            let en = try CLI.run(command + ["--db", db, "--format", "json", "--lang", "en"], in: dir)
            #expect(zh.status == 0 && en.status == 0, "\(command): \(zh.stderr) \(en.stderr)")
            #expect(!en.stdout.isEmpty)
            // `info` names the store path and timings differ run to run nowhere else.
            #expect(zh.stdout == en.stdout, "\(command): JSON differs between --lang zh and --lang en")
        }
        for command in [["coverage"], ["report", "area"], ["site", "--count", "1"]] {
            let zh = try CLI.run(command + ["--db", db, "--lang", "zh"], in: dir)
            let en = try CLI.run(command + ["--db", db, "--lang", "en"], in: dir)
            #expect(zh.status == 0 && en.status == 0)
            #expect(zh.stdout != en.stdout, "\(command): the table is the same in both languages")
            #expect(zh.stdout.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        }
    }

    @Test func localeSelectsChineseAndLangOverridesIt() throws {
        let (dir, db) = try Self.store()
        let chinese = ["LANG": "zh_CN.UTF-8", "GRIDPLAN_LANG": "", "LC_ALL": "", "LC_MESSAGES": ""]
        let byLocale = try CLI.run(["report", "area", "--db", db], in: dir, environment: chinese)
        #expect(byLocale.status == 0)
        #expect(byLocale.stdout.contains("社区（按缺口从大到小）"))
        #expect(!byLocale.stdout.contains("Communities (largest deficit first)"))
        let overridden = try CLI.run(["report", "area", "--db", db, "--lang", "en"], in: dir, environment: chinese)
        #expect(overridden.stdout.contains("Communities (largest deficit first)"))
        #expect(!overridden.stdout.contains("社区（按缺口从大到小）"))
        let byVariable = try CLI.run(
            ["report", "area", "--db", db], in: dir, environment: ["LANG": "zh_CN.UTF-8", "GRIDPLAN_LANG": "en", "LC_ALL": ""])
        #expect(byVariable.stdout.contains("Communities (largest deficit first)"))
        // Help and usage errors follow the same rule.
        let help = try CLI.run(["coverage", "--help"], environment: chinese)
        #expect(help.stdout.hasPrefix("概述："))
        let usage = try CLI.run(["coverage", "--radius", "x"], environment: chinese)
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("错误：--radius x：应为数字"), "\(usage.stderr)")
        let bad = try CLI.run(["coverage", "--lang", "fr"], environment: chinese)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--lang") && bad.stderr.contains("fr"), "\(bad.stderr)")
    }

    /// Display columns of `s`: an independent count (CJK ideographs, fullwidth forms and CJK
    /// punctuation are two columns wide), not TextTable's.
    static func columns(_ s: Substring) -> [Character] {
        var cells: [Character] = []
        for ch in s {
            let v = ch.unicodeScalars.first!.value
            let wide = (0x4E00...0x9FFF).contains(v) || (0x3000...0x303F).contains(v) || (0xFF00...0xFF60).contains(v)
            cells.append(ch)
            if wide { cells.append("\u{0}") }  // the second half of a wide character
        }
        return cells
    }

    @Test func chineseTableColumnsLineUpByDisplayWidth() throws {
        let (dir, db) = try Self.store()
        let run = try CLI.run(["report", "area", "--db", db, "--lang", "zh"], in: dir)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        var checkedTables = 0
        for (i, line) in lines.enumerated() where i > 0 && line.hasPrefix("--") {
            // The rule under a header: segments of dashes; every row's separators fall between them.
            let rule = Array(line)
            var starts: [Int] = [0]
            for c in 1..<rule.count where rule[c] == "-" && rule[c - 1] == " " { starts.append(c) }
            var rows = [lines[i - 1]]
            var j = i + 1
            while j < lines.count, !lines[j].isEmpty { rows.append(lines[j]); j += 1 }
            for row in rows {
                let cells = Self.columns(row)
                for start in starts.dropFirst() {
                    #expect(cells.count > start, "row shorter than its columns: \(row)")
                    guard cells.count > start else { continue }
                    #expect(cells[start - 1] == " " && cells[start - 2] == " ", "column at \(start) not aligned: \(row)")
                    #expect(cells[start] != "\u{0}", "a wide character straddles column \(start): \(row)")
                }
            }
            #expect(rows.contains { $0.contains("社区") }, "no Chinese in this table")
            checkedTables += 1
        }
        #expect(checkedTables >= 2)
    }

    @Test func importErrorInChineseNamesFileLocationAndFieldAsWritten() throws {
        let dir = try CLI.temporaryDirectory()
        var files = DatasetFiles.base
        // The Chinese header 人数 (data-format §6) stands for persons; the message names it as written.
        files.replace(
            "households.csv", "id,building_id,unit,room,persons,party_members", "id,building_id,unit,room,人数,party_members")
        files.replace("households.csv", "H-0003,B2,1,101,4,0", "H-0003,B2,1,101,很多,0")
        let data = dir.appendingPathComponent("data")
        try files.write(to: data)
        let db = dir.appendingPathComponent("s.gpkg").path
        let zh = try CLI.run(["import", data.path, "--db", db, "--lang", "zh"], in: dir)
        #expect(zh.status == 65)
        #expect(
            zh.stderr.contains("households.csv:第4行: 人数: '很多' 不是数字（应为≥ 0 的整数）"), "\(zh.stderr)")
        #expect(zh.stderr.contains("发现 1 个问题；未导入任何数据"))
        #expect(!FileManager.default.fileExists(atPath: db))
        let en = try CLI.run(["import", data.path, "--db", db, "--lang", "en"], in: dir)
        #expect(en.stderr.contains("households.csv:line 4: 人数: '很多' is not a number (an integer ≥ 0)"), "\(en.stderr)")
    }

    @Test func fileLevelImportErrorsInChineseNameTheFile() throws {
        let dir = try CLI.temporaryDirectory()
        var files = DatasetFiles.base
        files.files["buildings.csv"] = "id,community_id\n"
        let data = dir.appendingPathComponent("data")
        try files.write(to: data)
        let db = dir.appendingPathComponent("s.gpkg").path
        let zh = try CLI.run(["import", data.path, "--db", db, "--lang", "zh"], in: dir)
        #expect(zh.status == 65)
        #expect(zh.stderr.contains("buildings: buildings.geojson 和 buildings.csv 同时存在（应为每类对象一个文件）"), "\(zh.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
        let en = try CLI.run(["import", data.path, "--db", db, "--lang", "en"], in: dir)
        #expect(
            en.stderr.contains("buildings: both buildings.geojson and buildings.csv are present (one file per entity)"),
            "\(en.stderr)")
        files.files["buildings.csv"] = nil
        files.files["buildings.geojson"] = nil
        let missing = dir.appendingPathComponent("missing")
        try files.write(to: missing)
        let none = try CLI.run(["import", missing.path, "--db", db, "--lang", "zh"], in: dir)
        #expect(none.status == 65)
        #expect(none.stderr.contains("buildings: 缺失：数据集需要 buildings（应为buildings.geojson 或 buildings.csv）"), "\(none.stderr)")
        files = DatasetFiles.base
        files.files["communities.geojson"] = #"{"type": "Topology", "features": []}"#
        let topology = dir.appendingPathComponent("topology")
        try files.write(to: topology)
        let notCollection = try CLI.run(["import", topology.path, "--db", db, "--lang", "zh"], in: dir)
        #expect(notCollection.status == 65)
        #expect(
            notCollection.stderr.contains("communities.geojson")
                && notCollection.stderr.contains("不是 FeatureCollection（type 为 'Topology'）"),
            "\(notCollection.stderr)")
    }

    @Test func csvHeadersInChineseOnlyWhenAsked() throws {
        let (dir, db) = try Self.store()
        for command in [["coverage"], ["report", "area"], ["site", "--count", "1"], ["report", "party"], ["grids", "plan"]] {
            let en = try CLI.run(command + ["--db", db, "--format", "csv", "--lang", "zh"], in: dir)
            let zh = try CLI.run(command + ["--db", db, "--format", "csv", "--headers", "zh"], in: dir)
            #expect(en.status == 0 && zh.status == 0, "\(command): \(en.stderr) \(zh.stderr)")
            let enLines = en.stdout.split(separator: "\n"), zhLines = zh.stdout.split(separator: "\n")
            // The contract's English names by default, whatever the language; the rows are the same.
            #expect(enLines.first?.allSatisfy { $0.isASCII } == true, "\(command): \(enLines.first ?? "")")
            #expect(Array(enLines.dropFirst()) == Array(zhLines.dropFirst()))
            #expect(zhLines.first?.split(separator: ",").count == enLines.first?.split(separator: ",").count)
            #expect(zhLines.first?.contains("户数") == true || zhLines.first?.contains("编号") == true, "\(command)")
        }
    }

    @Test func mapAndReportAreBilingualUnlessLangIsGiven() throws {
        let (dir, db) = try Self.store()
        let chinese = ["LANG": "zh_CN.UTF-8", "GRIDPLAN_LANG": "", "LC_ALL": ""]
        func svg(_ extra: [String], _ env: [String: String] = [:]) throws -> String {
            let run = try CLI.run(["map", "--db", db, "--out", "-"] + extra, in: dir, environment: env)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout
        }
        let both = try svg([], chinese)
        #expect(both.contains("已覆盖 covered") && both.contains("设施 Facilities"))
        let zh = try svg(["--lang", "zh"])
        #expect(zh.contains("已覆盖") && !zh.contains("covered<") && !zh.contains("Facilities"))
        let en = try svg(["--lang", "en"], chinese)
        #expect(en.contains(">covered<") && en.contains("Facilities") && !en.contains("已覆盖"))
        let html = try CLI.run(["report", "html", "--db", db, "--out", "-", "--lang", "zh"], in: dir)
        #expect(html.status == 0)
        #expect(html.stdout.contains("选址建议") && !html.stdout.contains("Proposed sites"))
        let htmlEn = try CLI.run(["report", "html", "--db", db, "--out", "-", "--lang", "en"], in: dir)
        #expect(htmlEn.stdout.contains("Proposed sites") && !htmlEn.stdout.contains("选址建议"))
    }
}
