import GridLocale

/// Enumerated values as a table shows them: the contract's name in English, the catalogue's
/// Chinese name (`value.<group>.<raw>`) in Chinese when it has one, else the contract's name
/// (an identifier such as a candidate kind read from the dataset).
enum TableValues {
    static func name(_ group: String, _ raw: String, _ l: Language) -> String {
        l == .en || !Catalogue.has("value.\(group).\(raw)") ? raw : l.tr("value.\(group).\(raw)")
    }
}
