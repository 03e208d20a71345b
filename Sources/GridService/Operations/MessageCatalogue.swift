/// The user-facing texts of the declarations by stable key, so that a catalogue in another
/// language can replace the English declared with each operation and field, chosen at run
/// time. Keys: `<method>.summary`, `<method>.discussion`, and each field's `helpKey`
/// (`<method>.<field>`, e.g. `site.radius`).
public struct MessageCatalogue: Sendable {
    /// Replacements by key; a key not listed keeps the declared English.
    public var texts: [String: String]

    public init(texts: [String: String] = [:]) { self.texts = texts }

    /// The texts as declared.
    public static let english = MessageCatalogue()

    public func help(_ field: OptionField) -> String { texts[field.helpKey] ?? field.help }

    public func summary(_ operation: OperationDeclaration) -> String { texts["\(operation.method).summary"] ?? operation.summary }

    public func discussion(_ operation: OperationDeclaration) -> String {
        texts["\(operation.method).discussion"] ?? operation.discussion
    }
}
