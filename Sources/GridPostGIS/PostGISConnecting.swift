import GridPostgres
import GridStore

/// Opens a connection to a PostGIS address with gridplan's error messages (for `gridplan db`).
public enum PostGISConnecting {
    public static func connect(_ address: PostGISAddress) throws -> PostgresConnection {
        try PostGISErrors.connect(address)
    }
}
