import Foundation

/// The Python virtual environment `Tools/setup` makes outside the source tree (path printed by
/// `Tools/venv`), with the clients tests drive: selenium, mcp, openpyxl, numpy, scipy, highspy.
public enum TestVenv {
    /// The venv's directory, as `Tools/venv` prints it (the one rule for where the venv lives).
    public static var directory: URL {
        let script = CLI.repositoryRoot.appendingPathComponent("Tools/venv")
        if let result = try? ProcessRunner.run(script, []), result.status == 0 {
            let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            if !path.isEmpty { return URL(fileURLWithPath: path) }
        }
        return URL(fileURLWithPath: "/nonexistent-gridplan-venv")
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
