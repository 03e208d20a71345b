import Foundation
import GRDB
import GridModel
import Synchronization
import Testing
@testable import GridStore

/// A copy, in a temporary file, of the committed store written by the first schema.
private func copyOfFirstSchemaStore() throws -> String {
    let fixture = try #require(
        Bundle.module.url(
            forResource: "sample-cgcs2000", withExtension: "gpkg",
            subdirectory: "Fixtures/store-schema-v1"))
    let path = temporaryStorePath()
    try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
    return path
}

/// Every gridplan table and the GeoPackage tables, as plain values (no gridplan code involved):
/// table → rows in rowid order, each with its rowid under `key` (the old rowid of an attribute
/// table becomes its fid) and its columns but the integer key itself.
private func rawContents(_ path: String) throws -> [String: [[String: DatabaseValue]]] {
    let tables = GeoPackageSchema.featureLayers.map(\.table) + GeoPackageSchema.attributeTables
    let rtrees = GeoPackageSchema.featureLayers.map { "rtree_\($0.table)_geom" }
    let db = try DatabaseQueue(path: path)
    defer { try? db.close() }
    return try db.read { db in
        var contents: [String: [[String: DatabaseValue]]] = [:]
        for table in tables + rtrees + [
            "gpkg_contents", "gpkg_geometry_columns", "gpkg_spatial_ref_sys",
            "gpkg_extensions", "gridplan_metadata", "sqlite_sequence"
        ] {
            contents[table] = try Row.fetchAll(db, sql: "SELECT rowid AS key, * FROM \(table) ORDER BY rowid").map { row in
                var values: [String: DatabaseValue] = [:]
                for (column, value) in row where column != "fid" && column != "rowid" { values[column] = value }
                return values
            }
        }
        return contents
    }
}

@Suite("Store: upgrade of a store of the first schema")
struct StoreSchemaMigrationTests {
    @Test func upgradeKeepsEveryRowIdGeometryAndIndexEntry() throws {
        let path = try copyOfFirstSchemaStore()
        defer { removeStore(path) }
        let before = try rawContents(path)
        #expect(before["households"]?.count == 6 && before["buildings"]?.count == 4 && before["grids"]?.count == 2)

        let store = try GeoPackageStore(path: path, create: false)
        let after = try rawContents(path)
        #expect(after.keys.sorted() == before.keys.sorted())
        for table in before.keys.sorted() where table != "sqlite_sequence" {
            #expect(after[table] == before[table], "table \(table) changed in the upgrade")
        }
        // The feature tables' AUTOINCREMENT counters are kept (their rows move within sqlite_sequence).
        let counters = { (rows: [[String: DatabaseValue]]?) in
            Dictionary(uniqueKeysWithValues: (rows ?? []).map { (String.fromDatabaseValue($0["name"]!)!, $0["seq"]!) })
        }
        #expect(counters(before["sqlite_sequence"]).keys.sorted() == GeoPackageSchema.featureLayers.map(\.table).sorted())
        #expect(counters(after["sqlite_sequence"]) == counters(before["sqlite_sequence"]))
        let applied = try store.dbQueue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["geopackage-core", "gridplan-layers", ConformanceMigration.identifier])
        let geometryType = try store.dbQueue.read { db in
            try String.fetchOne(db, sql: "SELECT type FROM pragma_table_info('buildings') WHERE name = 'geom'")
        }
        #expect(geometryType == "POINT")
        let triggers = try store.dbQueue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_%'")
        }
        #expect(triggers == 6 * GeoPackageSchema.featureLayers.count)

        // The reader sees the dataset exactly as a fresh import of the same folder gives it.
        let folder = try #require(Bundle.module.url(forResource: "sample-cgcs2000", withExtension: nil, subdirectory: "Fixtures"))
        let imported = try DatasetImporter.read(directory: folder, options: ImportOptions(), progress: SilentProgress())
        let read = try store.loadSnapshot()
        #expect(read.metadata == imported.metadata)
        #expect(read.communities == imported.communities)
        #expect(read.grids == imported.grids)
        #expect(read.buildings == imported.buildings)
        #expect(read.households == imported.households)
        #expect(read.facilities == imported.facilities)
        #expect(read.candidates == imported.candidates)
        #expect(read.roads == imported.roads)
        #expect(read.units == imported.units)
        #expect(read.records == imported.records)
    }

    @Test func anUpgradedStoreOpensAgainWithoutAWrite() throws {
        let path = try copyOfFirstSchemaStore()
        defer { removeStore(path) }
        _ = try GeoPackageStore(path: path, create: false)
        let upgraded = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try GeoPackageStore(path: path, create: false)
        _ = try store.loadSnapshot()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == upgraded)
    }

    @Test func gridplansOpeningTheSameOldStoreAtOnceAllSucceed() throws {
        let path = try copyOfFirstSchemaStore()
        defer { removeStore(path) }
        let before = try rawContents(path)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                _ = try GeoPackageStore(path: path, create: false).loadSnapshot(layers: [.households])
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(try rawContents(path)["households"] == before["households"])
    }

    @Test func aGeoPackageThatIsNotAStoreIsRefusedWithAClearError() throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        _ = try GeoPackageExport.writeLayers([], metadata: sampleSnapshot().metadata, to: path)
        do {
            _ = try GeoPackageStore(path: path, create: false)
            Issue.record("a GeoPackage without the gridplan schema was opened as a store")
        } catch let error as UsageError {
            #expect("\(error)".contains("not a gridplan store"))
        }
    }

    @Test func aFailedUpgradeLeavesTheStoreAsItWas() throws {
        let path = try copyOfFirstSchemaStore()
        defer { removeStore(path) }
        // A household whose building does not exist (written with foreign keys off): the upgrade's
        // foreign key check at the end of its transaction fails, so it must roll back entirely.
        let raw = try DatabaseQueue(path: path)
        try raw.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "INSERT INTO households (id, building_id) VALUES ('H-orphan', 'B-missing')")
        }
        try raw.close()
        let before = try rawContents(path)
        #expect(throws: UsageError.self) { _ = try GeoPackageStore(path: path, create: false) }
        do {
            _ = try GeoPackageStore(path: path, create: false)
        } catch {
            #expect("\(error)".contains("cannot upgrade the store"))
        }
        #expect(try rawContents(path) == before)
        let applied = try DatabaseQueue(path: path).read {
            try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(applied == ["geopackage-core", "gridplan-layers"])
    }

    @Test func aStoreOfANewerSchemaIsRefusedWithAClearError() throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        _ = try GeoPackageStore(path: path, create: true)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('gridplan-from-the-future')")
        }
        do {
            _ = try GeoPackageStore(path: path, create: false)
            Issue.record("a store of a newer schema was opened")
        } catch let error as UsageError {
            #expect("\(error)".contains("newer gridplan"))
            #expect("\(error)".contains("gridplan-from-the-future"))
        }
    }

    @Test(.enabled(if: GeoPackageValidator.isAvailable, "validate_gpkg.py (python3-gdal) is not installed"))
    func anUpgradedStorePassesTheGeoPackageValidator() throws {
        let path = try copyOfFirstSchemaStore()
        defer { removeStore(path) }
        #expect(try !GeoPackageValidator.findings(path).isEmpty, "the first schema's store is expected to fail")
        _ = try GeoPackageStore(path: path, create: false)
        let findings = try GeoPackageValidator.findings(path)
        #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
    }
}
