import Foundation
import GridLocale
import GridAnalysis
import GridModel
import GridRender
import GridLocale
import GridStore
import GridXLSX

/// Options of `gridplan export` (JSON-RPC `export`).
public struct ExportOptions: OperationOptions {
    /// `geojson`, `csv`, `shp` or `kml` (a folder of files, one per layer), `gpkg` (one GeoPackage)
    /// or `xlsx` (one workbook, a sheet per layer).
    public var format: ExportFormat
    /// The folder (geojson, csv) or file (gpkg) to write.
    public var out: String
    /// Only these layers (default: every layer that has features).
    public var layers: [String]?
    /// Also write household rows (personal information; off by default).
    public var includeHouseholds: Bool
    /// Coverage reach for the `coverage` result layer, metres (default reach.default).
    public var radius: Double?
    /// A standards file replacing `seeds/standards.json`.
    public var standards: String?

    public init(
        format: ExportFormat, out: String, layers: [String]? = nil, includeHouseholds: Bool = false,
        radius: Double? = nil, standards: String? = nil
    ) {
        self.format = format; self.out = out; self.layers = layers; self.includeHouseholds = includeHouseholds
        self.radius = radius; self.standards = standards
    }

    public static let fields: [OptionField] = [
        OptionField.choice(
            "format", ExportFormat.self,
            help: "What to write: GeoJSON, CSV, Shapefile or KML files in a folder, one GeoPackage, or one Excel workbook.",
            requirement: .always),
        OptionField(
            "out", .text, help: "The folder (geojson, csv, shp, kml) or the .gpkg or .xlsx file to write.", valueName: "path",
            requirement: .always),
        OptionField(
            "layers", .choiceList(ChoiceSet(names: ServiceContext.exportLayerNames)),
            help: "Only these layers (comma-separated or repeated).",
            valueName: "names"),
        OptionField("include_households", .flag, help: "Also export household rows (personal information).")
            .releasingHouseholdData(),
        SharedFields.radius.help("Coverage reach for the coverage layer, metres (default reach.default, 500)."),
        SharedFields.standards
    ]

    public init(_ v: OptionValues) throws {
        guard let format = try v.choice("format", ExportFormat.self), let out = try v.text("out") else {
            throw UsageError(key: "usage.export_operation.1")
        }
        guard !out.isEmpty else {
            throw
                (format == .gpkg || format == .xlsx
                ? UsageError(key: "usage.export.out_missing_gpkg")
                : UsageError(key: "usage.export.out_missing", ["format": format.rawValue]))
        }
        self.init(
            format: format, out: out, layers: try v.list("layers"), includeHouseholds: try v.flag("include_households") ?? false,
            radius: try v.number("radius"), standards: try v.text("standards"))
    }
}

/// One layer written.
public struct ExportedLayer: Codable, Sendable, Hashable {
    public var name: String
    public var features: Int
    /// `POINT`, `MULTIPOLYGON`, `MULTILINESTRING`, or nil for a table without geometry.
    public var geometryType: String?
    /// The file written (geojson, csv) or the table (gpkg).
    public var file: String
    public var crs: String?
    /// Column → field name in the file, for the columns a Shapefile had to shorten (≤ 10 bytes).
    public var renamedFields: [String: String]?
    enum CodingKeys: String, CodingKey {
        case name, features, file, crs
        case geometryType = "geometry_type"
        case renamedFields = "renamed_fields"
    }
}

/// The result of `gridplan export`.
public struct ExportResult: Codable, Sendable {
    public var format: ExportFormat
    public var path: String
    public var layers: [ExportedLayer]
    public var includesHouseholds: Bool
    enum CodingKeys: String, CodingKey {
        case format, path, layers
        case includesHouseholds = "includes_households"
    }
}

extension ServiceContext {
    /// The names `--layers` accepts.
    public static let exportLayerNames = [
        "communities", "grids", "buildings", "households", "facilities", "candidates", "roads",
        "units", "secretaries", "contacts", "ratings", "observations", "area_report", "coverage"
    ]

    /// Writes every layer of the store and the latest results (`area_report`, `coverage`,
    /// computed with default options) for GIS tools.
    public func export(_ options: ExportOptions) throws -> ExportResult {
        let format = options.format, out = options.out
        let includeHouseholds = options.includeHouseholds
        var wanted: Set<String>? = nil
        if let names = options.layers {
            if names.isEmpty {
                throw UsageError(key: "usage.export_operation.2", ["value": "\(Self.exportLayerNames.joined(separator: ", "))"])
            }
            wanted = Set(names)
        }
        if wanted?.contains("households") == true && !includeHouseholds {
            throw UsageError(key: "usage.export.households")
        }
        if format == .gpkg,
            URL(fileURLWithPath: out).standardizedFileURL.path == URL(fileURLWithPath: databasePath).standardizedFileURL.path
        {
            throw UsageError(key: "usage.export_operation.3", ["out": "\(out)"])
        }
        let standards = try ProjectResources.loadStandards(path: options.standards)
        // Household rows are read only when they are to be written.
        let snapshot = try snapshot(layers: includeHouseholds ? StoreLayer.all : StoreLayer.all.subtracting([.households]))
        func want(_ name: String) -> Bool { wanted.map { $0.contains(name) } ?? true }

        progress.report(stage: LocalText("progress.stage.export"), done: 0, total: 3)
        var results: [FeatureTable] = []
        if want("area_report") {
            let p = try AreaReportOptions.parameters(AreaReportOptions(), standards: standards)
            results.append(ExportLayers.areaReportLayer(AreaStandard.report(snapshot, p), snapshot: snapshot))
        }
        if want("coverage") {
            let p = try CoverageOptions(radius: options.radius, standards: options.standards).parameters(standards: standards)
            results.append(ExportLayers.coverageLayer(try Coverage.analyze(snapshot, p), snapshot: snapshot))
        }
        progress.report(stage: LocalText("progress.stage.export"), done: 1, total: 3)
        let base = ExportLayers.snapshotLayers(snapshot, includeHouseholds: includeHouseholds)
            .filter { want($0.name) && ($0.features.count > 0 || wanted != nil) }
        let workingCRS = snapshot.metadata.workingCRS
        var written: [ExportedLayer] = []
        let fm = FileManager.default

        switch format {
        case .geojson, .csv:
            do {
                try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw UsageError(
                    key: "usage.export_operation.4", ["out": "\(out)", "localized_description": "\(error.localizedDescription)"])
            }
            for table in base + results {
                let ext = format.rawValue
                let file = URL(fileURLWithPath: out).appendingPathComponent("\(table.name).\(ext)")
                let what = ["layer": table.name]
                if format == .geojson {
                    try OutputFile.write(
                        ExportWriters.geojson(table), to: file.path, option: "--out", what: LocalText("output.layer", what))
                } else {
                    try OutputFile.write(
                        ExportWriters.csv(table), to: file.path, option: "--out", what: LocalText("output.layer", what))
                    try OutputFile.write(
                        ExportWriters.csvt(table), to: file.deletingPathExtension().appendingPathExtension("csvt").path,
                        option: "--out", what: LocalText("output.layer_types", what))
                    if table.geometryKind != nil {
                        try OutputFile.write(
                            ExportWriters.wgs84PRJ, to: file.deletingPathExtension().appendingPathExtension("prj").path,
                            option: "--out", what: LocalText("output.layer_crs", what))
                    }
                }
                written.append(
                    ExportedLayer(
                        name: table.name, features: table.features.count, geometryType: table.geometryKind?.rawValue,
                        file: file.path, crs: table.geometryKind == nil ? nil : "EPSG:4326"))
            }
        case .gpkg:
            // All layers: the store's own schema (the file is also a gridplan store) plus the results.
            // Some layers (--layers): a plain GeoPackage holding only those, without foreign keys.
            let summary: GeoPackageExport.Summary
            do {
                if wanted == nil {
                    summary = try GeoPackageExport.write(
                        snapshot: snapshot, to: out, includeHouseholds: includeHouseholds,
                        extraLayers: results)
                } else {
                    summary = try GeoPackageExport.writeLayers(base + results, metadata: snapshot.metadata, to: out)
                }
            } catch let e as UsageError {
                throw e
            } catch {
                throw UsageError { l in
                    l.tr("usage.export_operation.5", ["out": "\(out)", "error": ErrorClassification.describe(error, l)])
                }
            }
            let kinds = Dictionary((base + results).map { ($0.name, $0.geometryKind?.rawValue) }, uniquingKeysWith: { a, _ in a })
            let order = Dictionary(Self.exportLayerNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            for (table, count) in summary.counts.sorted(by: { (order[$0.table] ?? 99) < (order[$1.table] ?? 99) })
            where Self.exportLayerNames.contains(table) {
                guard count > 0 || wanted?.contains(table) == true else { continue }
                let geometry = kinds[table] ?? nil
                written.append(
                    ExportedLayer(
                        name: table, features: count, geometryType: geometry, file: table,
                        crs: geometry == nil ? nil : workingCRS))
            }
        case .shp, .kml:
            let summary: GDALExport.Summary
            do {
                summary = try GDALExport.write(
                    base + results, format: format == .shp ? .shp : .kml, to: out, datasetName: snapshot.metadata.name)
            } catch {
                throw UsageError { l in
                    l.tr(
                        format == .shp ? "usage.export.shp_failed" : "usage.export.kml_failed",
                        ["out": out, "error": ErrorClassification.describe(error, l)])
                }
            }
            let kinds = Dictionary((base + results).map { ($0.name, $0.geometryKind?.rawValue) }, uniquingKeysWith: { a, _ in a })
            for layer in summary.layers {
                let geometry = kinds[layer.name] ?? nil
                written.append(
                    ExportedLayer(
                        name: layer.name, features: layer.features, geometryType: geometry, file: layer.file,
                        crs: geometry == nil ? nil : "EPSG:4326", renamedFields: layer.renamed.isEmpty ? nil : layer.renamed))
            }
            for name in summary.skipped { note(language.tr("note.export.kml_skipped", ["layer": name])) }
        case .xlsx:
            var sheets: [Sheet] = []
            for table in base + results {
                let (sheet, omitted) = TableSheets.sheet(table, language: language)
                if omitted > 0 {
                    note(language.tr("note.export.wkt_omitted", ["layer": table.name, "omitted": String(omitted)]))
                }
                sheets.append(sheet)
                written.append(
                    ExportedLayer(
                        name: table.name, features: table.features.count, geometryType: table.geometryKind?.rawValue,
                        file: sheet.name, crs: table.geometryKind == nil ? nil : "EPSG:4326"))
            }
            guard !sheets.isEmpty else { throw UsageError(key: "usage.export.empty_store") }
            try WorkbookOutput.write(sheets, to: out, title: "gridplan export: \(snapshot.metadata.name)")
        }
        progress.report(stage: LocalText("progress.stage.export"), done: 3, total: 3)
        return ExportResult(format: format, path: out, layers: written, includesHouseholds: includeHouseholds)
    }
}
