/// A catalogue message with its placeholder values, kept until it is shown so that it can be
/// written in the reader's language (a dataset problem, an under-served reason, a plan note).
public struct LocalText: Sendable, Hashable {
    public var key: String
    public var arguments: [String: String]
    public init(_ key: String, _ arguments: [String: String] = [:]) { self.key = key; self.arguments = arguments }
    /// The text in `language`.
    public func text(_ language: Language) -> String { Catalogue.text(key, language, arguments) }
}
