import Foundation
import GridFormats
import Testing
import TestSupport

/// The workspace's what-if editing and 方案 step in real headless Chromium, on the demo district:
/// a facility added on the map at siting's first site raises the covered households by what
/// `site` computes for it; closing a station changes the figures as `scenario evaluate` says; a
/// saved scenario survives a server restart, opens with the same figures, compares side by side,
/// applies after a confirmation and is discarded; the grid plan applies after a confirmation;
/// English changes the words, not the numbers; the xlsx download is `report area --format xlsx`.
@Suite(.serialized) struct WorkspaceScenarioBrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Browser/scenario_browser.py")
    static let name = "测试方案"

    /// A figure as the page shows it (`101,698`, `97.6%`, `+908`, `−12.5`) read back.
    static func number(_ text: String?) -> Double? {
        guard let text else { return nil }
        let plain = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")
            .replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "±", with: "")
        return Double(plain)
    }

    static func json(_ args: [String]) throws -> JSONObject {
        let run = try CLI.run(args)
        guard run.status == 0, let o = try JSONParser.parse(run.stdout).objectValue else {
            throw ServeFailure(message: "gridplan \(args.joined(separator: " ")): \(run.stderr)")
        }
        return o
    }

    /// The same edits: the same fields, numbers equal as numbers.
    static func same(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        guard let x = a?.arrayValue, let y = b?.arrayValue, x.count == y.count else { return false }
        return zip(x, y).allSatisfy { p, q in
            guard let o = p.objectValue, let r = q.objectValue, Set(o.keys) == Set(r.keys) else { return false }
            return o.keys.allSatisfy { k in
                if let m = o[k]?.numberValue?.double, let n = r[k]?.numberValue?.double { return m == n }
                return o[k] == r[k]
            }
        }
    }

    /// `scenario evaluate` of `edits` on `db`, through the CLI.
    static func evaluate(_ edits: JSONValue, db: String) throws -> JSONObject {
        let file = TemporaryFiles.path(prefix: "edits", suffix: ".json")
        try JSONWriter.write(edits).write(to: file, atomically: true, encoding: .utf8)
        return try json(["scenario", "evaluate", "--edits", file.path, "--db", db, "--format", "json"])
    }

    static func run(_ server: WorkspaceProcess, _ shots: URL, _ phase: String) throws -> JSONObject {
        let python = try #require(TestVenv.python)
        let run = try ProcessRunner.run(
            python, [script.path, server.url.absoluteString, shots.path, phase, name], timeout: 400)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONParser.parse(run.stdout).objectValue, "\(run.stdout)\n\(run.stderr)")
    }

    /// The page's what-if figures equal the scenario summary of `scenario evaluate`.
    static func expectFigures(_ page: JSONObject?, _ summary: JSONObject?, _ what: String) {
        let pairs: [(String, String, Double)] = [
            ("wi.covered.scenario", "households_covered", 0), ("wi.meeting.scenario", "communities_meeting", 0),
            ("wi.deficit.scenario", "total_deficit_m2", 0.05), ("wi.per100.scenario", "per100", 0.005)
        ]
        for (field, key, tolerance) in pairs {
            let shown = number(page?[field]?.stringValue), expected = summary?[key]?.numberValue?.double
            #expect(
                shown != nil && expected != nil && abs(shown! - expected!) <= tolerance,
                "\(what) \(field): page \(String(describing: page?[field])), CLI \(String(describing: expected))")
        }
        let rate = summary?["coverage_rate"]?.numberValue?.double ?? -1
        #expect(page?["wi.rate.scenario"]?.stringValue == String(format: "%.1f%%", rate * 100), "\(what) coverage rate")
    }

    @Test(.enabled(if: WorkspaceBrowserTests.shouldRun)) func whatIfEditingAndScenarios() throws {
        guard WorkspaceBrowserTests.available, TestVenv.python != nil else {
            Issue.record("CI is set but chromium, chromium-driver or the venv's selenium is missing (run Tools/setup)")
            return
        }
        let db = try CLI.importDemo(named: "scenario-browser.gpkg")
        let shots = try CLI.temporaryDirectory().appendingPathComponent("screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let site = try Self.json(["site", "--count", "1", "--db", db, "--format", "json"])
        let first = try #require(site["sites"]?.arrayValue?.first?.objectValue)

        var server = try WorkspaceProcess(db: db)
        let page = try Self.run(server, shots, "edit")
        server.stop()
        #expect(page["console"]?.arrayValue?.isEmpty == true, "browser errors: \(String(describing: page["console"]))")
        #expect(page["error_box"]?.stringValue?.isEmpty != false, "\(String(describing: page["error_box"]))")

        // The facility added at the first site: kind and area default as asked, placed exactly
        // there, raising the covered households by the site's newly covered households.
        #expect(page["site_id"]?.stringValue == first["candidate_id"]?.stringValue)
        #expect(page["add_kind"]?.stringValue == "party_mass_station")
        let gained = try #require(first["new_households_covered"]?.numberValue?.double)
        #expect(Self.number(page["add_gained"]?.stringValue) == gained)
        let recommended = try #require(first["recommended_area_m2"]?.numberValue?.double)
        #expect(page["add_area"]?.stringValue == String(format: "%.1f", recommended))
        let added = try #require(page["add_edits"]?.arrayValue?.first?.objectValue)
        #expect(added["op"]?.stringValue == "add_facility" && added["crs"]?.stringValue == "EPSG:4326")
        #expect(added["x"]?.numberValue?.double == first["lon"]?.numberValue?.double)
        #expect(added["y"]?.numberValue?.double == first["lat"]?.numberValue?.double)
        let addFigures = page["add_figures"]?.objectValue
        #expect(Self.number(addFigures?["wi.covered.change"]?.stringValue) == gained)
        let addEval = try Self.evaluate(try #require(page["add_edits"]), db: db)
        Self.expectFigures(addFigures, addEval["scenario"]?.objectValue, "after the add")
        #expect((page["changed_drawn"]?.numberValue?.int ?? 0) > 0, "no recoloured building drawn")
        // Dragging moves it (evaluated as `scenario evaluate` says); undo and reopen restore the figures.
        let moveEdits = try #require(page["move_edits"])
        let move = moveEdits.arrayValue?.last?.objectValue
        #expect(move?["op"]?.stringValue == "move_facility" && move?["id"] == added["id"])
        #expect((move?["x"]?.numberValue?.double ?? 0) > (added["x"]?.numberValue?.double ?? 0), "not moved east")
        Self.expectFigures(
            page["move_figures"]?.objectValue, try Self.evaluate(moveEdits, db: db)["scenario"]?.objectValue, "after the move")
        #expect(page["undo_figures"] == page["add_figures"])
        #expect(page["reopen_figures"] == page["add_figures"])
        // The area step shows the scenario's figures and the before/after table.
        let areaPanel = page["area_panel"]?.objectValue
        #expect(
            Self.number(areaPanel?["total_deficit"]?.stringValue)
                == addEval["scenario"]?.objectValue?["total_deficit_m2"]?.numberValue.map { ($0.double * 10).rounded() / 10 })
        #expect(page["area_rows"]?.numberValue?.int == 33)

        // Closing a station: the figures of `scenario evaluate` for the two edits, lower area per 100.
        let closeEdits = try #require(page["close_edits"])
        #expect(closeEdits.arrayValue?.last?.objectValue?["op"]?.stringValue == "close_facility")
        #expect(closeEdits.arrayValue?.last?.objectValue?["id"]?.stringValue == page["closed_id"]?.stringValue)
        let closeEval = try Self.evaluate(closeEdits, db: db)
        let closeFigures = page["close_figures"]?.objectValue
        Self.expectFigures(closeFigures, closeEval["scenario"]?.objectValue, "after the close")
        let per100Add = Self.number(addFigures?["wi.per100.scenario"]?.stringValue) ?? 0
        let per100Close = Self.number(closeFigures?["wi.per100.scenario"]?.stringValue) ?? 0
        #expect(per100Close < per100Add, "closing a station did not lower the area per 100 households")
        #expect(page["edit_list"]?.arrayValue?.count == 2)

        // Saved and compared side by side with the imported data.
        #expect(page["saved_rows"]?.arrayValue?.contains { $0.objectValue?["id"]?.stringValue == Self.name } == true)
        let compare = page["compare"]?.objectValue
        let base = closeEval["base"]?.objectValue, scenario = closeEval["scenario"]?.objectValue
        #expect(
            Self.number(compare?["compare.households_covered.a"]?.stringValue) == base?["households_covered"]?.numberValue?.double
        )
        #expect(
            Self.number(compare?["compare.households_covered.b"]?.stringValue)
                == scenario?["households_covered"]?.numberValue?.double)
        #expect(compare?["compare.b"]?.stringValue == Self.name)
        #expect(page["compare_rows"]?.numberValue?.int == 33)

        // English: other words, the same numbers.
        let zh = page["zh_texts"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let en = page["en_texts"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(zh.count == en.count && zh.count > 10)
        for (z, e) in zip(zh, en) where z.contains(where: { $0.unicodeScalars.first!.value >= 0x4E00 }) && z != Self.name {
            #expect(z != e, "\(z) unchanged in English")
        }
        let zn = page["zh_numbers"]?.arrayValue ?? [], enn = page["en_numbers"]?.arrayValue ?? []
        #expect(!zn.isEmpty && zn == enn)

        // The xlsx download is the server's workbook of `report area --format xlsx`.
        let downloaded = try #require(page["xlsx"]?.arrayValue?.first?.stringValue, "no workbook downloaded")
        if WorkbookReader.isAvailable {
            let cli = try CLI.temporaryDirectory().appendingPathComponent("area.xlsx").path
            let r = try CLI.run(["report", "area", "--db", db, "--format", "xlsx", "--out", cli, "--lang", "zh"])
            #expect(r.status == 0, "\(r.stderr)")
            let a = try WorkbookReader.read(downloaded), b = try WorkbookReader.read(cli)
            #expect(a.map(\.name) == b.map(\.name) && !a.isEmpty)
            #expect(a.map(\.rows) == b.map(\.rows))
        }

        // 全部选址加入假设调整: the site as a 党群服务站点 of its recommended area, at its point.
        let fromSite = page["sites_edit"]?.objectValue
        #expect(fromSite?["op"]?.stringValue == "add_facility" && fromSite?["kind"]?.stringValue == "party_mass_station")
        #expect(fromSite?["x"]?.numberValue?.double == first["lon"]?.numberValue?.double)
        #expect(fromSite?["usable_area_m2"]?.numberValue?.double == (recommended * 10).rounded() / 10)
        #expect(page["sites_figures"]?.objectValue?["wi.covered.change"] != nil)

        // A restart on the same store: the scenario is there and opens with the same figures.
        server = try WorkspaceProcess(db: db)
        defer { server.stop() }
        let again = try Self.run(server, shots, "reopen")
        #expect(again["console"]?.arrayValue?.isEmpty == true, "browser errors: \(String(describing: again["console"]))")
        #expect(again["listed"]?.arrayValue?.contains(.string(Self.name)) == true)
        #expect(Self.same(again["open_edits"], closeEdits), "\(String(describing: again["open_edits"]))")
        for key in ["wi.covered.scenario", "wi.rate.scenario", "wi.meeting.scenario", "wi.deficit.scenario", "wi.per100.scenario"]
        {
            #expect(again["open_figures"]?.objectValue?[key] == closeFigures?[key], "\(key) after the restart")
        }
        // Apply: the confirmation names the facilities; the store then holds the scenario's figures.
        let lines = again["apply_lines"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(lines.contains { $0.contains(added["id"]?.stringValue ?? "?") }, "\(lines)")
        #expect(lines.contains { $0.contains(page["closed_id"]?.stringValue ?? "?") }, "\(lines)")
        let area = try Self.json(["report", "area", "--db", db, "--format", "json"])
        let deficit = try #require(scenario?["total_deficit_m2"]?.numberValue?.double)
        #expect(abs((area["total"]?.objectValue?["deficit_m2"]?.numberValue?.double ?? -1) - deficit) < 0.01)
        #expect(
            Self.number(again["area_after_apply"]?.objectValue?["total_deficit"]?.stringValue) == (deficit * 10).rounded() / 10)
        // Discarded, and the grid plan applied after its confirmation.
        #expect(again["after_delete"]?.arrayValue?.contains(.string(Self.name)) == false)
        #expect((again["grids_lines"]?.arrayValue?.count ?? 0) >= 2)
        let plan = try Self.json(["grids", "plan", "--db", db, "--format", "json"])
        let info = try Self.json(["info", "--db", db, "--format", "json"])
        let stored = info["store"]?.objectValue?["counts"]?.objectValue?["grids"]?.numberValue?.int
        #expect(stored == plan["grids"]?.arrayValue?.count, "grids stored \(String(describing: stored))")

        for shot in ["7-whatif-add", "8-whatif-close", "9-compare", "10-english", "11-apply-confirm", "12-grids-applied"] {
            let size =
                (try? FileManager.default.attributesOfItem(atPath: shots.appendingPathComponent(shot + ".png").path)[.size]
                    as? Int) ?? 0
            #expect(size > 10_000, "\(shot).png missing or empty in \(shots.path)")
        }
    }
}
