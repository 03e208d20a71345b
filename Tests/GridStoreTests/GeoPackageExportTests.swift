import Foundation
import GRDB
import GridGeo
import GridModel
import Testing
@testable import GridStore

/// A point result layer with two located features and one without geometry, and an attribute table.
private func extraLayers() -> [FeatureTable] {
    var points = FeatureTable(
        name: "coverage", geometryKind: .point,
        columns: [.init("id", .text), .init("distance_m", .real), .init("covered", .boolean), .init("households", .integer)])
    points.append(
        [.text("B1"), .real(412.5), .boolean(true), .integer(120)], lonLat: .point(Point(114, 30.5)),
        projected: .point(Point(500_110, 3_380_110)))
    points.append(
        [.text("B2"), .null, .boolean(false), .integer(0)], lonLat: .point(Point(114.03, 30.53)),
        projected: .point(Point(503_000, 3_383_000)))
    points.append([.text("B3"), .null, .null, .null])
    var table = FeatureTable(name: "summary", geometryKind: nil, columns: [.init("key", .text), .init("value", .real)])
    table.append([.text("coverage_rate"), .real(0.5)])
    return [points, table]
}

private func withExport(
    includeHouseholds: Bool, only: [FeatureTable]? = nil,
    _ body: (DatabaseQueue, GeoPackageExport.Summary) throws -> Void
) throws {
    let path = temporaryStorePath()
    defer { removeStore(path) }
    let summary =
        try only.map { try GeoPackageExport.writeLayers($0, metadata: sampleSnapshot().metadata, to: path) }
        ?? GeoPackageExport.write(
            snapshot: sampleSnapshot(), to: path, includeHouseholds: includeHouseholds, extraLayers: extraLayers())
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))  // one self-contained file
    let db = try DatabaseQueue(path: path)
    try body(db, summary)
}

@Suite struct GeoPackageExportTests {
    @Test func resultLayersAreRegisteredIndexedAndDecodable() throws {
        try withExport(includeHouseholds: false) { db, summary in
            try db.read { db in
                let contents = try Row.fetchAll(db, sql: "SELECT table_name, data_type, srs_id FROM gpkg_contents")
                let byName = Dictionary(uniqueKeysWithValues: contents.map { ($0["table_name"] as String, $0) })
                let coverageType: String? = byName["coverage"]?["data_type"], coverageSRS: Int? = byName["coverage"]?["srs_id"]
                let summaryType: String? = byName["summary"]?["data_type"]
                #expect(coverageType == "features")
                #expect(coverageSRS == 4547)
                #expect(summaryType == "attributes")
                #expect(
                    try String.fetchOne(
                        db, sql: "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'coverage'") == "POINT")
                #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rtree_coverage_geom") == 2)
                let rows = try Row.fetchAll(
                    db, sql: "SELECT geom, id, distance_m, covered, households FROM coverage ORDER BY fid")
                #expect(rows.count == 3)
                let blob: Data = try #require(rows[0]["geom"])
                #expect(try GeometryBlob.decodePoint(blob) == Point(500_110, 3_380_110))
                let distance: Double? = rows[0]["distance_m"], covered: Int? = rows[0]["covered"],
                    households: Int? = rows[0]["households"]
                #expect(distance == 412.5)
                #expect(covered == 1)
                #expect(households == 120)
                let missing: Double? = rows[1]["distance_m"], noGeometry: Data? = rows[2]["geom"]
                #expect(missing == nil)
                #expect(noGeometry == nil)
                // The extent in gpkg_contents spans the two points.
                let box = try #require(
                    try Row.fetchOne(
                        db, sql: "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'coverage'"))
                let extent: [Double] = [box[0], box[1], box[2], box[3]]
                #expect(extent == [500_110, 3_380_110, 503_000, 3_383_000])
            }
            #expect(summary.counts.first { $0.table == "coverage" }?.features == 3)
            #expect(summary.counts.first { $0.table == "buildings" }?.features == 2)
        }
    }

    @Test func householdRowsOnlyWhenAsked() throws {
        try withExport(includeHouseholds: false) { db, summary in
            let (rows, registered) = try db.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM households"),
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM gpkg_contents WHERE table_name = 'households'")
                )
            }
            #expect(rows == 0)
            #expect(registered == 0)
            #expect(!summary.counts.contains { $0.table == "households" })
        }
        try withExport(includeHouseholds: true) { db, _ in
            let (rows, registered) = try db.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM households"),
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM gpkg_contents WHERE table_name = 'households'")
                )
            }
            #expect(rows == 2)
            #expect(registered == 1)
        }
    }

    @Test func theFullExportIsStillAStore() throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        _ = try GeoPackageExport.write(snapshot: sampleSnapshot(), to: path, includeHouseholds: false, extraLayers: extraLayers())
        let back = try GeoPackageStore(path: path, create: false).loadSnapshot()
        #expect(back.buildings.map(\.id) == ["B1", "B2"])
        #expect(back.households.isEmpty)
        #expect(back.records.secretaries.count == 2)
    }

    @Test func writeLayersHoldsOnlyThoseLayers() throws {
        var buildings = FeatureTable(
            name: "buildings", geometryKind: .point, columns: [.init("id", .text), .init("community_id", .text)])
        for b in sampleSnapshot().buildings {
            buildings.append([.text(b.id), .text(b.communityId)], lonLat: .point(b.lonLat), projected: .point(b.location))
        }
        try withExport(includeHouseholds: false, only: [buildings] + extraLayers()) { db, summary in
            try db.read { db in
                let tables = Set(try String.fetchAll(db, sql: "SELECT table_name FROM gpkg_contents"))
                #expect(tables == ["buildings", "coverage", "summary"])
                let srs = try Int.fetchOne(db, sql: "SELECT srs_id FROM gpkg_contents WHERE table_name = 'buildings'")
                #expect(srs == 4547)
                let definition =
                    try String.fetchOne(db, sql: "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 4547") ?? ""
                #expect(definition.contains("4547"))
                for gone in ["communities", "households", "rtree_communities_geom"] {
                    let exists = try db.tableExists(gone)
                    #expect(!exists, "\(gone)")
                }
                #expect(
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM gpkg_geometry_columns WHERE table_name NOT IN ('buildings', 'coverage')")
                        == 0)
                #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM buildings") == 2)
                let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                #expect(violations.isEmpty)
            }
            #expect(Set(summary.counts.map(\.table)) == ["buildings", "coverage", "summary"])
        }
    }
}
