import Foundation
import Testing
import GridGeo
import GridModel
@testable import GridStore
import TestSupport

/// `ogr2ogr`, which builds the planners' files (Shapefile, XLSX, GPKG, KML) the tests import.
enum OGR2OGR {
    static let executable: URL? = ProcessRunner.executable(named: "ogr2ogr")
    static var isAvailable: Bool { executable != nil }

    /// Converts `source` to `destination` (both in `directory`); records an issue when it fails.
    static func convert(
        _ source: String, to destination: String, in directory: URL, _ options: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard let executable else { return }
        let out = try ProcessRunner.run(
            executable,
            options + [
                directory.appendingPathComponent(destination).path,
                directory.appendingPathComponent(source).path
            ])
        #expect(out.status == 0, "ogr2ogr \(source) → \(destination): \(out.stderr)", sourceLocation: sourceLocation)
    }
}

/// A small district whose names need GBK (堃 and 喆 are not in GB2312), written as GeoJSON and CSV
/// (the reference) and converted by the tests into planners' formats.
enum PlannerDistrict {
    static let communityRing1 = [[116.40, 39.90], [116.41, 39.90], [116.41, 39.91], [116.40, 39.91], [116.40, 39.90]]
    static let communityRing2 = [[116.41, 39.90], [116.42, 39.90], [116.42, 39.91], [116.41, 39.91], [116.41, 39.90]]

    static func ring(_ r: [[Double]]) -> String { "[" + r.map { "[\($0[0]),\($0[1])]" }.joined(separator: ",") + "]" }

    static let communities = featureCollection([
        feature(#""id":"C1","name":"堃苑社区""#, polygon(ring(communityRing1))),
        feature(#""id":"C2","name":"喆园社区""#, polygon(ring(communityRing2)))
    ])

    /// Buildings in GCJ-02 (as picked on Amap), with Chinese headers.
    static let buildingsCSV = """
        编号,名称,户数,所属社区,经度,纬度
        B1,堃苑1号楼,12,C1,116.40612345678901,39.90123456789012
        B2,喆园2号楼,30,C2,116.41587654321098,39.90876543210987
        """

    static let facilitiesGeoJSON = featureCollection([
        feature(#""id":"F1","name":"堃苑党群服务中心","kind":"party_mass_center","usable_area_m2":650"#, point(116.405, 39.905)),
        feature(#""id":"F2","name":"喆园驿站","kind":"city_station","usable_area_m2":80.5"#, point(116.415, 39.905))
    ])

    static let datasetJSON = #"{"name": "堃喆街道", "crs": "EPSG:4326", "layers": {"buildings": {"crs": "GCJ-02"}}}"#

    /// The reference folder: GeoJSON and CSV only.
    static func reference() throws -> TestDataset {
        try TestDataset([
            "dataset.json": datasetJSON, "communities.geojson": communities,
            "buildings.csv": buildingsCSV, "facilities.geojson": facilitiesGeoJSON
        ])
    }
}

/// Asserts two imports gave the same entities: ids and names byte for byte, coordinates to 1e-9°.
func expectSameDistrict(_ a: Snapshot, _ b: Snapshot, sourceLocation: SourceLocation = #_sourceLocation) {
    func close(_ p: Point, _ q: Point) -> Bool { abs(p.x - q.x) <= 1e-9 && abs(p.y - q.y) <= 1e-9 }
    func sameArea(_ m: MultiPolygon?, _ n: MultiPolygon?) -> Bool {
        guard let m, let n, m.polygons.count == n.polygons.count else { return m == nil && n == nil }
        for (p, q) in zip(m.polygons, n.polygons) {
            // A ring may start at another vertex (GDAL writers reorient rings): compare as sets.
            guard p.exterior.count == q.exterior.count else { return false }
            for v in p.exterior where !q.exterior.contains(where: { close($0, v) }) { return false }
        }
        return true
    }
    #expect(a.communities.map(\.id) == b.communities.map(\.id), sourceLocation: sourceLocation)
    #expect(
        a.communities.map { Array(($0.name ?? "").utf8) } == b.communities.map { Array(($0.name ?? "").utf8) },
        sourceLocation: sourceLocation)
    for (c, d) in zip(a.communities, b.communities) {
        #expect(sameArea(c.boundaryLonLat, d.boundaryLonLat), "community \(c.id) boundary", sourceLocation: sourceLocation)
    }
    #expect(a.buildings.map(\.id) == b.buildings.map(\.id), sourceLocation: sourceLocation)
    #expect(
        a.buildings.map { Array(($0.name ?? "").utf8) } == b.buildings.map { Array(($0.name ?? "").utf8) },
        sourceLocation: sourceLocation)
    #expect(a.buildings.map(\.households) == b.buildings.map(\.households), sourceLocation: sourceLocation)
    #expect(a.buildings.map(\.communityId) == b.buildings.map(\.communityId), sourceLocation: sourceLocation)
    for (x, y) in zip(a.buildings, b.buildings) {
        #expect(close(x.lonLat, y.lonLat), "building \(x.id): \(x.lonLat) vs \(y.lonLat)", sourceLocation: sourceLocation)
    }
    #expect(a.facilities.map(\.id) == b.facilities.map(\.id), sourceLocation: sourceLocation)
    #expect(a.facilities.map(\.kind) == b.facilities.map(\.kind), sourceLocation: sourceLocation)
    #expect(a.facilities.map(\.usableAreaM2) == b.facilities.map(\.usableAreaM2), sourceLocation: sourceLocation)
    for (x, y) in zip(a.facilities, b.facilities) {
        #expect(close(x.lonLat, y.lonLat), "facility \(x.id)", sourceLocation: sourceLocation)
    }
}
