import Foundation
import Testing
import TestSupport

/// The store holds household data: it is created with mode 0600 (its WAL and shared-memory
/// files too, which SQLite gives the database's mode), and no command's output carries a
/// household id of the demo district. (`export` is written on another branch; its
/// `--include-households` rule is tested there.)
@Test func reliabilityStoreIsPrivateAndOutputsCarryNoHouseholds() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let demo = CLI.demoDataset
    let db = dir.appendingPathComponent("private.gpkg").path
    let imported = try CLI.run(["import", demo.path, "--db", db], environment: ["GRIDPLAN_HOME": CLI.repositoryRoot.path])
    #expect(imported.status == 0, "\(imported.stderr)")
    for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + suffix) {
        let mode = try FileManager.default.attributesOfItem(atPath: db + suffix)[.posixPermissions] as? Int
        #expect(mode == 0o600, "\(db + suffix) has mode \(String(mode ?? 0, radix: 8))")
    }

    // Household ids of the demo: the first 200 rows, and the id pattern they share.
    let csv = try String(contentsOf: demo.appendingPathComponent("households.csv"), encoding: .utf8)
    let ids = csv.split(separator: "\n").dropFirst().prefix(200).compactMap { $0.split(separator: ",").first.map(String.init) }
    #expect(ids.count == 200)
    let idPrefix = String(ids[0].prefix(4))  // e.g. "H000"

    let commands: [[String]] = [
        ["info"], ["info", "--format", "json"],
        ["report", "area"], ["report", "area", "--format", "json"], ["report", "area", "--format", "csv"],
        ["report", "area", "--by", "grid", "--format", "json"],
        ["coverage", "--format", "json"], ["coverage", "--format", "csv"], ["coverage", "--format", "geojson"],
        ["coverage", "--network", "--accessibility", "--format", "json"],
        ["report", "underserved", "--format", "json"], ["report", "compliance", "--format", "json"]
    ]
    for args in commands {
        let r = try CLI.run(args + ["--db", db], environment: ["GRIDPLAN_HOME": CLI.repositoryRoot.path])
        #expect(r.status == 0, "\(args): \(r.stderr.prefix(300))")
        #expect(!r.stdout.isEmpty, "\(args) printed nothing")
        for text in [r.stdout, r.stderr] {
            #expect(!text.contains(idPrefix), "\(args) output carries a household id (\(idPrefix)…)")
            if let leaked = ids.first(where: { text.contains($0) }) { Issue.record("\(args) leaks household \(leaked)") }
        }
    }
    // JSON-RPC: the same operations through the server.
    let requests =
        [
            #"{"jsonrpc":"2.0","id":1,"method":"info"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"report.area","params":{"by":"grid"}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"coverage","params":{"accessibility":true}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"report.underserved"}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"report.compliance"}"#
        ].joined(separator: "\n") + "\n"
    let rpc = try CLI.run(["rpc", "--db", db], stdin: requests, environment: ["GRIDPLAN_HOME": CLI.repositoryRoot.path])
    #expect(rpc.status == 0)
    #expect(rpc.stdout.split(separator: "\n").count == 5)
    #expect(!rpc.stdout.contains("\"error\""), "\(rpc.stdout.prefix(500))")
    #expect(!rpc.stdout.contains(idPrefix))
}
