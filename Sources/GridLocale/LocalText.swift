/// A catalogue message with its placeholder values, kept until it is shown so that it can be
/// written in the reader's language (a dataset problem, an under-served reason, a plan note).
/// A placeholder's value is plain text (`arguments`) or itself a message (`parts`), written in
/// the same language.
public struct LocalText: Sendable, Hashable {
    public var key: String
    public var arguments: [String: String]
    /// Placeholder values that are messages of their own.
    public var parts: [String: LocalText]
    public init(_ key: String, _ arguments: [String: String] = [:], parts: [String: LocalText] = [:]) {
        self.key = key
        self.arguments = arguments
        self.parts = parts
    }
    /// The text in `language`.
    public func text(_ language: Language) -> String {
        guard !parts.isEmpty else { return Catalogue.text(key, language, arguments) }
        var filled = arguments
        for (name, part) in parts { filled[name] = part.text(language) }
        return Catalogue.text(key, language, filled)
    }
}
