import GridLocale
import Foundation
import GRDB
import GridGeo
import GridModel

/// Layers of the store, for loading only what a command needs.
public enum StoreLayer: String, CaseIterable, Sendable {
    case communities, grids, buildings, households, facilities, candidates, roads, units, records
    /// `Snapshot.householdTotals`: households per community and grid, summed in one pass over three
    /// columns instead of reading the building rows.
    case householdTotals
    /// Every stored layer; the derived `householdTotals` only when asked for by name (a snapshot
    /// that has the buildings sums them itself).
    public static var all: Set<StoreLayer> { Set(allCases).subtracting([.householdTotals]) }
}

/// The store: one SQLite file that is a valid OGC GeoPackage 1.3 (QGIS and GDAL open it as
/// it is). Feature geometry is in the working CRS; point layers also keep `lon`/`lat`, and
/// polygon and line layers their WGS84 geometry, so reading back needs no reprojection.
///
/// WAL journal, foreign keys on, 5 s busy timeout. Every write is one transaction.
public final class GeoPackageStore {
    public let path: String
    let dbQueue: DatabaseQueue

    /// Opens an existing store, or creates one (file mode 0600) when `create` is true.
    public init(path: String, create: Bool) throws {
        self.path = path
        let fm = FileManager.default
        let existed = fm.fileExists(atPath: path)
        if !existed {
            guard create else { throw UsageError(key: "usage.geo_package_store.1", ["path": "\(path)"]) }
            // Create the file ourselves so its mode is 0600 from the first byte (household data).
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            guard fd >= 0 else {
                throw UsageError(
                    key: "usage.geo_package_store.2", ["path": "\(path)", "value": "\(String(cString: strerror(errno)))"])
            }
            close(fd)
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        // WAL is persistent in the file: set once at creation. (GRDB's `.wal` configuration makes a
        // small schema write on every open, which would change the file on read-only commands.)
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in SpatialFunctions.register(on: db) }
        do {
            dbQueue = try DatabaseQueue(path: path, configuration: config)
            if !existed {
                try dbQueue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            }
            if existed {
                let appID = try dbQueue.read { try Int.fetchOne($0, sql: "PRAGMA application_id") } ?? 0
                let hasMigrations = try dbQueue.read { try $0.tableExists("grdb_migrations") }
                if appID != 1196444487 && (appID != 0 || hasMigrations) {
                    throw UsageError(key: "usage.geo_package_store.3", ["path": "\(path)"])
                }
                if appID == 1196444487 && !hasMigrations {
                    throw UsageError(key: "usage.store.not_gridplan", ["path": path])
                }
            }
            // Migrate only when needed: a store that is up to date is opened without a single write,
            // so reading never changes the file.
            let migrator = GeoPackageSchema.migrator
            let unknown = try dbQueue.read { db in try migrator.appliedIdentifiers(db).subtracting(migrator.migrations) }
            if !unknown.isEmpty {
                throw UsageError(key: "usage.store.newer", ["path": path, "schema": unknown.sorted().joined(separator: ", ")])
            }
            // An older store is upgraded here, each pending migration in one transaction.
            if try !dbQueue.read({ try migrator.hasCompletedMigrations($0) }) {
                do {
                    try migrator.migrate(dbQueue)
                } catch  where existed {
                    // Another gridplan opening the same store may have upgraded it meanwhile: then all is well.
                    if try !dbQueue.read({ try migrator.hasCompletedMigrations($0) }) {
                        throw UsageError(key: "usage.store.upgrade", ["path": path, "error": "\(error)"])
                    }
                }
            }
        } catch {
            if !existed { try? fm.removeItem(atPath: path) }
            if let e = error as? UsageError { throw e }
            throw UsageError(key: "usage.geo_package_store.4", ["path": "\(path)", "error": "\(error)"])
        }
    }

    /// True when the store holds no dataset yet.
    public func isEmpty() throws -> Bool {
        try dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM communities") ?? 0 } == 0
    }

    /// The dataset's metadata, or nil for an empty store.
    public func metadata() throws -> DatasetMetadata? {
        try dbQueue.read { db in try Self.readMetadata(db) }
    }

    static func readMetadata(_ db: Database) throws -> DatasetMetadata? {
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM gridplan_metadata")
        var m: [String: String] = [:]
        for r in rows { m[r["key"]] = r["value"] }
        guard let working = m["working_crs"] else { return nil }
        return DatasetMetadata(name: m["dataset_name"] ?? "", sourceCRS: m["source_crs"] ?? "", workingCRS: working)
    }

    /// Replaces every layer with `snapshot` in one transaction; on any error nothing changes.
    public func replaceContents(with snapshot: Snapshot, progress: ((LocalText, Int, Int?) -> Void)? = nil) throws {
        try dbQueue.write { db in
            try SnapshotWriter(db: db, snapshot: snapshot, progress: progress).write()
        }
        // Fold the WAL back into the file so the store is one self-contained file again.
        _ = try? dbQueue.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    /// Reads the layers asked for back into a snapshot (others stay empty).
    public func loadSnapshot(layers: Set<StoreLayer> = StoreLayer.all) throws -> Snapshot {
        try dbQueue.read { db in try SnapshotReader(db: db).read(layers: layers) }
    }

    /// Replaces the grids of the given communities and sets the buildings' `grid_id`
    /// (`assignments`: building id → grid id), in one transaction.
    public func applyGridPlan(communityIds: [String], grids: [Grid], assignments: [String: String]) throws {
        try dbQueue.write { db in
            guard let meta = try Self.readMetadata(db) else { throw UsageError(key: "usage.geo_package_store.5") }
            let srs = SnapshotWriter.srsID(meta.workingCRS)
            let set = Set(communityIds)
            let update = try db.makeStatement(sql: "UPDATE buildings SET grid_id = ? WHERE id = ?")
            // Detach the buildings of those communities, delete their grids, insert the new ones, re-attach.
            for c in set {
                try db.execute(sql: "UPDATE buildings SET grid_id = NULL WHERE community_id = ?", arguments: [c])
                try db.execute(sql: "DELETE FROM grids WHERE community_id = ?", arguments: [c])
            }
            try SnapshotWriter.insertGrids(db, grids.filter { set.contains($0.communityId) }, srs: srs)
            for (building, grid) in assignments.sorted(by: { $0.key < $1.key }) {
                try update.execute(arguments: [grid, building])
            }
            try SnapshotWriter.updateContents(db, table: "grids", srs: srs)
        }
    }

    /// Counts per layer, CRSs and extent.
    public func info() throws -> StoreInfo {
        try dbQueue.read { db in
            let meta = try Self.readMetadata(db)
            var counts: [String: Int] = [:]
            for t in GeoPackageSchema.featureLayers.map(\.table) + GeoPackageSchema.attributeTables {
                counts[t] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t)") ?? 0
            }
            let households = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(households), 0) FROM buildings") ?? 0
            let box = try Row.fetchOne(db, sql: "SELECT MIN(lon), MIN(lat), MAX(lon), MAX(lat) FROM buildings")
            var bbox: [Double]? = nil
            if let box, let a: Double = box[0], let b: Double = box[1], let c: Double = box[2], let d: Double = box[3] {
                bbox = [a, b, c, d]
            }
            let meta2 = try Row.fetchAll(db, sql: "SELECT key, value FROM gridplan_metadata")
            var m: [String: String] = [:]
            for r in meta2 { m[r["key"]] = r["value"] }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return StoreInfo(
                path: path, datasetName: meta?.name, sourceCRS: meta?.sourceCRS, workingCRS: meta?.workingCRS,
                importedAt: m["imported_at"], counts: counts, households: households,
                bboxLonLat: bbox, fileBytes: size)
        }
    }

    /// Runs `PRAGMA integrity_check`; "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try dbQueue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}

/// What `gridplan info` prints about a store.
public struct StoreInfo: Codable, Sendable {
    public var path: String
    public var datasetName: String?
    public var sourceCRS: String?
    public var workingCRS: String?
    public var importedAt: String?
    public var counts: [String: Int]
    public var households: Int
    /// [min lon, min lat, max lon, max lat] of the buildings.
    public var bboxLonLat: [Double]?
    public var fileBytes: Int

    public init(
        path: String, datasetName: String?, sourceCRS: String?, workingCRS: String?, importedAt: String?,
        counts: [String: Int], households: Int, bboxLonLat: [Double]?, fileBytes: Int
    ) {
        self.path = path; self.datasetName = datasetName; self.sourceCRS = sourceCRS; self.workingCRS = workingCRS
        self.importedAt = importedAt; self.counts = counts; self.households = households
        self.bboxLonLat = bboxLonLat; self.fileBytes = fileBytes
    }

    enum CodingKeys: String, CodingKey {
        case path, counts, households
        case datasetName = "dataset_name", sourceCRS = "source_crs", workingCRS = "working_crs"
        case importedAt = "imported_at", bboxLonLat = "bbox_lonlat", fileBytes = "file_bytes"
    }
}
