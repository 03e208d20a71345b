import Foundation

/// The one message catalogue: every text gridplan shows a person, in Chinese and English, by key.
/// Entries live in `Catalogue/` by subject (one file per section); this list names the sections.
/// A key that is not in the catalogue is a programming error caught by the catalogue tests,
/// never an English fallback at run time.
public enum Catalogue {
    /// Every section, in the order their files are listed here.
    static let sections: [[Message]] = [
        common
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
    public static func text(_ key: String, _ language: Language, _ arguments: [String: String] = [:]) -> String {
        guard let message = messages[key] else {
            assertionFailure("no message \(key) in the catalogue")
            return key
        }
        return fill(message.text(language), arguments)
    }

    /// Replaces each `{name}` in `template` by `arguments[name]`; unknown names stay as written.
    public static func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard !arguments.isEmpty, template.contains("{") else { return template }
        var result = template
        for (name, value) in arguments { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
        return result
    }
}
