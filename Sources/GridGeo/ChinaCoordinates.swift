import Foundation

/// GCJ-02 ("Mars coordinates", used by Amap and Tencent maps) and BD-09 (Baidu), which
/// PROJ does not implement (PROJ issue 982). The forward formulas are the public ones
/// (Krasovsky ellipsoid a = 6378245 m, e² = 0.00669342162296594323; BD-09 with
/// x_pi = π·3000/180); the inverses are iterated until the round trip is below 1e-9°.
public enum ChinaCoordinates {
    static let a = 6378245.0
    static let ee = 0.00669342162296594323
    static let xPi = Double.pi * 3000.0 / 180.0

    /// The published algorithm leaves points outside this box unchanged.
    public static func isOutsideChina(_ p: Point) -> Bool {
        p.x < 72.004 || p.x > 137.8347 || p.y < 0.8293 || p.y > 55.8271
    }

    /// WGS84 longitude/latitude to GCJ-02.
    public static func wgs84ToGCJ02(_ p: Point) -> Point {
        if isOutsideChina(p) { return p }
        let d = delta(p)
        return Point(p.x + d.x, p.y + d.y)
    }

    /// GCJ-02 to WGS84, by fixed-point iteration on the forward transform
    /// (the one-step inverse is 0.2–2 m off; this one is below 1e-9° ≈ 0.1 mm).
    public static func gcj02ToWGS84(_ g: Point) -> Point {
        if isOutsideChina(g) { return g }
        var w = Point(g.x - delta(g).x, g.y - delta(g).y)
        for _ in 0..<30 {
            let f = wgs84ToGCJ02(w)
            let dx = f.x - g.x, dy = f.y - g.y
            w = Point(w.x - dx, w.y - dy)
            if abs(dx) < 1e-12 && abs(dy) < 1e-12 { break }
        }
        return w
    }

    /// GCJ-02 to BD-09.
    public static func gcj02ToBD09(_ p: Point) -> Point {
        let x = p.x, y = p.y
        let z = (x * x + y * y).squareRoot() + 0.00002 * sin(y * xPi)
        let theta = atan2(y, x) + 0.000003 * cos(x * xPi)
        return Point(z * cos(theta) + 0.0065, z * sin(theta) + 0.006)
    }

    /// BD-09 to GCJ-02: the published closed form, refined by iteration on the forward transform.
    public static func bd09ToGCJ02(_ b: Point) -> Point {
        let x = b.x - 0.0065, y = b.y - 0.006
        let z = (x * x + y * y).squareRoot() - 0.00002 * sin(y * xPi)
        let theta = atan2(y, x) - 0.000003 * cos(x * xPi)
        var g = Point(z * cos(theta), z * sin(theta))
        for _ in 0..<10 {
            let f = gcj02ToBD09(g)
            let dx = f.x - b.x, dy = f.y - b.y
            g = Point(g.x - dx, g.y - dy)
            if abs(dx) < 1e-12 && abs(dy) < 1e-12 { break }
        }
        return g
    }

    public static func wgs84ToBD09(_ p: Point) -> Point { gcj02ToBD09(wgs84ToGCJ02(p)) }
    public static func bd09ToWGS84(_ p: Point) -> Point { gcj02ToWGS84(bd09ToGCJ02(p)) }

    /// GCJ-02 offset (degrees) at a WGS84 point.
    static func delta(_ p: Point) -> Point {
        var dLat = transformLat(p.x - 105.0, p.y - 35.0)
        var dLon = transformLon(p.x - 105.0, p.y - 35.0)
        let radLat = p.y / 180.0 * Double.pi
        var magic = sin(radLat)
        magic = 1 - ee * magic * magic
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((a * (1 - ee)) / (magic * sqrtMagic) * Double.pi)
        dLon = (dLon * 180.0) / (a / sqrtMagic * cos(radLat) * Double.pi)
        return Point(dLon, dLat)
    }

    static func transformLat(_ x: Double, _ y: Double) -> Double {
        var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * Double.pi) + 20.0 * sin(2.0 * x * Double.pi)) * 2.0 / 3.0
        r += (20.0 * sin(y * Double.pi) + 40.0 * sin(y / 3.0 * Double.pi)) * 2.0 / 3.0
        r += (160.0 * sin(y / 12.0 * Double.pi) + 320 * sin(y * Double.pi / 30.0)) * 2.0 / 3.0
        return r
    }

    static func transformLon(_ x: Double, _ y: Double) -> Double {
        var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * Double.pi) + 20.0 * sin(2.0 * x * Double.pi)) * 2.0 / 3.0
        r += (20.0 * sin(x * Double.pi) + 40.0 * sin(x / 3.0 * Double.pi)) * 2.0 / 3.0
        r += (150.0 * sin(x / 12.0 * Double.pi) + 300.0 * sin(x / 30.0 * Double.pi)) * 2.0 / 3.0
        return r
    }
}
