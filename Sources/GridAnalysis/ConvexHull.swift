import GridGeo

/// Convex hulls of point sets (gap neighbourhood outlines).
public enum ConvexHull {
    /// Indices of the hull vertices of `points`, counter-clockwise, starting at the lowest
    /// (x, then y) point, without repeating the first; collinear points on edges are left out.
    /// Fewer than three distinct points give those points.
    ///
    /// - Complexity: O(n log n).
    /// - Reference: A. M. Andrew, "Another efficient algorithm for convex hulls in two
    ///   dimensions", Information Processing Letters 9(5), 1979 (monotone chain).
    public static func indices(_ points: [Point]) -> [Int] {
        let order = points.indices.sorted { (points[$0].x, points[$0].y, $0) < (points[$1].x, points[$1].y, $1) }
        // drop exact duplicates
        var uniq: [Int] = []
        for i in order where uniq.last.map({ points[$0] != points[i] }) ?? true { uniq.append(i) }
        if uniq.count < 3 { return uniq }
        func cross(_ o: Int, _ a: Int, _ b: Int) -> Double {
            let po = points[o], pa = points[a], pb = points[b]
            return (pa.x - po.x) * (pb.y - po.y) - (pa.y - po.y) * (pb.x - po.x)
        }
        var hull: [Int] = []
        for i in uniq {
            while hull.count >= 2 && cross(hull[hull.count - 2], hull[hull.count - 1], i) <= 0 { hull.removeLast() }
            hull.append(i)
        }
        let lowerCount = hull.count + 1
        for i in uniq.reversed().dropFirst() {
            while hull.count >= lowerCount && cross(hull[hull.count - 2], hull[hull.count - 1], i) <= 0 { hull.removeLast() }
            hull.append(i)
        }
        hull.removeLast()
        return hull
    }
}
