import Foundation
import Testing
@testable import GridGeo

/// Vectors produced by PROJ's cs2cs (Tools/make_crs_fixtures.sh), stored as a fixture.
struct CRSVector: CustomStringConvertible {
    var source: String, target: String, lon: Double, lat: Double, x: Double, y: Double
    var description: String { "\(source)→\(target) (\(lon), \(lat))" }

    static let all: [CRSVector] = {
        let url = Bundle.module.url(forResource: "Fixtures/crs_vectors", withExtension: "tsv")!
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t").map(String.init)
            return CRSVector(
                source: f[0], target: f[1], lon: Double(f[2])!, lat: Double(f[3])!,
                x: Double(f[4])!, y: Double(f[5])!)
        }
    }()
}

@Test func fixtureHasVectorsForEveryFamily() {
    let targets = Set(CRSVector.all.map(\.target))
    #expect(CRSVector.all.count >= 27)
    #expect(targets.contains("EPSG:4548") && targets.contains("EPSG:4527") && targets.contains("EPSG:32650"))
}

@Test(arguments: CRSVector.all)
func forwardMatchesCs2cs(_ v: CRSVector) throws {
    let t = try CoordinateTransformer(from: .proj(v.source), to: .proj(v.target))
    let p = try t.transform(Point(v.lon, v.lat))
    #expect(abs(p.x - v.x) < 0.001, "x \(p.x) vs \(v.x)")
    #expect(abs(p.y - v.y) < 0.001, "y \(p.y) vs \(v.y)")
}

@Test(arguments: CRSVector.all)
func inverseReturnsToLonLat(_ v: CRSVector) throws {
    let t = try CoordinateTransformer(from: .proj(v.target), to: .proj(v.source))
    let p = try t.transform(Point(v.x, v.y))
    #expect(abs(p.x - v.lon) < 1e-8 && abs(p.y - v.lat) < 1e-8)
}

@Test func bulkTransformEqualsPointByPoint() throws {
    let t = try CoordinateTransformer(from: .proj("EPSG:4490"), to: .proj("EPSG:4548"))
    var pts = (0..<500).map { i in Point(116 + Double(i) * 0.002, 39.5 + Double(i % 37) * 0.01) }
    let one = try pts.map { try t.transform($0) }
    try t.transform(&pts)
    #expect(pts == one)
}

@Test func unknownCRSCarriesProjMessage() {
    #expect {
        _ = try CoordinateTransformer(from: .proj("EPSG:999999"), to: .wgs84)
    } throws: { error in
        let text = "\(error)"
        return text.contains("EPSG:999999") && text.contains("unknown CRS")
    }
}

@Test func geographicDetection() throws {
    #expect(try CoordinateTransformer.isGeographic(.proj("EPSG:4490")))
    #expect(try CoordinateTransformer.isGeographic(.gcj02))
    #expect(try !CoordinateTransformer.isGeographic(.proj("EPSG:4548")))
}

@Test func automaticWorkingCRSPicksNearestGaussKrugerZone() {
    // Beijing 116.39E: zone floor(117.89/3) = 39 → CM 117E → EPSG:4548.
    #expect(CoordinateSystem.automaticWorkingCRS(center: Point(116.39, 39.9)) == .proj("EPSG:4548"))
    // 115.49E is nearer CM 114E (zone 38, EPSG:4547) than 117E; 115.51E nearer 117E... floor((115.49+1.5)/3)=38.
    #expect(CoordinateSystem.automaticWorkingCRS(center: Point(115.49, 30)) == .proj("EPSG:4547"))
    #expect(CoordinateSystem.automaticWorkingCRS(center: Point(115.51, 30)) == .proj("EPSG:4548"))
    // Edges of the Chinese range: 73E → zone 24 clamped to 25 (EPSG:4534), 136E → zone 45 (EPSG:4554).
    #expect(CoordinateSystem.automaticWorkingCRS(center: Point(73.2, 39)) == .proj("EPSG:4534"))
    #expect(CoordinateSystem.automaticWorkingCRS(center: Point(135.9, 47)) == .proj("EPSG:4554"))
    // Outside China: UTM of the centre (London 31N, Sydney 56S).
    #expect(CoordinateSystem.automaticWorkingCRS(center: Point(-0.12, 51.5)) == .proj("EPSG:32630"))
    #expect(CoordinateSystem.automaticWorkingCRS(center: Point(151.2, -33.9)) == .proj("EPSG:32756"))
}

@Test func parsingChineseSystemNames() {
    #expect(CoordinateSystem(parsing: "GCJ-02") == .gcj02)
    #expect(CoordinateSystem(parsing: "gcj02") == .gcj02)
    #expect(CoordinateSystem(parsing: "BD-09") == .bd09)
    #expect(CoordinateSystem(parsing: "EPSG:4547") == .proj("EPSG:4547"))
}
