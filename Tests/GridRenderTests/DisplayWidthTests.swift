import Testing

@testable import GridRender

/// Table columns are padded by display width: Unicode East Asian Wide and Fullwidth characters
/// take two terminal columns, ambiguous and narrow ones one, combining marks none.
@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("社区", 4), ("每百户服务面积", 14), ("abc", 3), ("ＡＢ", 4), ("（平方米）", 10), ("m²", 2), ("½", 1),
        ("e\u{301}", 1), ("😀", 2), ("한국", 4), ("ｶﾀｶﾅ", 4), ("C01 谌家矶社区", 14)
    ])
    func width(_ text: String, _ columns: Int) {
        #expect(TextTable.displayWidth(text) == columns, "\(text)")
    }

    @Test func chineseColumnsLineUp() {
        var t = TextTable(headers: ["社区", "户数"], alignments: [.left, .right])
        t.append(["谌家矶社区", "3072"])
        t.append(["C06", "186"])
        let lines = t.render().split(separator: "\n").map(String.init)
        let widths = lines.map(TextTable.displayWidth)
        #expect(Set(widths).count == 1, "\(lines)")
        #expect(lines[2] == "谌家矶社区  3072")
        #expect(lines[3] == "C06          186")
    }
}
