import Foundation
import GridGeo
import Testing
@testable import GridRender

@Test func writesRightHandRingsAndNulls() throws {
    var w = GeoJSONWriter(name: "社区")
    // clockwise exterior and counter-clockwise hole: both must be flipped
    let poly = Polygon(
        exterior: [Point(0, 0), Point(0, 1), Point(1, 1), Point(1, 0), Point(0, 0)],
        holes: [[Point(0.2, 0.2), Point(0.4, 0.2), Point(0.4, 0.4), Point(0.2, 0.4), Point(0.2, 0.2)]])
    w.add(
        geometry: .polygon(poly),
        properties: [
            ("id", .string("C\"1")), ("n", .int(nil)), ("rate", .double(0.123456, places: 4)),
            ("ok", .bool(true)), ("ids", .strings(["a", "b"]))
        ])
    w.add(geometry: nil, properties: [("id", .string("C2"))])
    let doc = try JSONSerialization.jsonObject(with: Data(w.finish().utf8)) as! [String: Any]
    #expect(doc["name"] as? String == "社区")
    let features = doc["features"] as! [[String: Any]]
    #expect(features.count == 2)
    let props = features[0]["properties"] as! [String: Any]
    #expect(props["id"] as? String == "C\"1")
    #expect(props["n"] is NSNull)
    #expect(props["rate"] as? Double == 0.1235)
    let rings = (features[0]["geometry"] as! [String: Any])["coordinates"] as! [[[Double]]]
    let exterior = rings[0].map { Point($0[0], $0[1]) }, hole = rings[1].map { Point($0[0], $0[1]) }
    #expect(Polygon.signedArea(exterior) > 0)
    #expect(Polygon.signedArea(hole) < 0)
    #expect(features[1]["geometry"] is NSNull)
}

@Test func numbersDropTrailingZeros() {
    #expect(GeoJSONWriter.formatNumber(116.4000000, 7) == "116.4")
    #expect(GeoJSONWriter.formatNumber(-0.00000001, 7) == "0")
    #expect(GeoJSONWriter.formatNumber(39.9123456789, 7) == "39.9123457")
}

@Test func tableAlignsChineseNames() {
    var t = TextTable(headers: ["社区", "households"], alignments: [.left, .right])
    t.append(["花桥社区", "1234"])
    t.append(["Community 7", "5"])
    let lines = t.render().split(separator: "\n").map(String.init)
    let widths = Set(lines.map(TextTable.displayWidth))
    #expect(widths.count == 1)
    #expect(TextTable.displayWidth("花桥社区") == 8)
}

@Test func csvQuotesOnlyWhenNeeded() {
    var c = CSVWriter(header: ["id", "name"])
    c.appendRow(["1", "a,b"])
    c.appendRow(["2", "say \"hi\""])
    #expect(c.text == "id,name\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n")
}
