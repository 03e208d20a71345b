import Foundation
import GridFormats
import GridGeo
import GridLocale
import GridModel

/// `dataset.json` (optional): `{"name": "...", "crs": "EPSG:4326", "working_crs": "auto"}`,
/// with `--crs` overriding `crs`. Problems are reported, never thrown.
struct DatasetSettings {
    var name: String
    /// The source CRS, nil when it is unknown (a problem was reported).
    var crs: CoordinateSystem?
    /// True when the source CRS is geographic (degrees), nil when unknown.
    var geographic: Bool?
    /// nil for `auto`; otherwise the working CRS, when it is valid.
    var workingCRS: CoordinateSystem?
    var workingIsAuto: Bool
    /// False when an explicit working CRS was invalid.
    var workingValid: Bool
    /// Per-entity file, sheet/layer, encoding, CRS and column mapping (`layers`).
    var layers: [String: LayerSettings] = [:]

    static let fileName = "dataset.json"
    static let crsExpected = LocalText("expected.crs.known")

    /// A CRS that PROJ refused, in the reader's language (PROJ's own detail stays as PROJ wrote it).
    static func crsProblem(_ error: Error) -> LocalText {
        guard let e = error as? ProjectionError else { return LocalText("problem.unexpected", ["detail": "\(error)"]) }
        return e.localText
    }

    static func load(directory: URL, crsOverride: String?, problems: ProblemCollector) -> DatasetSettings {
        var name = directory.standardizedFileURL.lastPathComponent
        var crsText = "EPSG:4326"
        var crsOrigin = fileName
        var workingText = "auto"
        var layers: [String: LayerSettings] = [:]
        let url = directory.appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: url.path) {
            if let object = readObject(url, problems: problems) {
                func string(_ key: String) -> String? {
                    switch object[key] {
                    case nil, .null?: return nil
                    case .string(let s)?: return trimmed(s).isEmpty ? nil : trimmed(s)
                    default:
                        problems.add(
                            file: fileName, field: key, message: LocalText("problem.setting.not_string", ["key": key]),
                            expected: LocalText("expected.string"))
                        return nil
                    }
                }
                if let n = string("name") { name = n }
                if let c = string("crs") { crsText = c }
                if let w = string("working_crs") { workingText = w }
                if let l = object["layers"] {
                    layers = LayerSettings.parse(l, entities: EntitySpec.all.map(\.name), file: fileName, problems: problems)
                }
            }
        }
        if let o = crsOverride, !trimmed(o).isEmpty { crsText = trimmed(o); crsOrigin = "--crs" }

        var settings = DatasetSettings(
            name: name, crs: nil, geographic: nil, workingCRS: nil,
            workingIsAuto: workingText.lowercased() == "auto", workingValid: true, layers: layers)
        let crs = CoordinateSystem(parsing: crsText)
        do {
            _ = try CoordinateTransformer(from: crs, to: .wgs84)
            settings.geographic = try CoordinateTransformer.isGeographic(crs)
            settings.crs = crs
        } catch let e as ProjectionError {
            problems.add(file: crsOrigin, field: "crs", message: e.localText, expected: crsExpected)
        } catch {
            problems.add(
                file: crsOrigin, field: "crs", message: ProjectionError(.unknownCRS(crsText), detail: "\(error)").localText,
                expected: crsExpected)
        }

        if !settings.workingIsAuto {
            let working = CoordinateSystem(parsing: workingText)
            let expected = LocalText("expected.crs.working")
            do {
                let geographic = working.isChineseObfuscated ? true : try CoordinateTransformer.isGeographic(working)
                if geographic {
                    problems.add(
                        file: fileName, field: "working_crs",
                        message: LocalText("problem.crs.geographic", ["crs": "\(working)"]), expected: expected)
                    settings.workingValid = false
                } else {
                    _ = try CoordinateTransformer(from: .wgs84, to: working)
                    settings.workingCRS = working
                }
            } catch let e as ProjectionError {
                problems.add(file: fileName, field: "working_crs", message: e.localText, expected: expected)
                settings.workingValid = false
            } catch {
                problems.add(file: fileName, field: "working_crs", message: crsProblem(error), expected: expected)
                settings.workingValid = false
            }
        }
        return settings
    }

    private static func readObject(_ url: URL, problems: ProblemCollector) -> JSONObject? {
        let expected = LocalText("expected.settings.object")
        do {
            var data = try Data(contentsOf: url)
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
            if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                problems.add(file: fileName, message: LocalText("problem.file.empty"), expected: expected)
                return nil
            }
            guard case .object(let o) = try JSONParser.parse(Data(data)) else {
                problems.add(file: fileName, message: LocalText("problem.json.not_object"), expected: expected)
                return nil
            }
            return o
        } catch let e as JSONParseError {
            problems.add(
                file: fileName, location: "line \(e.line), column \(e.column)",
                message: LocalText("problem.json.invalid", parts: ["detail": e.issue.localText]), expected: expected)
        } catch {
            problems.add(
                file: fileName, message: LocalText("problem.file.cannot_read", ["detail": "\(error)"]), expected: expected)
        }
        return nil
    }
}
