import Foundation
import GridPostGIS
import GridPostgres
import GridStore
import Testing
import TestSupport

/// The PostGIS store against a real PostgreSQL 15 + PostGIS 3 cluster, through the built binary.
@Suite(
    .serialized,
    .enabled(
        if: PostgresCluster.shouldRun,
        "PostgreSQL 15 not installed: run Tools/setup (postgresql-15, postgresql-15-postgis-3), or set CI to make this a failure"
    ))
struct PostGISStoreTests {
    /// Every command that reads the snapshot gives the same bytes from both stores, before and
    /// after `grids plan --apply` wrote to each.
    @Test func demoGivesByteIdenticalJSONFromBothStores() throws {
        let fixture = try PostGISFixture()
        let gpkg = try CLI.importDemo()
        let imported = try fixture.importDemo(dataset: "demo")
        #expect(imported.status == 0, "\(imported.stderr)")
        let pg = fixture.uri(dataset: "demo")
        let commands: [[String]] = [
            ["report", "area"], ["coverage"], ["coverage", "--network"], ["site", "--count", "5"],
            ["report", "compliance"], ["report", "underserved"], ["report", "party"], ["grids", "plan"]
        ]
        func compare(_ stage: String) throws {
            for command in commands {
                let a = try CLI.run(command + ["--format", "json", "--db", gpkg])
                let b = try CLI.run(command + ["--format", "json", "--db", pg])
                #expect(a.status == 0 && b.status == 0, "\(stage) \(command): \(a.stderr) \(b.stderr)")
                #expect(a.stdout.count > 100, "\(stage) \(command)")
                #expect(a.stdout == b.stdout, "\(stage) \(command): the stores' JSON differ")
            }
        }
        try compare("imported")
        for db in [gpkg, pg] {
            let applied = try CLI.run(["grids", "plan", "--apply", "--format", "json", "--db", db])
            #expect(applied.status == 0, "\(applied.stderr)")
        }
        try compare("after grids plan --apply")
        let infoA = try CLI.run(["info", "--format", "json", "--db", gpkg]).stdout
        let infoB = try CLI.run(["info", "--format", "json", "--db", pg]).stdout
        let countsA = try Self.store(infoA)["counts"] as? [String: Int]
        let countsB = try Self.store(infoB)["counts"] as? [String: Int]
        #expect(countsA != nil && countsA == countsB)
        #expect(try Self.store(infoB)["households"] as? Int == 101698)
    }

    /// The `store` object of `info --format json`.
    static func store(_ json: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["store"] as? [String: Any] ?? [:]
    }

    @Test func concurrentImportsOfDifferentDistrictsBothLand() throws {
        let fixture = try PostGISFixture()
        let init0 = try CLI.run(["db", "init", "--db", fixture.uri()])
        #expect(init0.status == 0, "\(init0.stderr)")
        let runs = Locked<[String: CLIRun]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let name = ["east", "west"][i]
            let run = try? fixture.importDemo(dataset: name)
            runs.update { $0[name] = run }
        }
        for name in ["east", "west"] {
            let run = runs.value[name]
            #expect(run?.status == 0, "\(name): \(run?.stderr ?? "no run")")
        }
        let c = try fixture.connection()
        let rows = try c.query("SELECT dataset_id, count(*) FROM buildings GROUP BY dataset_id ORDER BY dataset_id")
        #expect(rows == [["east", "2625"], ["west", "2625"]])
        let households = try c.query("SELECT dataset_id, count(*) FROM households GROUP BY dataset_id ORDER BY dataset_id")
        #expect(households == [["east", "101698"], ["west", "101698"]])
    }

    /// Readers during a re-import of their district see it whole, before or after, never half.
    @Test func readersDuringAnImportSeeOldOrNewWhole() throws {
        let fixture = try PostGISFixture()
        try #require(try fixture.importDemo(dataset: "a").status == 0)
        let before = try fixture.connection().scalar("SELECT imported_at FROM datasets WHERE dataset_id = 'a'")
        let done = Locked(false)
        let importRun = Locked<CLIRun?>(nil)
        let thread = Thread {
            importRun.update { $0 = try? fixture.importDemo(dataset: "a", replace: true) }
            done.update { $0 = true }
        }
        thread.start()
        let store = try PostGISStore(address: PostGISAddress(fixture.uri(dataset: "a")))
        var reads = 0
        var importedAts: Set<String> = []
        while !done.value {
            let s = try store.loadSnapshot(layers: [.communities, .buildings, .households])
            #expect(s.communities.count == 33 && s.buildings.count == 2625 && s.households.count == 101698)
            #expect(s.buildings.reduce(0) { $0 + $1.households } == 101698)
            reads += 1
            if let at = try store.info().importedAt { importedAts.insert(at) }
        }
        #expect(importRun.value?.status == 0, "\(importRun.value?.stderr ?? "")")
        #expect(reads >= 1)
        let after = try fixture.connection().scalar("SELECT imported_at FROM datasets WHERE dataset_id = 'a'")
        #expect(before != nil && after != nil)
        #expect(importedAts.isSubset(of: Set([before, after].compactMap { $0 })))
    }

    /// An import killed with SIGKILL in the middle of its COPY leaves the district as it was,
    /// and its lock goes with it.
    @Test func killedImportLeavesTheDatabaseAsItWas() throws {
        let fixture = try PostGISFixture()
        try #require(try fixture.importDemo(dataset: "a").status == 0)
        let watcher = try fixture.connection()
        let before = try watcher.query("SELECT imported_at FROM datasets")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["import", CLI.demoDataset.path, "--db", fixture.uri(dataset: "a"), "--replace"]
        process.environment = CLI.environment()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var copying = false
        while Date() < deadline && process.isRunning {
            let n = try watcher.scalar(
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query ILIKE 'COPY%'
                """)
            if n != "0" {
                copying = true
                break
            }
            usleep(2_000)
        }
        #expect(copying, "never saw the import's COPY running")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // The server notices the dead client and rolls back; wait for its backend to go.
        for _ in 0..<200 {
            let busy = try watcher.scalar(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
            if busy == "0" { break }
            usleep(50_000)
        }
        #expect(try watcher.query("SELECT imported_at FROM datasets") == before)
        #expect(try watcher.scalar("SELECT count(*) FROM buildings WHERE dataset_id = 'a'") == "2625")
        #expect(try watcher.scalar("SELECT count(*) FROM households WHERE dataset_id = 'a'") == "101698")
        let again = try fixture.importDemo(dataset: "a", replace: true, "lock_wait=5")
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func secondImportOfTheSameDistrictWaitsThenFails() throws {
        let fixture = try PostGISFixture()
        try #require(try fixture.importDemo(dataset: "a").status == 0)
        let holder = try fixture.connection()
        try holder.query("BEGIN")
        try holder.query("SELECT pg_advisory_xact_lock(hashtextextended('gridplan district ' || 'a', 0))")
        let start = Date()
        let second = try fixture.importDemo(dataset: "a", replace: true, "lock_wait=1")
        let waited = Date().timeIntervalSince(start)
        try holder.query("ROLLBACK")
        #expect(second.status != 0)
        #expect(errorLines(second).count == 1, "\(second.stderr)")
        #expect(second.stderr.contains("another import of district a is running"), "\(second.stderr)")
        #expect(waited >= 1)
        // Another district is not blocked by it.
        let other = try fixture.importDemo(dataset: "b", "lock_wait=1")
        #expect(other.status == 0, "\(other.stderr)")
    }

    @Test func dbInitSaysWhatItDid() throws {
        let fixture = try PostGISFixture(postgis: false)
        let first = try CLI.run(["db", "init", "--db", fixture.uri()])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("created the PostGIS extension"))
        #expect(first.stdout.contains("applied schema migration 1: district layers"))
        #expect(first.stdout.contains("applied schema migration 2: row-level security by district"))
        #expect(first.stdout.contains("version 0 → \(PostGISSchema.currentVersion)"))
        let second = try CLI.run(["db", "init", "--db", fixture.uri(), "--lang", "zh"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("已是最新"), "\(second.stdout)")
        #expect(try fixture.connection().scalar("SELECT max(version) FROM gridplan_schema") == "\(PostGISSchema.currentVersion)")
        let gpkg = try CLI.run(["db", "init", "--db", "some.gpkg"])
        #expect(gpkg.status != 0)
        #expect(gpkg.stderr.contains("postgresql://"))
    }
}

/// A value shared between threads of a test.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func update(_ body: (inout Value) -> Void) { lock.lock(); body(&stored); lock.unlock() }
}
