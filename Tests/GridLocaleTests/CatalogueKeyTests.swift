import Foundation
import GridAnalysis
import GridModel
import GridService
import Testing

@testable import GridLocale

/// A missing translation is a test failure, never a run-time fallback: every key the sources
/// name, and every key made from a declaration, is in the catalogue with both languages.
@Suite struct CatalogueKeyTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// The first segment of every catalogue key; a string literal starting with one of these and
    /// a dot, made only of key characters, is a key.
    static var prefixes: Set<String> { Set(Catalogue.messages.keys.map { String($0.split(separator: ".")[0]) }) }

    /// Every string literal in `Sources/` (outside the catalogue itself) that looks like a key.
    static func keyLiterals() throws -> [(file: String, key: String)] {
        let pattern = try NSRegularExpression(pattern: #""([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)""#)
        var found: [(String, String)] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" && !url.path.contains("/GridLocale/Catalogue/") {
            let text = try String(contentsOf: url, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(m.range(at: 1), in: text)!])
                if prefixes.contains(String(key.split(separator: ".")[0])) { found.append((url.lastPathComponent, key)) }
            }
        }
        return found
    }

    @Test func everyKeyNamedInTheSourcesExists() throws {
        let literals = try Self.keyLiterals()
        #expect(literals.count > 100, "the scan found too few keys to be working")
        for (file, key) in literals {
            #expect(Catalogue.has(key), "\(file): no message \(key) in the catalogue")
        }
    }

    @Test func everyOptionAndOperationHasHelpInBothLanguages() {
        for op in OperationCatalogue.all {
            #expect(Catalogue.has("help.\(op.method).summary"), "\(op.method): no summary")
            if !op.discussion.isEmpty { #expect(Catalogue.has("help.\(op.method).discussion"), "\(op.method): no discussion") }
            for field in op.fields {
                #expect(Catalogue.has(field.resolvedHelpKey), "\(op.method): no help for \(field.name)")
                // A field's own help, or the shared one, but never another method's.
                #expect(
                    field.resolvedHelpKey == "help.\(op.method).\(field.name)"
                        || field.resolvedHelpKey == "help.shared.\(field.name)")
                if Catalogue.has(field.resolvedHelpKey) {
                    #expect(field.help(in: .zh) != field.help(in: .en), "\(op.method).\(field.name): Chinese help is the English")
                }
            }
        }
        for group in OperationCatalogue.groups {
            #expect(Catalogue.has("help.group.\(group.path.joined(separator: "."))"))
        }
    }

    /// Keys made from an enumeration's raw values (`value.unit_kind.<kind>`) exist for every case.
    @Test func everyEnumeratedValueHasItsName() {
        for kind in UnitKind.allCases { #expect(Catalogue.has("value.unit_kind.\(kind.rawValue)"), "\(kind)") }
        for role in ContactRole.allCases { #expect(Catalogue.has("value.role.\(role.rawValue)"), "\(role)") }
        for move in ["up", "down", "same", "new"] { #expect(Catalogue.has("value.move.\(move)")) }
        for kind in PartyShortfallKind.allCases { #expect(Catalogue.has("shortfall.kind.\(kind.rawValue)"), "\(kind)") }
        for org in PartyOrganization.allCases { #expect(Catalogue.has("html.org.\(org.rawValue)"), "\(org)") }
    }

    @Test func chineseTextIsChinese() {
        // Every message has Chinese characters in its Chinese text, or is the same as the English
        // only when it holds nothing to translate (placeholders, symbols, names).
        for (key, m) in Catalogue.messages {
            let han = m.zh.unicodeScalars.contains {
                (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value)
                    || (0xFF00...0xFFEF).contains($0.value)
            }
            let letters = Catalogue.pieces(m.en).contains {
                if case .literal(let t) = $0 {
                    return t.unicodeScalars.contains { CharacterSet.letters.contains($0) && $0.isASCII }
                }
                return false
            }
            #expect(han || !letters || m.zh == m.en && !letters, "\(key): the Chinese text has no Chinese")
        }
    }
}
