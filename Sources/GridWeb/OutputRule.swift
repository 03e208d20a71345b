import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where a method called over HTTP may write its `out` file: nowhere unless the server was
/// started with `--output-dir DIR`, and then only at a relative name inside DIR: no absolute
/// path, no `..`, no `~`, and no symbolic link on the way that leads out of DIR.
public struct OutputRule: Sendable {
    /// The folder's real path (links resolved), or nil when writing is off.
    public let directory: String?

    /// What a requested `out` becomes.
    public enum Verdict: Equatable, Sendable {
        /// The absolute path to write.
        case allowed(String)
        /// The server writes no files (`--output-dir` not given).
        case off
        /// The name leads outside the folder or is not a plain relative name.
        case outside
    }

    /// `directory` is resolved to its real path; nil when it is nil or not an existing folder.
    public init(directory: String?) {
        guard let directory, let real = Self.realPath(directory) else {
            self.directory = nil
            return
        }
        var isFolder: ObjCBool = false
        self.directory = FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) && isFolder.boolValue ? real : nil
    }

    /// The verdict on the `out` name a request gave.
    public func resolve(_ name: String) -> Verdict {
        guard let directory else { return .off }
        if name.isEmpty || name.hasPrefix("/") || name.hasPrefix("~") || name.contains("\0") || name.contains("\\") {
            return .outside
        }
        let parts = name.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        if parts.isEmpty || parts.contains("..") { return .outside }
        // Every part that exists already must stay inside the folder once its links are resolved
        // (a link inside the folder pointing elsewhere is the escape this refuses).
        var path = directory
        for part in parts {
            path += "/" + part
            var info = stat()
            guard lstat(path, &info) == 0 else { break }
            guard let real = Self.realPath(path), real == directory || real.hasPrefix(directory + "/") else {
                return .outside
            }
        }
        return .allowed(directory + "/" + parts.joined(separator: "/"))
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
