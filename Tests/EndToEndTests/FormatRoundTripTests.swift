import Foundation
import GridGeo
import GridModel
import GridStore
import Testing
import TestSupport

/// A small district whose names need GBK rather than GB2312 (堃, 喆), with coordinates at full
/// double precision, exported as Shapefiles and KML and imported back: every entity, every
/// coordinate to 1e-9°, every text byte for byte. ogrinfo (independent of our writer) reads
/// the same feature counts.
@Suite(.serialized, .enabled(if: OGRInfo.isAvailable, "ogrinfo (gdal-bin) is not installed"))
struct FormatRoundTripTests {
    static let ring1 = [
        [116.401234567891, 39.901234567891], [116.409876543219, 39.901234567891], [116.409876543219, 39.909876543219],
        [116.401234567891, 39.909876543219], [116.401234567891, 39.901234567891]
    ]
    static let hole = [
        [116.403, 39.903], [116.403, 39.904], [116.404, 39.904], [116.404, 39.903], [116.403, 39.903]
    ]
    static let ring2 = [
        [116.409876543219, 39.901234567891], [116.419876543219, 39.901234567891], [116.419876543219, 39.909876543219],
        [116.409876543219, 39.909876543219], [116.409876543219, 39.901234567891]
    ]

    static func ring(_ r: [[Double]]) -> String { "[" + r.map { "[\($0[0]),\($0[1])]" }.joined(separator: ",") + "]" }

    static let files: [String: String] = [
        "dataset.json": #"{"name": "堃喆街道", "crs": "EPSG:4326"}"#,
        "communities.geojson": """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"C1","name":"堃苑社区","street":"喆园街道"},"geometry":{"type":"Polygon","coordinates":[\(ring(ring1)),\(ring(hole))]}},
        {"type":"Feature","properties":{"id":"C2","name":"喆园社区","street":"喆园街道"},"geometry":{"type":"Polygon","coordinates":[\(ring(ring2))]}}
        ]}
        """,
        "buildings.csv": """
        id,name,households,residents,party_members,probationary_members,floors,community_id,lon,lat
        B1,堃苑1号楼,2,5,2,1,6,C1,116.40612345678901,39.90123456789012
        B2,喆园2号楼,1,4,5,0,11,C2,116.41587654321098,39.90876543210987
        B3,"堃苑3号楼, 东",0,0,0,0,3,C1,116.40212345678912,39.90812345678923
        """,
        "households.csv": """
        id,building_id,unit,room,persons,party_members,probationary_members
        H1,B1,1单元,101,3,1,0
        H2,B1,1单元,102,2,1,1
        H3,B2,2单元,喆201,4,0,0
        """,
        "facilities.geojson": """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"F1","name":"堃苑党群服务中心","kind":"party_mass_center","usable_area_m2":650.25,"community_id":"C1","level":"community"},"geometry":{"type":"Point","coordinates":[116.40512345678912,39.90512345678934]}},
        {"type":"Feature","properties":{"id":"F2","name":"喆园驿站","kind":"city_station","usable_area_m2":80.5,"embedded":true},"geometry":{"type":"Point","coordinates":[116.41512345678956,39.90512345678978]}}
        ]}
        """,
        "units.csv": """
        id,kind,staff,name,community_id,party_workers,party_members,has_organization
        U1,agency,109,堃喆区委办公室,C1,3,70,true
        """
    ]

    /// Imports the district into a new store; its path.
    func importDistrict() throws -> (dir: URL, store: String) {
        let dir = try CLI.temporaryDirectory()
        let data = dir.appendingPathComponent("district")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for (name, text) in Self.files { try Data(text.utf8).write(to: data.appendingPathComponent(name)) }
        let store = dir.appendingPathComponent("a.gpkg").path
        let r = try CLI.run(["import", data.path, "--db", store], environment: MapsDemo.environment)
        try #require(r.status == 0, "\(r.stdout) \(r.stderr)")
        return (dir, store)
    }

    @Test(arguments: ["shp", "kml"])
    func exportThenImportGivesBackEveryEntity(_ format: String) throws {
        let (dir, store) = try importDistrict()
        let out = dir.appendingPathComponent(format).path
        let export = try CLI.run(
            ["export", "--db", store, "--format", format, "--out", out, "--include-households"], environment: MapsDemo.environment
        )
        #expect(export.status == 0, "\(export.stderr)")
        let before = try GeoPackageStore(path: store, create: false).loadSnapshot()

        // ogrinfo reads each file with the feature count of its layer.
        let expected = [
            "communities": 2, "buildings": 3, "facilities": 2, "area_report": 2, "coverage": 3,
            "households": 3, "units": 1
        ]
        for (layer, count) in expected {
            let ext = format == "kml" ? "kml" : (["households", "units"].contains(layer) ? "dbf" : "shp")
            let path = out + "/\(layer).\(ext)"
            if format == "kml" && ["households", "units"].contains(layer) {
                #expect(!FileManager.default.fileExists(atPath: path), "KML has no plain tables")
                continue
            }
            let layers = try OGRInfo.layers(path)
            #expect(layers.map(\.features) == [count], "\(path): \(layers.map(\.features))")
            if ext == "shp" {
                #expect(layers.first?.epsg == 4326, "\(path): \(String(describing: layers.first?.epsg))")
                let cpg = try String(contentsOfFile: out + "/\(layer).cpg", encoding: .utf8)
                #expect(cpg.trimmingCharacters(in: .whitespacesAndNewlines) == "UTF-8")
            }
        }
        if format == "shp" {
            // Every field name fits a .dbf (10 bytes), and the renamed ones are in dataset.json.
            let info = try OGRInfo.run(["-ro", "-al", "-so", out + "/buildings.shp"]).output
            #expect(
                info.contains("comm_id: String") && info.contains("party_mem: Integer64") && info.contains("prob_mem: Integer64"))
            let settings = try String(contentsOfFile: out + "/dataset.json", encoding: .utf8)
            #expect(settings.contains(#""community_id":"comm_id""#))
        }

        let back = dir.appendingPathComponent("b.gpkg").path
        let reimport = try CLI.run(["import", out, "--db", back], environment: MapsDemo.environment)
        #expect(reimport.status == 0, "\(reimport.stderr)")
        let after = try GeoPackageStore(path: back, create: false).loadSnapshot()
        compare(before, after, withTables: format == "shp")
    }

    func close(_ a: Point, _ b: Point, _ what: String) {
        #expect(abs(a.x - b.x) <= 1e-9 && abs(a.y - b.y) <= 1e-9, "\(what): \(a) ≠ \(b)")
    }

    func compare(_ a: Snapshot, _ b: Snapshot, withTables: Bool) {
        #expect(a.communities.map(\.id) == b.communities.map(\.id))
        for (x, y) in zip(a.communities, b.communities) {
            #expect(x.name == y.name && x.street == y.street, "\(x.id)")
            let p = x.boundaryLonLat?.polygons ?? [], q = y.boundaryLonLat?.polygons ?? []
            #expect(p.count == q.count && !p.isEmpty, "\(x.id): polygons")
            for (r, s) in zip(p, q) {
                // The same ring, maybe from another starting vertex or direction: every vertex found.
                #expect(r.holes.count == s.holes.count, "\(x.id): holes")
                for v in r.exterior {
                    #expect(s.exterior.contains { abs($0.x - v.x) <= 1e-9 && abs($0.y - v.y) <= 1e-9 }, "\(x.id): vertex \(v)")
                }
                for (h, k) in zip(r.holes, s.holes) {
                    for v in h {
                        #expect(k.contains { abs($0.x - v.x) <= 1e-9 && abs($0.y - v.y) <= 1e-9 }, "\(x.id): hole \(v)")
                    }
                }
            }
        }
        #expect(a.buildings.map(\.id) == b.buildings.map(\.id))
        for (x, y) in zip(a.buildings, b.buildings) {
            #expect(Array((x.name ?? "").utf8) == Array((y.name ?? "").utf8), "\(x.id): name")
            #expect(x.communityId == y.communityId && x.households == y.households && x.residents == y.residents)
            #expect(x.partyMembers == y.partyMembers && x.probationaryMembers == y.probationaryMembers && x.floors == y.floors)
            close(x.lonLat, y.lonLat, x.id)
        }
        #expect(a.facilities.map(\.id) == b.facilities.map(\.id))
        for (x, y) in zip(a.facilities, b.facilities) {
            #expect(x.name == y.name && x.kind == y.kind && x.usableAreaM2 == y.usableAreaM2, "\(x.id)")
            #expect(x.communityId == y.communityId && x.level == y.level && x.embedded == y.embedded, "\(x.id)")
            close(x.lonLat, y.lonLat, x.id)
        }
        if withTables {
            #expect(a.households.map(\.id) == b.households.map(\.id))
            for (x, y) in zip(a.households, b.households) {
                #expect(x.buildingId == y.buildingId && x.unit == y.unit && x.room == y.room && x.persons == y.persons, "\(x.id)")
                #expect(x.partyMembers == y.partyMembers && x.probationaryMembers == y.probationaryMembers, "\(x.id)")
            }
            #expect(a.units.map(\.id) == b.units.map(\.id))
            for (x, y) in zip(a.units, b.units) {
                #expect(x.name == y.name && x.kind == y.kind && x.staff == y.staff && x.partyWorkers == y.partyWorkers, "\(x.id)")
            }
        }
    }
}
