import Foundation

/// What a run of the built `gridplan` binary left: exit status, stdout and stderr.
public typealias CLIRun = ProcessOutput

/// Runs the built `gridplan` binary as a user would, from the checkout it was built in.
public enum CLI {
    /// The folder holding the built products (`.build/debug`); the test bundle lives in it on Linux.
    public static var productsDirectory: URL { Bundle.main.bundleURL }

    /// The root of the checkout (for GeoData/demo, seeds/ and the golden files), found from this file.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The built `gridplan` executable.
    public static var binary: URL { productsDirectory.appendingPathComponent("gridplan") }

    /// The demo district's dataset folder.
    public static var demoDataset: URL { repositoryRoot.appendingPathComponent("GeoData/demo") }

    /// The environment a run of the binary gets: this process's without `GRIDPLAN_DB`, with the
    /// language pinned to English (`GRIDPLAN_LANG=en`, so a CI locale cannot change an output),
    /// plus `extra` (an empty value removes the variable).
    public static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["GRIDPLAN_DB"] = nil
        env["GRIDPLAN_LANG"] = "en"
        for (k, v) in extra { env[k] = v.isEmpty ? nil : v }
        return env
    }

    /// Runs `gridplan args…` with `stdin` piped in, in `directory`, with extra environment.
    @discardableResult
    public static func run(
        _ args: [String], stdin: String = "", in directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> CLIRun {
        try ProcessRunner.run(binary, args, stdin: stdin, environment: Self.environment(environment), in: directory)
    }

    /// A new store in a fresh temporary folder holding the demo district, imported by the CLI.
    /// - Throws: when the import fails, with its stderr.
    public static func importDemo(named name: String = "demo.gpkg") throws -> String {
        let db = try temporaryDirectory().appendingPathComponent(name).path
        let r = try run(["import", demoDataset.path, "--db", db])
        guard r.status == 0 else { throw DemoImportFailure(stderr: r.stderr) }
        return db
    }

    /// A fresh empty temporary folder.
    public static func temporaryDirectory() throws -> URL {
        try TemporaryFiles.directory(prefix: "gridplan-e2e")
    }
}

/// The demo district's import failed (`CLI.importDemo`).
public struct DemoImportFailure: Error, CustomStringConvertible {
    public var stderr: String
    public var description: String { "demo import failed: \(stderr)" }
}
