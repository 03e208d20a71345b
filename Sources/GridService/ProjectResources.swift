import Foundation
import GridModel

/// Finds the project's bundled data: the standards file in `seeds/` and the demo district
/// in `GeoData/demo/`. Looks in `$GRIDPLAN_HOME`, then beside the executable's build folder,
/// then in the source tree this binary was built from.
public enum ProjectResources {
    /// The project root (the folder holding `seeds/` and `GeoData/`), or nil when none is found.
    public static var root: URL? {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let home = ProcessInfo.processInfo.environment["GRIDPLAN_HOME"], !home.isEmpty {
            candidates.append(URL(fileURLWithPath: home))
        }
        // .build/<triple>/<config>/gridplan → root is four levels up; also try a few more.
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 { candidates.append(dir); dir = dir.deletingLastPathComponent() }
        // Sources/GridService/ProjectResources.swift → three levels up.
        candidates.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent())
        for c in candidates where fm.fileExists(atPath: c.appendingPathComponent("seeds/standards.json").path) {
            return c
        }
        return nil
    }

    /// `seeds/standards.json`.
    public static var standardsFile: URL? { root?.appendingPathComponent("seeds/standards.json") }

    /// `GeoData/demo/`, the bundled demo district.
    public static var demoDataset: URL? { root?.appendingPathComponent("GeoData/demo") }

    /// Loads the standards from `path`, or the bundled defaults when `path` is nil.
    public static func loadStandards(path: String?) throws -> PolicyStandards {
        if let path { return try PolicyStandards.load(from: URL(fileURLWithPath: path)) }
        guard let url = standardsFile else {
            throw UsageError(key: "usage.standards.missing")
        }
        return try PolicyStandards.load(from: url)
    }
}
