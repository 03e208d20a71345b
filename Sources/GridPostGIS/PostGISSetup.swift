import GridModel
import GridPostgres
import GridStore

/// What `gridplan db init` did to a database.
public struct DatabaseInitReport: Codable, Sendable, Equatable {
    /// True when this run created the PostGIS extension.
    public var createdExtension: Bool
    /// The PostGIS version in the database.
    public var postgisVersion: String
    /// The schema version before and after.
    public var fromVersion: Int
    public var toVersion: Int
    /// The migrations this run applied, in order ("1: district layers").
    public var applied: [String]

    enum CodingKeys: String, CodingKey {
        case createdExtension = "created_extension", postgisVersion = "postgis_version"
        case fromVersion = "from_version", toVersion = "to_version", applied
    }
}

/// Creates or upgrades the schema: the PostGIS extension when missing (needs the right to create
/// it), then every migration the database lacks, all in one transaction under an advisory lock so
/// two gridplans upgrading at once apply each migration once.
public enum PostGISSetup {
    /// Advisory lock key of schema changes.
    static let schemaLockKey = "7101811"

    public static func initialize(_ connection: PostgresConnection, address: PostGISAddress) throws -> DatabaseInitReport {
        try PostGISErrors.mapped(address) {
            try connection.transaction { c in
                try c.query("SELECT pg_advisory_xact_lock(\(schemaLockKey))")
                var created = false
                if try c.scalar("SELECT extversion FROM pg_extension WHERE extname = 'postgis'") == nil {
                    do {
                        try c.query("CREATE EXTENSION postgis")
                    } catch let error as PostgresError {
                        throw UsageError(
                            key: "usage.postgis.cannot_create_extension",
                            ["uri": address.display, "error": error.message])
                    }
                    created = true
                }
                let version = try c.scalar("SELECT extversion FROM pg_extension WHERE extname = 'postgis'") ?? ""
                if try c.scalar("SELECT to_regclass('gridplan_schema')::text") == nil {
                    try c.query(PostGISSchema.versionTable)
                }
                let from = Int(try c.scalar("SELECT COALESCE(MAX(version), 0) FROM gridplan_schema") ?? "0") ?? 0
                if from > PostGISSchema.currentVersion {
                    throw PostGISErrors.newer(address, found: from)
                }
                var applied: [String] = []
                for m in PostGISSchema.migrations where m.version > from {
                    for statement in m.statements { try c.query(statement) }
                    try c.query(
                        "INSERT INTO gridplan_schema (version, description, gridplan_version) VALUES ($1, $2, $3)",
                        ["\(m.version)", m.description, PostGISStore.gridplanVersion])
                    applied.append("\(m.version): \(m.description)")
                }
                return DatabaseInitReport(
                    createdExtension: created, postgisVersion: version, fromVersion: from,
                    toVersion: max(from, PostGISSchema.currentVersion), applied: applied)
            }
        }
    }

    /// Checks that the database has PostGIS and this gridplan's schema version; throws one clear
    /// error naming what is wrong.
    static func check(_ connection: PostgresConnection, address: PostGISAddress) throws {
        try PostGISErrors.mapped(address) {
            if try connection.scalar("SELECT extversion FROM pg_extension WHERE extname = 'postgis'") == nil {
                throw UsageError(key: "usage.postgis.no_extension", ["uri": address.display])
            }
            guard try connection.scalar("SELECT to_regclass('gridplan_schema')::text") != nil else {
                throw UsageError(key: "usage.postgis.not_initialized", ["uri": address.display])
            }
            let found = Int(try connection.scalar("SELECT COALESCE(MAX(version), 0) FROM gridplan_schema") ?? "0") ?? 0
            if found > PostGISSchema.currentVersion { throw PostGISErrors.newer(address, found: found) }
            if found < PostGISSchema.currentVersion {
                throw UsageError(
                    key: "usage.postgis.older",
                    ["uri": address.display, "found": "\(found)", "known": "\(PostGISSchema.currentVersion)"])
            }
        }
    }
}
