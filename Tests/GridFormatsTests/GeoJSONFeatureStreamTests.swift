import Foundation
import Testing
@testable import GridFormats
import TestSupport

/// Reads every feature; returns them with the final top-level members.
private func streamAll(_ url: URL, chunkSize: Int, maxFeatureBytes: Int = 64 << 20) throws
    -> (features: [JSONObject], top: JSONObject)
{
    var stream = try GeoJSONFeatureStream(url: url, chunkSize: chunkSize, maxFeatureBytes: maxFeatureBytes)
    var features: [JSONObject] = []
    while let (index, feature) = try stream.next() {
        #expect(index == features.count)
        features.append(feature)
    }
    #expect(try stream.next() == nil)  // stays finished
    return (features, stream.topLevelMembers)
}

private func streamError(_ text: String, chunkSize: Int = 1 << 20, maxFeatureBytes: Int = 64 << 20) throws
    -> (error: GeoJSONStreamError, yielded: Int)
{
    let file = try TempFile(text, suffix: ".geojson")
    defer { file.remove() }
    var stream = try GeoJSONFeatureStream(url: file.url, chunkSize: chunkSize, maxFeatureBytes: maxFeatureBytes)
    var yielded = 0
    do {
        while try stream.next() != nil { yielded += 1 }
    } catch let e as GeoJSONStreamError {
        return (e, yielded)
    }
    throw Unwrapped()
}

/// A random FeatureCollection in the layout `gencity.py` and GDAL write (one feature per
/// line) or pretty-printed over several lines, with top-level members before and after
/// `features`.
private func randomCollection(seed: UInt64, count: Int) -> String {
    var gen = RandomJSON(rng: SeededGenerator(seed: seed))
    var features: [String] = []
    for k in 0..<count {
        var coords: [JSONValue] = []
        for _ in 0..<Int.random(in: 1...6, using: &gen.rng) {
            coords.append(
                .array([
                    .number(JSONNumber(Double.random(in: 116...117, using: &gen.rng))),
                    .number(JSONNumber(Double.random(in: 39...40, using: &gen.rng)))
                ]))
        }
        let feature: JSONValue = [
            "type": "Feature",
            "properties": ["id": .string("F\(k)"), "name": .string(gen.string()), "extra": gen.value(depth: 2)],
            "geometry": ["type": "LineString", "coordinates": .array(coords)]
        ]
        var text = JSONWriter.write(feature, sortedKeys: false)
        if k % 3 == 1 { text = text.replacingOccurrences(of: ",\"geometry\"", with: ",\n  \"geometry\"") }
        features.append(text)
    }
    let before = seed % 2 == 0 ? "\"type\": \"FeatureCollection\",\n\"name\": \"roads\",\n" : ""
    let after =
        seed % 2 == 0
        ? ",\n\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:4326\"}}"
        : ",\"type\":\"FeatureCollection\",\"name\":\"道路\",\"bbox\":[116,39,117,40]"
    return "{" + before + "\"features\": [\n" + features.joined(separator: ",\n") + "\n]" + after + "}\n"
}

@Test(arguments: [(UInt64(1), 1), (2, 7), (3, 64), (4, 1 << 20), (5, 3)])
func streamingMatchesWholeFileParse(seed: UInt64, chunkSize: Int) throws {
    let text = randomCollection(seed: seed, count: 120)
    let file = try TempFile(text, suffix: ".geojson")
    defer { file.remove() }
    let whole = try JSONParser.parse(text).objectValue.unwrap()
    let expectedFeatures = try whole["features"].unwrap().arrayValue.unwrap().map { try $0.objectValue.unwrap() }
    let expectedTop = JSONObject(members: whole.members.filter { $0.key != "features" })

    let (features, top) = try streamAll(file.url, chunkSize: chunkSize)
    #expect(features.count == 120)
    #expect(features == expectedFeatures)
    #expect(top == expectedTop)
    #expect(top["type"] == .string("FeatureCollection"))
}

@Test func membersAfterFeaturesAreReadAtTheEnd() throws {
    let text =
        #"{"features":[{"type":"Feature","properties":{"id":1},"geometry":null}],"name":"late","type":"FeatureCollection"}"#
    let file = try TempFile(text)
    defer { file.remove() }
    var stream = try GeoJSONFeatureStream(url: file.url, chunkSize: 5)
    let first = try stream.next().unwrap()
    #expect(first.index == 0)
    #expect(first.feature["properties"]?.objectValue?["id"]?.numberValue?.int == 1)
    #expect(stream.topLevelMembers.isEmpty)
    #expect(try stream.next() == nil)
    #expect(stream.topLevelMembers.keys == ["name", "type"])
    #expect(stream.topLevelMembers["name"] == .string("late"))
}

@Test func emptyCollectionAndByteOrderMark() throws {
    let file = try TempFile([0xEF, 0xBB, 0xBF] + Array(#" { "type" : "FeatureCollection" , "features" : [ ] } "#.utf8))
    defer { file.remove() }
    let (features, top) = try streamAll(file.url, chunkSize: 2)
    #expect(features.isEmpty)
    #expect(top.keys == ["type"])
}

/// Malformed collections: a fragment of the message, the feature index (nil outside a
/// feature), the line, and how many features were yielded before the error.
@Test(
    arguments: [
        ("", "empty file", nil, nil, 0),
        ("  \n ", "empty file", nil, nil, 0),
        (#"[{"type":"Feature"}]"#, "top level is an array", nil, 1, 0),
        (#"{"type":"Feature","geometry":null,"properties":{}}"#, #"not a FeatureCollection: type is "Feature""#, nil, 1, 0),
        (#"{"type":"FeatureCollection"}"#, "no \"features\"", nil, 1, 0),
        (#"{"type":"FeatureCollection","features":{}}"#, "\"features\" is not an array", nil, 1, 0),
        ("{\"features\":[{\"a\":1},\n{\"a\":2}],\n\"type\":\"Topology\"}", "type is \"Topology\"", nil, 3, 2),
        ("{\"features\":[{\"a\":1}]}", "no \"type\"", nil, 1, 1),
        ("{\"type\":\"FeatureCollection\",\"features\":[\n{\"a\":1},\n{\"a\":NaN}]}", "NaN", 1, 3, 1),
        ("{\"type\":\"FeatureCollection\",\"features\":[\n{\"a\":1},\n{\"a\":1,\n\"a\":2}]}", "duplicate key \"a\"", 1, 4, 1),
        ("{\"type\":\"FeatureCollection\",\"features\":[{\"a\":1},\n{\"a\":2},\n]}", "trailing comma", nil, 2, 2),
        ("{\"type\":\"FeatureCollection\",\"features\":[{\"a\":1} {\"a\":2}]}", "expected ',' or ']'", nil, 1, 1),
        ("{\"type\":\"FeatureCollection\",\"features\":[{\"a\":1},\n[1,2]]}", "not a JSON object", 1, 2, 1),
        ("{\"type\":\"FeatureCollection\",\"features\":[{\"a\":1},\n{\"a\":\"x}]}", "unterminated", 1, 2, 1),
        ("{\"type\":\"FeatureCollection\",\"features\":[{\"a\":1},\n{\"a\":1}", "end of file", 2, 2, 2),
        ("{\"type\":\"FeatureCollection\",\"features\":[]} x", "after the top-level object", nil, 1, 0),
        ("{\"type\":\"FeatureCollection\",\"type\":\"FeatureCollection\",\"features\":[]}", "duplicate key \"type\"", nil, 1, 0),
        ("{\"features\":[],\"type\":\"FeatureCollection\",\"features\":[]}", "duplicate key \"features\"", nil, 1, 0)
    ] as [(String, String, Int?, Int?, Int)])
func rejectsMalformedCollections(text: String, fragment: String, feature: Int?, line: Int?, yielded: Int) throws {
    for chunkSize in [1, 7, 1 << 20] {
        let (e, n) = try streamError(text, chunkSize: chunkSize)
        #expect(e.message.contains(fragment), "\(e)")
        #expect(e.featureIndex == feature, "\(e)")
        #expect(e.line == line, "\(e)")
        #expect(n == yielded, "\(e)")
    }
}

@Test func wrongTypeIsVisibleInTopLevelMembers() throws {
    let file = try TempFile(#"{"features":[{"a":1}],"type":"Feature"}"#)
    defer { file.remove() }
    var stream = try GeoJSONFeatureStream(url: file.url, chunkSize: 4)
    #expect(try stream.next()?.index == 0)
    #expect(throws: GeoJSONStreamError.self) { try stream.next() }
    #expect(stream.topLevelMembers["type"] == .string("Feature"))
    #expect(try stream.next() == nil)  // finished after an error
}

@Test func errorLineCountsAcrossChunks() throws {
    // Feature 40 (line 42) has a control character in a string.
    var lines = ["{\"type\":\"FeatureCollection\",", "\"features\":["]
    for k in 0..<60 {
        let name = k == 40 ? "bad\u{1}name" : "name \(k)"
        lines.append("{\"type\":\"Feature\",\"properties\":{\"name\":\"\(name)\"},\"geometry\":null}" + (k < 59 ? "," : ""))
    }
    lines.append("]}")
    for chunkSize in [1, 7, 100, 1 << 20] {
        let (e, n) = try streamError(lines.joined(separator: "\n"), chunkSize: chunkSize)
        #expect(n == 40)
        #expect(e.featureIndex == 40)
        #expect(e.line == 43)
        #expect(e.column == 44)  // 43 characters before the control character
        #expect(e.description.hasPrefix("line 43, column 44: feature 40: "), "\(e)")
    }
}

@Test func oversizedFeatureIsAnErrorNotAnAllocation() throws {
    let big = "{\"type\":\"Feature\",\"properties\":{\"note\":\"" + String(repeating: "x", count: 5_000) + "\"}}"
    let text = "{\"type\":\"FeatureCollection\",\"features\":[{\"a\":1},\(big)]}"
    let (e, n) = try streamError(text, chunkSize: 16, maxFeatureBytes: 1_000)
    #expect(n == 1)
    #expect(e.featureIndex == 1)
    #expect(e.message.contains("larger than the limit of 1000 bytes"), "\(e)")
    // Under a larger limit the same file reads.
    let file = try TempFile(text)
    defer { file.remove() }
    #expect(try streamAll(file.url, chunkSize: 16, maxFeatureBytes: 10_000).features.count == 2)
}

@Test func scalarsSplitAtChunkBoundariesAreReadWhole() throws {
    // Numbers and literals at the top level and inside features, with every chunk size.
    let text =
        "{\"count\":1234567,\"flag\":false,\"features\":[{\"v\":-12.5e-3,\"w\":true}],\"type\":\"FeatureCollection\",\"z\":null}"
    let file = try TempFile(text)
    defer { file.remove() }
    for chunkSize in 1...12 {
        let (features, top) = try streamAll(file.url, chunkSize: chunkSize)
        #expect(features.count == 1)
        #expect(features.first?["v"]?.numberValue?.double == -0.0125)
        #expect(top["count"]?.numberValue?.int == 1234567)
        #expect(top["flag"] == .bool(false))
        #expect(top["z"] == .null)
    }
}

@Test func missingFileIsAnError() {
    #expect(throws: GeoJSONStreamError.self) {
        _ = try GeoJSONFeatureStream(url: URL(fileURLWithPath: "/nonexistent/gridformats.geojson"))
    }
}

@Test func geoJSONMemoryStaysBounded() throws {
    // About 3 MB of features read with 4 KB chunks: the buffer never holds more than a
    // few chunks.
    var text = "{\"type\":\"FeatureCollection\",\"features\":[\n"
    let count = 20_000
    for k in 0..<count {
        text +=
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"R\(k)\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[116.2838001,39.8089491],[116.2862669,39.8094114]]}}"
        text += k + 1 < count ? ",\n" : "\n"
    }
    text += "],\"name\":\"roads\"}\n"
    let file = try TempFile(text)
    defer { file.remove() }
    var stream = try GeoJSONFeatureStream(url: file.url, chunkSize: 4096)
    var n = 0
    var lastID = ""
    while let (_, f) = try stream.next() {
        n += 1
        lastID = f["properties"]?.objectValue?["id"]?.stringValue ?? ""
    }
    #expect(n == count)
    #expect(lastID == "R\(count - 1)")
    #expect(stream.topLevelMembers["name"] == .string("roads"))
    #expect(text.utf8.count > 2_000_000)
    #expect(stream.bufferCapacity <= 16 * 4096)
}
