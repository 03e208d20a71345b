import Foundation
import GRDB
import GridGeo
import GridModel
import Testing
@testable import GridStore
import TestSupport

/// A snapshot exercising every field the store keeps: nils, footprints, multipolygons with
/// holes, multi-line roads, households, units and every compliance record.
func sampleSnapshot() -> Snapshot {
    let square = Polygon(
        exterior: [
            Point(500_000, 3_380_000), Point(501_000, 3_380_000), Point(501_000, 3_381_000),
            Point(500_000, 3_381_000), Point(500_000, 3_380_000)
        ],
        holes: [
            [
                Point(500_400, 3_380_400), Point(500_400, 3_380_600), Point(500_600, 3_380_600),
                Point(500_600, 3_380_400), Point(500_400, 3_380_400)
            ]
        ])
    let island = Polygon(exterior: [
        Point(502_000, 3_380_000), Point(502_100, 3_380_000), Point(502_100, 3_380_100),
        Point(502_000, 3_380_000)
    ])
    let lonlat = MultiPolygon([square.map { Point(114 + ($0.x - 500_000) / 1e5, 30.5 + ($0.y - 3_380_000) / 1e5) }])
    let footprint = Polygon(exterior: [
        Point(500_100, 3_380_100), Point(500_120, 3_380_100), Point(500_120, 3_380_130),
        Point(500_100, 3_380_100)
    ])
    return Snapshot(
        metadata: DatasetMetadata(name: "测试 sample", sourceCRS: "GCJ-02", workingCRS: "EPSG:4547"),
        communities: [
            Community(
                id: "C1", name: "花桥社区", street: "花桥街道", kind: "urban",
                boundary: MultiPolygon([square, island]), boundaryLonLat: lonlat),
            Community(id: "C2")
        ],
        grids: [Grid(id: "C1-G01", communityId: "C1", name: "一网格", boundary: MultiPolygon([square]), boundaryLonLat: lonlat)],
        buildings: [
            Building(
                id: "B1", communityId: "C1", gridId: "C1-G01", name: "1栋", households: 120, residents: 300,
                partyMembers: 7, probationaryMembers: 1, floors: 18, location: Point(500_110.123456789, 3_380_110.5),
                lonLat: Point(114.001101234567, 30.501105), footprint: footprint),
            Building(
                id: "B2", communityId: "C2", households: 0, location: Point(503_000, 3_383_000),
                lonLat: Point(114.03, 30.53))
        ],
        households: [
            Household(id: "H1", buildingId: "B1", unit: "1", room: "101", persons: 3, partyMembers: 1),
            Household(id: "H2", buildingId: "B1")
        ],
        facilities: [
            Facility(
                id: "F1", kind: .cityStudy, usableAreaM2: 120.5, name: "城市书房", communityId: "C1",
                level: .community, embedded: true, location: Point(500_200, 3_380_200),
                lonLat: Point(114.002, 30.502), footprint: footprint),
            Facility(
                id: "F2", kind: .partyMassCenter, usableAreaM2: 0, location: Point(509_000, 3_389_000),
                lonLat: Point(114.09, 30.59))
        ],
        candidates: [
            Candidate(
                id: "K1", name: "空置用房", kind: "vacant_room", availableAreaM2: 300, cost: 12.5,
                communityId: "C1", location: Point(500_300, 3_380_300), lonLat: Point(114.003, 30.503)),
            Candidate(id: "K2", location: Point(500_301, 3_380_301), lonLat: Point(114.00301, 30.50301))
        ],
        roads: [
            Road(
                id: "R1", walkable: false,
                lines: [
                    LineString([Point(500_000, 3_380_000), Point(501_000, 3_380_000)]),
                    LineString([Point(501_000, 3_380_000), Point(501_000, 3_381_000), Point(501_500, 3_381_000)])
                ],
                linesLonLat: [
                    LineString([Point(114, 30.5), Point(114.01, 30.5)]),
                    LineString([Point(114.01, 30.5), Point(114.01, 30.51), Point(114.015, 30.51)])
                ])
        ],
        units: [
            OrganizationUnit(
                id: "U1", kind: .soe, staff: 100, name: "国企", communityId: "C1", partyWorkers: 1,
                partyMembers: 12, hasOrganization: true),
            OrganizationUnit(id: "U2", kind: .nonPublic, staff: 8)
        ],
        records: ComplianceRecords(
            secretaries: [
                Secretary(id: "S1", name: "王书记", communityId: "C1", lastTrainingDate: "2024-05-01"),
                Secretary(id: "S2", communityId: "C2")
            ],
            contacts: [
                ContactRecord(
                    leaderId: "L1", name: "李", role: .districtStanding, communityId: "C1", year: 2024,
                    daysOnSite: 14, meetingsAttended: 2, lecturesGiven: 1)
            ],
            ratings: [RatingRecord(organizationId: "C1", communityId: "C1", year: 2024, stars: 2)],
            observations: [ObservationRecord(organizationId: "C1", date: "2024-03-15")]))
}

func temporaryStorePath() -> String {
    TemporaryFiles.path(prefix: "gridplan-store", suffix: ".gpkg").path
}

func removeStore(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

@Test func roundTripKeepsEveryField() throws {
    let path = temporaryStorePath()
    defer { removeStore(path) }
    let original = sampleSnapshot()
    let store = try GeoPackageStore(path: path, create: true)
    #expect(try store.isEmpty())
    try store.replaceContents(with: original)
    #expect(try !store.isEmpty())
    let back = try GeoPackageStore(path: path, create: false).loadSnapshot()
    #expect(back.metadata == original.metadata)
    #expect(back.communities == original.communities)
    #expect(back.grids == original.grids)
    #expect(back.buildings == original.buildings)
    #expect(back.households == original.households)
    #expect(back.facilities == original.facilities)
    #expect(back.candidates == original.candidates)
    #expect(back.roads == original.roads)
    #expect(back.units == original.units)
    #expect(back.records == original.records)
    #expect(try store.integrityCheck() == "ok")
}

@Test func layersCanBeSkipped() throws {
    let path = temporaryStorePath()
    defer { removeStore(path) }
    let store = try GeoPackageStore(path: path, create: true)
    try store.replaceContents(with: sampleSnapshot())
    let s = try store.loadSnapshot(layers: [.communities, .buildings])
    #expect(s.buildings.count == 2 && s.communities.count == 2)
    #expect(s.households.isEmpty && s.roads.isEmpty && s.facilities.isEmpty)
}

@Test func storeIsPrivateAndAGeoPackage() throws {
    let path = temporaryStorePath()
    defer { removeStore(path) }
    let store = try GeoPackageStore(path: path, create: true)
    try store.replaceContents(with: sampleSnapshot())
    let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    #expect(mode == 0o600)
    let q = try DatabaseQueue(path: path)
    try q.read { db in
        #expect(try Int.fetchOne(db, sql: "PRAGMA application_id") == 0x47504B47)
        #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 10300)
        #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326, 4547)") == 4)
        let wkt = try String.fetchOne(db, sql: "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 4547") ?? ""
        #expect(wkt.contains("Gauss") && wkt.contains("114"))
        let features = try String.fetchAll(
            db, sql: "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name")
        #expect(features == ["buildings", "candidates", "communities", "facilities", "grids", "roads"])
        #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'") == 6)
        // The RTree finds B1 by its bounds and not B2.
        let hits = try Int.fetchAll(
            db,
            sql:
                "SELECT id FROM rtree_buildings_geom WHERE minx <= 500200 AND maxx >= 500000 AND miny <= 3380200 AND maxy >= 3380000"
        )
        #expect(hits.count == 1)
        #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rtree_communities_geom") == 1)  // C2 has no geometry
    }
}

@Test func pointBlobBytesByHand() {
    let blob = [UInt8](GeometryBlob.point(Point(1, 2), srsID: 4547))
    // "GP", version 0, flags 0b00000001 (little-endian, no envelope), srs_id 4547 = 0x11C3 little-endian
    #expect(Array(blob[0..<8]) == [0x47, 0x50, 0x00, 0x01, 0xC3, 0x11, 0x00, 0x00])
    // WKB: little-endian, type 1, x = 1.0 (3FF0000000000000), y = 2.0 (4000000000000000)
    #expect(Array(blob[8..<13]) == [0x01, 0x01, 0x00, 0x00, 0x00])
    #expect(Array(blob[13..<21]) == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
    #expect(Array(blob[21..<29]) == [0, 0, 0, 0, 0, 0, 0, 0x40])
    #expect(blob.count == 29)
}

@Test func rtreeTriggersFollowLaterEdits() throws {
    let path = temporaryStorePath()
    defer { removeStore(path) }
    let store = try GeoPackageStore(path: path, create: true)
    try store.replaceContents(with: sampleSnapshot())
    // An edit through SQL (as QGIS would make) moves B2; the triggers, calling our ST_ functions, follow it.
    try store.dbQueue.write { db in
        try db.execute(
            sql: "UPDATE buildings SET geom = ? WHERE id = 'B2'", arguments: [GeometryBlob.point(Point(7, 8), srsID: 4547)])
        let box = try Row.fetchOne(
            db, sql: "SELECT minx, maxy FROM rtree_buildings_geom r JOIN buildings b ON b.fid = r.id WHERE b.id = 'B2'")
        #expect((box?[0] as Double?) == 7 && (box?[1] as Double?) == 8)
    }
}

@Test func failedWriteLeavesTheFileByteForByte() throws {
    let path = temporaryStorePath()
    defer { removeStore(path) }
    do {
        let store = try GeoPackageStore(path: path, create: true)
        try store.replaceContents(with: sampleSnapshot())
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    var bad = sampleSnapshot()
    bad.buildings.append(Building(id: "B3", communityId: "NOPE", households: 1, location: Point(0, 0), lonLat: Point(0, 0)))
    do {
        let store = try GeoPackageStore(path: path, create: false)
        #expect(throws: (any Error).self) { try store.replaceContents(with: bad) }
        #expect(try store.loadSnapshot().buildings.count == 2)
    }
    let after = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(before == after)
}

@Test(.enabled(if: OGRInfo.isAvailable, "ogrinfo (gdal-bin) is not installed"))
func ogrinfoReadsEveryLayer() throws {
    let path = temporaryStorePath()
    defer { removeStore(path) }
    try GeoPackageStore(path: path, create: true).replaceContents(with: sampleSnapshot())
    let (status, text) = try OGRInfo.run(["-ro", "-al", "-so", path])
    #expect(status == 0)
    let expected = ["communities": 2, "grids": 1, "buildings": 2, "facilities": 2, "candidates": 2, "roads": 1, "households": 2]
    for (layer, count) in expected {
        guard let range = text.range(of: "Layer name: \(layer)\n") else {
            Issue.record("ogrinfo lists no layer \(layer)"); continue
        }
        let section = text[range.upperBound...].prefix(400)
        #expect(section.contains("Feature Count: \(count)"), "layer \(layer)")
    }
    #expect(text.contains("3-degree Gauss-Kruger CM 114E"))
}
