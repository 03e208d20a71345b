import GridGeo

/// What the import read from one layer: the dry run's report line
/// (`gridplan import --dry-run`, `gridplan inspect DIR`).
public struct LayerInspection: Codable, Sendable, Equatable {
    /// The entity the layer gives (`buildings`).
    public var entity: String
    /// The file in the dataset folder.
    public var file: String
    /// The sheet or layer read, nil for single-layer files.
    public var layer: String?
    /// Who read it: `GeoJSON` and `CSV` (the project's own readers) or GDAL's driver name.
    public var driver: String
    /// The text encoding and how it was chosen, e.g. `CP936 (detected: not UTF-8, no .cpg)`.
    public var encoding: String
    /// The layer's CRS, nil for non-spatial entities.
    public var crs: String?
    public var featureCount: Int
    /// Each column in file order with the contract field it became (nil: ignored).
    public var columns: [ColumnAssignment]

    enum CodingKeys: String, CodingKey {
        case entity, file, layer, driver, encoding, crs, columns
        case featureCount = "feature_count"
    }
}

/// A column of a layer as written in the file, and the contract field it became (nil: ignored).
public struct ColumnAssignment: Codable, Sendable, Equatable {
    public var column: String
    public var field: String?

    public init(column: String, field: String?) {
        self.column = column
        self.field = field
    }
}

/// Collects, while reading, each layer's inspection and the CRS its coordinates are in.
final class LayerLog {
    private(set) var layers: [LayerInspection] = []
    /// Entity → the CRS of its layer, when it differs from the dataset's.
    private(set) var crsOfEntity: [String: CoordinateSystem] = [:]

    func add(_ layer: LayerInspection) { layers.append(layer) }
    func setCRS(_ crs: CoordinateSystem, of entity: String) { crsOfEntity[entity] = crs }
}
