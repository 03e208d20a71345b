import Foundation
import GridFormats
import GridGDAL
import GridGeo
import GridModel

/// `export --format shp|kml`: feature tables written through GDAL in longitude/latitude
/// (WGS84), one file per layer in a folder, with a `dataset.json` that lets `gridplan import`
/// read the folder back. Shapefiles get a `.prj`, a `.cpg` (UTF-8) and field names of at most
/// 10 bytes (`ShapefileFieldNames`); tables without geometry are a `.dbf` alone. KML holds only
/// layers with geometry (KML has no plain tables); the others are listed as skipped.
public enum GDALExport {
    public enum Format: String, Sendable { case shp, kml }

    /// One layer written.
    public struct Layer: Sendable {
        public var name: String
        public var features: Int
        public var file: String
        /// Column → field name in the file, for columns whose name changed.
        public var renamed: [String: String]
    }

    public struct Summary: Sendable {
        public var layers: [Layer]
        /// Layers not written (a table without geometry in KML).
        public var skipped: [String]
    }

    /// Writes `tables` into the folder `folder` (created when missing); `datasetName` goes to its
    /// `dataset.json`.
    public static func write(_ tables: [FeatureTable], format: Format, to folder: String, datasetName: String) throws -> Summary {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var layers: [Layer] = [], skipped: [String] = []
        var settings: [(String, JSONValue)] = []
        let entities: Set<String> = [
            "communities", "grids", "buildings", "households", "facilities", "candidates", "roads", "units",
            "secretaries", "contacts", "ratings", "observations"
        ]
        for table in tables {
            if format == .kml && table.geometryKind == nil {
                skipped.append(table.name)
                continue
            }
            let columns = table.columns.map(\.name)
            let names = format == .shp ? ShapefileFieldNames.names(columns) : columns
            let fileName: String
            switch format {
            case .shp: fileName = table.geometryKind == nil ? "\(table.name).dbf" : "\(table.name).shp"
            case .kml: fileName = "\(table.name).kml"
            }
            let path = URL(fileURLWithPath: folder).appendingPathComponent(fileName).path
            for ext in ["shp", "shx", "dbf", "prj", "cpg", "kml"] {
                try? FileManager.default.removeItem(
                    atPath: URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension(ext).path)
            }
            try writeLayer(table, fieldNames: names, format: format, path: path)
            var renamed: [String: String] = [:]
            for (c, n) in zip(columns, names) where c != n { renamed[c] = n }
            layers.append(Layer(name: table.name, features: table.features.count, file: path, renamed: renamed))
            if entities.contains(table.name) {
                var entry: [(String, JSONValue)] = [("file", .string(fileName))]
                if !renamed.isEmpty {
                    entry.append(
                        (
                            "fields",
                            .object(JSONObject(members: renamed.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
                        ))
                }
                settings.append((table.name, .object(JSONObject(members: entry))))
            }
        }
        let dataset: JSONValue = .object(
            JSONObject(members: [
                ("name", .string(datasetName)), ("crs", .string("EPSG:4326")), ("layers", .object(JSONObject(members: settings)))
            ]))
        try (JSONWriter.write(dataset, sortedKeys: false) + "\n").write(
            toFile: URL(fileURLWithPath: folder).appendingPathComponent("dataset.json").path, atomically: true, encoding: .utf8)
        return Summary(layers: layers, skipped: skipped)
    }

    static func writeLayer(_ table: FeatureTable, fieldNames: [String], format: Format, path: String) throws {
        let driver = format == .shp ? "ESRI Shapefile" : "KML"
        let dataset = try VectorDataset(creating: path, driver: driver)
        let geometry: VectorGeometryType
        switch table.geometryKind {
        case .point?: geometry = .point
        case .multiPolygon?: geometry = .multiPolygon
        case .multiLineString?: geometry = .multiLineString
        case nil: geometry = .none
        }
        let layer = try dataset.createLayer(
            name: table.name, geometry: geometry, crs: geometry == .none ? nil : "EPSG:4326",
            options: format == .shp ? ["ENCODING=UTF-8"] : [])
        var indices: [Int] = []
        for (column, name) in zip(table.columns, fieldNames) {
            let kind: VectorField.Kind
            switch column.type {
            case .integer, .boolean: kind = .integer
            case .real: kind = .real
            case .text: kind = .text
            }
            indices.append(try layer.createField(name, kind: kind, width: format == .shp && kind == .text ? 254 : nil))
        }
        for feature in table.features {
            let values = feature.values.map { v -> VectorValue in
                switch v {
                case .text(let s): return .text(s)
                case .integer(let n): return .integer(n)
                case .real(let x): return .real(x)
                case .boolean(let b): return .integer(b ? 1 : 0)
                case .null: return .null
                }
            }
            try layer.add(values: values, fields: indices, geometry: feature.lonLat.map(vectorGeometry))
        }
        dataset.flush()
    }

    static func vectorGeometry(_ g: FeatureTable.Geometry) -> VectorGeometry {
        func positions(_ points: [Point]) -> [VectorPosition] { points.map { VectorPosition(x: $0.x, y: $0.y) } }
        func closed(_ ring: [Point]) -> [Point] {
            guard let first = ring.first, let last = ring.last, first != last else { return ring }
            return ring + [first]
        }
        func oriented(_ r: [Point], ccw: Bool) -> [Point] { (Polygon.signedArea(r) > 0) == ccw ? r : r.reversed() }
        switch g {
        case .point(let p): return .point(VectorPosition(x: p.x, y: p.y))
        case .multiLineString(let lines): return .multiLineString(lines.map { positions($0.points) })
        case .multiPolygon(let m):
            return .multiPolygon(
                m.polygons.map { p in
                    [positions(closed(oriented(p.exterior, ccw: true)))]
                        + p.holes.map { positions(closed(oriented($0, ccw: false))) }
                })
        }
    }
}
