import Foundation
import GridAnalysis
import GridGeo
import GridModel
import Testing
@testable import GridRender

/// Terminal columns of a scalar, written separately from TextTable: CJK ideographs and fullwidth forms take 2.
private func columns(_ u: Unicode.Scalar) -> Int {
    switch u.value {
    case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF60: return 2
    default: return 1
    }
}

/// The line as terminal cells: a wide character fills its first cell and leaves "\0" in the second.
private func cells(_ line: String) -> [Character] {
    var out: [Character] = []
    for u in line.unicodeScalars {
        out.append(Character(u))
        if columns(u) == 2 { out.append("\0") }
    }
    return out
}

private func areaSnapshot() -> Snapshot {
    let names = ["东风社区", "A社区", "Zeta", "西湖新村第一社区"]
    let communities = names.enumerated().map { i, n in
        Community(
            id: "C\(i)", name: n, street: i % 2 == 0 ? "东城街道" : "南湖街道",
            boundaryLonLat: i == 3
                ? nil
                : MultiPolygon([
                    Polygon(exterior: [
                        Point(116, 39), Point(116.01, 39), Point(116.01, 39.01), Point(116, 39)
                    ])
                ]))
    }
    let buildings = (0..<4).map { i in
        Building(
            id: "B\(i)", communityId: "C\(i)", households: i == 2 ? 0 : 150 * (i + 1),
            location: Point(Double(i) * 100, 0), lonLat: Point(116, 39))
    }
    let facilities = [
        Facility(
            id: "F1", kind: .partyMassCenter, usableAreaM2: 123.456, communityId: "C0",
            location: Point(0, 0), lonLat: Point(116, 39)),
        Facility(
            id: "F2", kind: .partyMassStation, usableAreaM2: 40, communityId: nil,
            location: Point(0, 0), lonLat: Point(116, 39))
    ]
    return Snapshot(
        metadata: DatasetMetadata(name: "t", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4547"),
        communities: communities, buildings: buildings, facilities: facilities)
}

private func areaReport() -> AreaReport {
    let sel = FacilitySelection(countedKinds: [.partyMassCenter, .partyMassStation], radius: 500, streetReach: 1000)
    return AreaStandard.report(
        areaSnapshot(),
        AreaStandardParameters(
            rule: AppliedRule(id: "area.per100", value: 30, unit: "m2 per 100 households", source: "test"), selection: sel))
}

@Test func areaTableAlignsChineseNames() throws {
    let text = AreaReportRendering.table(areaReport())
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var tablesChecked = 0
    for (i, line) in lines.enumerated() where !line.isEmpty && line.allSatisfy({ $0 == "-" || $0 == " " }) {
        // The rule under a header: runs of dashes mark the columns.
        let rule = Array(line)
        let starts = rule.indices.filter { rule[$0] == "-" && ($0 == 0 || rule[$0 - 1] == " ") }
        var j = i - 1  // the header, then the rows until a blank line
        var rowLines: [String] = []
        while j < lines.count && !lines[j].isEmpty { if j != i { rowLines.append(lines[j]) }; j += 1 }
        #expect(rowLines.count >= 2)
        for row in rowLines {
            let c = cells(row)
            #expect(c.count <= rule.count, "\(row)")
            for s in starts.dropFirst() where s < c.count {
                #expect(c[s - 1] == " " && c[s - 2] == " ", "column at \(s) misaligned in: \(row)")
            }
        }
        tablesChecked += 1
    }
    #expect(tablesChecked == 2)
    #expect(text.contains("西湖新村第一社区") && text.contains("EPSG:4547") && text.contains("area.per100"))
    #expect(text.contains("F2"))  // the facility outside every community is named
}

@Test func areaCSVAndGeoJSON() throws {
    let r = areaReport()
    let csv = AreaReportRendering.csv(r).split(separator: "\n").map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    #expect(csv[0] == AreaReportRendering.csvHeader)
    #expect(csv.filter { $0[0] == "community" }.count == 4 && csv.filter { $0[0] == "street" }.count == 2)
    let c2 = try #require(csv.first { $0[0] == "community" && $0[1] == "C2" })
    #expect(c2[8] == "" && c2[5] == "0")  // 0 households: no per-100 value
    let c0 = try #require(csv.first { $0[1] == "C0" })
    #expect(c0[7] == "123.46" && c0[8] == "82.30")  // 123.456 m² for 150 households

    let geo = AreaReportRendering.geojson(r, communities: areaSnapshot().communities, grids: [])
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(geo.utf8)) as? [String: Any])
    let features = try #require(doc["features"] as? [[String: Any]])
    #expect(features.count == 4)
    let byId = Dictionary(uniqueKeysWithValues: features.map { (($0["properties"] as! [String: Any])["id"] as! String, $0) })
    #expect(byId["C3"]?["geometry"] is NSNull)
    #expect((byId["C2"]?["properties"] as? [String: Any])?["area_per_100_households"] is NSNull)
    #expect((byId["C0"]?["properties"] as? [String: Any])?["deficit_m2"] as? Double == 0)
    #expect((byId["C1"]?["properties"] as? [String: Any])?["deficit_m2"] as? Double == 90)
    #expect(((byId["C0"]?["geometry"] as? [String: Any])?["type"] as? String) == "MultiPolygon")
}
