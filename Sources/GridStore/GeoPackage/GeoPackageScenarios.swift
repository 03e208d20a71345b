import GRDB
import GridLocale
import GridModel

/// Scenarios in a GeoPackage store: the table `gridplan_scenarios` (keyed by name), created on the
/// first save. It is not a feature or attribute table (not in gpkg_contents), so the file stays a
/// conforming GeoPackage, and an import (which replaces the layers) leaves it alone.
extension GeoPackageStore {
    static let scenarioTable = """
        CREATE TABLE IF NOT EXISTS gridplan_scenarios (
          name TEXT NOT NULL PRIMARY KEY CHECK (name <> ''), note TEXT, edits TEXT NOT NULL,
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL, applied_at TEXT)
        """

    static func scenarioRow(_ r: Row) -> StoredScenario {
        StoredScenario(
            name: r["name"], note: r["note"], edits: r["edits"], createdAt: r["created_at"], updatedAt: r["updated_at"],
            appliedAt: r["applied_at"])
    }

    public func scenarios() throws -> [StoredScenario] {
        try dbQueue.read { db in
            guard try db.tableExists("gridplan_scenarios") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM gridplan_scenarios").map(Self.scenarioRow)
        }
    }

    public func scenario(named name: String) throws -> StoredScenario? {
        try dbQueue.read { db in try Self.scenario(db, name) }
    }

    static func scenario(_ db: Database, _ name: String) throws -> StoredScenario? {
        guard try db.tableExists("gridplan_scenarios") else { return nil }
        return try Row.fetchOne(db, sql: "SELECT * FROM gridplan_scenarios WHERE name = ?", arguments: [name])
            .map(scenarioRow)
    }

    public func saveScenario(_ scenario: StoredScenario, replace: Bool) throws -> StoredScenario {
        try dbQueue.write { db in
            try db.execute(sql: Self.scenarioTable)
            var stored = scenario
            if let old = try Self.scenario(db, scenario.name) {
                guard replace else { throw UsageError(key: "scenarios.exists", ["name": scenario.name, "store": path]) }
                stored.createdAt = old.createdAt
                stored.appliedAt = nil
            }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO gridplan_scenarios (name, note, edits, created_at, updated_at, applied_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [stored.name, stored.note, stored.edits, stored.createdAt, stored.updatedAt, stored.appliedAt])
            return stored
        }
    }

    public func deleteScenario(named name: String) throws -> Bool {
        try dbQueue.write { db in
            guard try db.tableExists("gridplan_scenarios") else { return false }
            try db.execute(sql: "DELETE FROM gridplan_scenarios WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    public func applyScenario(named name: String, changes: FacilityChanges, appliedAt: String) throws {
        try dbQueue.write { db in
            guard try Self.scenario(db, name) != nil else {
                throw UsageError(key: "scenarios.not_found", ["name": name, "store": path])
            }
            guard let meta = try Self.readMetadata(db) else { throw UsageError(key: "usage.geo_package_store.5") }
            let srs = SnapshotWriter.srsID(meta.workingCRS)
            // Row by row: the R-tree triggers keep the spatial index in step.
            for id in changes.removedIds {
                try db.execute(sql: "DELETE FROM facilities WHERE id = ?", arguments: [id])
            }
            for f in changes.updated {
                try db.execute(
                    sql: """
                        UPDATE facilities SET geom = ?, kind = ?, usable_area_m2 = ?, name = ?, community_id = ?, level = ?,
                          embedded = ?, lon = ?, lat = ?, footprint = ? WHERE id = ?
                        """, arguments: Self.facilityValues(f, srs) + [f.id])
            }
            for f in changes.added {
                try db.execute(
                    sql: """
                        INSERT INTO facilities (geom, kind, usable_area_m2, name, community_id, level, embedded, lon, lat,
                          footprint, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: Self.facilityValues(f, srs) + [f.id])
            }
            try SnapshotWriter.updateContents(db, table: "facilities", srs: srs)
            try db.execute(
                sql: "UPDATE gridplan_scenarios SET applied_at = ? WHERE name = ?", arguments: [appliedAt, name])
        }
    }

    /// geom, kind, usable_area_m2, name, community_id, level, embedded, lon, lat, footprint.
    static func facilityValues(_ f: Facility, _ srs: Int32) -> StatementArguments {
        [
            GeometryBlob.point(f.location, srsID: srs), f.kind.rawValue, f.usableAreaM2, f.name, f.communityId,
            f.level?.rawValue, f.embedded, f.lonLat.x, f.lonLat.y, f.footprint.map { GeometryBlob.polygon($0, srsID: srs) }
        ]
    }
}
