import GridLocale
import Foundation
import GridModel
import GridStore

/// Reads a snapshot from the store, or from the bundled demo district when there is no store.
enum SnapshotLoader {
    static func load(
        databasePath: String, layers: Set<StoreLayer>, progress: any ProgressReporter,
        note: @Sendable (String) -> Void, language: Language = .en
    ) throws -> Snapshot {
        if StoreOpening.exists(databasePath) {
            let store = try StoreOpening.open(databasePath, create: false)
            return try store.loadSnapshot(layers: layers)
        }
        guard let demo = ProjectResources.demoDataset else {
            throw UsageError(key: "usage.store.no_demo", ["path": databasePath])
        }
        note(language.tr("note.demo", ["store": databasePath, "demo": demo.path]))
        return try DatasetImporter.read(directory: demo, options: ImportOptions(), progress: progress)
    }
}
