import GridFormats
import GridGeo

/// Geometry as read from the input, still in the source CRS.
///
/// Kept apart from `FeatureTable.Geometry` on purpose: an input may hold no geometry, a single
/// polygon (a building footprint) or bare lines, and the importer reprojects every coordinate in
/// one batch (`appendCoordinates` / `rebuilt`); the stored layers know only point, multipolygon
/// and multilinestring. See `GeoJSONGeometry` for the output side.
enum SourceGeometry {
    case none
    case point(Point)
    case polygon(Polygon)
    case multiPolygon(MultiPolygon)
    case lines([LineString])

    /// Appends every coordinate in a fixed walk order (see `rebuilt(from:cursor:)`).
    func appendCoordinates(to out: inout [Point]) {
        switch self {
        case .none: break
        case .point(let p): out.append(p)
        case .polygon(let poly): Self.append(poly, to: &out)
        case .multiPolygon(let mp): for poly in mp.polygons { Self.append(poly, to: &out) }
        case .lines(let lines): for l in lines { out.append(contentsOf: l.points) }
        }
    }

    private static func append(_ poly: Polygon, to out: inout [Point]) {
        out.append(contentsOf: poly.exterior)
        for h in poly.holes { out.append(contentsOf: h) }
    }

    /// The same shape with its coordinates taken from `coords`, in the walk order of `appendCoordinates`.
    func rebuilt(from coords: [Point], cursor: inout Int) -> SourceGeometry {
        func take(_ n: Int) -> [Point] {
            defer { cursor += n }
            return Array(coords[cursor..<cursor + n])
        }
        func poly(_ p: Polygon) -> Polygon {
            Polygon(exterior: take(p.exterior.count), holes: p.holes.map { take($0.count) })
        }
        switch self {
        case .none: return .none
        case .point:
            defer { cursor += 1 }
            return .point(coords[cursor])
        case .polygon(let p): return .polygon(poly(p))
        case .multiPolygon(let mp): return .multiPolygon(MultiPolygon(mp.polygons.map(poly)))
        case .lines(let lines): return .lines(lines.map { LineString(take($0.points.count)) })
        }
    }

    var coordinateCount: Int {
        switch self {
        case .none: return 0
        case .point: return 1
        case .polygon(let p): return p.rings.reduce(0) { $0 + $1.count }
        case .multiPolygon(let mp): return mp.polygons.reduce(0) { s, p in p.rings.reduce(s) { $0 + $1.count } }
        case .lines(let ls): return ls.reduce(0) { $0 + $1.points.count }
        }
    }

    /// The representative point of a site: the point itself, or a footprint's area centroid.
    var sitePoint: Point? {
        switch self {
        case .point(let p): return p
        case .polygon(let p): return p.centroid
        case .multiPolygon(let mp): return mp.centroid
        default: return nil
        }
    }

    /// A site's footprint, when it has one.
    var footprint: Polygon? {
        switch self {
        case .polygon(let p): return p
        case .multiPolygon(let mp) where mp.polygons.count == 1: return mp.polygons[0]
        default: return nil
        }
    }

    /// A boundary as a multipolygon.
    var area: MultiPolygon? {
        switch self {
        case .polygon(let p): return MultiPolygon([p])
        case .multiPolygon(let mp): return mp
        default: return nil
        }
    }
}

/// Which geometry types a layer accepts.
enum GeometryRule {
    /// Communities and grids: Polygon or MultiPolygon, or null.
    case area
    /// Buildings, facilities, candidates: Point or Polygon (a single-part MultiPolygon is taken as its polygon).
    case site
    /// Roads: LineString or MultiLineString.
    case line

    var expected: String {
        switch self {
        case .area: return "Polygon, MultiPolygon or null"
        case .site: return "Point or Polygon"
        case .line: return "LineString or MultiLineString"
        }
    }
}

/// A geometry problem: the message and what was expected.
struct GeometryIssue: Error {
    var message: String
    var expected: String
    init(_ message: String, _ expected: String) { self.message = message; self.expected = expected }
}

/// Checks input coordinates: finite, and for geographic CRSs longitude/latitude in range
/// (with a hint when the pair looks swapped, i.e. given as latitude, longitude).
struct CoordinateCheck {
    /// True for geographic source CRSs (degrees), false for projected ones, nil when unknown.
    var geographic: Bool?

    static let rangeExpected = "longitude in [-180, 180] first, then latitude in [-90, 90]"

    static func format(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "Infinity" : "-Infinity" }
        return "\(v)"
    }

    func issue(_ p: Point) -> GeometryIssue? {
        guard p.x.isFinite && p.y.isFinite else {
            return GeometryIssue("coordinate (\(Self.format(p.x)), \(Self.format(p.y))) is not finite", "finite numbers")
        }
        guard geographic == true else { return nil }
        let lonOK = p.x >= -180 && p.x <= 180, latOK = p.y >= -90 && p.y <= 90
        if lonOK && latOK { return nil }
        let swappedOK = p.y >= -180 && p.y <= 180 && p.x >= -90 && p.x <= 90
        var message = "(\(Self.format(p.x)), \(Self.format(p.y))) is out of range: "
        message += !latOK ? "latitude \(Self.format(p.y)) outside [-90, 90]" : "longitude \(Self.format(p.x)) outside [-180, 180]"
        if swappedOK { message += "; the coordinates look swapped (latitude, longitude order)" }
        return GeometryIssue(message, Self.rangeExpected)
    }
}

/// Decodes a GeoJSON feature's geometry under a layer's rule.
struct GeoJSONGeometryDecoder {
    let rule: GeometryRule
    let check: CoordinateCheck

    /// The geometry, `.none` for an allowed null; nil after reporting a problem on field `geometry`.
    func decode(_ feature: JSONObject, reader: FieldReader) -> SourceGeometry? {
        do {
            return try decode(feature["geometry"])
        } catch let issue as GeometryIssue {
            reader.report("geometry", issue.message, expected: issue.expected)
            return nil
        } catch {
            reader.report("geometry", "\(error)", expected: rule.expected)
            return nil
        }
    }

    func decode(_ value: JSONValue?) throws -> SourceGeometry {
        guard let value, case .object(let g) = value else {
            if value == nil
                || {
                    if case .null = value! { return true }; return false
                }()
            {
                if rule == .area { return .none }
                throw GeometryIssue("missing geometry", rule.expected)
            }
            throw GeometryIssue("geometry is not an object", rule.expected)
        }
        guard case .string(let type)? = g["type"] else {
            throw GeometryIssue("geometry has no type", rule.expected)
        }
        guard let coordinates = g["coordinates"] else {
            throw GeometryIssue("\(type) geometry has no coordinates", rule.expected)
        }
        switch (type, rule) {
        case ("Point", .site):
            return .point(try position(coordinates))
        case ("Polygon", .site), ("Polygon", .area):
            return .polygon(try polygon(coordinates, label: ""))
        case ("MultiPolygon", .area):
            return .multiPolygon(try multiPolygon(coordinates))
        case ("MultiPolygon", .site):
            let mp = try multiPolygon(coordinates)
            guard mp.polygons.count == 1 else {
                throw GeometryIssue(
                    "MultiPolygon with \(mp.polygons.count) parts", "Point, Polygon or a single-part MultiPolygon")
            }
            return .polygon(mp.polygons[0])
        case ("LineString", .line):
            return .lines([try lineString(coordinates, label: "")])
        case ("MultiLineString", .line):
            guard case .array(let parts) = coordinates, !parts.isEmpty else {
                throw GeometryIssue("MultiLineString coordinates are not a non-empty array of lines", "an array of lines")
            }
            return .lines(try parts.enumerated().map { try lineString($0.element, label: "line \($0.offset + 1): ") })
        default:
            throw GeometryIssue("\(type) geometry not allowed here", rule.expected)
        }
    }

    func position(_ v: JSONValue) throws -> Point {
        guard case .array(let a) = v, a.count >= 2 else {
            throw GeometryIssue("a position is not an array of two numbers", "[x, y]")
        }
        guard case .number(let x) = a[0], case .number(let y) = a[1] else {
            throw GeometryIssue("a position holds something other than numbers", "[x, y] numbers")
        }
        let p = Point(x.double, y.double)
        if let issue = check.issue(p) { throw issue }
        return p
    }

    func positions(_ v: JSONValue) throws -> [Point] {
        guard case .array(let a) = v else { throw GeometryIssue("coordinates are not an array of positions", "[[x, y], ...]") }
        var out: [Point] = []
        out.reserveCapacity(a.count)
        for p in a { out.append(try position(p)) }
        return out
    }

    func ring(_ v: JSONValue, label: String) throws -> [Point] {
        let r = try positions(v)
        guard r.count >= 4 else {
            throw GeometryIssue(
                "\(label)ring has \(r.count) position\(r.count == 1 ? "" : "s")", "a closed ring of at least 4 positions")
        }
        guard r.first == r.last else {
            throw GeometryIssue(
                "\(label)ring is not closed (its first and last positions differ)", "the first position repeated last")
        }
        return r
    }

    func polygon(_ v: JSONValue, label: String) throws -> Polygon {
        guard case .array(let rings) = v, !rings.isEmpty else {
            throw GeometryIssue("\(label)polygon coordinates are not a non-empty array of rings", "[[[x, y], ...], ...]")
        }
        let exterior = try ring(rings[0], label: label + "exterior ")
        var holes: [[Point]] = []
        for (i, h) in rings.dropFirst().enumerated() { holes.append(try ring(h, label: label + "hole \(i + 1) ")) }
        if rule == .area {
            // Community and grid boundaries decide containment: a ring that crosses itself has no
            // well-defined inside.
            for (k, r) in ([exterior] + holes).enumerated() {
                if let p = RingValidity.selfIntersection(r) {
                    throw GeometryIssue(
                        "\(label)ring \(k) crosses itself at (\(CoordinateCheck.format(p.x)), \(CoordinateCheck.format(p.y)))",
                        "a simple ring")
                }
            }
        }
        return Polygon(exterior: exterior, holes: holes)
    }

    func multiPolygon(_ v: JSONValue) throws -> MultiPolygon {
        guard case .array(let parts) = v, !parts.isEmpty else {
            throw GeometryIssue("MultiPolygon coordinates are not a non-empty array of polygons", "[[[[x, y], ...]], ...]")
        }
        return MultiPolygon(try parts.enumerated().map { try polygon($0.element, label: "polygon \($0.offset + 1) ") })
    }

    func lineString(_ v: JSONValue, label: String) throws -> LineString {
        let pts = try positions(v)
        guard pts.count >= 2 else {
            throw GeometryIssue("\(label)line has \(pts.count) position\(pts.count == 1 ? "" : "s")", "at least 2 positions")
        }
        return LineString(pts)
    }
}

/// Point geometry of a CSV row from its `lon`,`lat` or `x`,`y` columns.
struct CSVPointColumns {
    let x: String
    let y: String

    /// The coordinate columns present in a header, or nil.
    init?(header: Set<String>) {
        if header.contains("lon") && header.contains("lat") {
            x = "lon"; y = "lat"
        } else if header.contains("x") && header.contains("y") {
            x = "x"; y = "y"
        } else {
            return nil
        }
    }

    func point(_ reader: FieldReader, check: CoordinateCheck) -> SourceGeometry? {
        let px = coordinate(x, reader), py = coordinate(y, reader)
        guard let px, let py else { return nil }
        let p = Point(px, py)
        if let issue = check.issue(p) {
            reader.report("\(x),\(y)", issue.message, expected: issue.expected)
            return nil
        }
        return .point(p)
    }

    private func coordinate(_ name: String, _ reader: FieldReader) -> Double? {
        let raw = reader.row[name]
        switch raw {
        case .absent:
            reader.report(name, "missing", expected: "a number")
            return nil
        case .number(let n):
            return n.double
        case .text(let s):
            guard let d = Double(s) else {
                reader.report(name, "'\(s)' is not a number", expected: "a number")
                return nil
            }
            guard d.isFinite else {
                reader.report(name, "\(s) is not a finite number", expected: "a finite number")
                return nil
            }
            return d
        default:
            reader.report(name, "\(FieldReader.shown(raw)) is not a number", expected: "a number")
            return nil
        }
    }
}
