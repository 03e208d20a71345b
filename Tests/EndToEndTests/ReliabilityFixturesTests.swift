import Foundation
import Testing
import TestSupport

/// A small valid dataset (EPSG:4326, two square communities, a grid, six buildings with their
/// households, two facilities, a candidate, a road, a unit) kept as file name → text, so a test
/// can damage exactly one thing and write it out.
struct DatasetFiles: Sendable {
    var files: [String: String]

    static let base: DatasetFiles = {
        func square(_ x0: String, _ y0: String, _ x1: String, _ y1: String) -> String {
            "[[[\(x0),\(y0)],[\(x1),\(y0)],[\(x1),\(y1)],[\(x0),\(y1)],[\(x0),\(y0)]]]"
        }
        let communities = featureCollection([
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"C01\",\"name\":\"东湖社区\",\"street\":\"水果湖街道\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\(square("114.3", "30.6", "114.31", "30.61"))}}",
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"C02\",\"name\":\"西湖社区\",\"street\":\"水果湖街道\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\(square("114.31", "30.6", "114.32", "30.61"))}}"
        ])
        let grids = featureCollection([
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"G01\",\"community_id\":\"C01\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\(square("114.301", "30.601", "114.305", "30.605"))}}"
        ])
        // (id, lon, lat, households, community_id or nil)
        let b: [(String, Double, Double, Int, String?)] = [
            ("B1", 114.302, 30.602, 2, "C01"), ("B2", 114.303, 30.603, 1, "C01"), ("B3", 114.307, 30.607, 1, "C01"),
            ("B4", 114.312, 30.602, 1, nil), ("B5", 114.315, 30.605, 1, nil), ("B6", 114.318, 30.608, 0, nil)
        ]
        let buildings = featureCollection(
            b.map { id, x, y, hh, c in
                "{\"type\":\"Feature\",\"properties\":{\"id\":\"\(id)\",\"households\":\(hh)"
                    + (c.map { ",\"community_id\":\"\($0)\"" } ?? "")
                    + "},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(x),\(y)]}}"
            })
        let households = """
            id,building_id,unit,room,persons,party_members
            H-0001,B1,1,101,3,1
            H-0002,B1,1,102,2,0
            H-0003,B2,1,101,4,0
            H-0004,B3,2,201,1,0
            H-0005,B4,1,301,2,1
            H-0006,B5,1,101,5,0

            """
        let facilities = featureCollection([
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"F1\",\"kind\":\"party_mass_center\",\"usable_area_m2\":300,\"level\":\"street\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[114.305,30.605]}}",
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"F2\",\"kind\":\"party_mass_station\",\"usable_area_m2\":120},\"geometry\":{\"type\":\"Point\",\"coordinates\":[114.314,30.604]}}"
        ])
        let candidates = "id,name,lon,lat\nK1,闲置用房,114.316,30.606\n"
        let roads = featureCollection([
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"R1\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[114.300,30.605],[114.320,30.605]]}}"
        ])
        let units = "id,kind,staff,community_id\nU1,agency,10,C01\n"
        let ratings = "organization_id,year,stars\nC01,2025,优秀\n"
        return DatasetFiles(files: [
            "dataset.json": "{\"name\": \"base\", \"crs\": \"EPSG:4326\"}\n",
            "communities.geojson": communities, "grids.geojson": grids, "buildings.geojson": buildings,
            "households.csv": households, "facilities.geojson": facilities, "candidates.csv": candidates,
            "roads.geojson": roads, "units.csv": units, "ratings.csv": ratings
        ])
    }()

    /// Writes the files into `dir/data` and imports them into `dir/NAME` (`extraArgs` appended);
    /// the store's path and the run.
    func imported(in dir: URL, store name: String, extraArgs: [String] = []) throws -> (db: String, run: CLIRun) {
        let data = dir.appendingPathComponent("data")
        try write(to: data)
        let db = dir.appendingPathComponent(name).path
        return (db, try CLI.run(["import", data.path, "--db", db] + extraArgs))
    }

    /// Replaces `old` by `new` in one file (exactly once: the fixture must change).
    mutating func replace(_ file: String, _ old: String, _ new: String) {
        guard let text = files[file], let r = text.range(of: old) else {
            fatalError("fixture \(file) does not contain \(old)")
        }
        files[file] = text.replacingCharacters(in: r, with: new)
    }

    func write(to dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
    }
}

enum Reliability {
    /// The bytes of a file, or nil when it does not exist.
    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// `PRAGMA integrity_check` and a few counts of a store, read with the sqlite3 library
    /// through GRDB-free C calls would need a module map; the CLI's `info` opens the store the
    /// same way every command does, so the tests read counts through it.
    static func info(_ db: String) throws -> (status: Int32, json: [String: Any]?, stderr: String) {
        let r = try CLI.run(["info", "--db", db, "--format", "json"])
        let json = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any]
        return (r.status, json, r.stderr)
    }

    /// The building count and dataset name `info --format json` reports for a store.
    static func buildingsAndName(_ json: [String: Any]?) -> (Int, String)? {
        guard let store = json?["store"] as? [String: Any], let counts = store["counts"] as? [String: Any],
            let n = counts["buildings"] as? Int
        else { return nil }
        return (n, store["dataset_name"] as? String ?? "")
    }

    /// The bench workload generator: `$GRIDPLAN_GENCITY` when set, else `../shared/bench/gencity.py`
    /// relative to the checkout; nil when neither exists.
    static var gencity: URL? {
        let candidates = [
            ProcessInfo.processInfo.environment["GRIDPLAN_GENCITY"].map { URL(fileURLWithPath: $0) },
            CLI.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/gencity.py")
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Whether the district workload can be generated here (the generator and python3 exist).
    static var canGenerateDistrict: Bool {
        gencity != nil && ProcessRunner.executable(named: "python3") != nil
    }

    /// Generates the `district` benchmark dataset (with households.csv) into `dir`; false when
    /// the generator or python3 is missing.
    static func generateDistrict(into dir: URL, seed: Int = 7) -> Bool {
        guard let script = gencity else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [
            "python3", script.path, "--scale", "district", "--households-csv", "--seed", "\(seed)",
            "--out", dir.path
        ]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    /// Runs the gridplan binary and returns its exit status and its own peak resident set size in
    /// bytes. A small python3 parent forks and execs it and reads `ru_maxrss` from `wait4`: on Linux a
    /// process started with vfork (as Foundation and posix_spawn do) inherits its parent's RSS high-water
    /// mark at exec, which would report this test process's size instead.
    static func runMeasured(_ args: [String], stdout: URL, stderr: URL) throws -> (status: Int32, peakRSS: Int) {
        let rssFile = stdout.deletingLastPathComponent().appendingPathComponent("maxrss-\(UUID().uuidString)")
        let script = """
            import os, sys
            pid = os.fork()
            if pid == 0:
                os.execv(sys.argv[2], sys.argv[2:])
            _, status, usage = os.wait4(pid, 0)
            open(sys.argv[1], "w").write(str(usage.ru_maxrss))
            sys.exit(os.waitstatus_to_exitcode(status) % 256)
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, rssFile.path, CLI.binary.path] + args
        p.environment = CLI.environment()
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = try FileHandle(forWritingTo: stdout)
        p.standardError = try FileHandle(forWritingTo: stderr)
        try p.run()
        p.waitUntilExit()
        let kib = Int(String(decoding: try Data(contentsOf: rssFile), as: UTF8.self)) ?? -1
        return (p.terminationStatus, kib * 1024)
    }
}

/// The base fixture is valid: it imports, with the counts it was written with. (Every broken
/// dataset below differs from it by one defect, so this is what makes their failures meaningful.)
@Test func reliabilityBaseDatasetImports() throws {
    let dir = try CLI.temporaryDirectory()
    let (_, r) = try DatasetFiles.base.imported(in: dir, store: "s.gpkg", extraArgs: ["--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let counts = json?["counts"] as? [String: Int]
    #expect(counts?["buildings"] == 6)
    #expect(counts?["communities"] == 2)
    #expect(json?["households"] as? Int == 6)
    #expect(json?["dataset_name"] as? String == "base")
}
