import CGDAL

/// A position as GDAL gives it: x (longitude, easting) and y.
public struct VectorPosition: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A feature's geometry copied out of GDAL, linearised when the source has curves
/// (FileGDB), in GeoJSON's vocabulary.
public indirect enum VectorGeometry: Sendable, Equatable {
    case point(VectorPosition)
    case lineString([VectorPosition])
    /// Rings: the exterior first, then the holes.
    case polygon([[VectorPosition]])
    case multiPoint([VectorPosition])
    case multiLineString([[VectorPosition]])
    case multiPolygon([[[VectorPosition]]])
    /// An empty geometry of the named type.
    case empty(String)
    /// A type this program does not take (a collection, a surface), by name.
    case other(String)

    /// The GeoJSON-style type name, for messages.
    public var typeName: String {
        switch self {
        case .point: return "Point"
        case .lineString: return "LineString"
        case .polygon: return "Polygon"
        case .multiPoint: return "MultiPoint"
        case .multiLineString: return "MultiLineString"
        case .multiPolygon: return "MultiPolygon"
        case .empty(let name), .other(let name): return name
        }
    }

    init(_ source: OGRGeometryH) {
        if OGR_G_HasCurveGeometry(source, 0) != 0, let linear = OGR_G_GetLinearGeometry(source, 0, nil) {
            defer { OGR_G_DestroyGeometry(linear) }
            self = VectorGeometry.copy(linear)
        } else {
            self = VectorGeometry.copy(source)
        }
    }

    private static func positions(_ g: OGRGeometryH) -> [VectorPosition] {
        (0..<OGR_G_GetPointCount(g)).map { VectorPosition(x: OGR_G_GetX(g, $0), y: OGR_G_GetY(g, $0)) }
    }

    private static func parts(_ g: OGRGeometryH) -> [OGRGeometryH] {
        (0..<OGR_G_GetGeometryCount(g)).compactMap { OGR_G_GetGeometryRef(g, $0) }
    }

    private static func copy(_ g: OGRGeometryH) -> VectorGeometry {
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(g))
        let name = String(cString: OGRGeometryTypeToName(type))
        if OGR_G_IsEmpty(g) != 0 { return .empty(name) }
        switch type {
        case wkbPoint: return .point(VectorPosition(x: OGR_G_GetX(g, 0), y: OGR_G_GetY(g, 0)))
        case wkbLineString, wkbLinearRing: return .lineString(positions(g))
        case wkbPolygon: return .polygon(parts(g).map(positions))
        case wkbMultiPoint: return .multiPoint(parts(g).map { VectorPosition(x: OGR_G_GetX($0, 0), y: OGR_G_GetY($0, 0)) })
        case wkbMultiLineString: return .multiLineString(parts(g).map(positions))
        case wkbMultiPolygon: return .multiPolygon(parts(g).map { parts($0).map(positions) })
        default: return .other(name)
        }
    }
}
