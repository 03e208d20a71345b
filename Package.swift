// swift-tools-version:6.0
import PackageDescription
import Foundation

let package = Package(
    name: "gridplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gridplan", targets: ["gridplan"]),
        .library(name: "GridService", targets: ["GridService"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
        // The SDK's logging package: its Transport protocol names a Logger.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
        // The workspace's HTTP server (`gridplan serve`).
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1")
    ],
    targets: [
        // PROJ (pkg-config `proj`, Debian libproj-dev).
        .systemLibrary(
            name: "CProj", path: "Sources/CProj", pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]),
        // SQLite's C API (the same libsqlite3 GRDB links), for the store's bulk column reads only.
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        // GDAL/OGR (pkg-config `gdal`, Debian libgdal-dev): planners' Shapefile, GeoPackage, KML, FileGDB, XLSX.
        .systemLibrary(
            name: "CGDAL", path: "Sources/CGDAL", pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"])]),
        // libxlsxwriter (pkg-config `xlsxwriter`, Debian libxlsxwriter-dev): Excel workbooks out.
        .systemLibrary(
            name: "CXlsxWriter", path: "Sources/CXlsxWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]),
        // COIN-OR CBC's C API (pkg-config `cbc`, Debian coinor-libcbc-dev): the MILP solver of exact siting.
        .systemLibrary(
            name: "CCbc", path: "Sources/CCbc", pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev"])]),
        // libpq (pkg-config `libpq`, Debian libpq-dev): the PostgreSQL client library.
        .systemLibrary(
            name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),
        // The one wrapper over CLibPQ: a connection owning PGconn, bound parameters, rows as Swift
        // values, COPY FROM STDIN, libpq's errors (with SQLSTATE) as Swift errors.
        .target(name: "GridPostgres", dependencies: ["CLibPQ"]),
        // The one wrapper over CCbc: a mixed-integer program as Swift values, solved with a warm start and a time limit.
        .target(name: "GridMILP", dependencies: ["CCbc", "CCbcRun"]),
        // Runs CBC in a child process killed at the deadline (CBC's own limit misses its root node).
        .target(name: "CCbcRun", dependencies: ["CCbc"]),
        // The one message catalogue (Chinese and English) and the language a person asked for.
        .target(name: "GridLocale"),
        // Geometry, spatial index, coordinate systems (PROJ wrapper, GCJ-02, BD-09).
        .target(name: "GridGeo", dependencies: ["CProj"]),
        // Fast JSON (with positions and duplicate-key detection) and CSV, no dependencies.
        .target(name: "GridFormats"),
        // The one wrapper over CGDAL: datasets, layers and features as Swift objects, GDAL's errors as Swift errors.
        .target(name: "GridGDAL", dependencies: ["CGDAL"]),
        // The one wrapper over CXlsxWriter: sheets of typed cells written as an .xlsx workbook.
        .target(name: "GridXLSX", dependencies: ["CXlsxWriter"]),
        // Entities, the analysis snapshot, policy standards, validation problems.
        .target(name: "GridModel", dependencies: ["GridGeo", "GridLocale"]),
        // GeoPackage store (GRDB), dataset import and export.
        .target(
            name: "GridStore",
            dependencies: [
                "GridModel", "GridGeo", "GridFormats", "GridGDAL", "CSQLite", "GridLocale",
                .product(name: "GRDB", package: "GRDB.swift")
            ]),
        // The city store on PostgreSQL + PostGIS: one district (dataset_id) per store, same surface as GeoPackage.
        .target(name: "GridPostGIS", dependencies: ["GridStore", "GridModel", "GridGeo", "GridLocale", "GridPostgres"]),
        // Pure analyses over a snapshot: area standard, coverage, siting, grids, party network.
        .target(name: "GridAnalysis", dependencies: ["GridModel", "GridGeo", "GridLocale", "GridMILP"]),
        // Table, CSV, GeoJSON, SVG and HTML renderers of analysis results.
        .target(
            name: "GridRender", dependencies: ["GridAnalysis", "GridModel", "GridGeo", "GridFormats", "GridLocale", "GridXLSX"]),
        // Operations shared by the CLI and JSON-RPC: options in, result values out.
        .target(
            name: "GridService",
            dependencies: [
                "GridStore", "GridPostGIS", "GridAnalysis", "GridRender", "GridModel", "GridGeo", "GridFormats", "GridLocale",
                "GridXLSX"
            ]),
        // JSON-RPC 2.0 over stdin/stdout.
        .target(name: "GridRPC", dependencies: ["GridService", "GridRender", "GridModel", "GridFormats", "GridLocale"]),
        // Model Context Protocol over stdio (the official swift-sdk): the operations as tools,
        // resources and prompts; no logic of its own.
        .target(
            name: "GridMCP",
            dependencies: [
                "GridService", "GridRPC", "GridRender", "GridModel", "GridFormats", "GridLocale",
                .product(name: "MCP", package: "swift-sdk"), .product(name: "Logging", package: "swift-log")
            ]),
        // The planner's workspace over HTTP (`gridplan serve`): the embedded page, `POST /rpc` through
        // the JSON-RPC server, the map endpoint and the guards (token, Origin, household data, limits).
        .target(
            name: "GridWeb",
            dependencies: [
                "GridService", "GridRPC", "GridModel", "GridGeo", "GridFormats", "GridLocale", "GridAnalysis",
                .product(name: "Hummingbird", package: "hummingbird")
            ]),
        // The thin command-line front end: argv parsed and help written from the operations' declarations.
        .executableTarget(
            name: "gridplan",
            dependencies: ["GridService", "GridRPC", "GridMCP", "GridWeb", "GridLocale", "GridModel", "GridRender", "GridFormats"]
        ),
        // Helpers shared by the test targets only: the seeded generator, the `ogrinfo` and CLI
        // runners, temporary fixtures.
        .target(name: "TestSupport", dependencies: ["GridGeo"], path: "Tests/TestSupport"),
        .testTarget(name: "GridGeoTests", dependencies: ["GridGeo", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GridFormatsTests", dependencies: ["GridFormats", "GridGeo", "TestSupport"]),
        .testTarget(name: "GridModelTests", dependencies: ["GridModel"]),
        .testTarget(
            name: "GridLocaleTests", dependencies: ["GridLocale", "GridService", "GridRender", "GridAnalysis", "GridModel"]),
        .testTarget(
            name: "GridStoreTests",
            dependencies: [
                "GridStore", "GridModel", "GridGeo", "GridAnalysis", "GridGDAL", "TestSupport", "GridLocale",
                .product(name: "GRDB", package: "GRDB.swift")
            ], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "GridAnalysisTests", dependencies: ["GridAnalysis", "GridModel", "GridGeo", "GridMILP", "TestSupport"]),
        .testTarget(name: "GridRenderTests", dependencies: ["GridRender", "GridModel", "GridGeo", "TestSupport", "GridLocale"]),
        .testTarget(name: "GridPostgresTests", dependencies: ["GridPostgres", "TestSupport"]),
        .testTarget(
            name: "GridPostGISTests",
            dependencies: [
                "GridPostGIS", "GridPostgres", "GridStore", "GridService", "GridModel", "TestSupport", "GridLocale", "GridFormats"
            ]),
        .testTarget(name: "GridRPCTests", dependencies: ["GridRPC", "GridFormats"]),
        .testTarget(
            name: "GridMCPTests",
            dependencies: ["GridMCP", "GridService", "GridFormats", "GridLocale", .product(name: "MCP", package: "swift-sdk")]),
        // Starts the built `gridplan serve` on port 0 and talks HTTP to it (and drives Chromium).
        .testTarget(
            name: "GridWebTests", dependencies: ["GridWeb", "GridFormats", "GridLocale", "TestSupport"], exclude: ["Browser"]),
        // Runs the built binary; Golden/ holds the demo's pinned outputs (Tools/update-golden).
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["GridFormats", "GridStore", "GridModel", "GridGeo", "GridService", "TestSupport", "GridLocale"],
            exclude: ["Golden"])
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Fuzz/, Tools/fuzz.sh), declared only when GRIDPLAN_FUZZ is set so the
// normal build never compiles them: GRIDPLAN_FUZZ=1 swift build -Xswiftc -sanitize=fuzzer,address ...
if ProcessInfo.processInfo.environment["GRIDPLAN_FUZZ"] != nil {
    let fuzzTargets: [(String, [Target.Dependency])] = [
        ("FuzzGeoJSON", ["GridFormats"]), ("FuzzCSV", ["GridFormats"]),
        ("FuzzRPC", ["GridRPC", "GridService", "GridFormats"]), ("FuzzCRS", ["GridGeo"])
    ]
    for (name, deps) in fuzzTargets {
        package.targets.append(.executableTarget(name: name, dependencies: deps, path: "Fuzz/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
