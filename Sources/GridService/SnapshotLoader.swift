import Foundation
import GridModel

/// Reads a snapshot from the store, or from the demo district when there is no store.
enum SnapshotLoader {
    static func load(databasePath: String, progress: any ProgressReporter,
                     note: @Sendable (String) -> Void) throws -> Snapshot {
        // Filled in when the GeoPackage store and the importer land.
        throw UsageError("no store at \(databasePath): the store is not implemented yet")
    }
}
