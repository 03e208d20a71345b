import Foundation
import GridAnalysis
import GridGeo
import GridModel
import Testing
@testable import GridRender

/// A community with a hole given clockwise (wrong way round for RFC 7946), a building, a household, a unit.
private func snapshot() -> Snapshot {
    // clockwise
    let outer = [Point(114.30, 30.50), Point(114.30, 30.51), Point(114.31, 30.51), Point(114.31, 30.50), Point(114.30, 30.50)]
    let hole = [
        Point(114.302, 30.502), Point(114.304, 30.502), Point(114.304, 30.504), Point(114.302, 30.504), Point(114.302, 30.502)
    ]  // ccw
    let mp = MultiPolygon([Polygon(exterior: outer, holes: [hole])])
    let metres = mp.map { Point(($0.x - 114.3) * 96_000, ($0.y - 30.5) * 111_000) }
    return Snapshot(
        metadata: DatasetMetadata(name: "t", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4547"),
        communities: [Community(id: "C1", name: "江汉, \"一\"社区", boundary: metres, boundaryLonLat: mp)],
        buildings: [
            Building(id: "B1", communityId: "C1", households: 12, location: Point(500, 500), lonLat: Point(114.305, 30.5045))
        ],
        households: [Household(id: "H1", buildingId: "B1", persons: 3)],
        roads: [
            Road(
                id: "R1", lines: [LineString([Point(0, 0), Point(10, 0)])],
                linesLonLat: [LineString([Point(114.3, 30.5), Point(114.3001, 30.5)])])
        ],
        units: [OrganizationUnit(id: "U1", kind: .soe, staff: 120)])
}

private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite struct ExportWritersTests {
    @Test func householdsOnlyWhenAsked() {
        let without = ExportLayers.snapshotLayers(snapshot(), includeHouseholds: false).map(\.name)
        let with = ExportLayers.snapshotLayers(snapshot(), includeHouseholds: true).map(\.name)
        #expect(!without.contains("households"))
        #expect(with.contains("households"))
        #expect(Set(with).subtracting(without) == ["households"])
    }

    @Test func geojsonRingsFollowTheRightHandRule() throws {
        let layer = ExportLayers.snapshotLayers(snapshot(), includeHouseholds: false).first { $0.name == "communities" }!
        let doc = try json(ExportWriters.geojson(layer))
        let feature = try #require((doc["features"] as? [[String: Any]])?.first)
        #expect((feature["properties"] as? [String: Any])?["name"] as? String == "江汉, \"一\"社区")
        let polygons = try #require((feature["geometry"] as? [String: Any])?["coordinates"] as? [[[[Double]]]])
        let rings = try #require(polygons.first).map { ring in ring.map { Point($0[0], $0[1]) } }
        #expect(rings.count == 2)
        #expect(Polygon.signedArea(rings[0]) > 0)  // exterior counter-clockwise
        #expect(Polygon.signedArea(rings[1]) < 0)  // hole clockwise
    }

    @Test func attributeTablesHaveNullGeometry() throws {
        let units = ExportLayers.snapshotLayers(snapshot(), includeHouseholds: false).first { $0.name == "units" }!
        let doc = try json(ExportWriters.geojson(units))
        let f = try #require((doc["features"] as? [[String: Any]])?.first)
        #expect(f["geometry"] is NSNull)
        #expect((f["properties"] as? [String: Any])?["staff"] as? Int == 120)
        #expect(!ExportWriters.csv(units).contains("wkt") && !ExportWriters.csv(units).contains("lon"))
    }

    @Test func csvCarriesPointsAsLonLatAndPolygonsAsWKT() throws {
        let layers = ExportLayers.snapshotLayers(snapshot(), includeHouseholds: false)
        let buildings = layers.first { $0.name == "buildings" }!
        let rows = ExportWriters.csv(buildings).split(separator: "\n").map(String.init)
        let header = rows[0].split(separator: ",").map(String.init)
        #expect(header.suffix(2) == ["lon", "lat"])
        let values = rows[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(values.count == header.count)
        #expect(values.suffix(2) == ["114.305", "30.5045"])

        let communities = layers.first { $0.name == "communities" }!
        let csv = ExportWriters.csv(communities)
        #expect(csv.hasPrefix("id,name,street,kind,wkt\n"))
        #expect(csv.contains("\"江汉, \"\"一\"\"社区\""))  // quoted field, doubled quotes
        let wkt = ExportWriters.wkt(communities.features[0].lonLat!)
        #expect(wkt.hasPrefix("MULTIPOLYGON (((114.3 30.5, 114.31 30.5, "))  // turned counter-clockwise
        #expect(ExportWriters.wkt(.point(Point(1.5, -2))) == "POINT (1.5 -2)")
        // One .csvt type per CSV column.
        for layer in layers {
            let types = ExportWriters.csvt(layer).split(separator: ",")
            #expect(types.count == ExportWriters.csvHeader(layer).count, "\(layer.name)")
        }
        let roads = layers.first { $0.name == "roads" }!
        #expect(ExportWriters.wkt(roads.features[0].lonLat!) == "MULTILINESTRING ((114.3 30.5, 114.3001 30.5))")
    }
}
