import GridFormats
import GridLocale

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

    static let expected = LocalText("expected.layers.entry")

    /// Parses `layers`, reporting members that are not what they should be.
    static func parse(_ value: JSONValue, entities: [String], file: String, problems: ProblemCollector) -> [String: LayerSettings]
    {
        guard case .object(let layers) = value else {
            problems.add(
                file: file, field: "layers", message: LocalText("problem.setting.not_object", ["key": "layers"]),
                expected: LocalText("expected.layers.object"))
            return [:]
        }
        var out: [String: LayerSettings] = [:]
        for (entity, entry) in layers.members {
            let path = "layers.\(entity)"
            guard entities.contains(entity) else {
                problems.add(
                    file: file, field: path, message: LocalText("problem.layers.unknown_entity", ["entity": entity]),
                    expected: LocalText("expected.one_of", ["values": entities.joined(separator: ", ")]))
                continue
            }
            guard case .object(let o) = entry else {
                problems.add(
                    file: file, field: path, message: LocalText("problem.setting.not_object", ["key": path]), expected: expected)
                continue
            }
            var s = LayerSettings()
            for (key, v) in o.members {
                func text() -> String? {
                    if case .string(let t) = v, !trimmed(t).isEmpty { return trimmed(t) }
                    problems.add(
                        file: file, field: "\(path).\(key)",
                        message: LocalText("problem.setting.not_nonempty_string", ["key": key]),
                        expected: LocalText("expected.string"))
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
                            file: file, field: "\(path).fields",
                            message: LocalText("problem.setting.not_object", ["key": "fields"]),
                            expected: LocalText("expected.layers.fields"))
                        continue
                    }
                    for (field, column) in f.members {
                        if case .string(let c) = column, !trimmed(c).isEmpty {
                            s.fields[field] = trimmed(c)
                        } else {
                            problems.add(
                                file: file, field: "\(path).fields.\(field)", message: LocalText("problem.layers.not_column"),
                                expected: LocalText("expected.layers.column"))
                        }
                    }
                default:
                    problems.add(
                        file: file, field: "\(path).\(key)", message: LocalText("problem.layers.unknown_setting", ["key": key]),
                        expected: LocalText("expected.layers.settings"))
                }
            }
            out[entity] = s
        }
        return out
    }
}
