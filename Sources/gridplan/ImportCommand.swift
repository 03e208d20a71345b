import ArgumentParser
import GridRender
import GridService

/// `gridplan import DIR`: validate and load a dataset folder into the store, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate and load a dataset folder (GeoJSON/CSV, any CRS) into the store, all or nothing.",
        discussion: """
        Every problem in the dataset is reported as FILE:LOCATION: FIELD: problem (expected); the first 50 are
        printed, then a count, and the store is left exactly as it was (exit 65).
        """)

    @Argument(help: "The dataset folder (communities, buildings and facilities files at least).") var directory: String
    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "CRS of the input coordinates (overrides dataset.json): EPSG:4326, EPSG:4490, GCJ-02, BD-09 ...")
    var crs: String?
    @Flag(name: .long, help: "Replace the dataset a store already holds.") var replace = false
    @Option(name: .long, help: "Largest entity file accepted, in bytes (default 4 GiB).") var maxFileBytes: Int?
    @Option(name: .long, help: "Most features and CSV rows read, all files together (default 50,000,000).") var maxFeatures: Int?
    @Option(name: .long, help: "Largest single GeoJSON feature, in bytes (default 8 MiB).") var maxFeatureBytes: Int?
    @Option(name: .long, help: "Output format: table or json.") var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            let summary = try store.context().importDataset(ImportDatasetOptions(directory: directory, crs: crs, replace: replace,
                                                                                 maxFileBytes: maxFileBytes, maxFeatures: maxFeatures,
                                                                                 maxFeatureBytes: maxFeatureBytes))
            emit(format == .json ? try ResultEncoding.json(summary, pretty: true) : summary.tableText)
        }
    }
}

/// `gridplan info`: what the store holds and which PROJ is used.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Counts per layer, working CRS, extent, store path, PROJ version and proj.db path.")

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Largest single GeoJSON feature, in bytes (default 8 MiB).") var maxFeatureBytes: Int?
    @Option(name: .long, help: "Output format: table or json.") var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            let info = try store.context().info()
            emit(format == .json ? try ResultEncoding.json(info, pretty: true) : info.tableText)
        }
    }
}
