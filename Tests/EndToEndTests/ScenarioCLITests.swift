import Foundation
import GridFormats
import Testing
import TestSupport

/// What-if scenarios through the built binary on the demo district: the figures are those of
/// `report area`, `coverage` and `site`; bad edits are refused naming the edit; scenarios are
/// saved, listed, shown, compared, applied and deleted in the store.
@Suite(.serialized) struct ScenarioCLITests {
    /// A store holding the demo district, imported once (tests that write use their own).
    static let store: String = try! CLI.importDemo()
    /// A store the refused edits must leave byte for byte as it is.
    static let refusingStore: String = try! CLI.importDemo(named: "refusing.gpkg")

    static func json(_ r: CLIRun, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        #expect(r.status == 0, "\(r.stderr)", sourceLocation: sourceLocation)
        return try JSONParser.parse(r.stdout)
    }

    /// Writes `edits` into a temporary file; returns its path.
    static func editsFile(_ edits: String) throws -> String {
        let url = try CLI.temporaryDirectory().appendingPathComponent("edits.json")
        try Data(edits.utf8).write(to: url)
        return url.path
    }

    static func evaluate(_ edits: String, _ args: [String] = [], db: String = store) throws -> JSONValue {
        try json(CLI.run(["scenario", "evaluate", "--edits", "-", "--format", "json", "--db", db] + args, stdin: edits))
    }

    /// A copy of the demo dataset with `edit` applied to its files.
    static func demoCopy(_ edit: (URL) throws -> Void) throws -> URL {
        let dir = try CLI.temporaryDirectory().appendingPathComponent("demo")
        try FileManager.default.copyItem(at: CLI.demoDataset, to: dir)
        try edit(dir)
        return dir
    }

    static func importCopy(_ dir: URL) throws -> String {
        let db = try CLI.temporaryDirectory().appendingPathComponent("copy.gpkg").path
        let r = try CLI.run(["import", dir.path, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    /// Removes the lines of `file` containing `needle` (the demo's files hold one feature or row a line).
    static func dropLines(_ file: URL, containing needle: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(needle) }
        // A GeoJSON feature list whose last feature went: no comma before the closing bracket.
        if let i = lines.lastIndex(where: { $0.hasPrefix("{\"type\":\"Feature\"") }), lines[i].hasSuffix(",") {
            if !lines[(i + 1)...].contains(where: { $0.hasPrefix("{") }) { lines[i].removeLast() }
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
    }

    /// (report area args, coverage args, scenario args) of one set of analysis options.
    static let optionSets: [(area: [String], coverage: [String], scenario: [String])] = [
        ([], [], []),
        (["--radius", "800"], ["--radius", "800"], ["--radius", "800"]),
        (["--allocate", "reach"], [], ["--allocate", "reach"]),
        (["--standard", "80"], [], ["--standard", "80"]),
        (
            ["--count-kinds", "party_mass_center,party_mass_station"], ["--kinds", "party_mass_center,party_mass_station"],
            ["--count-kinds", "party_mass_center,party_mass_station"]
        ),
        ([], ["--network"], ["--network"])
    ]

    /// Checks that `summary` and `communities` (with `suffix`) are the figures of the two documents.
    static func expectFigures(
        _ summary: JSONValue?, _ communities: [JSONValue], suffix: String, area: JSONValue, coverage: JSONValue,
        _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let total = area["total"], covTotal = coverage["total"]
        #expect(summary?["households"] == covTotal?["households"], "\(what)", sourceLocation: sourceLocation)
        #expect(summary?["households"] == total?["households"], "\(what)", sourceLocation: sourceLocation)
        #expect(summary?["households_covered"] == covTotal?["covered_households"], "\(what)", sourceLocation: sourceLocation)
        #expect(summary?["coverage_rate"] == covTotal?["coverage_rate"], "\(what)", sourceLocation: sourceLocation)
        #expect(summary?["communities"] == total?["community_count"], "\(what)", sourceLocation: sourceLocation)
        #expect(
            summary?["communities_meeting"] == total?["communities_meeting_standard"], "\(what)", sourceLocation: sourceLocation)
        #expect(summary?["total_deficit_m2"] == total?["deficit_m2"], "\(what)", sourceLocation: sourceLocation)
        #expect(summary?["per100"] == total?["area_per_100_households"], "\(what)", sourceLocation: sourceLocation)
        var areaRows: [String: JSONValue] = [:], coverageRows: [String: JSONValue] = [:]
        for c in area["communities"]?.arrayValue ?? [] { areaRows[c["id"]?.stringValue ?? ""] = c }
        for c in coverage["communities"]?.arrayValue ?? [] { coverageRows[c["id"]?.stringValue ?? ""] = c }
        #expect(communities.count == areaRows.count && !communities.isEmpty, "\(what)", sourceLocation: sourceLocation)
        for row in communities {
            let id = row["community_id"]?.stringValue ?? ""
            let a = areaRows[id], c = coverageRows[id]
            #expect(row["households"] == a?["households"], "\(what) \(id)", sourceLocation: sourceLocation)
            #expect(row["area_m2_" + suffix] == a?["facility_area_m2"], "\(what) \(id)", sourceLocation: sourceLocation)
            #expect(row["per100_" + suffix] == a?["area_per_100_households"], "\(what) \(id)", sourceLocation: sourceLocation)
            #expect(row["deficit_" + suffix] == a?["deficit_m2"], "\(what) \(id)", sourceLocation: sourceLocation)
            #expect(row["covered_" + suffix] == c?["covered_households"], "\(what) \(id)", sourceLocation: sourceLocation)
        }
    }

    @Test func noEditsGiveTheFiguresOfReportAreaAndCoverage() throws {
        for set in Self.optionSets {
            let area = try Self.json(
                CLI.run(["report", "area", "--format", "json", "--db", Self.store] + set.area))
            let coverage = try Self.json(CLI.run(["coverage", "--format", "json", "--db", Self.store] + set.coverage))
            let r = try Self.evaluate("[]", set.scenario)
            let rows = r["communities"]?.arrayValue ?? []
            Self.expectFigures(r["base"], rows, suffix: "before", area: area, coverage: coverage, "base \(set.scenario)")
            Self.expectFigures(r["scenario"], rows, suffix: "after", area: area, coverage: coverage, "scenario \(set.scenario)")
            #expect(r["buildings_changed"] == .array([]) && r["facilities_changed"] == .array([]))
            #expect(r["change"]?["households_covered"] == .number(JSONNumber(0)))
        }
    }

    @Test(arguments: ["K038", "K014", "K062", "K028"])
    func aFacilityAtACandidateCoversWhatSiteSaysTheCandidateCovers(candidate: String) throws {
        // `site` with this candidate alone on offer.
        let dir = try Self.demoCopy { dir in
            let file = dir.appendingPathComponent("candidates.csv")
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            try Data((lines.filter { $0.hasPrefix("id,") || $0.hasPrefix(candidate + ",") }.joined(separator: "\n") + "\n").utf8)
                .write(to: file)
        }
        let site = try Self.json(CLI.run(["site", "--count", "1", "--format", "json", "--db", try Self.importCopy(dir)]))
        let first = try #require(site["sites"]?.arrayValue?.first)
        #expect(first["candidate_id"] == .string(candidate))
        let newlyCovered = try #require(first["new_households_covered"]?.numberValue?.int)
        // The same point, as the dataset gives it (CGCS2000 longitude/latitude).
        let row = try String(contentsOf: CLI.demoDataset.appendingPathComponent("candidates.csv"), encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix(candidate + ",") }
        let cells = try #require(row).split(separator: ",", omittingEmptySubsequences: false)
        let (lon, lat) = (cells[cells.count - 2], cells[cells.count - 1])
        let r = try Self.evaluate(
            #"[{"op":"add_facility","id":"NEW1","x":\#(lon),"y":\#(lat),"crs":"EPSG:4490","kind":"party_mass_station","usable_area_m2":300}]"#
        )
        #expect(r["change"]?["households_covered"] == .number(JSONNumber(newlyCovered)), "\(candidate)")
        let gained = (r["buildings_changed"]?.arrayValue ?? []).reduce(0) {
            $0 + ($1["covered_after"] == .bool(true) ? $1["households"]?.numberValue?.int ?? 0 : 0)
        }
        #expect(gained == newlyCovered)
        #expect(r["facilities_changed"]?[0]?["community_id"] == first["community_id"])
    }

    @Test func closingAFacilityEqualsReImportingWithoutIt() throws {
        let dir = try Self.demoCopy {
            try Self.dropLines($0.appendingPathComponent("facilities.geojson"), containing: "\"F102\"")
        }
        let db = try Self.importCopy(dir)
        let area = try Self.json(CLI.run(["report", "area", "--format", "json", "--db", db]))
        let coverage = try Self.json(CLI.run(["coverage", "--format", "json", "--db", db]))
        #expect(area["total"]?["facility_count"] == .number(JSONNumber(69)))
        let r = try Self.evaluate(#"[{"op":"close_facility","id":"F102"}]"#)
        Self.expectFigures(
            r["scenario"], r["communities"]?.arrayValue ?? [], suffix: "after", area: area, coverage: coverage, "closed F102")
        #expect(r["change"]?["total_deficit_m2"] == .number(JSONNumber(390.0)))
        #expect(r["facilities_changed"]?[0]?["change"] == .string("removed"))
    }

    @Test func movingAndResizingChangeWhatTheyShould() throws {
        // F102 (新荣社区, 390 m²) set to 1,050 m²: 新荣社区 (3,497 households, 1,049.1 m² needed) meets the standard.
        let r = try Self.evaluate(#"[{"op":"set_area","id":"F102","usable_area_m2":1050}]"#)
        #expect(r["change"]?["communities_meeting"] == .number(JSONNumber(1)))
        #expect(r["change"]?["total_deficit_m2"] == .number(JSONNumber(-659.1)))
        let c25 = try #require(r["communities"]?.arrayValue?.first { $0["community_id"] == "C25" })
        #expect(c25["deficit_after"] == .number(JSONNumber(0)) && c25["meets_standard_after"] == .bool(true))
        // Moving it onto K038's point (三眼桥社区) takes its area out of 新荣社区 and into 三眼桥社区.
        let moved = try Self.evaluate(
            #"[{"op":"move_facility","id":"F102","x":114.2801095,"y":30.592027,"crs":"EPSG:4490"}]"#)
        let rows = moved["communities"]?.arrayValue ?? []
        let c08 = try #require(rows.first { $0["community_id"] == "C08" })
        let c25m = try #require(rows.first { $0["community_id"] == "C25" })
        #expect(c25m["area_m2_after"] == .number(JSONNumber(0)))
        let before = try #require(c08["area_m2_before"]?.numberValue?.double)
        #expect(c08["area_m2_after"]?.numberValue?.double == before + 390)
        #expect(moved["facilities_changed"]?[0]?["community_id"] == "C08")
    }

    @Test func aFacilityOutsideEveryCommunityIsAllowedAndNoted() throws {
        let r = try CLI.run(
            ["scenario", "evaluate", "--edits", "-", "--format", "json", "--db", Self.store],
            stdin: #"[{"op":"add_facility","id":"FAR","x":0,"y":0,"kind":"party_mass_center","usable_area_m2":500}]"#)
        let doc = try Self.json(r)
        #expect(doc["notes"]?[0]?["code"] == "outside_communities")
        #expect(doc["notes"]?[0]?["edit"] == .number(JSONNumber(0)))
        #expect(doc["facilities_changed"]?[0]?["community_id"] == .null)
        #expect(doc["change"]?["per100"] == .number(JSONNumber(0)))
        #expect(r.stderr.contains("edits[0]: facility FAR lies outside every community"), "\(r.stderr)")
    }

    @Test(arguments: [
        (#"[{"op":"set_area","id":"F001","usable_area_m2":-5}]"#, "edits[0].usable_area_m2: -5: expected a number of m² ≥ 0"),
        (
            #"[{"op":"set_area","id":"F001","usable_area_m2":5},{"op":"close_facility","id":"NOPE"}]"#,
            "edits[1] (close_facility): no facility NOPE"
        ),
        (
            #"[{"op":"close_facility","id":"F001"},{"op":"set_area","id":"F001","usable_area_m2":5}]"#,
            "edits[1] (set_area): no facility F001"
        ),
        (
            #"[{"op":"add_facility","id":"F001","x":1,"y":2,"kind":"other","usable_area_m2":1}]"#,
            "edits[0].id: a facility F001 already exists"
        ),
        (
            #"[{"op":"add_facility","id":"S1","x":1,"y":2,"kind":"library","usable_area_m2":1}]"#,
            "edits[0].kind: library: expected one of"
        ),
        (#"[{"op":"add_facility","id":"S1","x":1,"kind":"other","usable_area_m2":1}]"#, "edits[0] (add_facility): y is missing"),
        (#"[{"op":"move_facility","id":"F001","x":1,"y":2,"z":3}]"#, "edits[0] (move_facility): unknown field z"),
        (#"[{"op":"rename","id":"F001"}]"#, "edits[0].op: \"rename\": expected add_facility, move_facility"),
        (#"[{"op":"move_facility","id":"F001","x":"east","y":2}]"#, "edits[0].x: east: expected a finite number"),
        (
            #"[{"op":"move_facility","id":"F001","x":1,"y":2,"crs":"EPSG:999999"}]"#,
            "edits[0]: cannot convert (1, 2) from EPSG:999999"
        ),
        (#"[3]"#, "--edits"),
        (#"[{"op":"close_facility","id":"F001"}"#, "--edits -: line 1, column 37")
    ])
    func badEditsAreRefusedNamingTheEditAndTheStoreIsUnchanged(edits: String, message: String) throws {
        let db = Self.refusingStore
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for command in [["evaluate"], ["save", "--name", "x"]] {
            let r = try CLI.run(["scenario"] + command + ["--edits", "-", "--db", db], stdin: edits)
            #expect(r.status == 64, "\(command) \(edits): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(command): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        let list = try Self.json(CLI.run(["scenario", "list", "--format", "json", "--db", db]))
        #expect(list == .array([]))
    }

    @Test func noHouseholdIdEverLeaves() throws {
        let households = try String(contentsOf: CLI.demoDataset.appendingPathComponent("households.csv"), encoding: .utf8)
        let ids = households.split(separator: "\n").dropFirst().prefix(2000).map { String($0.split(separator: ",")[0]) }
        let db = try CLI.importDemo()
        let edits = try Self.editsFile(
            #"[{"op":"close_facility","id":"F102"},{"op":"set_area","id":"F001","usable_area_m2":10}]"#)
        #expect(try CLI.run(["scenario", "save", "--name", "a", "--edits", edits, "--db", db]).status == 0)
        var outputs = [try CLI.run(["scenario", "evaluate", "--edits", edits, "--format", "json", "--db", db]).stdout]
        outputs.append(try CLI.run(["scenario", "show", "--name", "a", "--format", "json", "--db", db]).stdout)
        outputs.append(try CLI.run(["scenario", "compare", "--a", "base", "--b", "a", "--format", "json", "--db", db]).stdout)
        for out in outputs {
            #expect(out.contains("B0"))  // building ids are there
            #expect(!out.contains("household_id"))
            let tokens = Set(out.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
            #expect(ids.allSatisfy { !tokens.contains($0) })
        }
    }

    @Test func scenariosAreSavedListedShownComparedAppliedAndDeleted() throws {
        let db = try CLI.importDemo()
        let close = try Self.editsFile(#"[{"op":"close_facility","id":"F102"}]"#)
        let add = try Self.editsFile(
            #"[{"op":"add_facility","id":"S1","x":114.2801095,"y":30.592027,"crs":"EPSG:4490","kind":"party_mass_station","usable_area_m2":300,"name":"三眼桥新站"}]"#
        )
        let saved = try Self.json(
            CLI.run(["scenario", "save", "--name", "关站", "--note", "试算", "--edits", close, "--format", "json", "--db", db]))
        #expect(saved["name"] == "关站" && saved["note"] == "试算" && saved["applied_at"] == .null)
        #expect(saved["edits"] == (try JSONParser.parse(#"[{"id":"F102","op":"close_facility"}]"#)))
        #expect(try CLI.run(["scenario", "save", "--name", "新站", "--edits", add, "--db", db]).status == 0)
        // The same name again needs --replace.
        let again = try CLI.run(["scenario", "save", "--name", "新站", "--edits", close, "--db", db])
        #expect(again.status == 64 && again.stderr.contains("--replace"), "\(again.stderr)")
        #expect(try CLI.run(["scenario", "save", "--name", "base", "--edits", close, "--db", db]).status == 64)

        // Listed by name, from a new process (the store reopened).
        let list = try Self.json(CLI.run(["scenario", "list", "--format", "json", "--db", db]))
        #expect(list.arrayValue?.map { $0["name"] } == ["关站", "新站"])
        let table = try CLI.run(["scenario", "list", "--db", db, "--lang", "zh"])
        #expect(table.stdout.contains("名称") && table.stdout.contains("试算"), "\(table.stdout)")

        // show = the stored edits + evaluate of them.
        let show = try Self.json(CLI.run(["scenario", "show", "--name", "新站", "--format", "json", "--db", db]))
        let evaluated = try Self.json(CLI.run(["scenario", "evaluate", "--edits", add, "--format", "json", "--db", db]))
        for key in ["base", "scenario", "change", "communities", "buildings_changed", "facilities_changed"] {
            #expect(show[key] == evaluated[key], "\(key)")
        }
        #expect(show["name"] == "新站" && show["edits"]?.arrayValue?.count == 1)

        // compare: either side may be base; b − a.
        let cmp = try Self.json(CLI.run(["scenario", "compare", "--a", "关站", "--b", "新站", "--format", "json", "--db", db]))
        let closeEval = try Self.json(CLI.run(["scenario", "evaluate", "--edits", close, "--format", "json", "--db", db]))
        #expect(cmp["a"]?["summary"] == closeEval["scenario"])
        #expect(cmp["b"]?["summary"] == evaluated["scenario"])
        let covered = { (v: JSONValue?) in v?["households_covered"]?.numberValue?.int ?? -1 }
        #expect(
            cmp["change"]?["households_covered"]?.numberValue?.int
                == covered(evaluated["scenario"]) - covered(closeEval["scenario"]))
        let c25 = try #require(cmp["communities"]?.arrayValue?.first { $0["community_id"] == "C25" })
        #expect(c25["area_m2_a"] == .number(JSONNumber(0)) && c25["area_m2_b"] == .number(JSONNumber(390)))
        let baseCmp = try Self.json(CLI.run(["scenario", "compare", "--a", "base", "--b", "新站", "--format", "json", "--db", db]))
        #expect(baseCmp["change"] == evaluated["change"])
        let missing = try CLI.run(["scenario", "compare", "--a", "base", "--b", "nope", "--db", db])
        #expect(missing.status == 64 && missing.stderr.contains("no scenario named nope"))
        let zh = try CLI.run(["scenario", "compare", "--a", "base", "--b", "新站", "--db", db, "--lang", "zh"])
        #expect(zh.stdout.contains("已覆盖户数") && zh.stdout.contains("达标社区数"), "\(zh.stdout)")

        // apply: a dry run writes nothing; then the facility layer holds S1 and the figures are the scenario's.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        let dry = try Self.json(CLI.run(["scenario", "apply", "--name", "新站", "--dry-run", "--format", "json", "--db", db]))
        #expect(dry["added"] == .number(JSONNumber(1)) && dry["applied_at"] == .null)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes)
        let applied = try Self.json(CLI.run(["scenario", "apply", "--name", "新站", "--format", "json", "--db", db]))
        #expect(applied["added"] == .number(JSONNumber(1)) && applied["applied_at"] != .null)
        let coverage = try Self.json(CLI.run(["coverage", "--format", "json", "--db", db]))
        #expect(coverage["total"]?["covered_households"] == evaluated["scenario"]?["households_covered"])
        let area = try Self.json(CLI.run(["report", "area", "--format", "json", "--db", db]))
        #expect(area["total"]?["area_per_100_households"] == evaluated["scenario"]?["per100"])
        let listed = try Self.json(CLI.run(["scenario", "list", "--format", "json", "--db", db]))
        #expect(listed[1]?["applied_at"] == applied["applied_at"])

        // A re-import keeps the scenarios; an edit naming a facility that is gone is noted.
        let dir = try Self.demoCopy {
            try Self.dropLines($0.appendingPathComponent("facilities.geojson"), containing: "\"F102\"")
        }
        let reimport = try CLI.run(["import", dir.path, "--db", db, "--replace"])
        #expect(reimport.status == 0, "\(reimport.stderr)")
        let stale = try CLI.run(["scenario", "show", "--name", "关站", "--format", "json", "--db", db])
        let staleDoc = try Self.json(stale)
        #expect(staleDoc["notes"]?[0]?["code"] == "facility_missing")
        #expect(staleDoc["change"]?["households_covered"] == .number(JSONNumber(0)))
        #expect(stale.stderr.contains("no facility F102"), "\(stale.stderr)")
        // Applying it now fails and changes nothing.
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let failed = try CLI.run(["scenario", "apply", "--name", "关站", "--db", db])
        #expect(failed.status == 64 && failed.stderr.contains("edits[0] (close_facility): no facility F102"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)

        // delete.
        #expect(try CLI.run(["scenario", "delete", "--name", "关站", "--db", db]).status == 0)
        #expect(try CLI.run(["scenario", "delete", "--name", "关站", "--db", db]).status == 64)
        let left = try Self.json(CLI.run(["scenario", "list", "--format", "json", "--db", db]))
        #expect(left.arrayValue?.map { $0["name"] } == ["新站"])
    }

    @Test func jsonRPCGivesTheCLIsDocuments() throws {
        let db = try CLI.importDemo()
        let edits = #"[{"op":"close_facility","id":"F102"},{"op":"set_area","id":"F001","usable_area_m2":10}]"#
        let file = try Self.editsFile(edits)
        #expect(try CLI.run(["scenario", "save", "--name", "a", "--edits", file, "--db", db]).status == 0)
        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"scenario.evaluate","params":{"edits":\#(edits),"radius":600}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"scenario.show","params":{"name":"a"}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"scenario.compare","params":{"a":"a","b":"base"}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"scenario.list","params":{}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"scenario.evaluate","params":{"edits":[{"op":"set_area","id":"F001"}]}}"#
        ]
        let r = try CLI.run(["rpc", "--db", db], stdin: requests.joined(separator: "\n") + "\n")
        var replies: [Int: JSONValue] = [:]
        for line in r.stdout.split(separator: "\n") {
            let reply = try JSONParser.parse(String(line))
            if let id = reply["id"]?.numberValue?.int { replies[id] = reply["result"] ?? reply["error"] }
        }
        let cli = [
            ["scenario", "evaluate", "--edits", file, "--radius", "600"], ["scenario", "show", "--name", "a"],
            ["scenario", "compare", "--a", "a", "--b", "base"], ["scenario", "list"]
        ]
        for (i, args) in cli.enumerated() {
            let doc = try Self.json(CLI.run(args + ["--format", "json", "--db", db]))
            #expect(replies[i + 1] == doc, "\(args)")
        }
        #expect(replies[5]?["code"] == .number(JSONNumber(-32602)))
        #expect(replies[5]?["message"]?.stringValue?.contains("edits[0] (set_area): usable_area_m2 is missing") == true)
    }
}

extension JSONValue {
    /// The member `key` of an object (nil for anything else).
    fileprivate subscript(key: String) -> JSONValue? { objectValue?[key] }
    /// The element `index` of an array (nil when out of range or not an array).
    fileprivate subscript(index: Int) -> JSONValue? {
        guard let a = arrayValue, a.indices.contains(index) else { return nil }
        return a[index]
    }
}
