import GridGeo
import GridModel
@testable import GridAnalysis

/// Coverage fixtures: metres in the working CRS; lon/lat a crude linear copy.
enum CovFixture {
    static func lonLat(_ p: Point) -> Point { Point(116.4 + p.x / 85_000, 39.9 + p.y / 111_000) }

    static func building(
        _ id: String, _ x: Double, _ y: Double, hh: Int = 10, community: String = "C1",
        grid: String? = nil
    ) -> Building {
        Building(id: id, communityId: community, gridId: grid, households: hh, location: Point(x, y), lonLat: lonLat(Point(x, y)))
    }

    static func facility(
        _ id: String, _ x: Double, _ y: Double, kind: FacilityKind = .partyMassStation,
        level: FacilityLevel? = .community, area: Double = 100, community: String? = "C1",
        embedded: Bool = false
    ) -> Facility {
        Facility(
            id: id, kind: kind, usableAreaM2: area, communityId: community, level: level, embedded: embedded,
            location: Point(x, y), lonLat: lonLat(Point(x, y)))
    }

    static func road(_ id: String, _ pts: [(Double, Double)]) -> Road {
        Road(id: id, lines: [LineString(pts.map { Point($0.0, $0.1) })])
    }

    static func snapshot(
        communities: [Community] = [Community(id: "C1", name: "一号社区", street: "S1")],
        buildings: [Building], facilities: [Facility], roads: [Road] = []
    ) -> Snapshot {
        Snapshot(
            metadata: DatasetMetadata(name: "test", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4527"),
            communities: communities, buildings: buildings, facilities: facilities, roads: roads)
    }

    static func selection(radius: Double = 500) -> FacilitySelection {
        FacilitySelection(countedKinds: [.partyMassCenter, .partyMassStation], radius: radius, streetReach: 1000)
    }
}
