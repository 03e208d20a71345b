import GridFormats
import Foundation
import GridGeo
import GridModel

/// Writes an RFC 7946 FeatureCollection: WGS84 longitude/latitude, exterior rings
/// counter-clockwise and holes clockwise (the right-hand rule), 7 decimals (≈ 1 cm).
public struct GeoJSONWriter {
    /// A property value.
    public enum Value {
        case string(String?), int(Int?), double(Double?, places: Int), bool(Bool?), strings([String])
    }

    public private(set) var text = "{\"type\":\"FeatureCollection\",\"features\":["
    private var count = 0
    public var decimals = 7

    public init(name: String? = nil) {
        if let name { text = "{\"type\":\"FeatureCollection\",\"name\":\(GeoJSONWriter.quote(name)),\"features\":[" }
    }

    /// Appends a feature; `geometry` nil writes `"geometry":null`.
    public mutating func add(geometry: GeoJSONGeometry?, properties: [(String, Value)]) {
        if count > 0 { text += ",\n" } else { text += "\n" }
        count += 1
        text += "{\"type\":\"Feature\",\"properties\":{"
        text += properties.map { GeoJSONWriter.quote($0.0) + ":" + GeoJSONWriter.encode($0.1) }.joined(separator: ",")
        text += "},\"geometry\":"
        text += geometry.map { $0.json(decimals: decimals) } ?? "null"
        text += "}"
    }

    /// The finished document.
    public func finish() -> String { text + "\n]}\n" }

    static func encode(_ v: Value) -> String {
        switch v {
        case .string(let s): return s.map(quote) ?? "null"
        case .int(let i): return i.map(String.init) ?? "null"
        case .double(let d, let places):
            guard let d, d.isFinite else { return "null" }
            return formatNumber(d, places)
        case .bool(let b): return b.map { $0 ? "true" : "false" } ?? "null"
        case .strings(let list): return "[" + list.map(quote).joined(separator: ",") + "]"
        }
    }

    /// A number with at most `places` decimals and no trailing zeros.
    static func formatNumber(_ d: Double, _ places: Int) -> String {
        var s = String(format: "%.\(places)f", d)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s == "-0" { s = "0" }
        return s
    }

    /// A JSON string literal (GridFormats' one escaper).
    public static func quote(_ s: String) -> String { JSONWriter.quoted(s) }
}

/// A geometry in longitude/latitude for `GeoJSONWriter`.
///
/// One of three geometry types, one per layer boundary, on purpose: `SourceGeometry` (GridStore
/// import: what an input file holds, before projection), `FeatureTable.Geometry` (GridModel: the
/// stored layers' types, for export) and this one (output: GeoJSON's own types, single polygons
/// and line strings included). `init(_:)` converts a stored geometry.
public enum GeoJSONGeometry {
    case point(Point)
    case lineString(LineString)
    case multiLineString([LineString])
    case polygon(Polygon)
    case multiPolygon(MultiPolygon)

    func json(decimals: Int) -> String {
        func pos(_ p: Point) -> String {
            "[" + GeoJSONWriter.formatNumber(p.x, decimals) + "," + GeoJSONWriter.formatNumber(p.y, decimals) + "]"
        }
        func line(_ pts: [Point]) -> String { "[" + pts.map(pos).joined(separator: ",") + "]" }
        func ring(_ r: [Point], counterClockwise: Bool) -> [Point] {
            let ccw = Polygon.signedArea(r) > 0
            return ccw == counterClockwise ? r : r.reversed()
        }
        func poly(_ p: Polygon) -> String {
            "["
                + ([line(ring(p.exterior, counterClockwise: true))] + p.holes.map { line(ring($0, counterClockwise: false)) })
                .joined(separator: ",") + "]"
        }
        switch self {
        case .point(let p): return "{\"type\":\"Point\",\"coordinates\":\(pos(p))}"
        case .lineString(let l): return "{\"type\":\"LineString\",\"coordinates\":\(line(l.points))}"
        case .multiLineString(let ls):
            return "{\"type\":\"MultiLineString\",\"coordinates\":[" + ls.map { line($0.points) }.joined(separator: ",") + "]}"
        case .polygon(let p): return "{\"type\":\"Polygon\",\"coordinates\":\(poly(p))}"
        case .multiPolygon(let m):
            return "{\"type\":\"MultiPolygon\",\"coordinates\":[" + m.polygons.map(poly).joined(separator: ",") + "]}"
        }
    }
}

extension GeoJSONGeometry {
    /// A stored layer's geometry (`FeatureTable.Geometry`) as GeoJSON.
    public init(_ stored: FeatureTable.Geometry) {
        switch stored {
        case .point(let p): self = .point(p)
        case .multiPolygon(let m): self = .multiPolygon(m)
        case .multiLineString(let l): self = .multiLineString(l)
        }
    }
}
