import GridLocale
import GridModel
import GridPostGIS
import GridPostgres
import GridStore

/// `gridplan db …`: the PostGIS city database's schema and access, run by its administrator.
public enum DatabaseAdministration {
    /// The PostGIS address of `db`, or a usage error saying `db` commands need one.
    static func address(_ db: String) throws -> PostGISAddress {
        guard case .postgis(let address) = try StoreAddress(db) else {
            throw UsageError(key: "usage.db.not_postgis", ["db": db])
        }
        return address
    }

    /// Creates or upgrades the schema; returns what was done, one line each, in `language`.
    public static func initialize(db: String, language: Language) throws -> String {
        let address = try address(db)
        let connection = try PostGISConnecting.connect(address)
        let report = try PostGISSetup.initialize(connection, address: address)
        var lines: [String] = []
        if report.createdExtension { lines.append(language.tr("db.init.created_extension", ["version": report.postgisVersion])) }
        for m in report.applied { lines.append(language.tr("db.init.applied", ["migration": m])) }
        if report.applied.isEmpty {
            lines.append(
                language.tr(
                    "db.init.up_to_date",
                    ["uri": address.display, "version": "\(report.toVersion)", "postgis": report.postgisVersion]))
        } else {
            lines.append(
                language.tr(
                    "db.init.done", ["uri": address.display, "from": "\(report.fromVersion)", "to": "\(report.toVersion)"]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Creates `grant.role` (when missing) and gives it its districts, the city or household
    /// rows; returns what was done, one line each, in `language`.
    public static func grant(
        db: String, role: String, datasets: [String], city: Bool, households: Bool, language: Language
    ) throws -> String {
        let grant = AccessGrant(role: role, datasets: datasets, city: city, households: households)
        let address = try address(db)
        let connection = try PostGISConnecting.connect(address)
        let lines = try PostGISAccess.grant(grant, connection: connection, address: address)
        return lines.map { language.tr($0.key, $0.arguments) }.joined(separator: "\n") + "\n"
    }
}
