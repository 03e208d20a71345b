/// One entry of the message catalogue: a stable key and its text in every language.
/// Placeholders are written `{name}` and must be the same set in both languages.
public struct Message: Sendable {
    public let key: String
    public let en: String
    public let zh: String

    public init(_ key: String, en: String, zh: String) {
        self.key = key
        self.en = en
        self.zh = zh
    }

    /// The text in `language`, placeholders not yet filled.
    public func text(_ language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }
}
