/// The language of a document handed out at a meeting (the SVG map, the HTML report): Chinese
/// and English side by side, Chinese first (the default, as these documents always were), or
/// one language when `--lang` (or the `lang` parameter) names it. `GRIDPLAN_LANG` and the locale
/// choose the language of what the command says on the terminal, not of the document.
public enum DocumentLanguage: Sendable, Equatable {
    case both
    case only(Language)

    /// The catalogue's text of `key`: `zh en` side by side, or one of them.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        switch self {
        case .both: Catalogue.text(key, .zh, arguments) + " " + Catalogue.text(key, .en, arguments)
        case .only(let language): Catalogue.text(key, language, arguments)
        }
    }

    /// The language for texts that exist once (numbers with units, notes): English unless Chinese only.
    public var single: Language {
        if case .only(let l) = self { return l }
        return .en
    }
}
