import Foundation
import GridModel
import GridStore

/// Options of `gridplan import DIR` / the `import` RPC method.
public struct ImportDatasetOptions: OperationOptions {
    /// The dataset folder (docs/data-format.md §1).
    public var directory: String
    /// Overrides the CRS of dataset.json.
    public var crs: String?
    /// Replace a store that already holds a dataset.
    public var replace: Bool
    /// Largest entity file accepted, in bytes (default 4 GiB).
    public var maxFileBytes: Int?
    /// Most features and CSV rows read, all files together (default 50,000,000).
    public var maxFeatures: Int?
    /// Largest single GeoJSON feature, in bytes (default 8 MiB).
    public var maxFeatureBytes: Int?
    /// Read and validate only: report every layer and problem, leave the store alone.
    public var dryRun: Bool = false

    public init(
        directory: String, crs: String? = nil, replace: Bool = false,
        maxFileBytes: Int? = nil, maxFeatures: Int? = nil, maxFeatureBytes: Int? = nil
    ) {
        self.directory = directory; self.crs = crs; self.replace = replace
        self.maxFileBytes = maxFileBytes; self.maxFeatures = maxFeatures; self.maxFeatureBytes = maxFeatureBytes
    }

    public static let fields: [OptionField] = [
        OptionField(
            "directory", .text, help: "The dataset folder (communities, buildings and facilities files at least).",
            valueName: "directory", requirement: .always, positional: true),
        OptionField(
            "crs", .text, help: "CRS of the input coordinates (overrides dataset.json): EPSG:4326, EPSG:4490, GCJ-02, BD-09 ...",
            valueName: "crs"),
        OptionField("replace", .flag, help: "Replace the dataset a store already holds."),
        OptionField(
            "max_file_bytes", .integer, help: "Largest entity file accepted, in bytes (default 4 GiB).", valueName: "bytes"),
        OptionField(
            "max_features", .integer, help: "Most features and CSV rows read, all files together (default 50,000,000).",
            valueName: "n"),
        OptionField(
            "max_feature_bytes", .integer, help: "Largest single GeoJSON feature, in bytes (default 8 MiB).", valueName: "bytes"),
        OptionField(
            "dry_run", .flag,
            help:
                "Read and validate only: report each layer (file, driver, encoding, CRS, features, columns); the store is not touched."
        )
    ]

    public init(_ v: OptionValues) throws {
        self.init(
            directory: try v.text("directory") ?? "", crs: try v.text("crs"), replace: try v.flag("replace") ?? false,
            maxFileBytes: try v.integer("max_file_bytes"), maxFeatures: try v.integer("max_features"),
            maxFeatureBytes: try v.integer("max_feature_bytes"))
        dryRun = try v.flag("dry_run") ?? false
    }
}

/// What an import did.
public struct ImportSummary: Codable, Sendable {
    public var store: String
    public var datasetName: String
    public var sourceCRS: String
    public var workingCRS: String
    public var counts: [String: Int]
    public var households: Int
    public var replacedExisting: Bool
    public var seconds: Double
    /// With `--dry-run`: what every layer gave (nothing was written).
    public var dryRun: DatasetInspectionReport? = nil

    enum CodingKeys: String, CodingKey {
        case store, counts, households, seconds
        case dryRun = "dry_run"
        case datasetName = "dataset_name", sourceCRS = "source_crs", workingCRS = "working_crs"
        case replacedExisting = "replaced_existing"
    }
}

extension ServiceContext {
    /// Validates and loads a dataset folder into the store, all or nothing: a dataset with any
    /// problem throws `InputError` and leaves the store as it was.
    public func importDataset(_ options: ImportDatasetOptions) throws -> ImportSummary {
        let dir = options.directory
        guard !dir.isEmpty else { throw UsageError(key: "usage.import_operation.1") }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), !isDir.boolValue,
            dir.lowercased().hasSuffix(".gpkg")
        {
            return try importStore(options)
        }
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw UsageError(key: "usage.import.not_folder", ["path": dir])
        }
        if let m = options.maxFileBytes, m <= 0 {
            throw UsageError(key: "usage.import_operation.2", ["m": "\(m)"])
        }
        if let m = options.maxFeatureBytes, m <= 0 {
            throw UsageError(key: "usage.import_operation.3", ["m": "\(m)"])
        }
        if let m = options.maxFeatures, m <= 0 { throw UsageError(key: "usage.import_operation.4", ["m": "\(m)"]) }
        let start = Date()
        let importOptions = ImportOptions(
            crs: options.crs, maxFileBytes: options.maxFileBytes, maxFeatures: options.maxFeatures,
            maxFeatureBytes: options.maxFeatureBytes)
        if options.dryRun {
            let inspection = try DatasetImporter.inspect(
                directory: URL(fileURLWithPath: dir),
                options: importOptions,
                progress: progress)
            guard let snapshot = inspection.snapshot else {
                throw InputError(problems: inspection.problems, totalCount: inspection.totalProblems)
            }
            return ImportSummary(
                store: databasePath, datasetName: snapshot.metadata.name,
                sourceCRS: snapshot.metadata.sourceCRS, workingCRS: snapshot.metadata.workingCRS,
                counts: snapshot.layerCounts, households: snapshot.totalHouseholds, replacedExisting: false,
                seconds: Date().timeIntervalSince(start), dryRun: DatasetInspectionReport(inspection))
        }
        if PostGISAddress.isURI(databasePath) {
            return try importIntoPostGIS(options, importOptions: importOptions, start: start)
        }
        let existed = FileManager.default.fileExists(atPath: databasePath)
        if existed && !options.replace {
            let store = try GeoPackageStore(path: databasePath, create: false)
            if try !store.isEmpty() {
                throw UsageError(key: "usage.import_operation.5", ["database_path": "\(databasePath)"])
            }
        }
        let snapshot = try DatasetImporter.read(
            directory: URL(fileURLWithPath: dir),
            options: importOptions,
            progress: progress)
        let store = try GeoPackageStore(path: databasePath, create: true)
        try store.replaceContents(with: snapshot) { [progress] stage, done, total in
            progress.report(stage: stage, done: done, total: total)
        }
        invalidate()
        let counts = snapshot.layerCounts
        return ImportSummary(
            store: databasePath, datasetName: snapshot.metadata.name,
            sourceCRS: snapshot.metadata.sourceCRS, workingCRS: snapshot.metadata.workingCRS,
            counts: counts, households: snapshot.totalHouseholds, replacedExisting: existed,
            seconds: Date().timeIntervalSince(start))
    }

    /// Import into one district of a PostGIS database: the dataset is read and validated first,
    /// then written in one transaction (the schema created when missing); an existing district is
    /// replaced only with `replace`.
    private func importIntoPostGIS(_ options: ImportDatasetOptions, importOptions: ImportOptions, start: Date) throws
        -> ImportSummary
    {
        let snapshot = try DatasetImporter.read(
            directory: URL(fileURLWithPath: options.directory), options: importOptions, progress: progress)
        return try writePostGIS(snapshot, replace: options.replace, start: start)
    }

    /// Copies a gridplan GeoPackage store (every layer, household rows included) into the store
    /// `--db` names: a district of a PostGIS database, or another GeoPackage file.
    private func importStore(_ options: ImportDatasetOptions) throws -> ImportSummary {
        let start = Date()
        let source = options.directory
        if URL(fileURLWithPath: source).standardizedFileURL.path == URL(fileURLWithPath: databasePath).standardizedFileURL.path {
            throw UsageError(key: "usage.import.same_store", ["path": source])
        }
        let snapshot = try GeoPackageStore(path: source, create: false).loadSnapshot(layers: StoreLayer.all)
        if PostGISAddress.isURI(databasePath) {
            return try writePostGIS(snapshot, replace: options.replace, start: start)
        }
        let existed = FileManager.default.fileExists(atPath: databasePath)
        if existed && !options.replace, try !GeoPackageStore(path: databasePath, create: false).isEmpty() {
            throw UsageError(key: "usage.import_operation.5", ["database_path": databasePath])
        }
        let store = try GeoPackageStore(path: databasePath, create: true)
        try store.replaceContents(with: snapshot) { [progress] stage, done, total in
            progress.report(stage: stage, done: done, total: total)
        }
        invalidate()
        return ImportSummary(
            store: databasePath, datasetName: snapshot.metadata.name,
            sourceCRS: snapshot.metadata.sourceCRS, workingCRS: snapshot.metadata.workingCRS,
            counts: snapshot.layerCounts, households: snapshot.totalHouseholds, replacedExisting: existed,
            seconds: Date().timeIntervalSince(start))
    }

    /// Writes `snapshot` as one district of the PostGIS database `--db` names.
    private func writePostGIS(_ snapshot: Snapshot, replace: Bool, start: Date) throws -> ImportSummary {
        let store = try StoreOpening.open(databasePath, datasetFallback: snapshot.metadata.name, create: true)
        let existed = try !store.isEmpty()
        if existed && !replace {
            throw UsageError(key: "usage.import_operation.5", ["database_path": store.location])
        }
        try store.replaceContents(with: snapshot) { [progress] stage, done, total in
            progress.report(stage: stage, done: done, total: total)
        }
        invalidate()
        return ImportSummary(
            store: store.location, datasetName: snapshot.metadata.name,
            sourceCRS: snapshot.metadata.sourceCRS, workingCRS: snapshot.metadata.workingCRS,
            counts: snapshot.layerCounts, households: snapshot.totalHouseholds, replacedExisting: existed,
            seconds: Date().timeIntervalSince(start))
    }
}
