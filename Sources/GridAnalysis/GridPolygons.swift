import Foundation
import GridGeo
import GridModel

/// Grid polygons for maps: the Voronoi cell of each building, clipped to its community's polygon
/// (or, without one, to the buildings' bounding box grown by `margin`), merged per grid.
///
/// Each cell starts as the clip area's bounding box and is cut by the bisector half-planes of
/// the building's nearest neighbours (k-d tree, k doubled until the 2 × the cell's farthest
/// vertex is nearer than the k-th neighbour, so no farther building can cut it). The convex cell
/// then clips the community polygon (Sutherland–Hodgman, every ring); where a concave community
/// splits the cell, `merge` separates the pieces S–H leaves joined by zero-width bridges. Cells
/// of one grid are merged by `merge` too (shared edges cancel, what is left chains into simple
/// rings), so every polygon is valid by OGC rules; when that fails the grid is the MultiPolygon
/// of its cells. Buildings at the same point share
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
            var cell = [
                Point(lbox.minX, lbox.minY), Point(lbox.maxX, lbox.minY), Point(lbox.maxX, lbox.maxY), Point(lbox.minX, lbox.maxY)
            ]
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
                    let holes = poly.holes.map { clipRing($0, by: cell) }.filter {
                        $0.count >= 3 && abs(Polygon.signedArea($0)) > 1e-9
                    }
                    polys.append(Polygon(exterior: ext, holes: holes))
                }
            } else {
                polys.append(Polygon(exterior: cell))
            }
            let world = polys.map { poly in
                Polygon(
                    exterior: close(poly.exterior.map { Point($0.x + o.x, $0.y + o.y) }),
                    holes: poly.holes.map { close($0.map { Point($0.x + o.x, $0.y + o.y) }) })
            }
            // Clipping a concave community can split the cell into pieces S–H joins by
            // zero-width bridges (the ring is then not simple): separate them.
            let simple = world.count == 1 && world[0].holes.isEmpty && RingValidity.selfIntersection(world[0].exterior) == nil
            out.append(simple ? MultiPolygon(world) : merge(world) ?? MultiPolygon(world))
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
        func side(_ a: Point) -> Double { (a.x - mx) * nx + (a.y - my) * ny }  // ≤ 0: keep
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
            func inside(_ p: Point) -> Double { (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) }  // ≥ 0: left of a→b
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

    /// Union of polygons that meet along shared edges (Voronoi cells, or the pieces one
    /// Sutherland–Hodgman pass leaves joined by zero-width bridges), as valid polygons.
    ///
    /// Every ring becomes directed edges with the polygon on their left (exteriors
    /// counter-clockwise, holes clockwise), vertices snapped to 1 mm. An edge passing within
    /// `tolerance` of another edge's vertex is split there (T-junctions: the bridges Sutherland–
    /// Hodgman runs along a cell's side, a neighbour's vertex on a shared side). Opposite edges
    /// cancel (shared sides, bridges, spikes); what is left chains into closed walks, turning as
    /// far left as possible where a vertex has several ways on, and each walk is cut into simple
    /// rings where it visits a vertex twice (touching parts become separate polygons, a hole
    /// touching its exterior a separate ring). Counter-clockwise rings are exteriors; each
    /// clockwise ring is a hole of the smallest exterior around it. Nil when the edges do not
    /// chain or a hole has no exterior (the caller keeps the pieces).
    static func merge(_ polys: [Polygon], tolerance: Double = 0.001) -> MultiPolygon? {
        guard !polys.isEmpty else { return nil }
        struct Key: Hashable, Comparable {
            var x: Int64; var y: Int64
            static func < (a: Key, b: Key) -> Bool { (a.x, a.y) < (b.x, b.y) }
        }
        let box = polys.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
        let o = box.center
        func key(_ p: Point) -> Key { Key(x: Int64(((p.x - o.x) * 1000).rounded()), y: Int64(((p.y - o.y) * 1000).rounded())) }
        var coords: [Key: Point] = [:]
        var edges: [(Key, Key)] = []
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
            guard keys.count >= 2 else { return }
            for i in keys.indices { edges.append((keys[i], keys[(i + 1) % keys.count])) }
        }
        for p in polys {
            add(p.exterior, ccw: true)
            for h in p.holes { add(h, ccw: false) }
        }

        // Split edges at the vertices lying on them (exact integer arithmetic on the 1 mm keys).
        let tol = max(1, (tolerance * 1000).rounded())
        let byX = coords.keys.sorted()
        var count: [Key: [Key: Int]] = [:]  // net directed edge multiplicity
        func put(_ a: Key, _ b: Key) {
            guard a != b else { return }
            if let c = count[b]?[a], c > 0 {
                count[b]![a] = c == 1 ? nil : c - 1
                if count[b]!.isEmpty { count[b] = nil }
            } else {
                count[a, default: [:]][b, default: 0] += 1
            }
        }
        for (a, b) in edges {
            let dx = Double(b.x - a.x), dy = Double(b.y - a.y)
            let len2 = dx * dx + dy * dy
            let lo = min(a.x, b.x) - Int64(tol), hi = max(a.x, b.x) + Int64(tol)
            let ylo = min(a.y, b.y) - Int64(tol), yhi = max(a.y, b.y) + Int64(tol)
            var start = 0, end = byX.count
            while start < end { let m = (start + end) / 2; if byX[m].x < lo { start = m + 1 } else { end = m } }
            var on: [(t: Double, k: Key)] = []
            var i = start
            while i < byX.count, byX[i].x <= hi {
                let w = byX[i]
                i += 1
                guard w.y >= ylo, w.y <= yhi, w != a, w != b else { continue }
                let wx = Double(w.x - a.x), wy = Double(w.y - a.y)
                let t = wx * dx + wy * dy
                guard t > 0, t < len2 else { continue }
                let cross = dx * wy - dy * wx
                if cross * cross <= tol * tol * len2 { on.append((t, w)) }
            }
            if on.isEmpty { put(a, b); continue }
            on.sort { ($0.t, $0.k) < ($1.t, $1.k) }
            var prev = a
            for (_, w) in on { put(prev, w); prev = w }
            put(prev, b)
        }

        // Each vertex must have as many edges out as in.
        var indeg: [Key: Int] = [:]
        var outdeg: [Key: Int] = [:]
        var total = 0
        for (a, m) in count { for (b, c) in m { outdeg[a, default: 0] += c; indeg[b, default: 0] += c; total += c } }
        for (k, d) in outdeg where indeg[k] != d { return nil }
        for (k, d) in indeg where outdeg[k] != d { return nil }

        // Chain closed walks from the smallest key, turning as far left as possible.
        func angle(_ from: Key, _ to: Key) -> Double { atan2(Double(to.y - from.y), Double(to.x - from.x)) }
        var rings: [[Key]] = []
        var remaining = total
        while remaining > 0 {
            guard let start = count.keys.min() else { return nil }
            var walk: [Key] = [start]
            var prev: Key? = nil
            var cur = start
            repeat {
                guard let outs = count[cur], !outs.isEmpty else { return nil }
                var next = outs.keys.min()!
                if let prev, outs.count > 1 {
                    // The first way on clockwise from the way back.
                    let back = angle(cur, prev)
                    func turn(_ k: Key) -> Double {
                        if k == prev { return 2 * Double.pi }
                        var t = back - angle(cur, k)
                        while t <= 0 { t += 2 * Double.pi }
                        return t
                    }
                    next = outs.keys.min { (turn($0), $0) < (turn($1), $1) }!
                }
                let c = outs[next]!
                count[cur]![next] = c == 1 ? nil : c - 1
                if count[cur]!.isEmpty { count[cur] = nil }
                remaining -= 1
                prev = cur
                cur = next
                walk.append(cur)
            } while cur != start
            walk.removeLast()
            // Cut the walk into simple rings where it visits a vertex twice.
            var stack: [Key] = []
            var at: [Key: Int] = [:]
            for k in walk {
                if let i = at[k] {
                    rings.append(Array(stack[i...]))
                    for q in stack[(i + 1)...] { at[q] = nil }
                    stack.removeSubrange((i + 1)...)
                } else {
                    at[k] = stack.count
                    stack.append(k)
                }
            }
            rings.append(stack)
        }

        let closedRings: [[Point]] = rings.compactMap { r in
            guard r.count >= 3 else { return nil }
            let pts = r.map { coords[$0]! }
            return abs(Polygon.signedArea(pts)) > 1e-9 ? pts + [pts[0]] : nil
        }
        var result = closedRings.filter { Polygon.signedArea($0) > 0 }.map { Polygon(exterior: $0) }
        for h in closedRings where Polygon.signedArea(h) < 0 {
            // Probe: the middle of the hole's first edge (no exterior runs along it: it would have cancelled).
            let probe = Point((h[0].x + h[1].x) / 2, (h[0].y + h[1].y) / 2)
            var best: Int? = nil
            for (i, e) in result.enumerated() where Polygon.ringContains(e.exterior, probe) {
                if best == nil || abs(Polygon.signedArea(e.exterior)) < abs(Polygon.signedArea(result[best!].exterior)) {
                    best = i
                }
            }
            guard let b = best else { return nil }
            result[b].holes.append(h)
        }
        return result.isEmpty ? nil : MultiPolygon(result)
    }
}
