import GridGeo
import GridModel

/// Grid polygons for maps: the Voronoi cell of each building, clipped to its community's polygon
/// (or, without one, to the buildings' bounding box grown by `margin`), merged per grid.
///
/// Each cell starts as the clip area's bounding box and is cut by the bisector half-planes of
/// the building's nearest neighbours (k-d tree, k doubled until the 2 × the cell's farthest
/// vertex is nearer than the k-th neighbour, so no farther building can cut it). The convex cell
/// then clips the community polygon (Sutherland–Hodgman, every ring). Cells of one grid are merged
/// by cancelling shared edges (vertices snapped to 1 mm) and chaining what is left into rings;
/// when that fails the grid is the MultiPolygon of its cells. Buildings at the same point share
/// one cell (the first one's); the second gets none.
///
/// - Complexity: O(n log n) expected for n buildings.
/// - Reference: the half-plane intersection construction of Voronoi cells, e.g. de Berg et al.,
///   Computational Geometry, 3rd ed., §7.1; I. Sutherland and G. Hodgman, "Reentrant polygon
///   clipping", CACM 17(1), 1974.
public enum GridPolygons {
    /// Polygons of `grids` in the working CRS, keyed by grid id.
    public static func polygons(_ snapshot: Snapshot, grids: [GridMembership], margin: Double = 50) -> [String: MultiPolygon] {
        let buildingIndex = Dictionary(snapshot.buildings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let communities = Dictionary(snapshot.communities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byCommunity: [String: [GridMembership]] = [:]
        for g in grids { byCommunity[g.communityId, default: []].append(g) }
        var out: [String: MultiPolygon] = [:]
        for (cid, gs) in byCommunity {
            var members: [Int] = []
            var gridOf: [Int] = []
            for (k, g) in gs.enumerated() {
                for b in g.buildingIds { if let i = buildingIndex[b] { members.append(i); gridOf.append(k) } }
            }
            guard !members.isEmpty else { continue }
            let pts = members.map { snapshot.buildings[$0].location }
            let cells = voronoiCells(points: pts, clip: communities[cid]?.boundary, margin: margin)
            var perGrid = [[Polygon]](repeating: [], count: gs.count)
            for (j, c) in cells.enumerated() { perGrid[gridOf[j]] += c.polygons }
            for (k, g) in gs.enumerated() where !perGrid[k].isEmpty {
                out[g.id] = merge(perGrid[k]) ?? MultiPolygon(perGrid[k])
            }
        }
        return out
    }

    /// The Voronoi cell of each point, clipped to `clip` (or the points' box grown by `margin`).
    public static func voronoiCells(points: [Point], clip: MultiPolygon?, margin: Double = 50) -> [MultiPolygon] {
        let n = points.count
        guard n > 0 else { return [] }
        var box = BoundingBox(points: points)
        if let clip { box = box.union(clip.boundingBox) }
        box = box.expanded(by: margin)
        let o = box.center
        let local = points.map { Point($0.x - o.x, $0.y - o.y) }
        let lbox = BoundingBox(minX: box.minX - o.x, minY: box.minY - o.y, maxX: box.maxX - o.x, maxY: box.maxY - o.y)
        let clipLocal = clip?.map { Point($0.x - o.x, $0.y - o.y) }
        let tree = KDTree(points: local)
        var out: [MultiPolygon] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            let p = local[i]
            var cell = [Point(lbox.minX, lbox.minY), Point(lbox.maxX, lbox.minY), Point(lbox.maxX, lbox.maxY), Point(lbox.minX, lbox.maxY)]
            var k = 16
            var done = 0
            var owner = true
            while true {
                let nn = tree.nearest(min(k, n), to: p)
                for (j, d) in nn.dropFirst(done) where j != i {
                    if d == 0 { if j < i { owner = false }; continue }
                    cell = clipHalfPlane(cell, p, local[j])
                    if cell.isEmpty { break }
                }
                done = nn.count
                if cell.isEmpty || nn.count >= n { break }
                let far = cell.reduce(0.0) { max($0, $1.distance(to: p)) }
                if let last = nn.last, last.distance >= 2 * far { break }
                k *= 2
            }
            guard owner, cell.count >= 3 else { out.append(MultiPolygon([])); continue }
            var polys: [Polygon] = []
            if let clipLocal {
                for poly in clipLocal.polygons {
                    let ext = clipRing(poly.exterior, by: cell)
                    guard ext.count >= 3, abs(Polygon.signedArea(ext)) > 1e-9 else { continue }
                    let holes = poly.holes.map { clipRing($0, by: cell) }.filter { $0.count >= 3 && abs(Polygon.signedArea($0)) > 1e-9 }
                    polys.append(Polygon(exterior: ext, holes: holes))
                }
            } else {
                polys.append(Polygon(exterior: cell))
            }
            out.append(MultiPolygon(polys.map { poly in
                Polygon(exterior: close(poly.exterior.map { Point($0.x + o.x, $0.y + o.y) }),
                        holes: poly.holes.map { close($0.map { Point($0.x + o.x, $0.y + o.y) }) })
            }))
        }
        return out
    }

    static func close(_ ring: [Point]) -> [Point] {
        guard let f = ring.first, ring.last != f else { return ring }
        return ring + [f]
    }

    /// The part of convex polygon `poly` nearer to `p` than to `q`.
    static func clipHalfPlane(_ poly: [Point], _ p: Point, _ q: Point) -> [Point] {
        let mx = (p.x + q.x) / 2, my = (p.y + q.y) / 2
        let nx = q.x - p.x, ny = q.y - p.y
        func side(_ a: Point) -> Double { (a.x - mx) * nx + (a.y - my) * ny }   // ≤ 0: keep
        var out: [Point] = []
        out.reserveCapacity(poly.count + 1)
        for idx in poly.indices {
            let a = poly[idx], b = poly[(idx + 1) % poly.count]
            let sa = side(a), sb = side(b)
            if sa <= 0 { out.append(a) }
            if (sa < 0 && sb > 0) || (sa > 0 && sb < 0) {
                let t = sa / (sa - sb)
                out.append(Point(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)))
            }
        }
        return out
    }

    /// Sutherland–Hodgman: ring (open or closed, any orientation) clipped by a convex polygon
    /// (counter-clockwise, open). The result is open, counter-clockwise for a counter-clockwise input.
    static func clipRing(_ ring: [Point], by convex: [Point]) -> [Point] {
        var subject = ring
        if subject.count > 1 && subject.first == subject.last { subject.removeLast() }
        let m = convex.count
        for e in 0..<m {
            guard !subject.isEmpty else { break }
            let a = convex[e], b = convex[(e + 1) % m]
            func inside(_ p: Point) -> Double { (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) }   // ≥ 0: left of a→b
            var out: [Point] = []
            for i in subject.indices {
                let c = subject[i], d = subject[(i + 1) % subject.count]
                let sc = inside(c), sd = inside(d)
                if sc >= 0 { out.append(c) }
                if (sc >= 0) != (sd >= 0) {
                    let t = sc / (sc - sd)
                    out.append(Point(c.x + t * (d.x - c.x), c.y + t * (d.y - c.y)))
                }
            }
            subject = out
        }
        return subject
    }

    /// Union of polygons that meet along shared edges (Voronoi cells): shared edges cancel, the
    /// rest chain into rings. Nil when the edges do not chain (the caller keeps the cells).
    static func merge(_ polys: [Polygon]) -> MultiPolygon? {
        if polys.count == 1 { return MultiPolygon(polys) }
        struct Key: Hashable { var x: Int64; var y: Int64 }
        let box = polys.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
        let o = box.center
        func key(_ p: Point) -> Key { Key(x: Int64(((p.x - o.x) * 1000).rounded()), y: Int64(((p.y - o.y) * 1000).rounded())) }
        var coords: [Key: Point] = [:]
        var count: [Key: [Key: Int]] = [:]   // directed edge multiplicity
        func add(_ ring: [Point], ccw: Bool) {
            var r = ring
            if r.count > 1 && r.first == r.last { r.removeLast() }
            if (Polygon.signedArea(r) > 0) != ccw { r.reverse() }
            var keys: [Key] = []
            for p in r {
                let k = key(p)
                if keys.last != k { keys.append(k); if coords[k] == nil { coords[k] = p } }
            }
            if keys.count > 1 && keys.first == keys.last { keys.removeLast() }
            guard keys.count >= 3 else { return }
            for i in keys.indices {
                let a = keys[i], b = keys[(i + 1) % keys.count]
                if count[b]?[a].map({ $0 > 0 }) == true {
                    count[b]![a]! -= 1
                    if count[b]![a]! == 0 { count[b]![a] = nil }
                } else {
                    count[a, default: [:]][b, default: 0] += 1
                }
            }
        }
        for p in polys {
            add(p.exterior, ccw: true)
            for h in p.holes { add(h, ccw: false) }
        }
        // Each vertex must have as many edges out as in.
        var indeg: [Key: Int] = [:]
        var outdeg: [Key: Int] = [:]
        var total = 0
        for (a, m) in count { for (b, c) in m { outdeg[a, default: 0] += c; indeg[b, default: 0] += c; total += c } }
        for (k, d) in outdeg where indeg[k] != d { return nil }
        for (k, d) in indeg where outdeg[k] != d { return nil }
        // Chain rings, starting at the smallest key for determinism.
        var rings: [[Point]] = []
        var remaining = total
        while remaining > 0 {
            guard let start = count.keys.filter({ !(count[$0]!.isEmpty) }).min(by: { ($0.x, $0.y) < ($1.x, $1.y) }) else { return nil }
            var ring: [Point] = [coords[start]!]
            var cur = start
            repeat {
                guard let nextKey = count[cur]?.keys.min(by: { ($0.x, $0.y) < ($1.x, $1.y) }) else { return nil }
                count[cur]![nextKey]! -= 1
                if count[cur]![nextKey]! == 0 { count[cur]![nextKey] = nil }
                remaining -= 1
                cur = nextKey
                ring.append(coords[cur]!)
            } while cur != start && remaining >= 0
            if cur != start { return nil }
            if ring.count >= 4 { rings.append(ring) }
        }
        let exteriors = rings.filter { Polygon.signedArea($0) > 0 }
        let holes = rings.filter { Polygon.signedArea($0) < 0 }
        var result = exteriors.map { Polygon(exterior: $0) }
        for h in holes {
            let probe = h[0]
            // the smallest exterior containing a point of the hole
            var best: Int? = nil
            for (i, e) in result.enumerated() where Polygon.ringContains(e.exterior, Point(probe.x, probe.y)) || e.exterior.contains(probe) {
                if best == nil || abs(Polygon.signedArea(e.exterior)) < abs(Polygon.signedArea(result[best!].exterior)) { best = i }
            }
            guard let b = best else { return nil }
            result[b].holes.append(h)
        }
        return result.isEmpty ? nil : MultiPolygon(result)
    }
}
