import Foundation

/// The one message catalogue: every text gridplan shows a person, in Chinese and English, by key.
/// Entries live in `Catalogue/` by subject (one file per section); this list names the sections.
/// A key that is not in the catalogue is a programming error caught by the catalogue tests,
/// never an English fallback at run time.
public enum Catalogue {
    /// Every section, in the order their files are listed here.
    static let sections: [[Message]] = [
        common, help, errors, areaTables, sitingTables, coverageTables, importProblems, underservedTables,
        gridAndPartyTables, complianceTables, storeSummaries, usageErrors, usageErrorsMore,
        outputFiles, notes, mapTexts, reportTexts, csvHeaders, csvHeadersHelp,
        tableValues, assistant, workbook, siting, progress,
        // issue #17's last English: file syntax, geometry and dataset-file problems, crs convert and
        // the standards file, service texts, the C libraries' failures
        fileSyntax, geometryProblems, datasetFiles, conversionAndStandards, serviceTexts, libraryErrors,
        postgis, postgisAccess, web, webFiles,
        // issue #16: what-if scenarios
        scenarios
    ]

    /// Every message by key.
    public static let messages: [String: Message] = {
        var table: [String: Message] = [:]
        for section in sections {
            for message in section {
                precondition(table[message.key] == nil, "duplicate message key \(message.key)")
                table[message.key] = message
            }
        }
        return table
    }()

    /// The text of `key` in `language` with each `{name}` replaced by `arguments[name]`.
    ///
    /// A key that is not in the catalogue stops the program in every build: it is a programming
    /// error, never shown as the key or as English. `CatalogueKeyTests` finds every key literal
    /// in `Sources/` (`Catalogue.text("…"` and `.tr("…"`) and every key made from a declaration
    /// or an enumeration, so a missing message fails the tests, not a user's run.
    public static func text(_ key: String, _ language: Language, _ arguments: [String: String] = [:]) -> String {
        guard let message = messages[key] else {
            preconditionFailure("no message \(key) in the catalogue (see Sources/GridLocale/Catalogue/)")
        }
        return fill(message.text(language), arguments)
    }

    /// Whether `key` names a message.
    public static func has(_ key: String) -> Bool { messages[key] != nil }

    /// Replaces each `{name}` in `template` by `arguments[name]` in one left-to-right pass, so a
    /// value that itself contains braces is never substituted again; unknown names stay as written.
    public static func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard !arguments.isEmpty, template.contains("{") else { return template }
        var result = ""
        for piece in pieces(template) {
            switch piece {
            case .literal(let text): result += text
            case .placeholder(let name): result += arguments[name] ?? "{\(name)}"
            }
        }
        return result
    }

    /// A template's parts: literal text and `{name}` placeholders (a name is letters, digits and `_`).
    public enum Piece: Equatable, Sendable {
        case literal(String)
        case placeholder(String)
    }

    /// Splits `template` into literal text and `{name}` placeholders, left to right.
    public static func pieces(_ template: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var index = template.startIndex
        while index < template.endIndex {
            if template[index] == "{", let close = template[index...].firstIndex(of: "}") {
                let name = template[template.index(after: index)..<close]
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                    if !literal.isEmpty { pieces.append(.literal(literal)) }
                    literal = ""
                    pieces.append(.placeholder(String(name)))
                    index = template.index(after: close)
                    continue
                }
            }
            literal.append(template[index])
            index = template.index(after: index)
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }
}
