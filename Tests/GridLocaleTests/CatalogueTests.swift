import Testing

@testable import GridLocale

@Suite struct CatalogueTests {
    /// `{name}` placeholders of a template, as `Catalogue.fill` sees them.
    static func placeholders(_ text: String) -> Set<String> {
        Set(
            Catalogue.pieces(text).compactMap {
                if case .placeholder(let name) = $0 { return name }
                return nil
            })
    }

    @Test func everyMessageHasBothLanguagesAndTheSamePlaceholders() {
        #expect(!Catalogue.messages.isEmpty)
        for (key, message) in Catalogue.messages {
            #expect(!message.en.isEmpty, "\(key): English text is empty")
            #expect(!message.zh.isEmpty, "\(key): Chinese text is empty")
            #expect(
                Self.placeholders(message.en) == Self.placeholders(message.zh),
                "\(key): placeholders differ between English and Chinese")
        }
    }

    @Test func keysAreUniqueAcrossSections() {
        let count = Catalogue.sections.reduce(0) { $0 + $1.count }
        #expect(count == Catalogue.messages.count)
    }

    @Test func languageFollowsOptionThenGridplanLangThenLocale() throws {
        #expect(try Language.resolve(option: "en", environment: ["LANG": "zh_CN.UTF-8"]) == .en)
        #expect(try Language.resolve(option: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(try Language.resolve(option: nil, environment: ["GRIDPLAN_LANG": "en", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(try Language.resolve(option: nil, environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(try Language.resolve(option: nil, environment: ["LC_MESSAGES": "zh_TW.UTF-8"]) == .zh)
        #expect(try Language.resolve(option: nil, environment: [:]) == .en)
        #expect(throws: LanguageError.self) { try Language.resolve(option: "fr", environment: [:]) }
    }

    @Test func fillReplacesNamedPlaceholders() {
        #expect(Catalogue.fill("{file}:{line}: {field}", ["file": "a.csv", "line": "3", "field": "户数"]) == "a.csv:3: 户数")
        #expect(Catalogue.text("common.yes", .zh) == "是")
        // One pass: a value holding braces is not substituted again, and an unknown name stays.
        #expect(Catalogue.fill("{a} {b} {c}", ["a": "{b}", "b": "x"]) == "{b} x {c}")
        #expect(Catalogue.fill("{ not a name }", ["not": "x"]) == "{ not a name }")
    }
}
