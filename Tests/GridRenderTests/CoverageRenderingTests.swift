import Foundation
import GridAnalysis
import GridGeo
import GridModel
import Testing
@testable import GridRender

/// Two uncovered clusters (a square of four buildings and a lone one), one covered building.
private func coverageFixture() throws -> CoverageResult {
    func ll(_ x: Double, _ y: Double) -> Point { Point(116.4 + x / 85_000, 39.9 + y / 111_000) }
    func b(_ id: String, _ x: Double, _ y: Double, _ hh: Int) -> Building {
        Building(id: id, communityId: "C1", households: hh, location: Point(x, y), lonLat: ll(x, y))
    }
    let snap = Snapshot(
        metadata: DatasetMetadata(name: "t", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4548"),
        communities: [Community(id: "C1", name: "和平里社区", street: "和平街道")],
        buildings: [
            b("A1", 2000, 2000, 10), b("A2", 2100, 2000, 10), b("A3", 2100, 2100, 10), b("A4", 2000, 2100, 10),
            b("Z", 9000, 0, 5), b("N", 10, 0, 7)
        ],
        facilities: [
            Facility(
                id: "F1", kind: .partyMassStation, usableAreaM2: 80, communityId: "C1", level: .community,
                location: Point(0, 0), lonLat: ll(0, 0))
        ])
    let sel = FacilitySelection(countedKinds: [.partyMassStation], radius: 500, streetReach: 1000)
    return try Coverage.analyze(snap, CoverageParameters(selection: sel, accessibility: .twoStep))
}

@Test func coverageGeoJSONHasBuildingsGapPointsAndCounterClockwiseHulls() throws {
    let r = try coverageFixture()
    let doc = try JSONSerialization.jsonObject(with: Data(CoverageRendering.geojson(r).utf8)) as! [String: Any]
    let features = doc["features"] as! [[String: Any]]
    let layers = features.map { ($0["properties"] as! [String: Any])["layer"] as! String }
    #expect(layers.filter { $0 == "building" }.count == 6)
    #expect(layers.filter { $0 == "gap" }.count == 2)
    #expect(layers.filter { $0 == "gap_hull" }.count == 1)  // the lone building has no polygon
    let n = features.first { ($0["properties"] as! [String: Any])["id"] as? String == "N" }!
    let props = n["properties"] as! [String: Any]
    #expect(props["covered"] as? Bool == true && props["distance_m"] as? Double == 10)
    let hull = features.first { ($0["properties"] as! [String: Any])["layer"] as? String == "gap_hull" }!
    let ring = ((hull["geometry"] as! [String: Any])["coordinates"] as! [[[Double]]])[0].map { Point($0[0], $0[1]) }
    #expect(ring.count == 5 && ring.first == ring.last)
    #expect(Polygon.signedArea(ring) > 0)  // RFC 7946 right-hand rule
}

@Test func coverageCSVHasOneRowPerBuildingAndTableNamesTheGaps() throws {
    let r = try coverageFixture()
    let lines = CoverageRendering.csv(r).split(separator: "\n")
    #expect(lines.count == 7)
    #expect(lines[0].hasPrefix("id,community_id,grid_id,households,nearest_facility_id,distance_m,covered"))
    #expect(lines.contains { $0.hasPrefix("N,C1,,7,F1,10.0,true,F1,10.0") })
    let table = CoverageRendering.table(r)
    #expect(table.contains("7 of 52 households covered"))
    #expect(table.contains("和平里社区"))
    #expect(table.contains("Gap neighbourhoods (link 250 m): 2"))
}
