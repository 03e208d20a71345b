import ArgumentParser
import Foundation
import GridRender
import GridService

/// `gridplan export --format geojson|csv|gpkg --out PATH`: every layer and the latest results for GIS tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store's layers and the latest results for GIS tools (GeoJSON, CSV or GeoPackage).",
        discussion: """
        geojson: one RFC 7946 file per layer in the folder PATH (WGS84 longitude/latitude, right-hand rings). \
        csv: one file per layer in PATH; points as lon,lat columns, polygons and lines as WKT (lon/lat) in a \
        wkt column, with .csvt and .prj sidecars for GDAL. gpkg: one GeoPackage file PATH (the working CRS). \
        The results area_report (communities with their area figures) and coverage (buildings with distance \
        and covered flag) are computed with default options. Household rows are written only with \
        --include-households.
        """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "geojson, csv or gpkg.")
    var format: String

    @Option(name: .long, help: "The folder (geojson, csv) or .gpkg file to write.")
    var out: String

    @Option(name: .long, help: "Only these layers, comma-separated: \(ServiceContext.exportLayerNames.joined(separator: ", ")).")
    var layers: String?

    @Flag(name: .long, help: "Also export household rows (personal information).")
    var includeHouseholds = false

    @Option(name: .long, help: "Coverage reach for the coverage layer, metres (default reach.default, 500).")
    var radius: Double?

    @Option(name: .long, help: "A standards file replacing seeds/standards.json.")
    var standards: String?

    func run() throws {
        try reportingErrors {
            let options = ExportOptions(format: format, out: out, layers: layers.map { [$0] },
                                        includeHouseholds: includeHouseholds, radius: radius, standards: standards)
            let result = try store.context().export(options)
            var t = TextTable(headers: ["layer", "features", "geometry", "crs", "written to"],
                              alignments: [.left, .right, .left, .left, .left])
            for l in result.layers { t.append([l.name, String(l.features), l.geometryType ?? "none", l.crs ?? "", l.file]) }
            emit("Exported \(result.layers.count) layers as \(result.format) to \(result.path)"
                + (result.includesHouseholds ? " (household rows included)" : "") + "\n" + t.render())
        }
    }
}
