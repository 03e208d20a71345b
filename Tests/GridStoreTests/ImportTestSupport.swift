import Foundation
import Testing
import GridGeo
import GridModel
@testable import GridStore
import TestSupport

/// A dataset folder written into a fresh temporary directory: file name → text.
struct TestDataset {
    let directory: URL

    init(_ files: [String: String]) throws {
        directory = try TemporaryFiles.directory(prefix: "gridplan-import")
        for (name, text) in files { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    func read(crs: String? = nil, maxProblems: Int = 10_000) throws -> Snapshot {
        try DatasetImporter.read(
            directory: directory, options: ImportOptions(crs: crs, maxProblems: maxProblems),
            progress: SilentProgress())
    }

    /// The problems of an import that must fail (records an issue when it succeeds).
    func problems(crs: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> [ValidationProblem] {
        do {
            _ = try read(crs: crs)
            Issue.record("the import succeeded but problems were expected", sourceLocation: sourceLocation)
        } catch let e as InputError {
            return e.problems
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
        return []
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Asserts that one problem has exactly this file, location and field; returns it.
@discardableResult
func expectProblem(
    _ problems: [ValidationProblem], file: String, location: String, field: String,
    messageContains: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> ValidationProblem? {
    let match = problems.first { p in
        p.file == file && p.location == location && p.field == field
            && (messageContains.map { p.message.contains($0) } ?? true)
    }
    #expect(
        match != nil,
        "no problem \(file):\(location): \(field) \(messageContains ?? ""); got:\n\(problems.map(\.description).joined(separator: "\n"))",
        sourceLocation: sourceLocation)
    return match
}

/// A square ring (closed, counter-clockwise) as GeoJSON coordinates text.
func squareRing(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> String {
    "[[\(x0),\(y0)],[\(x1),\(y0)],[\(x1),\(y1)],[\(x0),\(y1)],[\(x0),\(y0)]]"
}

/// The 0.01° square at (116.40, 39.90) near Beijing projected to `crs`, as a GeoJSON ring, and
/// the transformer that projected it (for the points a test puts inside).
func projectedSquare(to crs: String) throws -> (ring: String, transformer: CoordinateTransformer) {
    let fwd = try CoordinateTransformer(from: .wgs84, to: .proj(crs))
    let corners = try [(116.40, 39.90), (116.41, 39.90), (116.41, 39.91), (116.40, 39.91), (116.40, 39.90)].map {
        try fwd.transform(Point($0.0, $0.1))
    }
    return ("[" + corners.map { "[\($0.x),\($0.y)]" }.joined(separator: ",") + "]", fwd)
}

func feature(_ properties: String, _ geometry: String) -> String {
    #"{"type":"Feature","properties":{\#(properties)},"geometry":\#(geometry)}"#
}

func point(_ x: Double, _ y: Double) -> String { #"{"type":"Point","coordinates":[\#(x),\#(y)]}"# }
func polygon(_ rings: String...) -> String { #"{"type":"Polygon","coordinates":[\#(rings.joined(separator: ","))]}"# }

/// The base valid dataset in EPSG:4326 near Beijing: two square communities side by side,
/// a building naming its community and one left to containment, a facility in C1 and one outside.
func baseDataset(crs: String = "EPSG:4326") -> [String: String] {
    [
        "dataset.json": #"{"name": "test district", "crs": "\#(crs)", "working_crs": "auto"}"#,
        "communities.geojson": featureCollection([
            feature(#""id":"C1","name":"一社区","street":"S1""#, polygon(squareRing(116.40, 39.90, 116.41, 39.91))),
            feature(#""id":"C2","name":"二社区","street":"S1""#, polygon(squareRing(116.41, 39.90, 116.42, 39.91)))
        ]),
        "buildings.csv": """
        id,community_id,name,households,party_members,lon,lat
        B1,C1,一号楼,120,5,116.405,39.905
        B2,,二号楼,80,2,116.415,39.905

        """,
        "facilities.geojson": featureCollection([
            feature(
                #""id":"F1","kind":"party_mass_center","usable_area_m2":200,"community_id":"C1","level":"community","embedded":true"#,
                point(116.404, 39.904)),
            feature(#""id":"F2","kind":"city_station","usable_area_m2":60.5"#, point(116.43, 39.905))
        ])
    ]
}
