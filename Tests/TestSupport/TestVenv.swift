import Foundation

/// The Python virtual environment `Tools/setup` makes outside the source tree (path printed by
/// `Tools/venv`), with the clients tests drive: selenium, mcp, openpyxl, numpy, scipy, highspy.
public enum TestVenv {
    /// The venv's directory: `$GRIDPLAN_VENV`, else `$XDG_CACHE_HOME/gridplan/venv`, else `~/.cache/gridplan/venv`.
    public static var directory: URL {
        let env = ProcessInfo.processInfo.environment
        if let path = env["GRIDPLAN_VENV"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let cache = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
        return URL(fileURLWithPath: cache).appendingPathComponent("gridplan/venv")
    }

    /// The venv's python, when it exists.
    public static var python: URL? {
        let url = directory.appendingPathComponent("bin/python")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// True when the venv's python imports every module in `modules`.
    public static func hasModules(_ modules: [String]) -> Bool {
        guard let python else { return false }
        let result = try? ProcessRunner.run(python, ["-c", "import " + modules.joined(separator: ", ")])
        return result?.status == 0
    }
}
