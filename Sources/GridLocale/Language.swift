import Foundation

/// The language of everything gridplan says to a person: tables, messages, errors, help, maps,
/// reports, the workspace page and assistant summaries. JSON keys and the default CSV headers are
/// the contract's English names in every language.
public enum Language: String, CaseIterable, Codable, Sendable {
    case zh
    case en

    /// The language asked for by `option` (`--lang`), else `GRIDPLAN_LANG`, else the locale
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set: `zh*` → Chinese), else English.
    /// Throws when `option` or `GRIDPLAN_LANG` names a language other than zh or en.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> Language
    {
        if let option, !option.isEmpty { return try parse(option, source: "--lang") }
        if let value = environment["GRIDPLAN_LANG"], !value.isEmpty { return try parse(value, source: "GRIDPLAN_LANG") }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }

    /// `zh`, `zh_CN`, `zh-Hans`, `en`, `en_US.UTF-8` and the like.
    static func parse(_ text: String, source: String) throws -> Language {
        let lowered = text.lowercased()
        if lowered.hasPrefix("zh") { return .zh }
        if lowered.hasPrefix("en") { return .en }
        throw LanguageError(source: source, value: text)
    }
}

/// A language name that is neither Chinese nor English.
public struct LanguageError: Error, CustomStringConvertible, Sendable {
    public let source: String
    public let value: String
    public var description: String { "\(source): unknown language \"\(value)\" (expected zh or en)" }
}

extension Language {
    /// The catalogue's text of `key` in this language, `{name}` placeholders filled from `arguments`.
    public func tr(_ key: String, _ arguments: [String: String] = [:]) -> String {
        Catalogue.text(key, self, arguments)
    }

    /// The catalogue's text of `key` whose placeholders are filled from `arguments`, each value
    /// already a string or described (`Int`, `Double` as written by the caller).
    public func tr(_ key: String, _ arguments: [String: any CustomStringConvertible]) -> String {
        Catalogue.text(key, self, arguments.mapValues { $0.description })
    }

    /// The language's own name for the `--lang` choice (`zh`, `en`).
    public var code: String { rawValue }
}
