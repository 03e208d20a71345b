import Foundation

/// A located entity file.
struct EntityFile {
    /// Which reader takes the file: the project's own GeoJSON and CSV readers, or GDAL.
    enum Format { case geojson, csv, gdal }

    let spec: EntitySpec
    let url: URL
    let format: Format
    /// Its `dataset.json` `layers` entry, if any.
    var settings = LayerSettings()
    var fileName: String { url.lastPathComponent }
    var isCSV: Bool { format == .csv }

    init(spec: EntitySpec, url: URL, isCSV: Bool) {
        self.spec = spec
        self.url = url
        format = isCSV ? .csv : .geojson
    }

    init(spec: EntitySpec, url: URL, format: Format, settings: LayerSettings) {
        self.spec = spec
        self.url = url
        self.format = format
        self.settings = settings
    }

    /// The reader a file name's extension calls for.
    static func format(of url: URL) -> Format {
        switch url.pathExtension.lowercased() {
        case "geojson", "json": return .geojson
        case "csv": return .csv
        default: return .gdal
        }
    }

    /// Extensions of the files GDAL reads for an entity found by name (`buildings.xlsx`).
    static let gdalExtensions = ["shp", "gpkg", "xlsx", "kml", "kmz", "gdb"]
}
