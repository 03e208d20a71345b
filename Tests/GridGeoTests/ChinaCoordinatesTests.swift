import Testing
@testable import GridGeo
import TestSupport

// Vectors of the public algorithm (eviltransform / coordtransform test suites, which
// agree with the reference JavaScript implementation to the printed digits).

@Test func gcj02ForwardMatchesPublishedVector() {
    // Tiananmen: WGS84 (116.397428, 39.90923) → GCJ-02 ≈ (116.40367, 39.91064)
    let g = ChinaCoordinates.wgs84ToGCJ02(Point(116.397428, 39.90923))
    #expect(abs(g.x - 116.403671) < 2e-5)
    #expect(abs(g.y - 39.910638) < 2e-5)
}

@Test func bd09ForwardMatchesPublishedVector() {
    // coordtransform's README: GCJ-02 (116.404, 39.915) → BD-09 (116.41036949371029, 39.92133699351021)
    let b = ChinaCoordinates.gcj02ToBD09(Point(116.404, 39.915))
    #expect(abs(b.x - 116.41036949371029) < 1e-9)
    #expect(abs(b.y - 39.92133699351021) < 1e-9)
    // and BD-09 → GCJ-02 with the closed form: (116.39762729119315, 39.90865673957631) per the same README
    let g = ChinaCoordinates.bd09ToGCJ02(Point(116.404, 39.915))
    #expect(abs(g.x - 116.39762729119315) < 1e-5)
    #expect(abs(g.y - 39.90865673957631) < 1e-5)
}

@Test func gcj02OffsetIsHundredsOfMetres() {
    // The published offset in Beijing is about 500–700 m east-north-east.
    let w = Point(116.397428, 39.90923)
    let g = ChinaCoordinates.wgs84ToGCJ02(w)
    let dx = (g.x - w.x) * 111_320 * 0.7668, dy = (g.y - w.y) * 110_574
    let metres = (dx * dx + dy * dy).squareRoot()
    #expect(metres > 400 && metres < 800)
}

@Test func inverseRoundTripsBelowOneCentimetre() {
    var rng = SeededGenerator(seed: 42)
    for _ in 0..<2000 {
        let w = Point(Double.random(in: 73.5...134.5, using: &rng), Double.random(in: 18.5...53.5, using: &rng))
        let back = ChinaCoordinates.gcj02ToWGS84(ChinaCoordinates.wgs84ToGCJ02(w))
        #expect(abs(back.x - w.x) < 1e-7 && abs(back.y - w.y) < 1e-7)
        let back2 = ChinaCoordinates.bd09ToWGS84(ChinaCoordinates.wgs84ToBD09(w))
        #expect(abs(back2.x - w.x) < 1e-7 && abs(back2.y - w.y) < 1e-7)
    }
}

@Test func outsideChinaIsUnchanged() {
    let london = Point(-0.1276, 51.5072)
    #expect(ChinaCoordinates.wgs84ToGCJ02(london) == london)
    #expect(ChinaCoordinates.gcj02ToWGS84(london) == london)
}

@Test func transformerChainsGCJThroughWGS84() throws {
    let t = try CoordinateTransformer(from: .gcj02, to: .proj("EPSG:4548"))
    let direct = try CoordinateTransformer(from: .wgs84, to: .proj("EPSG:4548"))
    let g = Point(116.403671, 39.910638)
    let viaWGS = try direct.transform(ChinaCoordinates.gcj02ToWGS84(g))
    let p = try t.transform(g)
    #expect(p == viaWGS)
    let back = try CoordinateTransformer(from: .proj("EPSG:4548"), to: .bd09).transform(p)
    let expected = ChinaCoordinates.gcj02ToBD09(g)
    #expect(abs(back.x - expected.x) < 1e-8 && abs(back.y - expected.y) < 1e-8)
}

@Test func gcj02ForwardMatchesCoordtransformReadme() {
    // coordtransform's README: wgs84togcj02(116.404, 39.915) = (116.41024449916938, 39.91640428150164)
    let g = ChinaCoordinates.wgs84ToGCJ02(Point(116.404, 39.915))
    #expect(abs(g.x - 116.41024449916938) < 1e-9)
    #expect(abs(g.y - 39.91640428150164) < 1e-9)
    // Its gcj02towgs84 is the one-step approximation (116.39775550083061, 39.91359571849836); the
    // iterated inverse must land within a few metres of it but be exact on the round trip.
    let w = ChinaCoordinates.gcj02ToWGS84(Point(116.404, 39.915))
    #expect(abs(w.x - 116.39775550083061) < 3e-5 && abs(w.y - 39.91359571849836) < 3e-5)
    let again = ChinaCoordinates.wgs84ToGCJ02(w)
    #expect(abs(again.x - 116.404) < 1e-9 && abs(again.y - 39.915) < 1e-9)
}
