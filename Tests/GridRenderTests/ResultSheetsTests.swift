import Foundation
import GridFormats
import GridLocale
import GridXLSX
import Testing
@testable import GridRender

/// A result's JSON as sheets: hand-made documents with the sheets worked out by hand.
struct ResultSheetsTests {
    static let document = """
        {"count": 2, "radius_m": 500, "total": {"households": 30, "coverage_rate": 0.9814},
         "notes": ["a", "b"],
         "communities": [
           {"id": "C2", "name": "喆园社区", "households": 10, "deficit_m2": 12.5, "meets": false,
            "figures": {"area": 100}, "grids": [{"id": "G1", "households": 4}, {"id": "G2", "households": 6}]},
           {"id": "C1", "name": "堃苑社区", "households": 20, "deficit_m2": 0, "meets": true, "figures": {"area": 250.25},
            "grids": []}
         ],
         "empty": []}
        """

    @Test func summaryListsAndChildLists() throws {
        let sheets = ResultSheets.sheets(try JSONParser.parse(Self.document), about: [("report", "gridplan x")], language: .en)
        #expect(sheets.map(\.name) == ["summary", "communities", "communities.grids"])

        let summary = sheets[0]
        #expect(summary.headers == ["field", "value"])
        #expect(
            summary.rows == [
                [.text("report"), .text("gridplan x")], [.text("count"), .number(2, decimals: 0)],
                [.text("radius_m"), .number(500, decimals: 0)], [.text("total.households"), .number(30, decimals: 0)],
                [.text("total.coverage_rate"), .number(0.9814, decimals: 4)], [.text("notes"), .text("a; b")],
                [.text("empty"), .text("")]
            ])

        let communities = sheets[1]
        #expect(communities.headers == ["id", "name", "households", "deficit_m2", "meets", "figures.area"])
        #expect(
            communities.rows == [
                [
                    .text("C2"), .text("喆园社区"), .number(10, decimals: 0), .number(12.5, decimals: 1), .boolean(false),
                    .number(100, decimals: 2)
                ],
                [
                    .text("C1"), .text("堃苑社区"), .number(20, decimals: 0), .number(0, decimals: 1), .boolean(true),
                    .number(250.25, decimals: 2)
                ]
            ])
        let grids = sheets[2]
        #expect(grids.headers == ["community_id", "id", "households"])
        #expect(
            grids.rows == [
                [.text("C2"), .text("G1"), .number(4, decimals: 0)], [.text("C2"), .text("G2"), .number(6, decimals: 0)]
            ])
    }

    @Test func decimalsFromTheNumbersText() {
        #expect(ResultSheets.decimals("12") == 0)
        #expect(ResultSheets.decimals("12.50") == 2)
        #expect(ResultSheets.decimals("1.5e-07") == 8)
        #expect(ResultSheets.decimals("2e3") == 0)
        #expect(ResultSheets.decimals("0.123456789012345") == 10)
    }

    @Test func chineseHeadersAndSheetNames() throws {
        let sheets = ResultSheets.sheets(try JSONParser.parse(Self.document), about: [], language: .zh)
        #expect(sheets.map(\.name) == ["概况", "社区", "社区.网格"])
        #expect(sheets[1].headers == ["编号", "名称", "户数", "缺口(平方米)", "meets", "figures.area"])
        #expect(sheets[0].rows.first == [.text("数量"), .number(2, decimals: 0)])
    }

    /// Every field of data-format §6 is headed, in Chinese, by the first name the section lists,
    /// so a Chinese sheet reads back through the import's aliases.
    @Test func chineseFieldHeadersAreTheFirstNamesOfDataFormat6() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/data-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## 6.").last)
        var checked = 0
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let fields = cells[0].components(separatedBy: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }
            let names = cells[1].components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for (i, field) in fields.enumerated() {
                // `lon`, `lat` | 经度, 纬度: one name each, in order.
                let expected = fields.count > 1 ? names[i] : names[0]
                #expect(WorkbookHeaders.header(field, .zh) == expected, "\(field)")
                #expect(WorkbookHeaders.header(field, .en) == field)
                checked += 1
            }
        }
        #expect(checked == 24)
    }

    @Test func sheetWidthsCountCJKTwice() {
        let sheet = Sheet(
            name: "t", headers: ["id", "名称"], rows: [[.text("C1"), .text("堃苑社区")], [.number(12345.678, decimals: 3)]])
        #expect(sheet.columnWidths == [11, 10])
        #expect(Sheet.displayWidth("堃苑a") == 5)
        #expect(Sheet.validName("a/b[c]:d*e?f\\g") == "a_b_c__d_e_f_g")
        #expect(Sheet.validName(String(repeating: "网", count: 40)).count == 31)
    }
}
