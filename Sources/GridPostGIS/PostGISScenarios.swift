import GridLocale
import GridModel
import GridPostgres
import GridStore

/// Scenarios of one district in the city database (`scenarios`, migration 3).
extension PostGISStore {
    static let scenarioColumns = "name, note, edits, created_at, updated_at, applied_at"

    static func scenarioRow(_ r: [String?]) -> StoredScenario {
        StoredScenario(
            name: r[0] ?? "", note: r[1], edits: r[2] ?? "[]", createdAt: r[3] ?? "", updatedAt: r[4] ?? "", appliedAt: r[5])
    }

    public func scenarios() throws -> [StoredScenario] {
        try PostGISErrors.mapped(address) {
            try connection.query("SELECT \(Self.scenarioColumns) FROM scenarios WHERE dataset_id = $1", [dataset])
                .map(Self.scenarioRow)
        }
    }

    public func scenario(named name: String) throws -> StoredScenario? {
        try PostGISErrors.mapped(address) { try scenario(connection, name) }
    }

    func scenario(_ c: PostgresConnection, _ name: String, lock: Bool = false) throws -> StoredScenario? {
        try c.query(
            "SELECT \(Self.scenarioColumns) FROM scenarios WHERE dataset_id = $1 AND name = $2\(lock ? " FOR UPDATE" : "")",
            [dataset, name]
        ).first.map(Self.scenarioRow)
    }

    public func saveScenario(_ scenario: StoredScenario, replace: Bool) throws -> StoredScenario {
        try PostGISErrors.mapped(address) {
            try connection.transaction { c in
                try lockDistrict(c)
                var stored = scenario
                if let old = try self.scenario(c, scenario.name, lock: true) {
                    guard replace else { throw UsageError(key: "scenarios.exists", ["name": scenario.name, "store": location]) }
                    stored.createdAt = old.createdAt
                    stored.appliedAt = nil
                }
                try c.query(
                    """
                    INSERT INTO scenarios (dataset_id, \(Self.scenarioColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT (dataset_id, name) DO UPDATE SET note = EXCLUDED.note, edits = EXCLUDED.edits,
                      created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, applied_at = EXCLUDED.applied_at
                    """,
                    [dataset, stored.name, stored.note, stored.edits, stored.createdAt, stored.updatedAt, stored.appliedAt])
                return stored
            }
        }
    }

    public func deleteScenario(named name: String) throws -> Bool {
        try PostGISErrors.mapped(address) {
            try connection.transaction { c in
                let gone = try c.query(
                    "DELETE FROM scenarios WHERE dataset_id = $1 AND name = $2 RETURNING name", [dataset, name])
                return !gone.isEmpty
            }
        }
    }

    public func applyScenario(named name: String, changes: FacilityChanges, appliedAt: String) throws {
        try PostGISErrors.mapped(address) {
            try connection.transaction { c in
                try lockDistrict(c)
                guard try scenario(c, name, lock: true) != nil else {
                    throw UsageError(key: "scenarios.not_found", ["name": name, "store": location])
                }
                guard let meta = try Self.metadata(c, dataset) else {
                    throw UsageError(key: "usage.postgis.district_missing", ["uri": address.display, "dataset": dataset])
                }
                let srid = Self.srid(meta.workingCRS)
                for id in changes.removedIds {
                    try c.query("DELETE FROM facilities WHERE dataset_id = $1 AND id = $2", [dataset, id])
                }
                for f in changes.updated {
                    try c.query(
                        """
                        UPDATE facilities SET kind = $3, usable_area_m2 = $4, name = $5, community_id = $6, level = $7,
                          embedded = $8, lon = $9, lat = $10, geom = $11::geometry, footprint = $12::geometry
                        WHERE dataset_id = $1 AND id = $2
                        """, [dataset, f.id] + Self.facilityValues(f, srid))
                }
                var fid =
                    Int(try c.scalar("SELECT COALESCE(MAX(fid), 0) FROM facilities WHERE dataset_id = $1", [dataset]) ?? "0") ?? 0
                for f in changes.added {
                    fid += 1
                    try c.query(
                        """
                        INSERT INTO facilities (dataset_id, id, kind, usable_area_m2, name, community_id, level, embedded, lon, lat,
                          geom, footprint, fid) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::geometry, $12::geometry, $13)
                        """, [dataset, f.id] + Self.facilityValues(f, srid) + [String(fid)])
                }
                try c.query(
                    "UPDATE scenarios SET applied_at = $3 WHERE dataset_id = $1 AND name = $2", [dataset, name, appliedAt])
            }
        }
    }

    /// kind, usable_area_m2, name, community_id, level, embedded, lon, lat, geom, footprint as parameters.
    static func facilityValues(_ f: Facility, _ srid: Int32) -> [String?] {
        [
            f.kind.rawValue, "\(f.usableAreaM2)", f.name, f.communityId, f.level?.rawValue, f.embedded ? "t" : "f",
            "\(f.lonLat.x)", "\(f.lonLat.y)", GeometryHex.point(f.location, srid: srid),
            f.footprint.map { GeometryHex.polygon($0, srid: srid) }
        ]
    }
}
