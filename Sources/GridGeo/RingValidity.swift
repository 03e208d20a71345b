/// Simplicity of polygon rings: a ring is simple when no two of its edges meet except
/// neighbouring edges at their shared vertex. A bowtie (`(0,0) (1,1) (1,0) (0,1) (0,0)`)
/// crosses itself; a ring that touches itself at a vertex or runs back along an edge is not
/// simple either.
public enum RingValidity {
    /// The first place where `ring` (closed: first position repeated last) meets itself, or
    /// nil when the ring is simple. Consecutive repeated positions are ignored.
    ///
    /// Sweep and prune: edges sorted by their smallest x, each compared only with the edges
    /// whose x-range overlaps it, so a typical ring costs O(n log n).
    public static func selfIntersection(_ ring: [Point]) -> Point? {
        var pts: [Point] = []
        pts.reserveCapacity(ring.count)
        for p in ring where pts.last != p { pts.append(p) }
        if pts.count > 1 && pts.first == pts.last { pts.removeLast() }
        let n = pts.count
        guard n >= 3 else { return nil }
        // Edge i runs from pts[i] to pts[(i + 1) % n].
        var order = Array(0..<n)
        func minX(_ i: Int) -> Double { Swift.min(pts[i].x, pts[(i + 1) % n].x) }
        func maxX(_ i: Int) -> Double { Swift.max(pts[i].x, pts[(i + 1) % n].x) }
        order.sort { minX($0) < minX($1) || (minX($0) == minX($1) && $0 < $1) }
        var best: (i: Int, j: Int, p: Point)?
        for a in 0..<n {
            let i = order[a]
            let hi = maxX(i)
            var b = a + 1
            while b < n, minX(order[b]) <= hi {
                let j = order[b]
                b += 1
                let lo = Swift.min(i, j), up = Swift.max(i, j)
                let neighbours = up == lo + 1 || (lo == 0 && up == n - 1)
                let p0 = pts[lo], p1 = pts[(lo + 1) % n], q0 = pts[up], q1 = pts[(up + 1) % n]
                guard let hit = meeting(p0, p1, q0, q1, neighbours: neighbours) else { continue }
                // Report the first offending pair in ring order, so the answer does not depend on the sort.
                if best == nil || (lo, up) < (best!.i, best!.j) { best = (lo, up, hit) }
            }
        }
        return best?.p
    }

    /// Where edges p0p1 and q0q1 meet in a way a simple ring forbids: any common point for
    /// non-neighbouring edges; for neighbours (sharing p1 == q0, or q1 == p0 for the closing pair),
    /// only a collinear overlap beyond the shared vertex (a spike).
    static func meeting(_ p0: Point, _ p1: Point, _ q0: Point, _ q1: Point, neighbours: Bool) -> Point? {
        let d1 = orient(q0, q1, p0), d2 = orient(q0, q1, p1)
        let d3 = orient(p0, p1, q0), d4 = orient(p0, p1, q1)
        if neighbours {
            // Shared vertex s, other ends a (of p) and b (of q): a spike when a, s, b are collinear
            // and a and b lie on the same side of s.
            let (s, a, b): (Point, Point, Point) = p1 == q0 ? (p1, p0, q1) : (p0, p1, q0)
            let ax = a.x - s.x, ay = a.y - s.y, bx = b.x - s.x, by = b.y - s.y
            if ax * by - ay * bx == 0 && ax * bx + ay * by > 0 {
                // The nearer of the two far ends lies on both edges.
                return ax * ax + ay * ay <= bx * bx + by * by ? a : b
            }
            return nil
        }
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
            let t = d1 / (d1 - d2)
            return Point(p0.x + t * (p1.x - p0.x), p0.y + t * (p1.y - p0.y))
        }
        if d1 == 0 && onSegment(q0, q1, p0) { return p0 }
        if d2 == 0 && onSegment(q0, q1, p1) { return p1 }
        if d3 == 0 && onSegment(p0, p1, q0) { return q0 }
        if d4 == 0 && onSegment(p0, p1, q1) { return q1 }
        return nil
    }

    /// Twice the signed area of triangle a b c (> 0 when counter-clockwise).
    static func orient(_ a: Point, _ b: Point, _ c: Point) -> Double {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }

    /// Whether c, collinear with a b, lies within the segment's bounding box.
    static func onSegment(_ a: Point, _ b: Point, _ c: Point) -> Bool {
        c.x >= Swift.min(a.x, b.x) && c.x <= Swift.max(a.x, b.x) && c.y >= Swift.min(a.y, b.y) && c.y <= Swift.max(a.y, b.y)
    }
}
