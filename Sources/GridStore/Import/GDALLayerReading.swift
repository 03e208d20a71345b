import Foundation
import GridFormats
import GridGDAL
import GridGeo
import GridLocale

/// Reading planners' files through GDAL (Shapefile, GeoPackage, KML/KMZ, FileGDB, XLSX): the
/// records go to the same `body` as the GeoJSON and CSV readers', so every rule and message is one.
extension LayerReader {
    /// GDAL's driver for a file, by extension.
    private static func drivers(for url: URL) -> (names: [String], what: LocalText) {
        switch url.pathExtension.lowercased() {
        case "shp": return (["ESRI Shapefile"], LocalText("expected.gdal.shapefile"))
        case "gpkg": return (["GPKG"], LocalText("expected.gdal.geopackage"))
        case "xlsx": return (["XLSX"], LocalText("expected.gdal.xlsx"))
        case "kml", "kmz": return (["LIBKML", "KML"], LocalText("expected.gdal.kml"))
        case "gdb": return (["OpenFileGDB"], LocalText("expected.gdal.filegdb"))
        default: return ([], LocalText("expected.gdal.any"))
        }
    }

    /// GDAL could not read the file or a record: GDAL's own message after ours.
    private static func cannotBeRead(_ error: Error) -> LocalText {
        LocalText(
            "problem.gdal.cannot_be_read",
            parts: ["detail": GDALErrorText.localText(error) ?? LocalText("problem.unexpected", ["detail": "\(error)"])])
    }

    func readGDAL(_ file: EntityFile, requiredColumns: [String], body: (FieldReader, SourceGeometry?) -> Void) -> Bool {
        if limits.exhausted { return false }
        let (drivers, what) = Self.drivers(for: file.url)
        var name = file.fileName
        var openOptions: [String] = []
        var encoding = "UTF-8"
        let isShapefile = file.url.pathExtension.lowercased() == "shp"
        if isShapefile {
            let fm = FileManager.default
            for sidecar in ["shx", "dbf"] {
                let url = file.url.deletingPathExtension().appendingPathExtension(sidecar)
                if !fm.fileExists(atPath: url.path) {
                    problems.add(
                        file: name, message: LocalText("problem.shapefile.sidecar_missing", ["file": url.lastPathComponent]),
                        expected: LocalText("expected.shapefile.sidecars"))
                    return false
                }
            }
            if let bad = ShapefileCheck.problem(shp: file.url) {
                problems.add(
                    file: name, location: bad.location,
                    message: LocalText("problem.gdal.cannot_be_read", parts: ["detail": bad.message]),
                    expected: LocalText("expected.shapefile.intact"))
                return false
            }
            if let explicit = file.settings.encoding, !isKnownEncoding(explicit) {
                problems.add(
                    file: name, field: "encoding",
                    message: LocalText("problem.shapefile.unknown_encoding", ["encoding": explicit, "layer": file.spec.name]),
                    expected: LocalText("expected.shapefile.encoding"))
                return false
            }
            let chosen = ShapefileEncoding.choose(shp: file.url, explicit: file.settings.encoding)
            if let option = chosen.openOption { openOptions.append("ENCODING=\(option)") }
            encoding = chosen.description
        } else if file.settings.encoding != nil {
            problems.add(
                file: name, field: "encoding", message: LocalText("problem.setting.encoding_not_shapefile"),
                expected: LocalText("expected.setting.no_encoding"))
        }
        let dataset: VectorDataset
        do {
            dataset = try VectorDataset(path: file.url.path, openOptions: openOptions, drivers: drivers)
        } catch {
            problems.add(file: name, message: Self.cannotBeRead(error), expected: what)
            return false
        }
        let driver = dataset.driverName
        let isSheet = driver == "XLSX"
        let layer: VectorLayer
        if let wanted = file.settings.layer {
            guard let found = dataset.layer(named: wanted) else {
                problems.add(
                    file: name, field: isSheet ? "sheet" : "layer",
                    message: LocalText(
                        isSheet ? "problem.gdal.no_sheet" : "problem.gdal.no_layer", ["name": wanted, "layer": file.spec.name]),
                    expected: LocalText("expected.one_of", ["values": dataset.layerNames.joined(separator: ", ")]))
                return false
            }
            layer = found
        } else if let byEntity = dataset.layerCount > 1 ? dataset.layer(named: file.spec.name) : nil {
            layer = byEntity
        } else if let first = dataset.layer(at: 0) {
            layer = first
        } else {
            problems.add(file: name, message: LocalText("problem.gdal.no_layers"), expected: what)
            return false
        }
        let layerName = dataset.layerCount > 1 || file.settings.layer != nil || isSheet ? layer.name : nil
        if let layerName { name += "[\(layerName)]" }

        // The CRS: dataset.json's for the layer, else the file's own, else the dataset's.
        var reader = self
        var crs = datasetCRS
        if file.spec.geometry != nil, let text = file.settings.crs ?? layer.coordinateSystem {
            guard let layerCheck = useLayerCRS(text, of: file) else { return false }
            reader.check = layerCheck
            crs = CoordinateSystem(parsing: text)
        }

        let fields = layer.fields
        let headerLocation = isSheet ? "row 1" : ""
        let mapping = ColumnMapping.resolve(
            header: fields.map(\.name), explicit: file.settings.fields, lowercase: true,
            file: name, location: headerLocation, entity: file.spec.name, problems: problems)
        let present = mapping.fields
        var complete = true
        let expectedColumns = LocalText("expected.columns", ["columns": requiredColumns.joined(separator: ", ")])
        for c in requiredColumns where !present.contains(c) {
            problems.add(
                file: name, location: headerLocation, field: c, message: LocalText("problem.column.missing"),
                expected: expectedColumns)
            complete = false
        }
        // Points from lon/lat or x/y columns (sheets), else the features' geometry.
        var pointColumns: CSVPointColumns?
        var decoder: GeoJSONGeometryDecoder?
        if let rule = file.spec.geometry {
            if rule == .site, isSheet || !layer.hasGeometry, let columns = CSVPointColumns(header: present) {
                pointColumns = columns
            } else if layer.hasGeometry {
                decoder = GeoJSONGeometryDecoder(rule: rule, check: reader.check)
            } else if rule == .site {
                problems.add(
                    file: name, location: headerLocation, field: "lon,lat", message: LocalText("problem.column.no_coordinates"),
                    expected: LocalText("expected.columns.coordinates_planner"))
                complete = false
            } else if rule == .line {
                problems.add(
                    file: name, message: LocalText("problem.gdal.roads_no_lines"), expected: LocalText("expected.gdal.line_layer")
                )
                return false
            }
        }
        guard complete else { return false }

        let stage = LocalText("progress.stage.read", ["name": name])
        var count = 0
        var index = 0
        while true {
            let feature: VectorFeature?
            let location: RecordLocation = isSheet ? .row(index + 2) : .feature(index)
            do {
                feature = try layer.nextFeature()
            } catch {
                problems.add(file: name, at: location, message: Self.cannotBeRead(error), expected: what)
                return false
            }
            guard let feature else { break }
            defer { index += 1 }
            if !limits.take() {
                problems.add(
                    file: name, at: location,
                    message: LocalText("problem.file.too_many_records", ["limit": "\(limits.maxFeatures)"]),
                    expected: LocalText("expected.file.at_most_records", ["limit": "\(limits.maxFeatures)"]))
                return false
            }
            let values = fields.indices.map { RawField(feature.value(at: $0)) }
            if isSheet,
                values.allSatisfy({
                    if case .absent = $0 { return true }; return false
                })
            {
                continue
            }  // blank row
            let row = SourceRow(
                file: name, location: location, storage: .values(fields: values, columns: mapping.columns),
                mapping: mapping)
            let fr = FieldReader(row: row, problems: problems)
            let geometry: SourceGeometry?
            if let pointColumns {
                geometry = pointColumns.point(fr, check: reader.check)
            } else if let decoder {
                do {
                    geometry = try decoder.decode(feature.geometry.map(JSONValue.init(geometry:)))
                } catch let issue as GeometryIssue {
                    fr.report("geometry", issue.message, expected: issue.expected)
                    geometry = nil
                } catch {
                    fr.report(
                        "geometry", LocalText("problem.unexpected", ["detail": "\(error)"]), expected: decoder.rule.expected)
                    geometry = nil
                }
            } else {
                geometry = SourceGeometry.none
            }
            body(fr, geometry)
            count += 1
            if count % LayerReader.progressEvery == 0 { progress.report(stage: stage, done: count, total: nil) }
        }
        for warning in Set(dataset.takeWarnings())
        where warning.lowercased().contains("recod") || warning.lowercased().contains("convert") {
            problems.add(
                file: name, message: LocalText("problem.shapefile.recode", ["encoding": encoding, "warning": warning]),
                expected: LocalText("expected.shapefile.one_encoding", ["layer": file.spec.name]))
            complete = false
        }
        progress.report(stage: stage, done: count, total: count)
        log.add(
            LayerInspection(
                entity: file.spec.name, file: file.fileName, layer: layerName, driver: driver,
                encoding: isShapefile ? encoding : "UTF-8",
                crs: file.spec.geometry == nil ? nil : crs?.description, featureCount: count,
                columns: mapping.assignments))
        return complete
    }
}

extension RawField {
    /// A GDAL value as the validation reads it: empty text and nulls are absent, numbers stay numbers.
    init(_ value: VectorValue) {
        switch value {
        case .null: self = .absent
        case .integer(let i): self = .number(JSONNumber(i))
        case .real(let d): self = d.isFinite ? .number(JSONNumber(d)) : .text("\(d)")
        case .text(let s), .date(let s):
            let t = trimmed(s)
            self = t.isEmpty ? .absent : .text(t)
        }
    }
}

extension JSONValue {
    /// A GDAL geometry as a GeoJSON geometry object, for `GeoJSONGeometryDecoder`'s checks.
    init(geometry: VectorGeometry) {
        func position(_ p: VectorPosition) -> JSONValue {
            guard p.x.isFinite, p.y.isFinite else { return .array([.null, .null]) }
            return .array([.number(JSONNumber(p.x)), .number(JSONNumber(p.y))])
        }
        func line(_ l: [VectorPosition]) -> JSONValue { .array(l.map(position)) }
        func rings(_ r: [[VectorPosition]]) -> JSONValue { .array(r.map(line)) }
        let coordinates: JSONValue
        switch geometry {
        case .empty:
            self = .null
            return
        case .point(let p): coordinates = position(p)
        case .lineString(let l), .multiPoint(let l): coordinates = line(l)
        case .polygon(let r), .multiLineString(let r): coordinates = rings(r)
        case .multiPolygon(let polygons): coordinates = .array(polygons.map(rings))
        case .other: coordinates = .array([])
        }
        self = .object(JSONObject(members: [("type", .string(geometry.typeName)), ("coordinates", coordinates)]))
    }
}
