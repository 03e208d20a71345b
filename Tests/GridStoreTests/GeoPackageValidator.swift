import Foundation

/// GDAL's GeoPackage validator, `validate_gpkg.py` (Debian `python3-gdal`, installed by
/// `Tools/setup`), run as `validate_gpkg.py -k --extra FILE`: every OGC GeoPackage 1.3
/// requirement it checks, plus its extra checks, without stopping at the first error.
enum GeoPackageValidator {
    static let python = "/usr/bin/python3"
    static let script = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"

    /// Whether python3 and the validator script are installed (tests using it are skipped otherwise).
    static let isAvailable =
        FileManager.default.isExecutableFile(atPath: python)
        && FileManager.default.fileExists(atPath: script)

    /// What the validator reports about the file at `path`: its errors and warnings, one per line
    /// (empty when the file conforms), plus a line with the exit status when it is not 0.
    static func findings(_ path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "-k", "--extra", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var lines = text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if process.terminationStatus != 0 { lines.append("validate_gpkg.py exited with status \(process.terminationStatus)") }
        return lines
    }
}
