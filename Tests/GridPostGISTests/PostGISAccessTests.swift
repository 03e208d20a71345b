import Foundation
import GridPostgres
import Testing
import TestSupport

/// `gridplan db grant` and the row-level security policies, checked by connecting as the roles.
@Suite(
    .serialized,
    .enabled(
        if: PostgresCluster.shouldRun,
        "PostgreSQL 15 not installed: run Tools/setup (postgresql-15, postgresql-15-postgis-3), or set CI to make this a failure"
    ))
struct PostGISAccessTests {
    @Test func districtCityAndHouseholdRolesSeeOnlyWhatTheyMay() throws {
        let fixture = try PostGISFixture()
        try #require(try fixture.importDemo(dataset: "a").status == 0)
        try #require(try fixture.importDemo(dataset: "b").status == 0)
        // Role names are cluster-wide: make them unique to this database.
        let tag = String(fixture.database.suffix(6))
        let district = "district_a_\(tag)", city = "city_\(tag)", householdRole = "households_a_\(tag)"
        let granted = try CLI.run(["db", "grant", "--db", fixture.uri(), "--role", district, "--dataset", "a"])
        #expect(granted.status == 0, "\(granted.stderr)")
        #expect(granted.stdout.contains("created role \(district)"))
        #expect(granted.stdout.contains("reads and writes district a"))
        #expect(try CLI.run(["db", "grant", "--db", fixture.uri(), "--role", city, "--city"]).status == 0)
        #expect(
            try CLI.run(["db", "grant", "--db", fixture.uri(), "--role", householdRole, "--dataset", "a", "--households"])
                .status == 0)
        let (alice, carol, hana) = ("alice_\(tag)", "carol_\(tag)", "hana_\(tag)")
        try fixture.cluster.psql(
            "CREATE ROLE \(alice) LOGIN IN ROLE \(district); CREATE ROLE \(carol) LOGIN IN ROLE \(city); "
                + "CREATE ROLE \(hana) LOGIN IN ROLE \(householdRole)")
        func connect(_ user: String) throws -> PostgresConnection {
            try PostgresConnection(fixture.cluster.conninfo(database: fixture.database, user: user))
        }

        // The district's planner: district a's rows only, no household rows, no writes elsewhere.
        let a = try connect(alice)
        #expect(try a.scalar("SELECT count(*) FROM buildings") == "2625")
        #expect(try a.scalar("SELECT count(*) FROM buildings WHERE dataset_id = 'b'") == "0")
        #expect(try a.scalar("SELECT string_agg(dataset_id, ',') FROM datasets") == "a")
        #expect(throws: PostgresError.self) { try a.query("SELECT count(*) FROM households") }
        try a.query("UPDATE buildings SET name = 'x' WHERE dataset_id = 'b'")
        let bNames = try fixture.connection().scalar("SELECT count(*) FROM buildings WHERE dataset_id = 'b' AND name = 'x'")
        #expect(bNames == "0")
        #expect(throws: PostgresError.self) {
            try a.query(
                "INSERT INTO datasets VALUES ('b2', 'n', 'EPSG:4490', 'EPSG:4547', 4547, 'now', '0.1.0')")
        }
        // Through gridplan: district a's report as the superuser gives it; district b is not there.
        let asAlice = try CLI.run(["report", "area", "--format", "json", "--db", fixture.uri(user: alice)])
        let asAdmin = try CLI.run(["report", "area", "--format", "json", "--db", fixture.uri(dataset: "a")])
        #expect(asAlice.status == 0, "\(asAlice.stderr)")
        #expect(asAlice.stdout == asAdmin.stdout)
        let other = try CLI.run(["report", "area", "--db", fixture.uri(dataset: "b", user: alice)])
        #expect(other.status != 0)
        #expect(other.stderr.contains("no district b"), "\(other.stderr)")
        let party = try CLI.run(["report", "party", "--db", fixture.uri(user: alice)])
        #expect(party.status != 0)
        #expect(party.stderr.contains("may not read household rows"), "\(party.stderr)")

        // The city: every district, read only, still no household rows.
        let c = try connect(carol)
        #expect(try c.scalar("SELECT count(*) FROM buildings") == "5250")
        #expect(throws: PostgresError.self) { try c.query("SELECT count(*) FROM households") }
        #expect(throws: PostgresError.self) { try c.query("UPDATE buildings SET name = 'x' WHERE dataset_id = 'a'") }
        let cityReport = try CLI.run(["report", "area", "--format", "json", "--db", fixture.uri(dataset: "b", user: carol)])
        #expect(cityReport.status == 0, "\(cityReport.stderr)")

        // The household role: district a's household rows, not district b's.
        let h = try connect(hana)
        #expect(try h.scalar("SELECT count(*) FROM households") == "101698")
        #expect(try h.scalar("SELECT count(DISTINCT dataset_id) FROM households") == "1")
        let partyAsHana = try CLI.run(["report", "party", "--format", "json", "--db", fixture.uri(user: hana)])
        #expect(partyAsHana.status == 0, "\(partyAsHana.stderr)")
    }

    @Test func grantNeedsADistrictOrTheCity() throws {
        let fixture = try PostGISFixture()
        #expect(try CLI.run(["db", "init", "--db", fixture.uri()]).status == 0)
        let run = try CLI.run(["db", "grant", "--db", fixture.uri(), "--role", "r_\(fixture.database.suffix(6))"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--dataset"), "\(run.stderr)")
    }
}
