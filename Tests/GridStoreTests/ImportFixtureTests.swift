import Foundation
import Testing
import GridGeo
import GridModel
@testable import GridStore

/// The committed sample dataset (CGCS2000, every file of docs/data-format.md §1) read end to end.
@Suite("Import: committed fixture")
struct ImportFixtureTests {
    static func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    }

    @Test func sampleCGCS2000DatasetReadsCompletely() throws {
        let s = try DatasetImporter.read(
            directory: try Self.fixture("sample-cgcs2000"), options: ImportOptions(),
            progress: SilentProgress())
        #expect(s.metadata.name == "样例街道")
        #expect(s.metadata.sourceCRS == "EPSG:4490")
        // data spans 108.94°E–108.99°E: centre 108.965 → zone floor(110.465 / 3) = 36 → EPSG:4545 (108°E)
        #expect(s.metadata.workingCRS == "EPSG:4545")

        // communities: C01 is a 0.01° square with a 0.002° square hole (96 % of the square)
        let c01 = try #require(s.communities.first { $0.id == "C01" }?.boundary)
        let c02 = try #require(s.communities.first { $0.id == "C02" }?.boundary)
        #expect(c01.polygons[0].holes.count == 1 && c02.polygons.count == 2)
        let square = c02.polygons[0].area  // the same 0.01° square, one cell east
        #expect(abs(c01.area / square - 0.96) < 0.001)

        // buildings: containment, households.csv aggregation, footprint centroid
        #expect(s.buildings.map(\.id) == ["B001", "B002", "B003", "B004"])
        #expect(s.buildings.map(\.communityId) == ["C01", "C01", "C02", "C02"])
        #expect(s.buildings.map(\.households) == [3, 2, 1, 0])
        #expect(s.buildings.map(\.partyMembers) == [3, 1, 0, 0])
        #expect(s.buildings.map(\.probationaryMembers) == [1, 0, 0, 0])
        #expect(s.totalHouseholds == 6 && s.households.count == 6)
        let b1 = s.buildings[0]
        #expect(b1.gridId == "G01" && b1.floors == 6 && b1.name == "1号楼")
        #expect(abs(b1.lonLat.x - 108.9411) < 1e-8 && abs(b1.lonLat.y - 34.2611) < 1e-8)
        // a 0.0002° square at 34.261°N: about 18.4 m × 22.2 m
        let fp = try #require(b1.footprint).area
        let rough = 0.0002 * 111_320 * cos(34.2611 * Double.pi / 180) * 0.0002 * 110_900
        #expect(abs(fp / rough - 1) < 0.01, "footprint \(fp) m² vs \(rough)")

        #expect(s.grids.map(\.id) == ["G01", "G02"] && s.grids[1].boundary == nil)
        #expect(s.facilities.map(\.communityId) == ["C01", "C02", nil])
        #expect(s.facilities.map(\.embedded) == [true, false, false])
        #expect(s.facilities.map(\.kind) == [.partyMassCenter, .cityStudy, .pocketPark])
        #expect(s.facilities[1].level == .street && s.facilities[0].usableAreaM2 == 320.5)
        #expect(s.candidates.map(\.communityId) == ["C02", nil])
        #expect(s.roads.map(\.walkable) == [true, false])
        // R01 runs 0.02° east along 34.265°N: about 1,840 m
        let r01 = try #require(s.roads.first?.lines.first).length
        #expect(abs(r01 / (0.02 * 111_320 * cos(34.265 * Double.pi / 180)) - 1) < 0.01)
        #expect(s.units.map(\.hasOrganization) == [true, false])
        #expect(s.records.secretaries.count == 2 && s.records.contacts.count == 2)
        #expect(s.records.ratings.map(\.stars) == [4, 4])
        #expect(s.records.observations.map(\.date) == ["2025-03-15", "2025-06-20"])
    }
}
