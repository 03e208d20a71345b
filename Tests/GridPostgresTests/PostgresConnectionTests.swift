import Foundation
import GridPostgres
import Testing
import TestSupport

@Suite(
    .enabled(
        if: PostgresCluster.shouldRun,
        "PostgreSQL 15 not installed: run Tools/setup (or set CI to make this a failure)"))
struct PostgresConnectionTests {
    @Test func connectsAndReportsPostGIS() throws {
        let cluster = try PostgresCluster.shared()
        let database = try cluster.createDatabase()
        let connection = try PostgresConnection(cluster.conninfo(database: database))
        let version = try connection.scalar("select postgis_full_version()")
        #expect(version?.contains("POSTGIS=") == true)
    }

    @Test func bindsParametersAndNulls() throws {
        let connection = try PostgresConnection(PostgresCluster.shared().conninfo())
        let rows = try connection.query("select $1::text || '!', $2::int + 1, $3::text", ["它's", "41", nil])
        #expect(rows == [["它's!", "42", nil]])
    }

    @Test func errorsCarrySQLState() throws {
        let connection = try PostgresConnection(PostgresCluster.shared().conninfo())
        do {
            try connection.query("select * from no_such_table")
            Issue.record("expected an error")
        } catch let error as PostgresError {
            #expect(error.sqlState == "42P01")
            #expect(error.message.contains("no_such_table"))
        }
    }

    @Test func copyInLoadsRowsInsideATransaction() throws {
        let cluster = try PostgresCluster.shared()
        let connection = try PostgresConnection(cluster.conninfo(database: cluster.createDatabase(postgis: false)))
        try connection.query("create table t (id int primary key, name text)")
        try connection.transaction { c in
            try c.copyIn("copy t (id, name) from stdin", data: Array("1\ta\n2\t\\N\n3\t网格\n".utf8))
        }
        #expect(try connection.scalar("select count(*) from t") == "3")
        #expect(try connection.scalar("select name from t where id = 3") == "网格")
        #expect(throws: PostgresError.self) {
            try connection.transaction { c in
                try c.copyIn("copy t (id, name) from stdin", data: Array("4\td\n1\tdup\n".utf8))
            }
        }
        #expect(try connection.scalar("select count(*) from t") == "3")
    }

    @Test func refusedConnectionIsAnErrorNotAHang() throws {
        let cluster = try PostgresCluster.shared()
        #expect(throws: PostgresError.self) {
            _ = try PostgresConnection(cluster.conninfo(database: "no_such_database"))
        }
    }
}
