import Foundation
import GridPostgres
import TestSupport

/// A fresh database on the shared test cluster and the `--db` URIs that reach it.
struct PostGISFixture {
    let cluster: PostgresCluster
    let database: String

    init(postgis: Bool = true) throws {
        cluster = try PostgresCluster.shared()
        database = try cluster.createDatabase(postgis: postgis)
    }

    /// `postgresql://user@/database?host=SOCKET&port=N` plus `dataset` and extra parameters.
    func uri(dataset: String? = nil, user: String = "postgres", _ extra: String = "") -> String {
        var text = "postgresql://\(user)@/\(database)?host=\(cluster.socketDirectory)&port=\(cluster.port)"
        if let dataset { text += "&dataset=\(dataset)" }
        if !extra.isEmpty { text += "&" + extra }
        return text
    }

    /// A superuser connection to the database, for checks the tests make behind gridplan's back.
    func connection() throws -> PostgresConnection {
        try PostgresConnection(cluster.conninfo(database: database))
    }

    /// Imports the demo district as `dataset` with the CLI; returns the run.
    @discardableResult
    func importDemo(dataset: String, replace: Bool = false, _ extra: String = "") throws -> CLIRun {
        try CLI.run(["import", CLI.demoDataset.path, "--db", uri(dataset: dataset, extra)] + (replace ? ["--replace"] : []))
    }
}

/// The lines of a run's stderr that are not progress (errors are one line).
func errorLines(_ run: CLIRun) -> [String] {
    run.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("error") }
}
