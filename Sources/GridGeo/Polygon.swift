/// A polygon: one exterior ring and any number of holes. Rings are stored closed
/// (first point repeated last), as GeoJSON and WKB write them.
public struct Polygon: Hashable, Sendable, Codable {
    public var exterior: [Point]
    public var holes: [[Point]]

    public init(exterior: [Point], holes: [[Point]] = []) {
        self.exterior = exterior
        self.holes = holes
    }

    /// All rings, exterior first.
    public var rings: [[Point]] { [exterior] + holes }

    public var boundingBox: BoundingBox { BoundingBox(points: exterior) }

    /// Area in squared units of the coordinates: exterior minus holes, whatever the ring orientation.
    public var area: Double {
        var a = abs(Polygon.signedArea(exterior))
        for h in holes { a -= abs(Polygon.signedArea(h)) }
        return a
    }

    /// Area-weighted centroid (the holes subtracted); the mean of the exterior's
    /// distinct vertices when the polygon is degenerate (zero area).
    public var centroid: Point {
        var sx = 0.0, sy = 0.0, sa = 0.0
        func add(_ ring: [Point], sign: Double) {
            let (a, cx, cy) = Polygon.ringMoments(ring)
            // a is signed; normalise so that the exterior counts positive and holes negative.
            let s = (a < 0 ? -1.0 : 1.0) * sign
            sx += s * cx; sy += s * cy; sa += s * a
        }
        add(exterior, sign: 1)
        for h in holes { add(h, sign: -1) }
        if abs(sa) > 0 { return Point(sx / sa, sy / sa) }
        let distinct = exterior.count > 1 && exterior.first == exterior.last ? Array(exterior.dropLast()) : exterior
        guard !distinct.isEmpty else { return Point(.nan, .nan) }
        return Point(
            distinct.reduce(0) { $0 + $1.x } / Double(distinct.count),
            distinct.reduce(0) { $0 + $1.y } / Double(distinct.count))
    }

    /// True when `p` lies inside the exterior and outside every hole (even-odd rule;
    /// points exactly on an edge may fall either way).
    public func contains(_ p: Point) -> Bool {
        guard Polygon.ringContains(exterior, p) else { return false }
        for h in holes where Polygon.ringContains(h, p) { return false }
        return true
    }

    /// Shoelace signed area of a ring: positive when counter-clockwise.
    public static func signedArea(_ ring: [Point]) -> Double {
        ringMoments(ring).area
    }

    /// Signed area and the first moments (area × centroid) of a ring.
    static func ringMoments(_ ring: [Point]) -> (area: Double, mx: Double, my: Double) {
        guard ring.count >= 3 else { return (0, 0, 0) }
        // Shift to the first vertex to keep the cross products small (precision with metres ~ 1e6).
        let o = ring[0]
        var a2 = 0.0, cx = 0.0, cy = 0.0
        let n = ring.count
        for i in 0..<n {
            let p = ring[i], q = ring[(i + 1) % n]
            let px = p.x - o.x, py = p.y - o.y, qx = q.x - o.x, qy = q.y - o.y
            let cross = px * qy - qx * py
            a2 += cross
            cx += (px + qx) * cross
            cy += (py + qy) * cross
        }
        let area = a2 / 2
        // moments of the shifted ring, shifted back: M = A*c_shifted + A*o
        return (area, cx / 6 + area * o.x, cy / 6 + area * o.y)
    }

    /// Even-odd crossing test of a single ring (closed or not).
    public static func ringContains(_ ring: [Point], _ p: Point) -> Bool {
        var inside = false
        let n = ring.count
        guard n >= 3 else { return false }
        var j = n - 1
        for i in 0..<n {
            let a = ring[i], b = ring[j]
            if (a.y > p.y) != (b.y > p.y) {
                let xCross = (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x
                if p.x < xCross { inside.toggle() }
            }
            j = i
        }
        return inside
    }

    /// The same polygon with every point mapped through `transform`.
    public func map(_ transform: (Point) throws -> Point) rethrows -> Polygon {
        Polygon(exterior: try exterior.map(transform), holes: try holes.map { try $0.map(transform) })
    }
}

/// Several polygons taken as one area (a community made of separate parts).
public struct MultiPolygon: Hashable, Sendable, Codable {
    public var polygons: [Polygon]

    public init(_ polygons: [Polygon]) { self.polygons = polygons }

    public var area: Double { polygons.reduce(0) { $0 + $1.area } }

    public var boundingBox: BoundingBox {
        polygons.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
    }

    /// Area-weighted centroid of all parts.
    public var centroid: Point {
        var sx = 0.0, sy = 0.0, sa = 0.0
        for p in polygons {
            let a = p.area, c = p.centroid
            sx += a * c.x; sy += a * c.y; sa += a
        }
        if sa > 0 { return Point(sx / sa, sy / sa) }
        return polygons.first?.centroid ?? Point(.nan, .nan)
    }

    public func contains(_ p: Point) -> Bool {
        for poly in polygons where poly.boundingBox.contains(p) && poly.contains(p) { return true }
        return false
    }

    public func map(_ transform: (Point) throws -> Point) rethrows -> MultiPolygon {
        MultiPolygon(try polygons.map { try $0.map(transform) })
    }
}
