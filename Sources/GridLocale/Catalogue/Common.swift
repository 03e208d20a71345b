extension Catalogue {
    /// Words shared by many outputs.
    static let common: [Message] = [
        Message("common.yes", en: "yes", zh: "是"),
        Message("common.no", en: "no", zh: "否"),
        Message("common.total", en: "Total", zh: "合计")
    ]
}
