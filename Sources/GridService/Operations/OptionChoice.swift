import GridLocale
/// An enumerated option value (`--objective cover`, `"decay": "gaussian"`): the values a field
/// accepts are the cases' raw values, listed in help, OpenRPC `enum`s and error messages.
public protocol OptionChoice: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {
    /// The case a given text names, or nil. By default the raw value, case-insensitively;
    /// a choice with aliases (`2sfca` for `none`) overrides it.
    static func choice(parsing text: String) -> Self?
    /// How the case is listed after "expected" (`none (2SFCA)`); by default the raw value.
    var choiceLabel: String { get }
}

extension OptionChoice {
    public static func choice(parsing text: String) -> Self? {
        Self(rawValue: text) ?? Self(rawValue: text.lowercased())
    }

    public var choiceLabel: String { rawValue }

    /// The choices as a field kind holds them.
    public static var choiceSet: ChoiceSet {
        ChoiceSet(
            values: allCases.map(\.rawValue), labels: allCases.map(\.choiceLabel),
            canonical: { Self.choice(parsing: $0)?.rawValue })
    }
}

/// The values of an enumerated field, without its Swift type: raw values (for JSON Schema
/// `enum`), labels (for "expected a, b or c") and the parser of a given text.
public struct ChoiceSet: Sendable {
    public let values: [String]
    public let labels: [String]
    /// The raw value a given text names, or nil.
    public let canonical: @Sendable (String) -> String?

    /// A fixed list of names, matched exactly.
    public init(names: [String]) {
        values = names; labels = names
        canonical = { names.contains($0) ? $0 : nil }
    }

    public init(values: [String], labels: [String], canonical: @escaping @Sendable (String) -> String?) {
        self.values = values; self.labels = labels; self.canonical = canonical
    }

    /// "a, b or c".
    public var expectedText: String { Self.alternatives(labels) }

    /// "a, b or c" in `language` ("a、b 或 c").
    public func expectedText(_ language: Language) -> String { Self.alternatives(labels, language) }

    /// Joins `items` as "a, b or c" in `language`.
    public static func alternatives(_ items: [String], _ language: Language) -> String {
        guard language != .en else { return alternatives(items) }
        let or = language.tr("common.or")
        return items.count <= 1 ? items.joined() : items.dropLast().joined(separator: "、") + " \(or) " + items.last!
    }

    /// Joins `items` as "a, b or c".
    public static func alternatives(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}
