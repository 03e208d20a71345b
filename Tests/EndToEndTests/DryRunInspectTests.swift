import Foundation
import Testing
import TestSupport

/// `gridplan import --dry-run` and `gridplan inspect DIR` on the demo district and on a broken
/// copy: every layer reported, every problem listed, no store written.
struct DryRunInspectTests {
    static let environment = ["GRIDPLAN_HOME": CLI.repositoryRoot.path]

    @Test func importDryRunWritesNoStore() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("demo.gpkg").path
        let r = try CLI.run(
            ["import", CLI.demoDataset.path, "--db", db, "--dry-run", "--format", "json"], environment: Self.environment)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db), "a dry run must not create the store")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let report = try #require(doc["dry_run"] as? [String: Any])
        let layers = try #require(report["layers"] as? [[String: Any]])
        #expect(layers.map { $0["entity"] as? String }.contains("buildings"))
        #expect(report["valid"] as? Bool == true)
    }

    @Test func inspectListsLayersAndEveryProblem() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in try FileManager.default.contentsOfDirectory(atPath: CLI.demoDataset.path) {
            try FileManager.default.copyItem(
                at: CLI.demoDataset.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let facilities = dir.appendingPathComponent("facilities.geojson")
        let text = try String(contentsOf: facilities, encoding: .utf8)
        try text.replacingOccurrences(of: "\"kind\":", with: "\"类型\":", options: [], range: nil)
            .replacingOccurrences(of: "\"usable_area_m2\":", with: "\"使用面积\":")
            .write(to: facilities, atomically: true, encoding: .utf8)
        let good = try CLI.run(["inspect", dir.path, "--format", "json"], environment: Self.environment)
        #expect(good.status == 0, "\(good.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(good.stdout.utf8)) as? [String: Any])
        #expect(doc["valid"] as? Bool == true, "Chinese headers are read: \(good.stdout.prefix(2000))")
        let layers = try #require(doc["layers"] as? [[String: Any]])
        let facilityColumns = try #require(
            layers.first { $0["entity"] as? String == "facilities" }?["columns"] as? [[String: Any]])
        #expect(facilityColumns.contains { $0["column"] as? String == "类型" && $0["field"] as? String == "kind" })

        try Data("id,kind,staff\nU1,工厂,很多\n".utf8).write(to: dir.appendingPathComponent("units.csv"))
        let bad = try CLI.run(["inspect", dir.path], environment: Self.environment)
        #expect(bad.stdout.contains("units.csv:line 2: kind: unknown kind '工厂'"), "\(bad.stdout.suffix(1500))")
        #expect(bad.stdout.contains("units.csv:line 2: staff: '很多' is not a number"))
    }
}
