import Foundation
import GridFormats
import GridModel
import GridPostGIS
import GridPostgres
import GridService
import GridStore
import Testing
import TestSupport

/// Scenarios in the city database: the same documents as from a GeoPackage store, kept across
/// reconnecting and re-import, applied all or nothing, and under the districts' row-level security.
@Suite(
    .serialized,
    .enabled(
        if: PostgresCluster.shouldRun,
        "PostgreSQL 15 not installed: run Tools/setup (postgresql-15, postgresql-15-postgis-3), or set CI to make this a failure"
    ))
struct PostGISScenarioTests {
    static let close = #"[{"op":"close_facility","id":"F102"},{"op":"set_area","id":"F001","usable_area_m2":500}]"#
    static let add =
        #"[{"op":"add_facility","id":"S1","x":114.2801095,"y":30.592027,"crs":"EPSG:4490","kind":"party_mass_station","usable_area_m2":300,"name":"三眼桥新站"},{"op":"move_facility","id":"F001","x":114.2968422,"y":30.6063708,"crs":"EPSG:4490"}]"#

    /// Runs `method` with `params` on the store `db` at a fixed time; the JSON document, sorted.
    static func run(_ method: String, _ params: String, db: String, at time: TimeInterval = 1_800_000_000) throws -> String {
        let context = ServiceContext(db: db)
        context.clock = { Date(timeIntervalSince1970: time) }
        let operation = try #require(OperationCatalogue.operation(method: method))
        let object = try #require(try JSONParser.parse(params).objectValue)
        let output = try operation.execute(object, context: context, defaultFormat: .json)
        guard case .json(let value)? = output.document else { Issue.record("\(method): no JSON"); return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func bothStoresGiveByteIdenticalScenarioDocuments() throws {
        let fixture = try PostGISFixture()
        let gpkg = try CLI.importDemo()
        #expect(try fixture.importDemo(dataset: "demo").status == 0)
        let pg = fixture.uri(dataset: "demo")
        var documents: [String: [String]] = [:]
        for db in [gpkg, pg] {
            var out: [String] = []
            out.append(try Self.run("scenario.save", #"{"name":"关站","note":"试算","edits":\#(Self.close)}"#, db: db))
            out.append(try Self.run("scenario.save", #"{"name":"新站","edits":\#(Self.add)}"#, db: db, at: 1_800_000_100))
            out.append(try Self.run("scenario.list", "{}", db: db))
            out.append(try Self.run("scenario.show", #"{"name":"新站"}"#, db: db))
            out.append(try Self.run("scenario.show", #"{"name":"关站","network":true}"#, db: db))
            out.append(try Self.run("scenario.compare", #"{"a":"关站","b":"新站"}"#, db: db))
            out.append(try Self.run("scenario.compare", #"{"a":"base","b":"新站","allocate":"reach"}"#, db: db))
            out.append(try Self.run("scenario.apply", #"{"name":"新站","dry_run":true}"#, db: db))
            out.append(try Self.run("scenario.apply", #"{"name":"新站"}"#, db: db, at: 1_800_000_200))
            out.append(try Self.run("scenario.list", "{}", db: db))
            out.append(try Self.run("report.area", #"{"format":"json"}"#, db: db))
            out.append(try Self.run("coverage", #"{"format":"json"}"#, db: db))
            out.append(try Self.run("scenario.show", #"{"name":"关站"}"#, db: db))
            out.append(try Self.run("scenario.delete", #"{"name":"关站"}"#, db: db))
            out.append(try Self.run("scenario.list", "{}", db: db))
            documents[db] = out
        }
        let a = try #require(documents[gpkg]), b = try #require(documents[pg])
        #expect(a.count == b.count)
        for (i, (x, y)) in zip(a, b).enumerated() {
            #expect(x.count > 10, "document \(i)")
            #expect(x == y, "document \(i): the stores' JSON differ")
        }
        #expect(a[9].contains("\"applied_at\":\"2027-01-15T08:03:20Z\""), "\(a[9])")
    }

    @Test func aSavedScenarioSurvivesReconnectingAndReImport() throws {
        let fixture = try PostGISFixture()
        #expect(try fixture.importDemo(dataset: "demo").status == 0)
        let pg = fixture.uri(dataset: "demo")
        let save = try CLI.run(["scenario", "save", "--name", "关站", "--edits", "-", "--db", pg], stdin: Self.close)
        #expect(save.status == 0, "\(save.stderr)")
        let list = try CLI.run(["scenario", "list", "--format", "json", "--db", pg])
        #expect(list.status == 0 && list.stdout.contains("\"name\" : \"关站\""), "\(list.stdout) \(list.stderr)")
        #expect(try fixture.importDemo(dataset: "demo", replace: true).status == 0)
        let again = try CLI.run(["scenario", "show", "--name", "关站", "--format", "json", "--db", pg])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try fixture.connection().scalar("SELECT count(*) FROM scenarios WHERE dataset_id = 'demo'") == "1")
        // Another district does not see it.
        #expect(try fixture.importDemo(dataset: "other").status == 0)
        let other = try CLI.run(["scenario", "list", "--format", "json", "--db", fixture.uri(dataset: "other")])
        #expect(other.status == 0, "\(other.stderr)")
        #expect(try JSONParser.parse(other.stdout) == .array([]), "\(other.stdout)")
    }

    @Test func aFailingApplyLeavesTheDistrictAsItWas() throws {
        let fixture = try PostGISFixture()
        #expect(try fixture.importDemo(dataset: "demo").status == 0)
        guard case .postgis(let address) = try StoreAddress(fixture.uri(dataset: "demo")) else {
            Issue.record("not a PostGIS address"); return
        }
        let store = try PostGISStore(address: address)
        _ = try store.saveScenario(
            StoredScenario(name: "a", note: nil, edits: "[]", createdAt: "t0", updatedAt: "t0"), replace: false)
        let before = try store.loadSnapshot(layers: [.facilities]).facilities
        var updated = before[1]
        updated.usableAreaM2 = 999
        var bad = before[0]
        bad.id = "S9"
        bad.communityId = "NO-SUCH-COMMUNITY"  // the last write breaks a foreign key
        #expect(throws: (any Error).self) {
            try store.applyScenario(
                named: "a", changes: FacilityChanges(added: [bad], updated: [updated], removedIds: [before[2].id]),
                appliedAt: "t1")
        }
        #expect(try store.loadSnapshot(layers: [.facilities]).facilities == before)
        #expect(try store.scenario(named: "a")?.appliedAt == nil)
        // The same changes without the bad facility land, in order, with the time recorded.
        var good = before[0]
        good.id = "S1"
        try store.applyScenario(
            named: "a", changes: FacilityChanges(added: [good], updated: [updated], removedIds: [before[2].id]), appliedAt: "t1")
        let after = try store.loadSnapshot(layers: [.facilities]).facilities
        #expect(after.count == before.count && after.last == good && after.contains(updated))
        #expect(try store.scenario(named: "a")?.appliedAt == "t1")
    }

    @Test func aDistrictRoleReachesOnlyItsDistrictsScenarios() throws {
        let fixture = try PostGISFixture()
        #expect(try fixture.importDemo(dataset: "a").status == 0)
        #expect(try fixture.importDemo(dataset: "b").status == 0)
        for d in ["a", "b"] {
            let r = try CLI.run(
                ["scenario", "save", "--name", "s-\(d)", "--edits", "-", "--db", fixture.uri(dataset: d)], stdin: "[]")
            #expect(r.status == 0, "\(r.stderr)")
        }
        let tag = String(fixture.database.suffix(6))
        let district = "scen_a_\(tag)", user = "scen_alice_\(tag)"
        #expect(try CLI.run(["db", "grant", "--db", fixture.uri(), "--role", district, "--dataset", "a"]).status == 0)
        try fixture.cluster.psql("CREATE ROLE \(user) LOGIN IN ROLE \(district)")
        let alice = try PostgresConnection(fixture.cluster.conninfo(database: fixture.database, user: user))
        #expect(try alice.scalar("SELECT string_agg(name, ',') FROM scenarios") == "s-a")
        #expect(throws: (any Error).self) {
            try alice.query(
                "INSERT INTO scenarios (dataset_id, name, edits, created_at, updated_at) VALUES ('b', 'x', '[]', 't', 't')")
        }
        try alice.query(
            "INSERT INTO scenarios (dataset_id, name, edits, created_at, updated_at) VALUES ('a', 'x', '[]', 't', 't')")
        let listed = try CLI.run(["scenario", "list", "--format", "json", "--db", fixture.uri(dataset: "a", user: user)])
        #expect(listed.status == 0 && listed.stdout.contains("s-a") && !listed.stdout.contains("s-b"), "\(listed.stderr)")
    }
}
