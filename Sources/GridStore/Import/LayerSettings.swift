import GridFormats

/// One entry of `dataset.json` `layers` (docs/data-format.md §6): where an entity is read from
/// and how: `{"file": "楼栋.xlsx", "sheet": "楼栋", "crs": "GCJ-02", "encoding": "GBK",
/// "fields": {"id": "楼栋代码"}}`. Every member is optional.
struct LayerSettings {
    /// A file in the dataset folder.
    var file: String?
    /// A sheet of a workbook or a layer of a GeoPackage, FileGDB or KML file (`sheet` and `layer`
    /// are the same setting).
    var layer: String?
    /// The text encoding of a Shapefile's `.dbf` (wins over its `.cpg`).
    var encoding: String?
    /// The layer's CRS (wins over the file's own), e.g. `GCJ-02` for points picked on Amap.
    var crs: String?
    /// Contract field → the column as written in the file.
    var fields: [String: String] = [:]

    static let expected = #"an object such as {"file": "楼栋.xlsx", "sheet": "Sheet1", "crs": "GCJ-02", "fields": {"id": "楼栋代码"}}"#

    /// Parses `layers`, reporting members that are not what they should be.
    static func parse(_ value: JSONValue, entities: [String], file: String, problems: ProblemCollector) -> [String: LayerSettings]
    {
        guard case .object(let layers) = value else {
            problems.add(
                file: file, field: "layers", message: "layers is not an object", expected: "an object keyed by entity name")
            return [:]
        }
        var out: [String: LayerSettings] = [:]
        for (entity, entry) in layers.members {
            let path = "layers.\(entity)"
            guard entities.contains(entity) else {
                problems.add(
                    file: file, field: path, message: "unknown entity '\(entity)'",
                    expected: "one of " + entities.joined(separator: ", "))
                continue
            }
            guard case .object(let o) = entry else {
                problems.add(file: file, field: path, message: "\(path) is not an object", expected: expected)
                continue
            }
            var s = LayerSettings()
            for (key, v) in o.members {
                func text() -> String? {
                    if case .string(let t) = v, !trimmed(t).isEmpty { return trimmed(t) }
                    problems.add(
                        file: file, field: "\(path).\(key)", message: "\(key) is not a non-empty string", expected: "a string")
                    return nil
                }
                switch key {
                case "file": s.file = text()
                case "sheet", "layer": s.layer = text()
                case "encoding": s.encoding = text()
                case "crs": s.crs = text()
                case "fields":
                    guard case .object(let f) = v else {
                        problems.add(
                            file: file, field: "\(path).fields", message: "fields is not an object",
                            expected: #"{"households": "实有户数", ...}"#)
                        continue
                    }
                    for (field, column) in f.members {
                        if case .string(let c) = column, !trimmed(c).isEmpty {
                            s.fields[field] = trimmed(c)
                        } else {
                            problems.add(
                                file: file, field: "\(path).fields.\(field)", message: "not a column name",
                                expected: "the column's name as written in the file")
                        }
                    }
                default:
                    problems.add(
                        file: file, field: "\(path).\(key)", message: "unknown setting '\(key)'",
                        expected: "file, sheet, layer, encoding, crs or fields")
                }
            }
            out[entity] = s
        }
        return out
    }
}
