import Foundation
import GridFormats
import Testing
import TestSupport

/// The workspace in real headless Chromium (Debian `chromium` and `chromium-driver`, Selenium from
/// the test venv), on the demo district: the page must show what the CLI computes. Skipped when
/// the browser, its driver or the venv is missing, except in CI (`CI` set), where that fails.
@Suite(.serialized) struct WorkspaceBrowserTests {
    static let chromium = "/usr/bin/chromium"
    static let driver = "/usr/bin/chromedriver"
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: driver)
            && TestVenv.hasModules(["selenium"])
    }
    static var shouldRun: Bool { available || ProcessInfo.processInfo.environment["CI"] != nil }
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Browser/workspace_browser.py")

    /// Numbers as the page shows them (`3,497`, `98.5%`) read back.
    static func number(_ text: String?) -> Double? {
        guard let text else { return nil }
        return Double(text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: ""))
    }

    @Test(.enabled(if: shouldRun)) func workspaceShowsWhatTheCommandsCompute() throws {
        guard Self.available, let python = TestVenv.python else {
            Issue.record("CI is set but chromium, chromium-driver or the venv's selenium is missing (run Tools/setup)")
            return
        }
        let db = try CLI.importDemo(named: "browser.gpkg")
        let shots = try CLI.temporaryDirectory().appendingPathComponent("screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let server = try WorkspaceProcess(db: db)
        defer { server.stop() }
        let run = try ProcessRunner.run(python, [Self.script.path, server.url.absoluteString, shots.path, "5"], timeout: 300)
        #expect(run.status == 0, "\(run.stderr)")
        let page = try #require(try JSONParser.parse(run.stdout).objectValue, "\(run.stdout)\n\(run.stderr)")

        // The first screen: Chinese, the district, the map with every community and building.
        #expect(page["title"]?.stringValue == "规划工作台")
        #expect(page["district"]?.stringValue?.contains("示范区") == true)
        #expect(page["communities_drawn"]?.numberValue?.int == 33)
        #expect(page["buildings_drawn"]?.numberValue?.int == 2625)
        #expect(page["has_scalebar"] == .bool(true) && page["has_north"] == .bool(true))
        #expect(page["scale_before"] != page["scale_after"], "the wheel did not zoom")
        #expect(page["console"]?.arrayValue?.isEmpty == true, "browser errors: \(page["console"].map { "\($0)" } ?? "")")

        // The community clicked on the map shows the figures of `report area --format json`.
        let area = try JSONParser.parse(try CLI.run(["report", "area", "--db", db, "--format", "json"]).stdout)
        let id = try #require(page["community_id"]?.stringValue)
        let row = try #require(
            area.objectValue?["communities"]?.arrayValue?.first { $0.objectValue?["id"]?.stringValue == id }?.objectValue)
        let panel = try #require(page["community_panel"]?.objectValue)
        #expect(page["community_hit"] == .bool(true))
        for key in [
            "households", "facility_area_m2", "area_per_100_households", "required_area_m2", "deficit_m2", "facility_count"
        ] {
            let shown = Self.number(panel[key]?.stringValue), expected = row[key]?.numberValue?.double
            #expect(
                shown != nil && shown == expected,
                "\(key): page \(String(describing: panel[key])), CLI \(String(describing: expected))")
        }
        #expect(panel["meets_standard"]?.stringValue == (row["meets_standard"] == .bool(true) ? "是" : "否"))

        // The building clicked shows its coverage row of `coverage --format json`.
        let coverage = try JSONParser.parse(try CLI.run(["coverage", "--db", db, "--format", "json"]).stdout)
        if let bid = page["building_id"]?.stringValue {
            let b = try #require(
                coverage.objectValue?["buildings"]?.arrayValue?.first { $0.objectValue?["id"]?.stringValue == bid }?.objectValue)
            let shown = try #require(page["building_panel"]?.objectValue)
            #expect(Self.number(shown["households"]?.stringValue) == b["households"]?.numberValue?.double)
            #expect(shown["nearest_facility_id"]?.stringValue == b["nearest_facility_id"]?.stringValue)
            let distance = try #require(b["distance_m"]?.numberValue?.double)
            #expect(abs((Self.number(shown["distance_m"]?.stringValue) ?? -1) - distance) <= 0.05)
        } else {
            Issue.record("no building was drawn to click")
        }
        let rate = try #require(coverage.objectValue?["total"]?.objectValue?["coverage_rate"]?.numberValue?.double)
        #expect(page["coverage_panel"]?.objectValue?["coverage_rate"]?.stringValue == String(format: "%.1f%%", rate * 100))

        // A siting run lists what `site --format json` lists, numbered on the map.
        let site = try JSONParser.parse(try CLI.run(["site", "--count", "5", "--db", db, "--format", "json"]).stdout)
        let sites = (site.objectValue?["sites"]?.arrayValue ?? []).compactMap { $0.objectValue }
        let rows = (page["site_table"]?.arrayValue ?? []).compactMap { $0.objectValue }
        #expect(rows.count == sites.count && sites.count == 5)
        for (r, s) in zip(rows, sites) {
            let cells = r["cells"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(r["candidate"]?.stringValue == s["candidate_id"]?.stringValue)
            #expect(Self.number(cells.first) == s["rank"]?.numberValue?.double)
            #expect(Self.number(cells[safe: 4]) == s["new_households_covered"]?.numberValue?.double)
            #expect(Self.number(cells[safe: 5]) == s["cumulative_covered_households"]?.numberValue?.double)
        }
        #expect(page["sites_drawn"]?.numberValue?.int == 5)
        #expect(
            page["site_proof"]?.stringValue
                == (site.objectValue?["proven_optimal"] == .bool(true) ? "已证明最优" : page["site_proof"]?.stringValue))

        // The grids, party and compliance steps show the same counts as their commands.
        let grids = try JSONParser.parse(try CLI.run(["grids", "plan", "--db", db, "--format", "json"]).stdout).objectValue
        let gridRows = (grids?["grids"]?.arrayValue?.count ?? 0) + (grids?["violations"]?.arrayValue?.count ?? 0)
        #expect(page["rows_grids"]?.numberValue?.int == gridRows)
        let party = try JSONParser.parse(try CLI.run(["report", "party", "--db", db, "--format", "json"]).stdout).objectValue
        #expect(page["rows_party"]?.numberValue?.int == party?["communities"]?.arrayValue?.count)
        let work = try #require(
            party?["total"]?.objectValue?["coverage"]?.objectValue?["work_coverage_rate"]?.numberValue?.double)
        #expect(page["panel_party"]?.objectValue?["work_rate"]?.stringValue == String(format: "%.1f%%", work * 100))
        let compliance = try JSONParser.parse(try CLI.run(["report", "compliance", "--db", db, "--format", "json"]).stdout)
            .objectValue
        #expect(
            Self.number(page["panel_compliance"]?.objectValue?["findings"]?.stringValue)
                == compliance?["total"]?.objectValue?["findings"]?.numberValue?.double)
        #expect(page["rows_data"]?.numberValue?.int ?? 0 >= 8)

        // English changes the words, not the numbers.
        #expect(page["en_title"]?.stringValue == "Planning workspace")
        let zhTexts = page["zh_texts"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let enTexts = page["en_texts"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(zhTexts.count == enTexts.count && !zhTexts.isEmpty)
        for (z, e) in zip(zhTexts, enTexts) { #expect(z != e, "\(z) unchanged in English") }
        let zhRows = page["zh_site_rows"]?.arrayValue ?? [], enRows = page["en_site_rows"]?.arrayValue ?? []
        #expect(zhRows.count == 5 && enRows.count == 5)
        for (z, e) in zip(zhRows, enRows) {
            let zn = (z.arrayValue ?? []).compactMap { Self.number($0.stringValue) }
            let en = (e.arrayValue ?? []).compactMap { Self.number($0.stringValue) }
            #expect(!zn.isEmpty && zn == en)
        }

        // Screenshots of each step in the test's output folder.
        for name in ["1-area", "2-community", "3-building", "4-coverage", "5-siting", "6-english"] {
            let size =
                (try? FileManager.default.attributesOfItem(atPath: shots.appendingPathComponent(name + ".png").path)[.size]
                    as? Int) ?? 0
            #expect(size > 10_000, "\(name).png missing or empty in \(shots.path)")
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
