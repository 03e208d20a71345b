import Testing
@testable import GridGeo

/// A 10 × 10 square with a 2 × 2 hole at (4..6, 4..6), counter-clockwise exterior.
let squareWithHole = Polygon(
    exterior: [Point(0, 0), Point(10, 0), Point(10, 10), Point(0, 10), Point(0, 0)],
    holes: [[Point(4, 4), Point(4, 6), Point(6, 6), Point(6, 4), Point(4, 4)]])

@Test func areaSubtractsHoles() {
    #expect(squareWithHole.area == 96)
}

@Test func areaIgnoresOrientation() {
    let cw = Polygon(exterior: [Point(0, 0), Point(0, 3), Point(4, 3), Point(4, 0), Point(0, 0)])
    #expect(cw.area == 12)
    #expect(Polygon.signedArea(cw.exterior) == -12)
}

@Test func pointInPolygonRespectsHoles() {
    #expect(squareWithHole.contains(Point(1, 1)))
    #expect(!squareWithHole.contains(Point(5, 5)))  // in the hole
    #expect(!squareWithHole.contains(Point(11, 5)))  // outside
    #expect(squareWithHole.contains(Point(5, 7)))  // above the hole
}

@Test func centroidOfLShapeByHand() {
    // L made of a 4×2 rectangle (centre 2,1, area 8) and a 2×2 square on top of its left end (centre 1,3, area 4):
    // centroid = ((2·8 + 1·4)/12, (1·8 + 3·4)/12) = (5/3, 5/3).
    let l = Polygon(exterior: [Point(0, 0), Point(4, 0), Point(4, 2), Point(2, 2), Point(2, 4), Point(0, 4), Point(0, 0)])
    #expect(l.area == 12)
    #expect(abs(l.centroid.x - 5.0 / 3) < 1e-12)
    #expect(abs(l.centroid.y - 5.0 / 3) < 1e-12)
}

@Test func centroidWithHoleIsShiftedAway() {
    // 10×10 square (centre 5,5, area 100) minus a 2×2 hole centred (2,2): ((5·100 − 2·4)/96, same).
    let p = Polygon(
        exterior: [Point(0, 0), Point(10, 0), Point(10, 10), Point(0, 10), Point(0, 0)],
        holes: [[Point(1, 1), Point(3, 1), Point(3, 3), Point(1, 3), Point(1, 1)]])
    #expect(abs(p.centroid.x - 492.0 / 96) < 1e-12)
    #expect(abs(p.centroid.y - 492.0 / 96) < 1e-12)
}

@Test func centroidIsPreciseFarFromOrigin() {
    // Gauss-Kruger coordinates: 500 km east, 4,400 km north.
    let o = Point(500_000, 4_400_000)
    let sq = Polygon(exterior: [o, Point(o.x + 10, o.y), Point(o.x + 10, o.y + 10), Point(o.x, o.y + 10), o])
    #expect(abs(sq.centroid.x - (o.x + 5)) < 1e-6)
    #expect(abs(sq.centroid.y - (o.y + 5)) < 1e-6)
    #expect(abs(sq.area - 100) < 1e-6)
}

@Test func multiPolygonContainsEitherPart() {
    let a = Polygon(exterior: [Point(0, 0), Point(1, 0), Point(1, 1), Point(0, 1), Point(0, 0)])
    let b = Polygon(exterior: [Point(5, 5), Point(7, 5), Point(7, 7), Point(5, 7), Point(5, 5)])
    let m = MultiPolygon([a, b])
    #expect(m.area == 5)
    #expect(m.contains(Point(0.5, 0.5)))
    #expect(m.contains(Point(6, 6)))
    #expect(!m.contains(Point(3, 3)))
    // centroid: (0.5·1 + 6·4)/5 = 4.9
    #expect(abs(m.centroid.x - 4.9) < 1e-12)
}
