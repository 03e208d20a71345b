import Foundation
import GridFormats
import GridGeo
import GridLocale
import GridModel

/// Finds entity files and streams their records, CSV row by row and GeoJSON feature by feature.
struct LayerReader {
    let directory: URL
    let problems: ProblemCollector
    let progress: any ProgressReporter
    var check: CoordinateCheck
    var limits = ReadLimits()
    /// What was read from each layer (the dry run's report) and each layer's CRS.
    var log = LayerLog()
    /// The dataset's CRS, for layers that declare none.
    var datasetCRS: CoordinateSystem?
    /// `dataset.json` `layers`.
    var layerSettings: [String: LayerSettings] = [:]
    static let progressEvery = 50_000

    /// The file holding an entity, or nil when absent; reports a missing required entity,
    /// both encodings present, and a GeoJSON file for a CSV-only entity.
    func locate(_ spec: EntitySpec) -> EntityFile? {
        let fm = FileManager.default
        if let settings = layerSettings[spec.name], let named = settings.file {
            let url = directory.appendingPathComponent(named)
            guard fm.fileExists(atPath: url.path) else {
                problems.add(
                    file: named, message: LocalText("problem.file.named_missing", ["layer": spec.name]),
                    expected: LocalText("expected.file.in_folder"))
                return nil
            }
            return EntityFile(spec: spec, url: url, format: EntityFile.format(of: url), settings: settings)
        }
        let settings = layerSettings[spec.name] ?? LayerSettings()
        let geo = directory.appendingPathComponent(spec.name + ".geojson")
        let csv = directory.appendingPathComponent(spec.name + ".csv")
        let hasGeo = fm.fileExists(atPath: geo.path), hasCSV = fm.fileExists(atPath: csv.path)
        switch (hasGeo, hasCSV) {
        case (true, true):
            if spec.csvOnly {
                problems.add(
                    file: geo.lastPathComponent, message: LocalText("problem.file.csv_only_remove", ["layer": spec.name]),
                    expected: LocalText("expected.file.named", ["file": csv.lastPathComponent]))
                return EntityFile(spec: spec, url: csv, isCSV: true)
            }
            problems.add(
                file: spec.name,
                message: LocalText("problem.file.both", ["first": geo.lastPathComponent, "second": csv.lastPathComponent]),
                expected: LocalText("expected.file.one_per_layer"))
            return nil
        case (true, false):
            if spec.csvOnly {
                problems.add(
                    file: geo.lastPathComponent, message: LocalText("problem.file.csv_only", ["layer": spec.name]),
                    expected: LocalText("expected.file.named", ["file": csv.lastPathComponent]))
                return nil
            }
            return EntityFile(spec: spec, url: geo, format: .geojson, settings: settings)
        case (false, true):
            return EntityFile(spec: spec, url: csv, format: .csv, settings: settings)
        case (false, false):
            let planners = EntityFile.gdalExtensions.map { directory.appendingPathComponent(spec.name + "." + $0) }
                .filter { fm.fileExists(atPath: $0.path) }
            if planners.count > 1 {
                problems.add(
                    file: spec.name,
                    message: LocalText(
                        "problem.file.several", ["files": planners.map(\.lastPathComponent).joined(separator: ", ")]),
                    expected: LocalText("expected.file.one_per_layer"))
                return nil
            }
            if let url = planners.first { return EntityFile(spec: spec, url: url, format: .gdal, settings: settings) }
            if spec.required {
                problems.add(
                    file: spec.name, message: LocalText("problem.file.required", ["layer": spec.name]),
                    expected: spec.csvOnly
                        ? LocalText("expected.file.named", ["file": "\(spec.name).csv"])
                        : LocalText("expected.file.geojson_or_csv", ["layer": spec.name]))
            }
            return nil
        }
    }

    /// Reads every record of `file`, calling `body` with a field reader and the record's geometry
    /// (`.none` for non-spatial records and null areas; nil after a geometry problem was reported).
    /// Returns false when the file could not be read completely (its ids are then not trusted
    /// for parent-id checks, to avoid a cascade of follow-on problems).
    @discardableResult
    func read(
        _ file: EntityFile, requiredColumns: [String],
        body: (FieldReader, SourceGeometry?) -> Void
    ) -> Bool {
        if file.format == .gdal { return readGDAL(file, requiredColumns: requiredColumns, body: body) }
        var reader = self
        if file.spec.geometry != nil, let crsText = file.settings.crs {
            guard let layerCheck = useLayerCRS(crsText, of: file) else { return false }
            reader.check = layerCheck
        }
        return reader.readOwnFormat(file, requiredColumns: requiredColumns, body: body)
    }

    /// Records `text` as the CRS of `file`'s layer; its coordinate check, nil after reporting an unknown CRS.
    func useLayerCRS(_ text: String, of file: EntityFile) -> CoordinateCheck? {
        let crs = CoordinateSystem(parsing: text)
        do {
            _ = try CoordinateTransformer(from: crs, to: .wgs84)
            let geographic = crs.isChineseObfuscated ? true : try CoordinateTransformer.isGeographic(crs)
            log.setCRS(crs, of: file.spec.name)
            return CoordinateCheck(geographic: geographic)
        } catch {
            problems.add(
                file: file.fileName, field: "crs", message: DatasetSettings.crsProblem(error),
                expected: DatasetSettings.crsExpected)
            return nil
        }
    }

    private func readOwnFormat(
        _ file: EntityFile, requiredColumns: [String],
        body: (FieldReader, SourceGeometry?) -> Void
    ) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: file.url.path)[.size] as? Int) ?? nil
        if let size, size > limits.maxFileBytes {
            problems.add(
                file: file.fileName,
                message: LocalText("problem.file.too_large", ["size": "\(size)", "limit": "\(limits.maxFileBytes)"]),
                expected: LocalText("expected.file.at_most_bytes", ["limit": "\(limits.maxFileBytes)"]))
            return false
        }
        if limits.exhausted { return false }
        if size == 0 {
            problems.add(
                file: file.fileName, message: LocalText("problem.file.empty"),
                expected: LocalText(file.isCSV ? "expected.csv.header_and_rows" : "expected.geojson.collection"))
            return false
        }
        return file.isCSV
            ? readCSV(file, requiredColumns: requiredColumns, body: body)
            : readGeoJSON(file, body: body)
    }

    private func readCSV(
        _ file: EntityFile, requiredColumns: [String],
        body: (FieldReader, SourceGeometry?) -> Void
    ) -> Bool {
        let name = file.fileName
        let stage = LocalText("progress.stage.read", ["name": name])
        var reader: CSVReader
        do {
            reader = try CSVReader(url: file.url)
        } catch let e as CSVError {
            problems.add(
                file: name, location: e.line > 0 ? "line \(e.line)" : "", message: e.issue.localText,
                expected: LocalText("expected.csv.utf8_header"))
            return false
        } catch {
            problems.add(file: name, message: LocalText("problem.file.cannot_read", ["detail": "\(error)"]), expected: nil)
            return false
        }
        let header = reader.header.map { trimmed($0).lowercased() }
        if header.isEmpty || header.allSatisfy(\.isEmpty) {
            problems.add(
                file: name, message: LocalText("problem.file.empty"), expected: LocalText("expected.csv.header_and_rows"))
            return false
        }
        let mapping = ColumnMapping.resolve(
            header: reader.header, explicit: file.settings.fields, lowercase: true,
            file: name, location: "line 1", entity: file.spec.name, problems: problems)
        let columns = mapping.columns
        let present = mapping.fields
        var complete = true
        let expectedColumns = LocalText("expected.columns", ["columns": requiredColumns.joined(separator: ", ")])
        for c in requiredColumns where !present.contains(c) {
            problems.add(
                file: name, location: "line 1", field: c, message: LocalText("problem.column.missing"), expected: expectedColumns)
            complete = false
        }
        var pointColumns: CSVPointColumns?
        if let rule = file.spec.geometry {
            switch rule {
            case .site:
                pointColumns = CSVPointColumns(header: present)
                if pointColumns == nil {
                    problems.add(
                        file: name, location: "line 1", field: "lon,lat", message: LocalText("problem.column.no_coordinates"),
                        expected: LocalText("expected.columns.coordinates"))
                    complete = false
                }
            case .area:
                break  // CSV communities and grids carry no boundary
            case .line:
                problems.add(
                    file: name, message: LocalText("problem.file.roads_csv"),
                    expected: LocalText("expected.file.named", ["file": "roads.geojson"]))
                return false
            }
        }
        guard complete else { return false }

        var count = 0
        while true {
            let record: CSVRecord?
            do {
                record = try reader.next()
            } catch let e as CSVError {
                problems.add(
                    file: name, location: e.line > 0 ? "line \(e.line)" : "", message: e.issue.localText,
                    expected: LocalText("expected.csv.valid"))
                return false
            } catch {
                problems.add(file: name, message: LocalText("problem.file.cannot_read", ["detail": "\(error)"]), expected: nil)
                return false
            }
            guard let record else { break }
            if !limits.take() {
                reportFeatureLimit(name, location: "line \(record.line)")
                return false
            }
            if record.fields.count != header.count {
                // blank line
                if record.fields.count <= 1 && (record.fields.first.map { trimmed($0).isEmpty } ?? true) { continue }
                problems.add(
                    file: name, location: "line \(record.line)",
                    message: LocalText(
                        record.fields.count == 1 ? "problem.csv.row_one_field" : "problem.csv.row_fields",
                        ["count": "\(record.fields.count)", "header": "\(header.count)"]),
                    expected: LocalText("expected.csv.fields", ["header": "\(header.count)"]))
                complete = false
                continue
            }
            let row = SourceRow(
                file: name, location: .line(record.line), storage: .csv(fields: record.fields, columns: columns),
                mapping: mapping)
            let fr = FieldReader(row: row, problems: problems)
            let geometry: SourceGeometry? = pointColumns.map { $0.point(fr, check: check) } ?? SourceGeometry.none
            body(fr, geometry)
            count += 1
            if count % LayerReader.progressEvery == 0 { progress.report(stage: stage, done: count, total: nil) }
        }
        progress.report(stage: stage, done: count, total: count)
        log.add(
            LayerInspection(
                entity: file.spec.name, file: name, layer: nil, driver: "CSV", encoding: "UTF-8",
                crs: file.spec.geometry == nil ? nil : (log.crsOfEntity[file.spec.name] ?? datasetCRS)?.description,
                featureCount: count,
                columns: mapping.assignments))
        return complete
    }

    private func readGeoJSON(_ file: EntityFile, body: (FieldReader, SourceGeometry?) -> Void) -> Bool {
        let name = file.fileName
        let stage = LocalText("progress.stage.read", ["name": name])
        guard let rule = file.spec.geometry else { return false }
        let decoder = GeoJSONGeometryDecoder(rule: rule, check: check)
        var stream: GeoJSONFeatureStream
        do {
            stream = try GeoJSONFeatureStream(url: file.url, maxFeatureBytes: limits.maxFeatureBytes)
        } catch {
            reportStreamError(error, file: name)
            return false
        }
        if let bad = notFeatureCollection(stream.topLevelMembers) {
            problems.add(file: name, field: "type", message: bad, expected: LocalText("expected.geojson.collection"))
            return false
        }
        var count = 0
        var mapping: ColumnMapping?
        while true {
            let item: (index: Int, feature: JSONObject)?
            do {
                item = try stream.next()
            } catch {
                if let bad = notFeatureCollection(stream.topLevelMembers) {
                    problems.add(file: name, field: "type", message: bad, expected: LocalText("expected.geojson.collection"))
                } else {
                    reportStreamError(error, file: name)
                }
                return false
            }
            guard let (index, feature) = item else { break }
            if !limits.take() {
                reportFeatureLimit(name, location: "feature \(index)")
                return false
            }
            var properties: JSONObject?
            switch feature["properties"] {
            case .object(let o)?: properties = o
            case .null?, nil: properties = nil
            default:
                problems.add(
                    file: name, at: .feature(index), field: "properties", message: LocalText("problem.geojson.properties"),
                    expected: LocalText("expected.object_or_null"))
            }
            if mapping == nil, let properties {
                mapping = ColumnMapping.resolve(
                    header: properties.members.map(\.key), explicit: file.settings.fields,
                    lowercase: false, file: name, location: "feature \(index)",
                    entity: file.spec.name, problems: problems)
            }
            let row = SourceRow(
                file: name, location: .feature(index), storage: .feature(properties: properties, feature: feature),
                mapping: mapping ?? .identity)
            let fr = FieldReader(row: row, problems: problems)
            if case .string(let t)? = feature["type"], t != "Feature" {
                fr.report(
                    "type", LocalText("problem.geojson.not_feature", ["type": t]), expected: LocalText("expected.geojson.feature")
                )
            }
            body(fr, decoder.decode(feature, reader: fr))
            count += 1
            if count % LayerReader.progressEvery == 0 { progress.report(stage: stage, done: count, total: nil) }
        }
        if let bad = notFeatureCollection(stream.topLevelMembers) {
            problems.add(file: name, field: "type", message: bad, expected: LocalText("expected.geojson.collection"))
            return false
        }
        progress.report(stage: stage, done: count, total: count)
        log.add(
            LayerInspection(
                entity: file.spec.name, file: name, layer: nil, driver: "GeoJSON", encoding: "UTF-8",
                crs: (log.crsOfEntity[file.spec.name] ?? datasetCRS)?.description, featureCount: count,
                columns: (mapping ?? .identity).assignments))
        return true
    }

    private func reportFeatureLimit(_ file: String, location: String) {
        problems.add(
            file: file, location: location,
            message: LocalText("problem.file.too_many_records", ["limit": "\(limits.maxFeatures)"]),
            expected: LocalText("expected.file.at_most_records", ["limit": "\(limits.maxFeatures)"]))
    }

    /// A message when the top-level object says it is not a FeatureCollection.
    private func notFeatureCollection(_ top: JSONObject) -> LocalText? {
        switch top["type"] {
        case .string("FeatureCollection")?: return nil
        case .string(let t)?: return LocalText("problem.geojson.not_collection", ["type": t])
        case nil: return nil  // not seen yet (or absent: the stream reports it)
        default: return LocalText("problem.geojson.type_not_text")
        }
    }

    private func reportStreamError(_ error: Error, file: String) {
        let expected = LocalText("expected.geojson.collection")
        if let e = error as? GeoJSONStreamError {
            let position = e.line.map { l in e.column.map { "line \(l), column \($0)" } ?? "line \(l)" }
            if e.issue.isNotFeatureCollection {
                problems.add(
                    file: file, field: "type", message: Self.at(e.line, e.column, e.issue.localText), expected: expected)
            } else if let index = e.featureIndex {
                let message =
                    e.line == nil
                    ? e.issue.localText
                    : LocalText(
                        e.column == nil ? "problem.json.invalid_at_line" : "problem.json.invalid_at_line_column",
                        ["line": "\(e.line ?? 0)", "column": "\(e.column ?? 0)"], parts: ["detail": e.issue.localText])
                problems.add(file: file, location: "feature \(index)", message: message, expected: expected)
            } else {
                problems.add(file: file, location: position ?? "", message: e.issue.localText, expected: expected)
            }
        } else if let e = error as? JSONParseError {
            problems.add(
                file: file, location: "line \(e.line), column \(e.column)",
                message: LocalText("problem.json.invalid", parts: ["detail": e.issue.localText]), expected: expected)
        } else {
            problems.add(file: file, message: LocalText("problem.file.cannot_read", ["detail": "\(error)"]), expected: expected)
        }
    }

    /// `message (at line L, column C)`, or `message` when the position is unknown.
    static func at(_ line: Int?, _ column: Int?, _ message: LocalText) -> LocalText {
        guard let line else { return message }
        guard let column else { return LocalText("problem.at_line", ["line": "\(line)"], parts: ["problem": message]) }
        return LocalText("problem.at_line_column", ["line": "\(line)", "column": "\(column)"], parts: ["problem": message])
    }
}

/// Bounds on what an import reads, so hostile or mistaken input ends with a problem instead of
/// exhausting memory: the size of each file and the number of records of all files together.
final class ReadLimits {
    let maxFileBytes: Int
    let maxFeatures: Int
    /// Largest single GeoJSON feature: its parsed tree takes up to ~60 times its bytes.
    let maxFeatureBytes: Int
    private(set) var records = 0

    init(
        maxFileBytes: Int = ImportOptions.defaultMaxFileBytes, maxFeatures: Int = ImportOptions.defaultMaxFeatures,
        maxFeatureBytes: Int = ImportOptions.defaultMaxFeatureBytes
    ) {
        self.maxFileBytes = max(0, maxFileBytes)
        self.maxFeatures = max(0, maxFeatures)
        self.maxFeatureBytes = max(1, maxFeatureBytes)
    }

    /// True once the record budget is spent (later files are not read).
    var exhausted: Bool { records > maxFeatures }

    /// Counts one record; false when it is one too many.
    func take() -> Bool {
        records += 1
        return records <= maxFeatures
    }
}
