import Foundation
import Testing
import TestSupport

/// One broken dataset: the valid base with exactly one defect, and the problem line the user
/// must see (`FILE:LOCATION: FIELD: ` prefix, plus a fragment of the message).
struct BrokenCase: Sendable, CustomTestStringConvertible {
    var name: String
    var prefix: String
    var fragment: String
    var extraArgs: [String] = []
    var damage: @Sendable (inout DatasetFiles) -> Void
    var testDescription: String { name }
}

let brokenCases: [BrokenCase] = [
    BrokenCase(name: "missing communities file", prefix: "communities: ", fragment: "missing") {
        $0.files["communities.geojson"] = nil
    },
    BrokenCase(name: "empty buildings file", prefix: "buildings.geojson: ", fragment: "empty file") {
        $0.files["buildings.geojson"] = ""
    },
    BrokenCase(name: "truncated GeoJSON", prefix: "buildings.geojson:feature 2: ", fragment: "invalid JSON") {
        let t = $0.files["buildings.geojson"]!
        $0.files["buildings.geojson"] = String(t[..<t.range(of: "\"B3\"")!.upperBound])
    },
    BrokenCase(
        name: "a Feature instead of a FeatureCollection", prefix: "grids.geojson: type: ", fragment: "not a FeatureCollection"
    ) {
        $0.files["grids.geojson"] = "{\"type\":\"Feature\",\"properties\":{\"id\":\"G01\"},\"geometry\":null}"
    },
    BrokenCase(
        name: "point as a community boundary", prefix: "communities.geojson:feature 1: geometry: ",
        fragment: "Point geometry not allowed"
    ) {
        $0.replace(
            "communities.geojson",
            "{\"type\":\"Polygon\",\"coordinates\":[[[114.31,30.6],[114.32,30.6],[114.32,30.61],[114.31,30.61],[114.31,30.6]]]}",
            "{\"type\":\"Point\",\"coordinates\":[114.315,30.605]}")
    },
    BrokenCase(
        name: "mixed geometry types (a LineString among building points)", prefix: "buildings.geojson:feature 3: geometry: ",
        fragment: "LineString geometry not allowed"
    ) {
        $0.replace(
            "buildings.geojson", "{\"type\":\"Point\",\"coordinates\":[114.312,30.602]}",
            "{\"type\":\"LineString\",\"coordinates\":[[114.312,30.602],[114.313,30.603]]}")
    },
    BrokenCase(
        name: "multi-part MultiPolygon footprint", prefix: "facilities.geojson:feature 0: geometry: ",
        fragment: "MultiPolygon with 2 parts"
    ) {
        $0.replace(
            "facilities.geojson", "{\"type\":\"Point\",\"coordinates\":[114.305,30.605]}",
            "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[114.305,30.605],[114.306,30.605],[114.306,30.606],[114.305,30.605]]],[[[114.307,30.605],[114.308,30.605],[114.308,30.606],[114.307,30.605]]]]}"
        )
    },
    BrokenCase(
        name: "duplicate building id", prefix: "buildings.geojson:feature 5: id: ",
        fragment: "duplicate id 'B1' (first at feature 0)"
    ) {
        $0.replace("buildings.geojson", "\"id\":\"B6\"", "\"id\":\"B1\"")
    },
    BrokenCase(name: "ids 7 and \"7\" collide as text", prefix: "candidates.csv:line 3: id: ", fragment: "duplicate id '7'") {
        $0.files["candidates.csv"] = "id,name,lon,lat\n7,a,114.316,30.606\n\"7\",b,114.317,30.606\n"
    },
    BrokenCase(
        name: "number id 7 and string id \"7\" in GeoJSON", prefix: "facilities.geojson:feature 1: id: ",
        fragment: "duplicate id '7'"
    ) {
        $0.replace("facilities.geojson", "\"id\":\"F1\"", "\"id\":7")
        $0.replace("facilities.geojson", "\"id\":\"F2\"", "\"id\":\"7\"")
    },
    BrokenCase(name: "duplicate JSON key in a feature", prefix: "buildings.geojson:feature 1: ", fragment: "duplicate key") {
        $0.replace("buildings.geojson", "\"id\":\"B2\",", "\"id\":\"B2\",\"households\":7,")
    },
    BrokenCase(name: "deeply nested JSON", prefix: "buildings.geojson:feature 0: ", fragment: "nesting deeper than") {
        $0.replace(
            "buildings.geojson", "\"id\":\"B1\",",
            "\"id\":\"B1\",\"deep\":" + String(repeating: "[", count: 100_000)
                + String(repeating: "]", count: 100_000) + ",")
    },
    BrokenCase(
        name: "households property contradicts households.csv", prefix: "buildings.geojson:feature 0: households: ",
        fragment: "households is 5 but households.csv lists 2 for building 'B1'"
    ) {
        $0.replace("buildings.geojson", "\"id\":\"B1\",\"households\":2", "\"id\":\"B1\",\"households\":5")
    },
    BrokenCase(
        name: "household in an unknown building", prefix: "households.csv:line 7: building_id: ",
        fragment: "unknown building 'B99'"
    ) {
        $0.replace("households.csv", "H-0006,B5", "H-0006,B99")
    },
    BrokenCase(name: "duplicate household id", prefix: "households.csv:line 4: id: ", fragment: "duplicate id 'H-0001'") {
        $0.replace("households.csv", "H-0003,B2", "H-0001,B2")
    },
    BrokenCase(
        name: "CSV row with too few fields", prefix: "households.csv:line 5: ", fragment: "row has 3 fields but the header has 6"
    ) {
        $0.replace("households.csv", "H-0004,B3,2,201,1,0", "H-0004,B3,2")
    },
    BrokenCase(
        name: "CSV missing a required column", prefix: "households.csv:line 1: building_id: ", fragment: "missing required column"
    ) {
        $0.replace("households.csv", "id,building_id,", "id,building,")
    },
    BrokenCase(name: "unterminated CSV quote", prefix: "units.csv:line 2: ", fragment: "quote") {
        $0.files["units.csv"] = "id,kind,staff,community_id\nU1,\"agency,10,C01\n"
    },
    BrokenCase(name: "invalid UTF-8 in CSV", prefix: "candidates.csv:line 2: ", fragment: "UTF-8") {
        $0.files["candidates.csv"] = nil  // written as bytes by the test (see `rawFiles`)
    },
    BrokenCase(name: "negative household count", prefix: "buildings.geojson:feature 5: households: ", fragment: "-3") {
        $0.files["households.csv"] = nil
        $0.replace("buildings.geojson", "\"id\":\"B6\",\"households\":0", "\"id\":\"B6\",\"households\":-3")
    },
    BrokenCase(name: "household count that is text", prefix: "buildings.geojson:feature 1: households: ", fragment: "many") {
        $0.files["households.csv"] = nil
        $0.replace("buildings.geojson", "\"id\":\"B2\",\"households\":1", "\"id\":\"B2\",\"households\":\"many\"")
    },
    BrokenCase(name: "unknown facility kind", prefix: "facilities.geojson:feature 1: kind: ", fragment: "library") {
        $0.replace("facilities.geojson", "party_mass_station", "library")
    },
    BrokenCase(name: "negative facility area", prefix: "facilities.geojson:feature 0: usable_area_m2: ", fragment: "-300") {
        $0.replace("facilities.geojson", "\"usable_area_m2\":300", "\"usable_area_m2\":-300")
    },
    BrokenCase(
        name: "facility without usable area", prefix: "facilities.geojson:feature 1: usable_area_m2: ", fragment: "missing"
    ) {
        $0.replace("facilities.geojson", ",\"usable_area_m2\":120", "")
    },
    BrokenCase(
        name: "building naming an unknown community", prefix: "buildings.geojson:feature 2: community_id: ",
        fragment: "unknown community 'C99'"
    ) {
        $0.replace(
            "buildings.geojson", "\"id\":\"B3\",\"households\":1,\"community_id\":\"C01\"",
            "\"id\":\"B3\",\"households\":1,\"community_id\":\"C99\"")
    },
    BrokenCase(
        name: "building outside every community", prefix: "buildings.geojson:feature 3: community_id: ",
        fragment: "names no community and lies in none"
    ) {
        $0.replace("buildings.geojson", "[114.312,30.602]", "[114.412,30.602]")
    },
    BrokenCase(
        name: "latitude and longitude swapped", prefix: "buildings.geojson:feature 4: geometry: ", fragment: "look swapped"
    ) {
        $0.replace("buildings.geojson", "[114.315,30.605]", "[30.605,114.315]")
    },
    BrokenCase(
        name: "number beyond the range of a double", prefix: "facilities.geojson:feature 1: ",
        fragment: "line 3, column 135: number 1e400 is out of the range of a double"
    ) {
        $0.replace("facilities.geojson", "[114.314,30.604]", "[1e400,30.604]")
    },
    BrokenCase(name: "infinite CSV coordinate", prefix: "candidates.csv:line 2: lon: ", fragment: "not a finite number") {
        $0.replace("candidates.csv", "114.316", "Infinity")
    },
    BrokenCase(name: "unclosed community ring", prefix: "communities.geojson:feature 0: geometry: ", fragment: "not closed") {
        $0.replace("communities.geojson", "[114.3,30.61],[114.3,30.6]]]", "[114.3,30.61],[114.3,30.605]]]")
    },
    BrokenCase(
        name: "self-intersecting (bowtie) community polygon", prefix: "communities.geojson:feature 1: geometry: ",
        fragment: "ring 0 crosses itself at (114.315"
    ) {
        // (x0,y0) (x1,y0) (x0,y1) (x1,y1): the two long edges cross at the middle.
        $0.replace(
            "communities.geojson", "[[[114.31,30.6],[114.32,30.6],[114.32,30.61],[114.31,30.61],[114.31,30.6]]]",
            "[[[114.31,30.6],[114.32,30.6],[114.31,30.61],[114.32,30.61],[114.31,30.6]]]")
    },
    BrokenCase(name: "self-touching grid ring", prefix: "grids.geojson:feature 0: geometry: ", fragment: "ring 0 crosses itself")
    {
        // A figure eight through a shared vertex (114.303, 30.603).
        $0.files["grids.geojson"] = featureCollection([
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"G01\",\"community_id\":\"C01\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[114.301,30.601],[114.303,30.601],[114.303,30.603],[114.305,30.603],[114.305,30.605],[114.303,30.605],[114.303,30.603],[114.301,30.603],[114.301,30.601]]]}}"
        ])
    },
    BrokenCase(
        name: "grid in an unknown community", prefix: "grids.geojson:feature 0: community_id: ",
        fragment: "unknown community 'C03'"
    ) {
        $0.replace("grids.geojson", "\"community_id\":\"C01\"", "\"community_id\":\"C03\"")
    },
    BrokenCase(name: "candidate longitude that is not a number", prefix: "candidates.csv:line 2: lon: ", fragment: "not a number")
    {
        $0.replace("candidates.csv", "114.316", "114.316E")
    },
    BrokenCase(name: "roads given as CSV", prefix: "roads.csv: ", fragment: "line geometry") {
        $0.files["roads.geojson"] = nil
        $0.files["roads.csv"] = "id,lon,lat\nR1,114.3,30.6\n"
    },
    BrokenCase(
        name: "buildings given twice (GeoJSON and CSV)", prefix: "buildings: ",
        fragment: "both buildings.geojson and buildings.csv"
    ) {
        $0.files["buildings.csv"] = "id,households,lon,lat\nB1,2,114.302,30.602\n"
    },
    BrokenCase(name: "unknown CRS in dataset.json", prefix: "dataset.json: crs: ", fragment: "EPSG:999999") {
        $0.files["dataset.json"] = "{\"name\": \"base\", \"crs\": \"EPSG:999999\"}"
    },
    BrokenCase(name: "unit of an unknown kind", prefix: "units.csv:line 2: kind: ", fragment: "ministry") {
        $0.replace("units.csv", "U1,agency", "U1,ministry")
    },
    BrokenCase(name: "rating with six stars", prefix: "ratings.csv:line 2: stars: ", fragment: "6") {
        $0.replace("ratings.csv", "2025,优秀", "2025,6")
    },
    BrokenCase(
        name: "properties that are not an object", prefix: "roads.geojson:feature 0: properties: ", fragment: "not an object"
    ) {
        $0.replace("roads.geojson", "\"properties\":{\"id\":\"R1\"}", "\"properties\":[\"R1\"]")
    },
    BrokenCase(
        name: "more features than --max-features", prefix: "buildings.geojson:feature 2: ", fragment: "more than 5 records",
        extraArgs: ["--max-features", "5"]
    ) { _ in },
    BrokenCase(
        name: "file larger than --max-file-bytes", prefix: "buildings.geojson: ", fragment: "more than the limit of 300",
        extraArgs: ["--max-file-bytes", "300"]
    ) { _ in }
]

/// Files a case writes as raw bytes (text cannot hold invalid UTF-8).
private func rawFiles(for name: String) -> [String: [UInt8]] {
    if name == "invalid UTF-8 in CSV" {
        return ["candidates.csv": Array("id,name,lon,lat\nK1,".utf8) + [0xE9, 0x97] + Array(",114.316,30.606\n".utf8)]
    }
    return [:]
}

/// A store holding the base dataset, made once and copied for each case.
private let baseStore: Result<Data, any Error> = Result {
    let (db, r) = try DatasetFiles.base.imported(in: try CLI.temporaryDirectory(), store: "base.gpkg")
    guard r.status == 0, let bytes = Reliability.bytes(db) else { throw CocoaError(.fileReadCorruptFile) }
    return bytes
}

@Test func reliabilityCorpusHasThirtyDefects() {
    #expect(brokenCases.count >= 30)
    #expect(Set(brokenCases.map(\.name)).count == brokenCases.count)
}

/// Each broken dataset: exit 65, a problem line naming file, location and field; a store that
/// held the base dataset keeps exactly its bytes; with no store, no file is left behind.
@Test(arguments: brokenCases)
func reliabilityBrokenDatasetIsRejected(_ c: BrokenCase) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var files = DatasetFiles.base
    c.damage(&files)
    let data = dir.appendingPathComponent("data")
    try files.write(to: data)
    for (name, bytes) in rawFiles(for: c.name) { try Data(bytes).write(to: data.appendingPathComponent(name)) }

    // 1. A store holding dataset A: the failed import (even with --replace) leaves the same bytes.
    let db = dir.appendingPathComponent("store.gpkg").path
    try baseStore.get().write(to: URL(fileURLWithPath: db))
    let before = Reliability.bytes(db)
    let r = try CLI.run(["import", data.path, "--db", db, "--replace"] + c.extraArgs)
    #expect(r.status == 65, "\(c.name): exit \(r.status)\n\(r.stderr)")
    let lines = r.stderr.split(separator: "\n").map(String.init)
    #expect(
        lines.contains { $0.hasPrefix(c.prefix) && $0.contains(c.fragment) },
        "\(c.name): no line starting with '\(c.prefix)' containing '\(c.fragment)' in\n\(r.stderr.prefix(2000))")
    #expect(r.stdout.isEmpty)
    #expect(Reliability.bytes(db) == before, "\(c.name): the store changed")
    #expect(r.stderr.contains("nothing was imported"))

    // 2. No store: no file is left (nor its WAL or shared-memory companions).
    let fresh = dir.appendingPathComponent("fresh.gpkg").path
    let r2 = try CLI.run(["import", data.path, "--db", fresh] + c.extraArgs)
    #expect(r2.status == 65, "\(c.name): exit \(r2.status)")
    for suffix in ["", "-wal", "-shm", "-journal"] {
        #expect(!FileManager.default.fileExists(atPath: fresh + suffix), "\(c.name): \(fresh + suffix) left behind")
    }
}

/// A 50 MB single line: a households.csv whose header is one 50 MB line without the required
/// columns, and a buildings.geojson whose one feature is a 50 MB footprint (an unclosed ring).
/// Both fail cleanly, naming file, location and field, with a peak RSS far below 1 GiB.
@Test(.enabled(if: ProcessRunner.executable(named: "python3") != nil, "python3 (which measures the peak RSS) is not installed"))
func reliabilityFiftyMegabyteLinesFailWithBoundedMemory() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifty = 50 << 20

    /// `pattern` repeated by doubling until it is at least `count` bytes long (fast in debug builds).
    func repeated(_ pattern: String, _ count: Int) -> Data {
        var d = Data(pattern.utf8)
        while d.count < count { d.append(d) }
        return d
    }

    // CSV: one 50 MB header line, its second column a 50 MB name (no building_id column).
    var files = DatasetFiles.base
    files.files["households.csv"] = nil
    let csvData = dir.appendingPathComponent("csv")
    try files.write(to: csvData)
    try (Data("id,".utf8) + repeated("x_household_column_", fifty) + Data("\n".utf8))
        .write(to: csvData.appendingPathComponent("households.csv"))

    // CSV, densest: a 50 MB header of one-letter columns (25 million fields).
    let tinyData = dir.appendingPathComponent("tiny")
    try files.write(to: tinyData)
    try (Data("id,".utf8) + repeated("a,", fifty) + Data("z\n".utf8)).write(to: tinyData.appendingPathComponent("households.csv"))

    // GeoJSON: one feature on one 50 MB line (a footprint of 2.5 million positions).
    let head =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"B1\",\"community_id\":\"C01\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[["
    let geoData = dir.appendingPathComponent("geo")
    try DatasetFiles.base.write(to: geoData)
    try (Data(head.utf8) + repeated("[114.3012345,30.6012345],", fifty) + Data("[114.309,30.609]]]}}]}".utf8))
        .write(to: geoData.appendingPathComponent("buildings.geojson"))

    // GeoJSON, densest: one 50 MB feature of `[1,2],` positions (its parsed tree would take ~2 GiB).
    let denseData = dir.appendingPathComponent("dense")
    try DatasetFiles.base.write(to: denseData)
    try (Data(head.utf8) + repeated("[1,2],", fifty) + Data("[3,4]]]}}]}".utf8))
        .write(to: denseData.appendingPathComponent("buildings.geojson"))

    for (data, prefix, fragment) in [
        (csvData, "households.csv:line 1: building_id: ", "missing required column"),
        (tinyData, "households.csv:line 1: ", "more than 65536 fields"),
        (geoData, "buildings.geojson:feature 0: ", "larger than the limit of 8388608 bytes"),
        (denseData, "buildings.geojson:feature 0: ", "larger than the limit of 8388608 bytes")
    ] {
        let out = dir.appendingPathComponent("out.txt"), err = dir.appendingPathComponent("err.txt")
        let db = dir.appendingPathComponent("s.gpkg").path
        let (status, peak) = try Reliability.runMeasured(["import", data.path, "--db", db], stdout: out, stderr: err)
        let stderr = String(decoding: try Data(contentsOf: err), as: UTF8.self)
        #expect(status == 65, "\(stderr.prefix(500))")
        #expect(stderr.split(separator: "\n").contains { $0.hasPrefix(prefix) && $0.contains(fragment) }, "\(stderr.prefix(500))")
        #expect(peak < 1 << 30, "peak RSS \(peak >> 20) MiB")
        #expect(!FileManager.default.fileExists(atPath: db))
        print("reliability: 50 MB line in \(data.lastPathComponent): peak RSS \(peak >> 20) MiB")
    }
}
