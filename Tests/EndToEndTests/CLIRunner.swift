import Foundation

/// Runs the built `gridplan` binary, as a user would, and captures what it printed.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The folder holding the built products (`.build/debug`).
    static var productsDirectory: URL {
        // The test bundle lives in the products folder on Linux.
        Bundle.main.bundleURL
    }

    /// The repository root (for GeoData/demo and seeds/).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var binary: URL { productsDirectory.appendingPathComponent("gridplan") }

    /// The demo district's dataset folder.
    static var demoDataset: URL { repositoryRoot.appendingPathComponent("GeoData/demo") }

    /// The environment a run of the binary gets: this process's without `GRIDPLAN_DB`, plus `extra`.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["GRIDPLAN_DB"] = nil
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs `gridplan args…` with `stdin` piped in, in `directory`, with extra environment.
    @discardableResult
    static func run(_ args: [String], stdin: String = "", in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> CLIRun {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.environment = Self.environment(environment)
        if let directory { p.currentDirectoryURL = directory }
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        try p.run()
        // Read both pipes concurrently so a large output cannot dead-lock the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = outPipe.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = errPipe.fileHandleForReading.readDataToEndOfFile() }
        inPipe.fileHandleForWriting.write(Data(stdin.utf8))
        try? inPipe.fileHandleForWriting.close()
        group.wait()
        p.waitUntilExit()
        return CLIRun(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh empty temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gridplan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
