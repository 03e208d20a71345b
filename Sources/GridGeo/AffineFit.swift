/// A plane-to-plane affine map fitted by least squares to pairs of points:
/// u = a + b·x + c·y, v = d + e·x + f·y (x, y centred on the sources' mean for stability).
/// Used where no coordinate transformation is known but matching positions are (a working
/// CRS PROJ does not know, with each building's position in it and in longitude/latitude).
public struct AffineFit: Sendable {
    let a: Double, b: Double, c: Double, d: Double, e: Double, f: Double
    let originX: Double, originY: Double

    /// The fit of `pairs` (source, target); nil for fewer than three pairs or collinear sources.
    public init?(_ pairs: [(source: Point, target: Point)]) {
        guard pairs.count >= 3 else { return nil }
        let ox = pairs.reduce(0.0) { $0 + $1.source.x } / Double(pairs.count)
        let oy = pairs.reduce(0.0) { $0 + $1.source.y } / Double(pairs.count)
        // Normal equations for u = a + b·x + c·y and v = d + e·x + f·y (x, y centred).
        var sxx = 0.0, sxy = 0.0, syy = 0.0, sx = 0.0, sy = 0.0
        var su = 0.0, sux = 0.0, suy = 0.0, sv = 0.0, svx = 0.0, svy = 0.0
        let n = Double(pairs.count)
        for (p, q) in pairs {
            let x = p.x - ox, y = p.y - oy
            sxx += x * x; sxy += x * y; syy += y * y; sx += x; sy += y
            su += q.x; sux += q.x * x; suy += q.x * y; sv += q.y; svx += q.y * x; svy += q.y * y
        }
        let m = [[n, sx, sy], [sx, sxx, sxy], [sy, sxy, syy]]
        guard let u = Self.solve(m, [su, sux, suy]), let v = Self.solve(m, [sv, svx, svy]) else { return nil }
        (a, b, c, d, e, f) = (u[0], u[1], u[2], v[0], v[1], v[2])
        originX = ox; originY = oy
    }

    /// The image of `p`.
    public func apply(_ p: Point) -> Point {
        let x = p.x - originX, y = p.y - originY
        return Point(a + b * x + c * y, d + e * x + f * y)
    }

    /// `m · s = r` for a 3 × 3 `m` (Cramer's rule); nil when `m` is singular.
    static func solve(_ m: [[Double]], _ r: [Double]) -> [Double]? {
        func det(_ m: [[Double]]) -> Double {
            m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
        }
        let d = det(m)
        guard abs(d) > 1e-12 else { return nil }
        return (0..<3).map { k in
            var mk = m
            for i in 0..<3 { mk[i][k] = r[i] }
            return det(mk) / d
        }
    }
}
