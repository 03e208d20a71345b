import GridLocale
import Foundation
import Testing
import TestSupport
import GridGeo
import GridModel
@testable import GridStore

@Suite("Import: valid datasets")
struct ImportValidDatasetTests {
    @Test func wgs84DatasetIsReadProjectedAndContained() throws {
        let ds = try TestDataset(baseDataset())
        defer { ds.remove() }
        let s = try ds.read()
        #expect(s.metadata.name == "test district")
        #expect(s.metadata.sourceCRS == "EPSG:4326")
        // centre lon ≈ 116.415: zone floor((116.415 + 1.5) / 3) = 39 → EPSG:4548 (central meridian 117°E)
        #expect(s.metadata.workingCRS == "EPSG:4548")
        #expect(s.communities.map(\.id) == ["C1", "C2"])
        #expect(s.buildings.map(\.id) == ["B1", "B2"])
        #expect(s.buildings.map(\.communityId) == ["C1", "C2"])  // B2 by containment
        #expect(s.buildings[0].name == "一号楼")
        #expect(s.buildings.map(\.households) == [120, 80])
        #expect(s.buildings.map(\.partyMembers) == [5, 2])
        #expect(s.buildings[0].lonLat == Point(116.405, 39.905))

        let t = try CoordinateTransformer(from: .wgs84, to: .proj("EPSG:4548"))
        let expected = try t.transform(Point(116.405, 39.905))
        #expect(s.buildings[0].location.distance(to: expected) < 1e-6)
        // 4548's central meridian is 117°E: a point west of it lies west of the false easting
        #expect(s.buildings[0].location.x < 500_000)

        let f1 = try #require(s.facilities.first { $0.id == "F1" })
        #expect(f1.kind == .partyMassCenter && f1.usableAreaM2 == 200 && f1.level == .community && f1.embedded)
        let f2 = try #require(s.facilities.first { $0.id == "F2" })
        #expect(f2.communityId == nil)  // outside every community: stays empty
        #expect(f2.usableAreaM2 == 60.5 && !f2.embedded && f2.kind == .cityStation)

        // boundaries in metres: a 0.01° square at 39.905°N is about 854 m (east) × 1,110 m (north)
        let area = try #require(s.communities[0].boundary).area
        let rough = 0.01 * 111_320 * cos(39.905 * Double.pi / 180) * 0.01 * 110_990
        #expect(abs(area / rough - 1) < 0.01, "area \(area) vs \(rough)")
        #expect(s.communities[0].boundaryLonLat?.polygons.first?.exterior.first == Point(116.40, 39.90))
    }

    @Test func cgcs2000DatasetMatchesWGS84WithinMillimetres() throws {
        let ds = try TestDataset(baseDataset(crs: "EPSG:4490"))
        defer { ds.remove() }
        let s = try ds.read()
        #expect(s.metadata.sourceCRS == "EPSG:4490")
        #expect(s.metadata.workingCRS == "EPSG:4548")
        #expect(abs(s.buildings[0].lonLat.x - 116.405) < 1e-8 && abs(s.buildings[0].lonLat.y - 39.905) < 1e-8)
        let t = try CoordinateTransformer(from: .proj("EPSG:4490"), to: .proj("EPSG:4548"))
        #expect(s.buildings[1].location.distance(to: try t.transform(Point(116.415, 39.905))) < 1e-6)
    }

    @Test func gcj02PointsAreConvertedToWGS84() throws {
        let ds = try TestDataset(baseDataset(crs: "GCJ-02"))
        defer { ds.remove() }
        let s = try ds.read()
        #expect(s.metadata.sourceCRS == "GCJ-02")
        for (b, input) in zip(s.buildings, [Point(116.405, 39.905), Point(116.415, 39.905)]) {
            let w = ChinaCoordinates.gcj02ToWGS84(input)
            #expect(abs(b.lonLat.x - w.x) < 1e-9 && abs(b.lonLat.y - w.y) < 1e-9)
            // GCJ-02 is offset by a few hundred metres from WGS84 around Beijing
            #expect(b.lonLat.distance(to: input) > 0.001)
            let m = try CoordinateTransformer(from: .wgs84, to: .proj(s.metadata.workingCRS)).transform(w)
            #expect(b.location.distance(to: m) < 1e-6)
        }
        let ring = try #require(s.communities[0].boundaryLonLat?.polygons.first?.exterior)
        let w0 = ChinaCoordinates.gcj02ToWGS84(Point(116.40, 39.90))
        #expect(ring[0].distance(to: w0) < 1e-9)
    }

    @Test func bd09IsAccepted() throws {
        let ds = try TestDataset(baseDataset(crs: "bd09"))
        defer { ds.remove() }
        let s = try ds.read()
        #expect(s.metadata.sourceCRS == "BD-09")
        let w = ChinaCoordinates.bd09ToWGS84(Point(116.405, 39.905))
        #expect(s.buildings[0].lonLat.distance(to: w) < 1e-9)
    }

    @Test func projectedSourceCRSIsInverted() throws {
        // EPSG:4547: CGCS2000 3-degree Gauss-Kruger, central meridian 114°E, metres.
        let (ring, fwd) = try projectedSquare(to: "EPSG:4547")
        func xy(_ lon: Double, _ lat: Double) throws -> Point { try fwd.transform(Point(lon, lat)) }
        let b = try xy(116.405, 39.905)
        let f = try xy(116.404, 39.904)
        let ds = try TestDataset([
            "dataset.json": #"{"crs": "EPSG:4547"}"#,
            "communities.geojson": featureCollection([feature(#""id":"C1""#, polygon(ring))]),
            "buildings.csv": "id,households,x,y\nB1,10,\(b.x),\(b.y)\n",
            "facilities.csv": "id,kind,usable_area_m2,x,y\nF1,party_mass_station,50,\(f.x),\(f.y)\n"
        ])
        defer { ds.remove() }
        let s = try ds.read()
        #expect(s.metadata.sourceCRS == "EPSG:4547")
        #expect(s.metadata.workingCRS == "EPSG:4548")  // auto follows the data's centre, not the source zone
        #expect(s.buildings[0].lonLat.distance(to: Point(116.405, 39.905)) < 1e-8)
        #expect(s.buildings[0].communityId == "C1")
        #expect(s.facilities[0].communityId == "C1")
        let m = try CoordinateTransformer(from: .wgs84, to: .proj("EPSG:4548")).transform(Point(116.405, 39.905))
        #expect(s.buildings[0].location.distance(to: m) < 1e-3)
        #expect(s.metadata.name == ds.directory.lastPathComponent)  // no name in dataset.json
    }

    @Test func explicitWorkingCRSIsUsed() throws {
        var files = baseDataset()
        files["dataset.json"] = #"{"crs": "EPSG:4326", "working_crs": "EPSG:32650"}"#
        let ds = try TestDataset(files)
        defer { ds.remove() }
        let s = try ds.read()
        #expect(s.metadata.workingCRS == "EPSG:32650")
        let m = try CoordinateTransformer(from: .wgs84, to: .proj("EPSG:32650")).transform(Point(116.405, 39.905))
        #expect(s.buildings[0].location.distance(to: m) < 1e-6)
    }

    @Test func crsOptionOverridesDatasetJSON() throws {
        let ds = try TestDataset(baseDataset(crs: "EPSG:4326"))
        defer { ds.remove() }
        let s = try ds.read(crs: "GCJ-02")
        #expect(s.metadata.sourceCRS == "GCJ-02")
        #expect(s.buildings[0].lonLat.distance(to: ChinaCoordinates.gcj02ToWGS84(Point(116.405, 39.905))) < 1e-9)
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        var files = baseDataset()
        files["buildings.csv"] =
            "\u{FEFF}id,community_id,households,lon,lat\r\nB1,C1,120,116.405,39.905\r\nB2,\"C2\",80,116.415,39.905\r\n"
        files["communities.geojson"] = "\u{FEFF}" + files["communities.geojson"]!.replacingOccurrences(of: "\n", with: "\r\n")
        files["dataset.json"] = "\u{FEFF}{\"crs\": \"EPSG:4326\"}\r\n"
        let ds = try TestDataset(files)
        defer { ds.remove() }
        let s = try ds.read()
        #expect(s.buildings.map(\.id) == ["B1", "B2"])
        #expect(s.buildings.map(\.communityId) == ["C1", "C2"])
        #expect(s.buildings.map(\.households) == [120, 80])
        #expect(s.communities.count == 2)
    }

    @Test func footprintsGiveCentroidsAndMultiPolygonHolesExcludeBuildings() throws {
        // C1: two parts; the first (0.02° square) has a hole in its middle. C2 lies around the hole.
        let c1 =
            #"{"type":"MultiPolygon","coordinates":[[\#(squareRing(116.40, 39.90, 116.42, 39.92)),\#(squareRing(116.405, 39.905, 116.415, 39.915))],[\#(squareRing(116.43, 39.90, 116.44, 39.91))]]}"#
        let c2 = polygon(squareRing(116.406, 39.906, 116.414, 39.914))
        let footprint = polygon(squareRing(116.432, 39.902, 116.434, 39.906))
        let ds = try TestDataset([
            "communities.geojson": featureCollection([
                feature(#""id":"C1""#, c1), feature(#""id":1002"#, c2),
                feature(#""id":"C3""#, "null")
            ]),
            "buildings.geojson": featureCollection([
                feature(#""id":"in-part-1","households":1"#, point(116.401, 39.901)),
                feature(#""id":"in-hole","households":2"#, point(116.41, 39.91)),
                feature(#""id":"in-part-2","households":3"#, footprint),
                feature(#""id":4,"households":4,"community_id":"C3""#, point(116.45, 39.95))
            ]),
            "facilities.csv": "id,kind,usable_area_m2,lon,lat,embedded\nF1,pocket_park,0,116.41,39.91,是\n"
        ])
        defer { ds.remove() }
        let s = try ds.read()
        #expect(s.communities.map(\.id) == ["C1", "1002", "C3"])  // a numeric id kept as its text
        #expect(s.communities[2].boundary == nil)
        #expect(s.communities[0].boundary?.polygons.count == 2)
        #expect(s.communities[0].boundary?.polygons[0].holes.count == 1)
        #expect(s.buildings.map(\.id) == ["in-part-1", "in-hole", "in-part-2", "4"])
        #expect(s.buildings.map(\.communityId) == ["C1", "1002", "C1", "C3"])
        let b = s.buildings[2]
        #expect(b.footprint != nil)
        #expect(b.lonLat.distance(to: Point(116.433, 39.904)) < 1e-9)  // centroid of the square footprint
        let fp = try #require(b.footprint)
        #expect(b.location.distance(to: fp.centroid) < 1e-6)
        #expect(s.facilities[0].communityId == "1002" && s.facilities[0].embedded)
    }

    @Test func householdsCSVDrivesBuildingCounts() throws {
        var files = baseDataset()
        files["buildings.csv"] =
            "id,community_id,households,party_members,lon,lat\nB1,C1,3,99,116.405,39.905\nB2,C2,,,116.415,39.905\nB3,C2,,,116.416,39.905\n"
        files["households.csv"] = """
            id,building_id,unit,room,persons,party_members,probationary_members
            H1,B1,1,101,3,1,0
            H2,B1,1,102,2,0,1
            H3,B1,2,201,4,2,
            H4,B2,1,101,1,0,0

            """
        let ds = try TestDataset(files)
        defer { ds.remove() }
        let s = try ds.read()
        #expect(s.buildings.map(\.households) == [3, 1, 0])
        #expect(s.buildings.map(\.partyMembers) == [3, 0, 0])
        #expect(s.buildings.map(\.probationaryMembers) == [1, 0, 0])
        #expect(s.households.map(\.id) == ["H1", "H2", "H3", "H4"])
        #expect(s.households[0].room == "101" && s.households[2].persons == 4)
    }

    @Test func optionalLayersAndRecordsAreRead() throws {
        var files = baseDataset()
        files["grids.csv"] = "id,community_id,name\nG1,C1,一网格\n"
        files["buildings.csv"] = "id,community_id,grid_id,households,lon,lat\nB1,C1,G1,10,116.405,39.905\n"
        files["candidates.csv"] =
            "id,name,kind,available_area_m2,cost,lon,lat\nK1,空置房,vacant_room,120,15.5,116.417,39.906\nK2,,,,,116.5,39.5\n"
        files["roads.geojson"] = featureCollection([
            feature(#""id":"R1""#, #"{"type":"LineString","coordinates":[[116.40,39.90],[116.41,39.91]]}"#),
            feature(
                #""id":"R2","walkable":false"#,
                #"{"type":"MultiLineString","coordinates":[[[116.40,39.90],[116.41,39.90]],[[116.41,39.90],[116.41,39.905],[116.42,39.91]]]}"#
            )
        ])
        files["units.csv"] =
            "id,kind,staff,name,community_id,party_workers,party_members,has_organization\nU1,agency,200,区机关,C1,4,60,1\nU2,non_public,30,,,,,否\nU3,soe,10,,,,,\n"
        files["secretaries.csv"] = "id,community_id,name,last_training_date\nS1,C1,张三,2025-03-01\nS2,C2,李四,\n"
        files["contacts.csv"] =
            "leader_id,name,role,community_id,year,days_on_site,meetings,lectures\nL1,王五,district_standing,C1,2025,16,2,2\n"
        files["ratings.csv"] = "organization_id,community_id,year,stars\nC1,C1,2025,优秀\nC2,,2025,3\n"
        files["observations.csv"] = "organization_id,community_id,date\nC1,C1,2025-02-29\n".replacingOccurrences(
            of: "2025-02-29", with: "2024-02-29")
        let ds = try TestDataset(files)
        defer { ds.remove() }
        let s = try ds.read()
        #expect(s.grids.map(\.id) == ["G1"] && s.grids[0].communityId == "C1" && s.grids[0].boundary == nil)
        #expect(s.buildings[0].gridId == "G1")
        #expect(s.candidates.map(\.communityId) == ["C2", nil])
        #expect(s.candidates[0].availableAreaM2 == 120 && s.candidates[0].cost == 15.5 && s.candidates[0].kind == "vacant_room")
        #expect(s.roads.map(\.walkable) == [true, false])
        #expect(s.roads[1].lines.count == 2 && s.roads[1].linesLonLat[1].points.count == 3)
        let r0 = try #require(s.roads[0].lines.first)
        #expect(r0.length > 1000 && r0.length < 1600)  // 0.01° × 0.01° diagonal ≈ 1,390 m
        #expect(s.units.map(\.hasOrganization) == [true, false, nil])
        #expect(s.units[0].kind == .agency && s.units[0].staff == 200 && s.units[0].partyWorkers == 4)
        #expect(s.units[1].kind == .nonPublic)
        #expect(s.records.secretaries.map(\.lastTrainingDate) == ["2025-03-01", nil])
        #expect(s.records.contacts.first?.role == .districtStanding && s.records.contacts.first?.daysOnSite == 16)
        #expect(s.records.ratings.map(\.stars) == [5, 3])
        #expect(s.records.observations.map(\.date) == ["2024-02-29"])
    }

    @Test func progressIsReported() throws {
        final class Recorder: ProgressReporter, @unchecked Sendable {
            var stages: [String] = []
            func report(stage: LocalText, done: Int, total: Int?) { stages.append(stage.text(.en)) }
        }
        let ds = try TestDataset(baseDataset())
        defer { ds.remove() }
        let r = Recorder()
        _ = try DatasetImporter.read(directory: ds.directory, options: ImportOptions(), progress: r)
        #expect(r.stages.contains("read buildings.csv"))
        #expect(r.stages.contains("project coordinates"))
    }

    @Test func missingFolderIsAUsageError() {
        #expect(throws: UsageError.self) {
            try DatasetImporter.read(
                directory: URL(fileURLWithPath: "/nonexistent/gridplan-\(UUID())"), options: ImportOptions(),
                progress: SilentProgress())
        }
    }
}
