import GridModel
import GridPostgres
import GridStore

/// What `gridplan db grant` gives a role.
public struct AccessGrant: Sendable, Equatable {
    /// The role (created NOLOGIN when missing; planners' login roles are made its members).
    public var role: String
    /// The districts it reads and writes; empty with `city`.
    public var datasets: [String]
    /// Reads every district, writes none.
    public var city: Bool
    /// May also read (and, for its districts, write) household-level rows.
    public var households: Bool

    public init(role: String, datasets: [String], city: Bool, households: Bool) {
        self.role = role; self.datasets = datasets; self.city = city; self.households = households
    }
}

/// Roles and row-level security: a district role reads and writes only its districts' rows, a
/// city role reads every district, and household rows need a grant of their own (without it
/// the table is not even readable). The policies are in the schema (migration 2); this adds the
/// role, its table privileges and its row in `gridplan_access`, in one transaction.
public enum PostGISAccess {
    /// Applies `grant`; returns what was done as (catalogue key, arguments) lines.
    public static func grant(_ grant: AccessGrant, connection: PostgresConnection, address: PostGISAddress) throws
        -> [(key: String, arguments: [String: String])]
    {
        guard !grant.role.isEmpty, grant.city != !grant.datasets.isEmpty else {
            throw UsageError(key: "usage.db.grant_what")
        }
        try PostGISSetup.check(connection, address: address)
        return try PostGISErrors.mapped(address) {
            try connection.transaction { c in
                var done: [(key: String, arguments: [String: String])] = []
                let role = quoted(grant.role)
                if try c.scalar("SELECT count(*) FROM pg_roles WHERE rolname = $1", [grant.role]) == "0" {
                    try c.query("CREATE ROLE \(role) NOLOGIN")
                    done.append(("db.grant.created_role", ["role": grant.role]))
                }
                try c.query("GRANT USAGE ON SCHEMA public TO \(role)")
                try c.query("GRANT SELECT ON gridplan_schema, gridplan_access TO \(role)")
                let ordinary = PostGISSchema.grantedTables.filter { !PostGISSchema.householdTables.contains($0) }
                let rights = grant.city ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE"
                try c.query("GRANT \(rights) ON \(ordinary.joined(separator: ", ")) TO \(role)")
                let households = PostGISSchema.householdTables.joined(separator: ", ")
                if grant.households {
                    try c.query("GRANT \(rights) ON \(households) TO \(role)")
                } else {
                    try c.query("REVOKE ALL ON \(households) FROM \(role)")
                }
                for dataset in grant.city ? ["*"] : grant.datasets {
                    try c.query(
                        """
                        INSERT INTO gridplan_access (role_name, dataset_id, households) VALUES ($1, $2, $3)
                        ON CONFLICT (role_name, dataset_id) DO UPDATE SET households = EXCLUDED.households
                        """, [grant.role, dataset, grant.households ? "t" : "f"])
                    if dataset == "*" {
                        done.append(("db.grant.city", ["role": grant.role]))
                    } else {
                        done.append(("db.grant.district", ["role": grant.role, "dataset": dataset]))
                    }
                }
                done.append((grant.households ? "db.grant.households" : "db.grant.no_households", ["role": grant.role]))
                return done
            }
        }
    }

    /// A role name as a quoted SQL identifier.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
