import Foundation
import GridModel

/// The dry run of an import: what every layer gave and every problem the import would report,
/// with nothing written (`gridplan import --dry-run`, `gridplan inspect DIR`).
public struct DatasetInspection: Sendable {
    /// Per layer read: file, sheet/layer, driver, encoding, CRS, feature count, column → field.
    public var layers: [LayerInspection]
    /// The problems kept (at most `ImportOptions.maxProblems`).
    public var problems: [ValidationProblem]
    /// Every problem counted.
    public var totalProblems: Int
    /// The validated dataset, nil when there were problems.
    public var snapshot: Snapshot?

    /// True when the import would succeed.
    public var isValid: Bool { totalProblems == 0 }
}

extension DatasetImporter {
    /// Reads and validates `directory` exactly as `read` does, and reports per layer what was read
    /// instead of throwing the problems. Never touches a store. Throws `UsageError` when
    /// `directory` is not a folder.
    public static func inspect(
        directory: URL, options: ImportOptions = ImportOptions(),
        progress: any ProgressReporter = SilentProgress()
    ) throws -> DatasetInspection {
        let job = try job(directory: directory, options: options, progress: progress)
        do {
            let snapshot = try job.run()
            return DatasetInspection(layers: job.layerLog.layers, problems: [], totalProblems: 0, snapshot: snapshot)
        } catch let error as InputError {
            return DatasetInspection(
                layers: job.layerLog.layers, problems: error.problems, totalProblems: error.totalCount,
                snapshot: nil)
        }
    }
}
