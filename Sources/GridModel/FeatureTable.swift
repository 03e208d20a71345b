import GridGeo

/// One exportable layer as a plain table: typed columns, and per feature its values plus its
/// geometry in longitude/latitude (WGS84) and in the working CRS (metres). The export writers
/// (GeoJSON, CSV, GeoPackage) read only this, so every format carries the same columns.
public struct FeatureTable: Sendable {
    public enum ColumnType: String, Sendable { case text, integer, real, boolean }

    public struct Column: Sendable, Hashable {
        public var name: String
        public var type: ColumnType
        public init(_ name: String, _ type: ColumnType) { self.name = name; self.type = type }
    }

    public enum Value: Sendable, Hashable {
        case text(String), integer(Int), real(Double), boolean(Bool), null

        public static func text(_ s: String?) -> Value { s.map { .text($0) } ?? .null }
        public static func integer(_ i: Int?) -> Value { i.map { .integer($0) } ?? .null }
        public static func real(_ d: Double?) -> Value { d.flatMap { $0.isFinite ? .real($0) : nil } ?? .null }
        public static func boolean(_ b: Bool?) -> Value { b.map { .boolean($0) } ?? .null }
    }

    /// Geometry type of a spatial layer (the GeoPackage geometry type names).
    public enum GeometryKind: String, Sendable {
        case point = "POINT", multiPolygon = "MULTIPOLYGON", multiLineString = "MULTILINESTRING"
    }

    /// A stored layer's geometry: the GeoPackage types of the layers. The input side has
    /// `SourceGeometry` (GridStore import) and the output side `GeoJSONGeometry` (GridRender,
    /// converted with `GeoJSONGeometry.init(_:)`): one type per layer boundary, on purpose.
    public enum Geometry: Sendable {
        case point(Point)
        case multiPolygon(MultiPolygon)
        case multiLineString([LineString])
    }

    public struct Feature: Sendable {
        /// One value per column, in column order.
        public var values: [Value]
        /// Longitude/latitude (WGS84); nil for a feature without geometry.
        public var lonLat: Geometry?
        /// The same geometry in the working CRS (metres).
        public var projected: Geometry?
        public init(values: [Value], lonLat: Geometry?, projected: Geometry?) {
            self.values = values; self.lonLat = lonLat; self.projected = projected
        }
    }

    public var name: String
    /// nil for an attribute table (households, units, records).
    public var geometryKind: GeometryKind?
    public var columns: [Column]
    public var features: [Feature]

    public init(name: String, geometryKind: GeometryKind?, columns: [Column], features: [Feature] = []) {
        self.name = name; self.geometryKind = geometryKind; self.columns = columns; self.features = features
    }

    /// Appends a feature; `values` must have one value per column.
    public mutating func append(_ values: [Value], lonLat: Geometry? = nil, projected: Geometry? = nil) {
        precondition(values.count == columns.count, "\(name): \(values.count) values for \(columns.count) columns")
        features.append(Feature(values: values, lonLat: lonLat, projected: projected))
    }
}
