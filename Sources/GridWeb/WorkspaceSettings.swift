import GridLocale

/// How `gridplan serve` was started: where it listens, who may use it and its limits.
public struct WorkspaceSettings: Sendable {
    /// The address to bind (`--host`, default loopback).
    public var host: String
    /// The port (`--port`; 0 picks a free one).
    public var port: Int
    /// The secret every request must carry (header or cookie); nil on loopback without `--token-file`.
    public var token: String?
    /// Whether methods may release household-level data (`--allow-household-data`).
    public var allowHouseholdData: Bool
    /// The language of the server's own errors and the page's first language.
    public var language: Language
    /// Largest accepted request body, bytes (413 above).
    public var maxBodyBytes: Int
    /// Longest a method may take, seconds, queueing included (504 after).
    public var methodSeconds: Double
    /// Methods running or waiting at once (429 beyond).
    public var maxConcurrentMethods: Int
    /// The folder methods called over HTTP may write into (`--output-dir`, its real path); nil:
    /// a method's `out` is refused.
    public var outputDirectory: String?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, allowHouseholdData: Bool = false,
        language: Language = .zh, maxBodyBytes: Int = 1 << 20, methodSeconds: Double = 300, maxConcurrentMethods: Int = 4,
        outputDirectory: String? = nil
    ) {
        self.host = host; self.port = port; self.token = token; self.allowHouseholdData = allowHouseholdData
        self.language = language; self.maxBodyBytes = maxBodyBytes; self.methodSeconds = methodSeconds
        self.maxConcurrentMethods = maxConcurrentMethods; self.outputDirectory = outputDirectory
    }

    /// Whether `host` names only this machine (127.0.0.0/8, ::1, localhost).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
