import GridFormats
import GridGeo
import GridLocale

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

    var expected: LocalText {
        switch self {
        case .area: return LocalText("expected.geometry.area")
        case .site: return LocalText("expected.geometry.site")
        case .line: return LocalText("expected.geometry.line")
        }
    }
}

/// A geometry problem: the message and what was expected.
struct GeometryIssue: Error {
    var message: LocalText
    var expected: LocalText
    init(_ message: LocalText, _ expected: LocalText) { self.message = message; self.expected = expected }

    /// A message whose `{label}` names the part of a geometry at fault (nil: the whole geometry).
    static func labelled(_ key: String, _ arguments: [String: String] = [:], label: GeometryLabel?) -> LocalText {
        LocalText(key, arguments.merging(["label": ""]) { a, _ in a }, parts: label.map { ["label": $0.text] } ?? [:])
    }
}

/// The part of a geometry a problem is in (`polygon 2 exterior `, `line 3: `), built outward in.
struct GeometryLabel {
    var text: LocalText
    /// `key` (`geometry.label.*`) after `outer`.
    init(_ key: String, _ arguments: [String: String] = [:], outer: GeometryLabel?) {
        text = LocalText(key, arguments.merging(["outer": ""]) { a, _ in a }, parts: outer.map { ["outer": $0.text] } ?? [:])
    }
}

/// Checks input coordinates: finite, and for geographic CRSs longitude/latitude in range
/// (with a hint when the pair looks swapped, i.e. given as latitude, longitude).
struct CoordinateCheck {
    /// True for geographic source CRSs (degrees), false for projected ones, nil when unknown.
    var geographic: Bool?

    static let rangeExpected = LocalText("expected.geometry.lon_lat_range")

    static func format(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "Infinity" : "-Infinity" }
        return "\(v)"
    }

    func issue(_ p: Point) -> GeometryIssue? {
        guard p.x.isFinite && p.y.isFinite else {
            return GeometryIssue(
                LocalText("problem.geometry.not_finite", ["x": Self.format(p.x), "y": Self.format(p.y)]),
                LocalText("expected.geometry.finite"))
        }
        guard geographic == true else { return nil }
        let lonOK = p.x >= -180 && p.x <= 180, latOK = p.y >= -90 && p.y <= 90
        if lonOK && latOK { return nil }
        let swappedOK = p.y >= -180 && p.y <= 180 && p.x >= -90 && p.x <= 90
        let key = (latOK ? "problem.geometry.longitude_range" : "problem.geometry.latitude_range") + (swappedOK ? "_swapped" : "")
        return GeometryIssue(LocalText(key, ["x": Self.format(p.x), "y": Self.format(p.y)]), Self.rangeExpected)
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
            reader.report("geometry", LocalText("problem.unexpected", ["detail": "\(error)"]), expected: rule.expected)
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
                throw GeometryIssue(LocalText("problem.geometry.missing"), rule.expected)
            }
            throw GeometryIssue(LocalText("problem.geometry.not_object"), rule.expected)
        }
        guard case .string(let type)? = g["type"] else {
            throw GeometryIssue(LocalText("problem.geometry.no_type"), rule.expected)
        }
        guard let coordinates = g["coordinates"] else {
            throw GeometryIssue(LocalText("problem.geometry.no_coordinates", ["type": type]), rule.expected)
        }
        switch (type, rule) {
        case ("Point", .site):
            return .point(try position(coordinates))
        case ("Polygon", .site), ("Polygon", .area):
            return .polygon(try polygon(coordinates, label: nil))
        case ("MultiPolygon", .area):
            return .multiPolygon(try multiPolygon(coordinates))
        case ("MultiPolygon", .site):
            let mp = try multiPolygon(coordinates)
            guard mp.polygons.count == 1 else {
                throw GeometryIssue(
                    LocalText("problem.geometry.parts", ["count": "\(mp.polygons.count)"]),
                    LocalText("expected.geometry.single_part"))
            }
            return .polygon(mp.polygons[0])
        case ("LineString", .line):
            return .lines([try lineString(coordinates, label: nil)])
        case ("MultiLineString", .line):
            guard case .array(let parts) = coordinates, !parts.isEmpty else {
                throw GeometryIssue(LocalText("problem.geometry.not_lines"), LocalText("expected.geometry.lines"))
            }
            return .lines(
                try parts.enumerated().map {
                    try lineString($0.element, label: GeometryLabel("geometry.label.line", ["n": "\($0.offset + 1)"], outer: nil))
                })
        default:
            throw GeometryIssue(LocalText("problem.geometry.not_allowed", ["type": type]), rule.expected)
        }
    }

    func position(_ v: JSONValue) throws -> Point {
        guard case .array(let a) = v, a.count >= 2 else {
            throw GeometryIssue(LocalText("problem.geometry.position_not_pair"), LocalText("expected.geometry.xy"))
        }
        guard case .number(let x) = a[0], case .number(let y) = a[1] else {
            throw GeometryIssue(LocalText("problem.geometry.position_not_numbers"), LocalText("expected.geometry.xy_numbers"))
        }
        let p = Point(x.double, y.double)
        if let issue = check.issue(p) { throw issue }
        return p
    }

    func positions(_ v: JSONValue) throws -> [Point] {
        guard case .array(let a) = v else {
            throw GeometryIssue(LocalText("problem.geometry.not_positions"), LocalText("expected.geometry.positions"))
        }
        var out: [Point] = []
        out.reserveCapacity(a.count)
        for p in a { out.append(try position(p)) }
        return out
    }

    func ring(_ v: JSONValue, label: GeometryLabel?) throws -> [Point] {
        let r = try positions(v)
        guard r.count >= 4 else {
            throw GeometryIssue(
                GeometryIssue.labelled(
                    r.count == 1 ? "problem.geometry.ring_one" : "problem.geometry.ring_few", ["count": "\(r.count)"],
                    label: label),
                LocalText("expected.geometry.closed_ring"))
        }
        guard r.first == r.last else {
            throw GeometryIssue(
                GeometryIssue.labelled("problem.geometry.ring_open", label: label), LocalText("expected.geometry.ring_closed"))
        }
        return r
    }

    func polygon(_ v: JSONValue, label: GeometryLabel?) throws -> Polygon {
        guard case .array(let rings) = v, !rings.isEmpty else {
            throw GeometryIssue(
                GeometryIssue.labelled("problem.geometry.not_rings", label: label), LocalText("expected.geometry.rings"))
        }
        let exterior = try ring(rings[0], label: GeometryLabel("geometry.label.exterior", outer: label))
        var holes: [[Point]] = []
        for (i, h) in rings.dropFirst().enumerated() {
            holes.append(try ring(h, label: GeometryLabel("geometry.label.hole", ["n": "\(i + 1)"], outer: label)))
        }
        if rule == .area {
            // Community and grid boundaries decide containment: a ring that crosses itself has no
            // well-defined inside.
            for (k, r) in ([exterior] + holes).enumerated() {
                if let p = RingValidity.selfIntersection(r) {
                    throw GeometryIssue(
                        GeometryIssue.labelled(
                            "problem.geometry.ring_crosses",
                            ["ring": "\(k)", "x": CoordinateCheck.format(p.x), "y": CoordinateCheck.format(p.y)], label: label),
                        LocalText("expected.geometry.simple_ring"))
                }
            }
        }
        return Polygon(exterior: exterior, holes: holes)
    }

    func multiPolygon(_ v: JSONValue) throws -> MultiPolygon {
        guard case .array(let parts) = v, !parts.isEmpty else {
            throw GeometryIssue(LocalText("problem.geometry.not_polygons"), LocalText("expected.geometry.polygons"))
        }
        return MultiPolygon(
            try parts.enumerated().map {
                try polygon($0.element, label: GeometryLabel("geometry.label.polygon", ["n": "\($0.offset + 1)"], outer: nil))
            })
    }

    func lineString(_ v: JSONValue, label: GeometryLabel?) throws -> LineString {
        let pts = try positions(v)
        guard pts.count >= 2 else {
            throw GeometryIssue(
                GeometryIssue.labelled(
                    pts.count == 1 ? "problem.geometry.line_one" : "problem.geometry.line_few", ["count": "\(pts.count)"],
                    label: label),
                LocalText("expected.geometry.line_points"))
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
            reader.report(name, FieldReader.missing, expected: LocalText("expected.number"))
            return nil
        case .number(let n):
            return n.double
        case .text(let s):
            guard let d = Double(s) else {
                reader.report(name, "not_number", raw, expected: LocalText("expected.number"))
                return nil
            }
            guard d.isFinite else {
                reader.report(name, LocalText("problem.not_finite", ["value": s]), expected: LocalText("expected.finite"))
                return nil
            }
            return d
        default:
            reader.report(name, "not_number", raw, expected: LocalText("expected.number"))
            return nil
        }
    }
}
