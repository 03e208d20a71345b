import Foundation

/// Fresh, uniquely named places in the system's temporary folder for test fixtures.
public enum TemporaryFiles {
    /// A path that does not exist yet: `prefix-UUID` + `suffix` in the temporary folder.
    public static func path(prefix: String, suffix: String = "") -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)\(suffix)")
    }

    /// A fresh empty folder named after `prefix`.
    public static func directory(prefix: String) throws -> URL {
        let url = path(prefix: prefix)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
