import Foundation
import Testing
import GridGeo
import GridModel
@testable import GridAnalysis
import TestSupport

// Grid polygons must be valid by OGC simple-features rules (GIS tools reject the rest):
// closed simple rings, exteriors counter-clockwise and holes clockwise inside them, no two rings
// of a polygon crossing or sharing an edge, the parts of a MultiPolygon disjoint but for points.
// The oracle below checks these by brute force over all pairs of edges.

private func orient(_ a: Point, _ b: Point, _ c: Point) -> Double {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

private func within(_ a: Point, _ b: Point, _ c: Point) -> Bool {
    c.x >= min(a.x, b.x) && c.x <= max(a.x, b.x) && c.y >= min(a.y, b.y) && c.y <= max(a.y, b.y)
}

/// How segments ab and cd meet: not at all, at single points only, or along a piece of positive length.
private enum Meeting { case none, point, overlap }

private func meeting(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Meeting {
    let d1 = orient(c, d, a), d2 = orient(c, d, b), d3 = orient(a, b, c), d4 = orient(a, b, d)
    if d1 == 0 && d2 == 0 {
        // Collinear: overlap when the projections share more than a point.
        let ux = b.x - a.x, uy = b.y - a.y
        let t = [0.0, 1.0], s = [c, d].map { (($0.x - a.x) * ux + ($0.y - a.y) * uy) / (ux * ux + uy * uy) }
        let lo = max(t[0], s.min()!), hi = min(t[1], s.max()!)
        return hi > lo ? .overlap : hi == lo ? .point : .none
    }
    if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return .point }
    if (d1 == 0 && within(c, d, a)) || (d2 == 0 && within(c, d, b)) || (d3 == 0 && within(a, b, c))
        || (d4 == 0 && within(a, b, d))
    {
        return .point
    }
    return .none
}

private func edges(_ ring: [Point]) -> [(Point, Point)] {
    (0..<(ring.count - 1)).map { (ring[$0], ring[$0 + 1]) }
}

/// Whether two rings cross: an edge of one passes through the other's edge other than at a
/// shared vertex (touching at vertices is allowed), or they share a piece of an edge.
private func ringsCross(_ r: [Point], _ s: [Point]) -> Bool {
    for (a, b) in edges(r) {
        for (c, d) in edges(s) {
            switch meeting(a, b, c, d) {
            case .none: continue
            case .overlap: return true
            case .point:
                // Allowed only where a vertex of one lies on the other (a touch, not a crossing).
                if orient(c, d, a) != 0 && orient(c, d, b) != 0 && orient(a, b, c) != 0 && orient(a, b, d) != 0 { return true }
            }
        }
    }
    return false
}

/// The problems of `mp` by the rules above (empty when valid).
private func validityProblems(_ mp: MultiPolygon) -> [String] {
    var out: [String] = []
    for (pi, poly) in mp.polygons.enumerated() {
        for (ri, ring) in poly.rings.enumerated() {
            let name = "part \(pi) ring \(ri)"
            guard ring.count >= 4, ring.first == ring.last else { out.append("\(name) not closed"); continue }
            if (Polygon.signedArea(ring) > 0) != (ri == 0) { out.append("\(name) wrongly oriented") }
            let es = edges(ring)
            for i in es.indices {
                for j in (i + 1)..<es.count {
                    let adjacent = j == i + 1 || (i == 0 && j == es.count - 1)
                    let m = meeting(es[i].0, es[i].1, es[j].0, es[j].1)
                    if adjacent ? m == .overlap : m != .none { out.append("\(name) not simple at edges \(i), \(j)") }
                }
            }
        }
        for (hi, h) in poly.holes.enumerated() {
            if ringsCross(poly.exterior, h) { out.append("part \(pi) hole \(hi) crosses the exterior") }
            let mid = Point((h[0].x + h[1].x) / 2, (h[0].y + h[1].y) / 2)
            if !Polygon.ringContains(poly.exterior, mid) { out.append("part \(pi) hole \(hi) outside the exterior") }
            for (hj, g) in poly.holes.enumerated() where hj > hi && ringsCross(h, g) {
                out.append("part \(pi) holes \(hi), \(hj) cross")
            }
        }
    }
    // Parts: no crossing or shared edge, neither inside the other.
    for (i, p) in mp.polygons.enumerated() {
        for (j, q) in mp.polygons.enumerated() where j > i {
            if p.rings.contains(where: { r in q.rings.contains { ringsCross(r, $0) } }) { out.append("parts \(i), \(j) cross") }
            let mp0 = Point((p.exterior[0].x + p.exterior[1].x) / 2, (p.exterior[0].y + p.exterior[1].y) / 2)
            let mq0 = Point((q.exterior[0].x + q.exterior[1].x) / 2, (q.exterior[0].y + q.exterior[1].y) / 2)
            if q.contains(mp0) || p.contains(mq0) { out.append("parts \(i), \(j) overlap") }
        }
    }
    return out
}

/// A comb: a base strip 0…1000 × 0…100 with three teeth 200 m wide up to y = 1000, at x 0, 400
/// and 800, and a 50 × 200 hole in the middle tooth at x 540…590, y 500…700.
private let comb: MultiPolygon = {
    let ext = [
        Point(0, 0), Point(1000, 0), Point(1000, 1000), Point(800, 1000), Point(800, 100), Point(600, 100),
        Point(600, 1000), Point(400, 1000), Point(400, 100), Point(200, 100), Point(200, 1000), Point(0, 1000),
        Point(0, 0)
    ]
    let hole = [Point(540, 500), Point(540, 700), Point(590, 700), Point(590, 500), Point(540, 500)]
    return MultiPolygon([Polygon(exterior: ext, holes: [hole])])
}()

@Test func cellSplitByAConcaveCommunityIsAValidMultiPolygon() throws {
    // B0 (190, 600) on the inner edge of the left tooth; the middle tooth's buildings are far
    // down and far up, so B0's cell reaches across the gap into the middle tooth: two pieces.
    // The hole straddles the bisector of B2 and B3 (y = 575).
    let pts = [
        Point(190, 600), Point(100, 50), Point(500, 250), Point(500, 900), Point(900, 50), Point(900, 900),
        Point(100, 950), Point(500, 50)
    ]
    let cells = GridPolygons.voronoiCells(points: pts, clip: comb)
    #expect(cells[0].polygons.count == 2)
    // One piece in the left tooth, one in the middle tooth.
    #expect(Set(cells[0].polygons.map { $0.centroid.x < 200 }) == [true, false])
    for (i, c) in cells.enumerated() {
        #expect(validityProblems(c).isEmpty, "cell \(i): \(validityProblems(c))")
        #expect(c.contains(pts[i]))
    }
    let total = cells.reduce(0.0) { $0 + $1.area }
    #expect(abs(total - comb.area) < 1e-6 * comb.area)
}

@Test func gridsOfAConcaveCommunityWithAHoleAreValid() throws {
    let pts = [
        Point(190, 600), Point(100, 50), Point(500, 250), Point(500, 900), Point(900, 50), Point(900, 900),
        Point(100, 950), Point(500, 50), Point(300, 50), Point(700, 50)
    ]
    let buildings = pts.enumerated().map { i, p in GridsFixtures.building("B\(i)", "K", p.x, p.y, households: 50) }
    var s = GridsFixtures.snapshot(buildings)
    s.communities[0].boundary = comb
    // The hole straddles G1 (B2) and G2 (B3): each grid gets a notch, not a hole crossing its exterior.
    let grids = [
        GridMembership(id: "G1", communityId: "K", buildingIds: ["B0", "B1", "B2", "B8"]),
        GridMembership(id: "G2", communityId: "K", buildingIds: ["B3", "B6"]),
        GridMembership(id: "G3", communityId: "K", buildingIds: ["B4", "B5", "B7", "B9"])
    ]
    let polys = GridPolygons.polygons(s, grids: grids)
    #expect(polys.count == 3)
    for (id, mp) in polys {
        #expect(validityProblems(mp).isEmpty, "\(id): \(validityProblems(mp))")
    }
    let total = polys.values.reduce(0.0) { $0 + $1.area }
    #expect(abs(total - comb.area) < 1e-6 * comb.area)
    // Points inside the hole belong to no grid; points off it to exactly one.
    for probe in [Point(565, 600), Point(550, 520), Point(580, 690)] {
        #expect(!polys.values.contains { $0.contains(probe) })
    }
    for probe in [Point(100, 500), Point(450, 600), Point(550, 900), Point(700, 60), Point(900, 500)] {
        #expect(polys.values.filter { $0.contains(probe) }.count == 1, "\(probe)")
    }
}

@Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
func gridsOfRandomStarShapedCommunitiesAreValid(seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    // A star polygon (concave) with a square hole near the centre.
    let n = Int.random(in: 10...18, using: &rng)
    var ext = (0..<n).map { k -> Point in
        let a = Double(k) / Double(n) * 2 * Double.pi
        let r = Double.random(in: 250...1000, using: &rng)
        return Point(r * cos(a), r * sin(a))
    }
    ext.append(ext[0])
    let hx = Double.random(in: -60...60, using: &rng), hy = Double.random(in: -60...60, using: &rng)
    let hole = [
        Point(hx - 50, hy - 50), Point(hx - 50, hy + 50), Point(hx + 50, hy + 50), Point(hx + 50, hy - 50),
        Point(hx - 50, hy - 50)
    ]
    let boundary = MultiPolygon([Polygon(exterior: ext, holes: [hole])])
    var buildings: [Building] = []
    while buildings.count < 60 {
        let p = Point(Double.random(in: -1000...1000, using: &rng), Double.random(in: -1000...1000, using: &rng))
        if boundary.contains(p) {
            buildings.append(GridsFixtures.building("B\(buildings.count + 100)", "S", p.x, p.y, households: 40))
        }
    }
    var s = GridsFixtures.snapshot(buildings)
    s.communities[0].boundary = boundary
    let cells = GridPolygons.voronoiCells(points: buildings.map(\.location), clip: boundary)
    for (i, c) in cells.enumerated() { #expect(validityProblems(c).isEmpty, "cell \(i): \(validityProblems(c))") }
    // Grids of scattered buildings (every fourth one): parts meet at points, grids enclose one another.
    let grids = (0..<4).map { g in
        GridMembership(
            id: "G\(g)", communityId: "S", buildingIds: buildings.indices.filter { $0 % 4 == g }.map { buildings[$0].id })
    }
    let polys = GridPolygons.polygons(s, grids: grids)
    for (id, mp) in polys { #expect(validityProblems(mp).isEmpty, "\(id): \(validityProblems(mp))") }
    let total = polys.values.reduce(0.0) { $0 + $1.area }
    #expect(abs(total - boundary.area) < 1e-6 * boundary.area)
}
