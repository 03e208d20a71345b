import Foundation
import GRDB
import GridGeo
import GridModel

/// Writes a fresh GeoPackage for GIS tools: the snapshot's layers through the store's own
/// schema (so the file is also a gridplan store), plus extra feature tables (the latest
/// results). Household rows are written only when asked for; otherwise the `households`
/// table stays empty and is unregistered from `gpkg_contents`, so GIS tools do not list it.
/// `writeLayers` writes a plain GeoPackage holding only the layers given.
public enum GeoPackageExport {
    /// Features written per table.
    public struct Summary: Sendable {
        public var counts: [(table: String, features: Int)]
        public var srsID: Int32
    }

    /// Writes `snapshot` and `extraLayers` to a new file at `path` (an existing file there is replaced).
    public static func write(
        snapshot: Snapshot, to path: String, includeHouseholds: Bool,
        extraLayers: [FeatureTable]
    ) throws -> Summary {
        try removeFile(path)
        var s = snapshot
        if !includeHouseholds { s.households = [] }
        let store = try GeoPackageStore(path: path, create: true)
        try store.replaceContents(with: s)
        let srs = SnapshotWriter.srsID(snapshot.metadata.workingCRS)
        try store.dbQueue.write { db in
            if !includeHouseholds {
                try db.execute(sql: "DELETE FROM gpkg_contents WHERE table_name = 'households'")
            }
            for layer in extraLayers { try writeTable(db, layer, srs: srs) }
        }
        // One self-contained file for GIS tools: fold the WAL back and leave WAL mode.
        return try finish(store, srs: srs)
    }

    /// Writes only `layers` (no gridplan store tables) to a new plain GeoPackage at `path`, in
    /// the CRS of `metadata.workingCRS`: each layer becomes one table without foreign keys.
    public static func writeLayers(_ layers: [FeatureTable], metadata: DatasetMetadata, to path: String) throws -> Summary {
        try removeFile(path)
        let store = try GeoPackageStore(path: path, create: true)
        let srs = SnapshotWriter.srsID(metadata.workingCRS)
        // The store's schema comes with its tables; a plain GeoPackage keeps only the core ones.
        try store.dbQueue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.inTransaction {
                let own =
                    GeoPackageSchema.attributeTables + GeoPackageSchema.featureLayers.map(\.table) + [
                        "gridplan_metadata", "grdb_migrations"
                    ]
                for t in own {
                    try db.execute(sql: "DROP TABLE IF EXISTS \(quoted(t))")
                    try db.execute(sql: "DROP TABLE IF EXISTS \(quoted("rtree_\(t)_geom"))")
                    for meta in ["gpkg_extensions", "gpkg_geometry_columns", "gpkg_contents"] {
                        try db.execute(sql: "DELETE FROM \(meta) WHERE table_name = ?", arguments: [t])
                    }
                }
                try SnapshotWriter(db: db, snapshot: Snapshot(metadata: metadata), progress: nil).registerSRS(
                    srs, crs: metadata.workingCRS)
                for layer in layers { try writeTable(db, layer, srs: srs) }
                return .commit
            }
        }
        return try finish(store, srs: srs)
    }

    static func removeFile(_ path: String) throws {
        let fm = FileManager.default
        for suffix in ["", "-wal", "-shm", "-journal"] where fm.fileExists(atPath: path + suffix) {
            try fm.removeItem(atPath: path + suffix)
        }
    }

    /// Folds the WAL back, leaves WAL mode (one self-contained file for GIS tools) and counts the rows per layer.
    static func finish(_ store: GeoPackageStore, srs: Int32) throws -> Summary {
        try? store.dbQueue.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
        }
        var counts: [(String, Int)] = []
        try store.dbQueue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT table_name FROM gpkg_contents ORDER BY rowid")
            for t in tables {
                counts.append((t, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(quoted(t))") ?? 0))
            }
        }
        return Summary(counts: counts, srsID: srs)
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Creates a feature (or attribute) table for `layer`, fills it, indexes it and registers it.
    static func writeTable(_ db: Database, _ layer: FeatureTable, srs: Int32) throws {
        let table = layer.name
        guard table.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !table.isEmpty else {
            throw UsageError(key: "usage.geo_package_export.1", ["table": "\(table)"])
        }
        let sqlType: (FeatureTable.ColumnType) -> String = {
            switch $0 {
            case .text: "TEXT";
            case .integer: "INTEGER";
            case .real: "REAL";
            case .boolean: "BOOLEAN"
            }
        }
        var columns = ["fid INTEGER PRIMARY KEY AUTOINCREMENT"]
        if layer.geometryKind != nil { columns.append("geom \(layer.geometryKind!.rawValue)") }
        columns += layer.columns.map { "\(quoted($0.name)) \(sqlType($0.type))" }
        try db.execute(sql: "DROP TABLE IF EXISTS \(quoted(table))")
        try db.execute(sql: "CREATE TABLE \(quoted(table)) (\(columns.joined(separator: ", ")))")

        let names = (layer.geometryKind != nil ? ["geom"] : []) + layer.columns.map { quoted($0.name) }
        let insert = try db.makeStatement(
            sql:
                "INSERT INTO \(quoted(table)) (\(names.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))"
        )
        for f in layer.features {
            var args: [(any DatabaseValueConvertible)?] = []
            if layer.geometryKind != nil { args.append(f.projected.map { blob($0, srs: srs) }) }
            for v in f.values {
                switch v {
                case .text(let s): args.append(s)
                case .integer(let i): args.append(i)
                case .real(let d): args.append(d)
                case .boolean(let b): args.append(b ? 1 : 0)
                case .null: args.append(nil)
                }
            }
            try insert.execute(arguments: StatementArguments(args))
        }

        if let kind = layer.geometryKind {
            try db.execute(sql: "CREATE VIRTUAL TABLE rtree_\(table)_geom USING rtree(id, minx, maxx, miny, maxy)")
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)
                    VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')
                    """, arguments: [table])
            try SnapshotWriter.fillRtree(db, table)
            try db.execute(sql: GeoPackageSchema.rtreeTriggers(table))
            try SnapshotWriter.updateContents(db, table: table, srs: srs, geometryType: kind.rawValue)
        } else {
            try db.execute(
                sql: "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, 'attributes', ?, ?)",
                arguments: [table, table, "gridplan \(table)"])
        }
    }

    static func blob(_ g: FeatureTable.Geometry, srs: Int32) -> Data {
        switch g {
        case .point(let p): return GeometryBlob.point(p, srsID: srs)
        case .multiPolygon(let m): return GeometryBlob.multiPolygon(m, srsID: srs)
        case .multiLineString(let l): return GeometryBlob.multiLineString(l, srsID: srs)
        }
    }
}
