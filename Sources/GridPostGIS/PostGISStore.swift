import Foundation
import GridGeo
import GridLocale
import GridModel
import GridPostgres
import GridStore

/// One district (`dataset_id`) of a city's PostGIS database, behind the same `PlanStore` surface
/// as a GeoPackage file. Every query names the district; an import replaces only its rows, in one
/// transaction holding the district's advisory lock (a second import of the same district waits
/// `lock_wait` seconds, then fails); each read runs in one REPEATABLE READ transaction, so a
/// command sees the district whole, before or after a concurrent import, never half of one.
public final class PostGISStore: PlanStore {
    /// The version written into `datasets.gridplan_version` and `gridplan_schema`.
    public static let gridplanVersion = "0.1.0"

    public let address: PostGISAddress
    /// The district this store reads and writes.
    public let dataset: String
    let connection: PostgresConnection

    /// Connects and checks PostGIS and the schema version. The district is the URI's `dataset`,
    /// else `datasetFallback` (an import's dataset name), else the database's only district.
    /// With `initialize`, a database without the schema gets it first (as `gridplan db init`).
    public init(address: PostGISAddress, datasetFallback: String? = nil, initialize: Bool = false) throws {
        self.address = address
        let connection = try PostGISErrors.connect(address)
        self.connection = connection
        if initialize {
            _ = try PostGISSetup.initialize(connection, address: address)
        } else {
            try PostGISSetup.check(connection, address: address)
        }
        if let name = address.dataset ?? datasetFallback {
            dataset = name
        } else {
            let names = try PostGISErrors.mapped(address) {
                try connection.query("SELECT dataset_id FROM datasets ORDER BY dataset_id").compactMap { $0[0] }
            }
            guard names.count == 1 else {
                if names.isEmpty { throw UsageError(key: "usage.postgis.no_district", ["uri": address.display]) }
                throw UsageError(
                    key: "usage.postgis.which_district", ["uri": address.display, "districts": names.joined(separator: ", ")])
            }
            dataset = names[0]
        }
    }

    /// The database and the district, for messages.
    public var location: String { "\(address.display) (dataset \(dataset))" }

    public func isEmpty() throws -> Bool {
        try PostGISErrors.mapped(address) {
            try connection.scalar("SELECT count(*) FROM datasets WHERE dataset_id = $1", [dataset]) == "0"
        }
    }

    public func metadata() throws -> DatasetMetadata? {
        try PostGISErrors.mapped(address) { try Self.metadata(connection, dataset) }
    }

    static func metadata(_ c: PostgresConnection, _ dataset: String) throws -> DatasetMetadata? {
        guard let row = try c.query("SELECT name, source_crs, working_crs FROM datasets WHERE dataset_id = $1", [dataset]).first
        else { return nil }
        return DatasetMetadata(name: row[0] ?? "", sourceCRS: row[1] ?? "", workingCRS: row[2] ?? "")
    }

    /// The SRID of a working CRS: its EPSG code, else 0.
    static func srid(_ crs: String) -> Int32 {
        let upper = crs.uppercased()
        if upper.hasPrefix("EPSG:"), let n = Int32(upper.dropFirst(5)) { return n }
        return 0
    }

    public func replaceContents(with snapshot: Snapshot, progress: ((LocalText, Int, Int?) -> Void)? = nil) throws {
        try PostGISErrors.mapped(address) {
            try connection.transaction { c in
                try lockDistrict(c)
                try PostGISSnapshotWriter(connection: c, dataset: dataset, snapshot: snapshot, progress: progress).write()
            }
        }
    }

    public func loadSnapshot(layers: Set<StoreLayer> = StoreLayer.all) throws -> Snapshot {
        try PostGISErrors.mapped(address) {
            try connection.transaction(repeatableRead: true) { c in
                guard let meta = try Self.metadata(c, dataset) else {
                    throw UsageError(key: "usage.postgis.district_missing", ["uri": address.display, "dataset": dataset])
                }
                if layers.contains(.households),
                    try c.scalar("SELECT has_table_privilege('households', 'SELECT')") != "t"
                {
                    throw UsageError(key: "usage.postgis.households_denied", ["uri": address.display])
                }
                return try PostGISSnapshotReader(connection: c, dataset: dataset).read(meta, layers: layers)
            }
        }
    }

    public func applyGridPlan(communityIds: [String], grids: [Grid], assignments: [String: String]) throws {
        try PostGISErrors.mapped(address) {
            try connection.transaction { c in
                try lockDistrict(c)
                guard let meta = try Self.metadata(c, dataset) else {
                    throw UsageError(key: "usage.postgis.district_missing", ["uri": address.display, "dataset": dataset])
                }
                let srid = Self.srid(meta.workingCRS)
                let set = Set(communityIds)
                let array =
                    "{"
                    + set.sorted().map {
                        "\"\($0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""
                    }.joined(separator: ",") + "}"
                try c.query(
                    "UPDATE buildings SET grid_id = NULL WHERE dataset_id = $1 AND community_id = ANY($2::text[])",
                    [dataset, array])
                try c.query("DELETE FROM grids WHERE dataset_id = $1 AND community_id = ANY($2::text[])", [dataset, array])
                let next =
                    Int(try c.scalar("SELECT COALESCE(MAX(fid), 0) + 1 FROM grids WHERE dataset_id = $1", [dataset]) ?? "1") ?? 1
                try PostGISSnapshotWriter.copyGrids(
                    c, dataset: dataset, grids: grids.filter { set.contains($0.communityId) }, srid: srid, firstFid: next)
                try c.query("CREATE TEMPORARY TABLE grid_assignments (building_id text, grid_id text) ON COMMIT DROP")
                var rows = CopyRows()
                for (building, grid) in assignments.sorted(by: { $0.key < $1.key }) {
                    rows.add(building); rows.add(grid); rows.endRow()
                }
                try c.copyIn("COPY grid_assignments (building_id, grid_id) FROM STDIN", data: rows.bytes)
                try c.query(
                    """
                    UPDATE buildings b SET grid_id = a.grid_id FROM grid_assignments a
                    WHERE b.dataset_id = $1 AND b.id = a.building_id
                    """, [dataset])
            }
        }
    }

    public func info() throws -> StoreInfo {
        try PostGISErrors.mapped(address) {
            try connection.transaction(repeatableRead: true) { c in
                let meta = try Self.metadata(c, dataset)
                var counts: [String: Int] = [:]
                for t in PostGISSchema.districtTables {
                    if PostGISSchema.householdTables.contains(t),
                        try c.scalar("SELECT has_table_privilege($1, 'SELECT')", [t]) != "t"
                    {
                        continue
                    }
                    counts[t] = Int(try c.scalar("SELECT count(*) FROM \(t) WHERE dataset_id = $1", [dataset]) ?? "0") ?? 0
                }
                let sums =
                    try c.query(
                        """
                        SELECT COALESCE(SUM(households), 0), MIN(lon), MIN(lat), MAX(lon), MAX(lat)
                        FROM buildings WHERE dataset_id = $1
                        """, [dataset]
                    ).first ?? []
                let box = sums.dropFirst().compactMap { $0.flatMap(Double.init) }
                let importedAt = try c.scalar("SELECT imported_at FROM datasets WHERE dataset_id = $1", [dataset])
                return StoreInfo(
                    path: location, datasetName: meta?.name, sourceCRS: meta?.sourceCRS, workingCRS: meta?.workingCRS,
                    importedAt: importedAt, counts: counts, households: Int(sums.first.flatMap { $0 } ?? "0") ?? 0,
                    bboxLonLat: box.count == 4 ? box : nil, fileBytes: 0)
            }
        }
    }

    /// "ok" when every foreign key of the district resolves (they are enforced; this re-checks
    /// the district exists and its buildings reference its own communities).
    public func integrityCheck() throws -> String {
        try PostGISErrors.mapped(address) {
            let orphans = try connection.scalar(
                """
                SELECT count(*) FROM buildings b WHERE b.dataset_id = $1 AND NOT EXISTS
                  (SELECT 1 FROM communities c WHERE c.dataset_id = b.dataset_id AND c.id = b.community_id)
                """, [dataset])
            return orphans == "0" ? "ok" : "\(orphans ?? "?") buildings without their community"
        }
    }

    /// Takes the district's transaction-scoped advisory lock, waiting up to `lock_wait` seconds.
    func lockDistrict(_ c: PostgresConnection) throws {
        let deadline = Date().addingTimeInterval(address.lockWait)
        while true {
            if try c.scalar("SELECT pg_try_advisory_xact_lock(hashtextextended('gridplan district ' || $1, 0))", [dataset]) == "t"
            {
                return
            }
            if Date() >= deadline {
                throw UsageError(
                    key: "usage.postgis.busy", ["dataset": dataset, "seconds": "\(Int(address.lockWait.rounded()))"])
            }
            usleep(100_000)
        }
    }
}
