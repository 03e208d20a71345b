import Foundation
import GridPostGIS
import GridPostgres
import Testing
import TestSupport

/// Each way of pointing gridplan at a wrong database gives one clear error: non-zero exit, one
/// error line naming what is wrong, and never a password.
@Suite(
    .serialized,
    .enabled(
        if: PostgresCluster.shouldRun,
        "PostgreSQL 15 not installed: run Tools/setup (postgresql-15, postgresql-15-postgis-3), or set CI to make this a failure"
    ))
struct PostGISErrorTests {
    func expectOneError(_ run: CLIRun, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status != 0, sourceLocation: sourceLocation)
        #expect(errorLines(run).count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(text), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func badURIs() throws {
        let fixture = try PostGISFixture()
        let withPassword = "postgresql://postgres:hunter2@/\(fixture.database)?host=\(fixture.cluster.socketDirectory)"
        let refused = try CLI.run(["report", "area", "--db", withPassword])
        expectOneError(refused, "PGPASSWORD")
        #expect(!refused.stderr.contains("hunter2"))
        expectOneError(try CLI.run(["report", "area", "--db", fixture.uri("lock_wait=soon")]), "lock_wait=soon")
        expectOneError(try CLI.run(["report", "area", "--db", fixture.uri("port=notaport")]), "cannot connect")
        expectOneError(
            try CLI.run([
                "report", "area", "--db", "postgresql://postgres@/no_such_database?host=\(fixture.cluster.socketDirectory)"
            ]),
            "no_such_database")
    }

    @Test func wrongPasswordNamesAuthentication() throws {
        let fixture = try PostGISFixture()
        try #require(try fixture.importDemo(dataset: "a").status == 0)
        let role = "gridplan_pw_\(fixture.database.suffix(8))"
        try fixture.cluster.psql("CREATE ROLE \(role) LOGIN PASSWORD 'right-one'")
        let granted = try CLI.run(["db", "grant", "--db", fixture.uri(), "--role", role, "--dataset", "a"])
        #expect(granted.status == 0, "\(granted.stderr)")
        // Password authentication for this role only, ahead of the cluster's trust lines.
        let hba = fixture.cluster.root.appendingPathComponent("data/pg_hba.conf")
        let rules = try String(contentsOf: hba, encoding: .utf8)
        try ("local all \(role) scram-sha-256\n" + rules).write(to: hba, atomically: false, encoding: .utf8)
        try fixture.cluster.psql("SELECT pg_reload_conf()")
        let uri = fixture.uri(dataset: "a", user: role)
        let wrong = try CLI.run(["report", "area", "--db", uri], environment: ["PGPASSWORD": "wrong-one"])
        expectOneError(wrong, "authentication failed")
        #expect(wrong.stderr.contains("PGPASSWORD"))
        #expect(!wrong.stderr.contains("wrong-one"))
        let right = try CLI.run(["report", "area", "--format", "json", "--db", uri], environment: ["PGPASSWORD": "right-one"])
        #expect(right.status == 0, "\(right.stderr)")
    }

    @Test func missingPostGISExtension() throws {
        let fixture = try PostGISFixture(postgis: false)
        expectOneError(try CLI.run(["report", "area", "--db", fixture.uri()]), "has no PostGIS extension")
        let zh = try CLI.run(["report", "area", "--db", fixture.uri(), "--lang", "zh"])
        #expect(zh.stderr.contains("没有 PostGIS 扩展"), "\(zh.stderr)")
    }

    @Test func schemaNewerThanTheBinary() throws {
        let fixture = try PostGISFixture()
        try #require(try fixture.importDemo(dataset: "a").status == 0)
        try fixture.connection().query(
            "INSERT INTO gridplan_schema (version, description, gridplan_version) VALUES (99, 'future', '9.9.9')")
        let run = try CLI.run(["report", "area", "--db", fixture.uri(dataset: "a")])
        expectOneError(run, "schema version 99, newer than this gridplan knows (\(PostGISSchema.currentVersion))")
        expectOneError(try CLI.run(["db", "init", "--db", fixture.uri()]), "schema version 99")
        // Nothing was changed by either attempt.
        #expect(
            try fixture.connection().scalar("SELECT count(*) FROM gridplan_schema") == "\(PostGISSchema.migrations.count + 1)")
    }

    @Test func uninitializedDatabaseAndUnknownDistrict() throws {
        let fixture = try PostGISFixture()
        expectOneError(try CLI.run(["report", "area", "--db", fixture.uri()]), "gridplan db init")
        try #require(try fixture.importDemo(dataset: "a").status == 0)
        try #require(try fixture.importDemo(dataset: "b").status == 0)
        expectOneError(try CLI.run(["report", "area", "--db", fixture.uri()]), "several districts (a, b)")
        expectOneError(try CLI.run(["report", "area", "--db", fixture.uri(dataset: "c")]), "no district c")
        expectOneError(try fixture.importDemo(dataset: "a"), "--replace")
    }
}
