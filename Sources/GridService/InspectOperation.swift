import Foundation
import GridLocale
import GridModel
import GridStore

/// Options of `gridplan inspect DIR` / the `inspect` RPC method.
public struct InspectOptions: OperationOptions {
    /// The dataset folder.
    public var directory: String
    /// Overrides the CRS of dataset.json.
    public var crs: String?

    public init(directory: String, crs: String? = nil) { self.directory = directory; self.crs = crs }

    public static let fields: [OptionField] = [
        OptionField(
            "directory", .text,
            help: "The dataset folder (GeoJSON/CSV or planners' Shapefile, GeoPackage, KML, FileGDB, XLSX files).",
            valueName: "directory", requirement: .always, positional: true),
        OptionField(
            "crs", .text, help: "CRS of the input coordinates (overrides dataset.json): EPSG:4326, EPSG:4490, GCJ-02, BD-09 ...",
            valueName: "crs")
    ]

    public init(_ v: OptionValues) throws {
        self.init(directory: try v.text("directory") ?? "", crs: try v.text("crs"))
    }
}

/// What `gridplan inspect` and `import --dry-run` report: every layer, every problem.
public struct DatasetInspectionReport: Codable, Sendable {
    public var layers: [LayerInspection]
    /// Problems as `FILE:LOCATION: FIELD: problem (expected)`.
    public var problems: [String]
    public var totalProblems: Int
    public var valid: Bool
    /// The problems themselves, for a table in the reader's language (not encoded).
    public var problemList: [ValidationProblem] = []

    enum CodingKeys: String, CodingKey {
        case layers, problems, valid
        case totalProblems = "total_problems"
    }

    init(_ inspection: DatasetInspection) {
        layers = inspection.layers
        problems = inspection.problems.map(\.description)
        problemList = inspection.problems
        totalProblems = inspection.totalProblems
        valid = inspection.isValid
    }

    /// One block per layer, then the problems.
    public func tableText(_ language: Language = .en) -> String {
        let l = language
        var lines: [String] = []
        for x in layers {
            lines.append(
                l.tr(
                    "inspect.layer",
                    [
                        "entity": x.entity, "file": x.file + (x.layer.map { "[\($0)]" } ?? ""), "driver": x.driver,
                        "encoding": x.encoding, "crs": x.crs ?? l.tr("inspect.no_crs"), "features": String(x.featureCount)
                    ]))
            let mapped = x.columns.map { c in "  \(c.column) → \(c.field ?? l.tr("inspect.ignored"))" }
            lines.append(contentsOf: mapped)
        }
        if valid {
            lines.append(l.tr("inspect.no_problems"))
        } else {
            lines.append(l.tr(totalProblems == 1 ? "inspect.problems_one" : "inspect.problems", ["count": String(totalProblems)]))
            lines.append(contentsOf: problemList.isEmpty ? problems : problemList.map { $0.text(l) })
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension ServiceContext {
    /// Reads and validates a dataset folder without touching the store: per layer the file,
    /// driver, encoding, CRS, feature count and column → field, and every problem.
    public func inspectDataset(_ options: InspectOptions) throws -> DatasetInspectionReport {
        guard !options.directory.isEmpty else { throw UsageError(key: "usage.inspect_operation.1") }
        let inspection = try DatasetImporter.inspect(
            directory: URL(fileURLWithPath: options.directory),
            options: ImportOptions(crs: options.crs), progress: progress)
        return DatasetInspectionReport(inspection)
    }
}
