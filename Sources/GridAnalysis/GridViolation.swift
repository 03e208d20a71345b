import GridLocale
import GridModel

/// A rule a plan could not meet (docs/data-format.md §3 `violations[]`).
public struct GridViolation: Codable, Sendable, Hashable {
    public var gridId: String?
    public var communityId: String
    /// Rule id from the standards (`grid.households`, `grid.whole_buildings`, `party.joint_branch`, ...).
    public var rule: String
    /// In English (the JSON contract's text, the same in every language).
    public var detail: String
    /// The same detail as a catalogue text, for a table in the reader's language (not encoded).
    public var detailText: LocalText?

    public init(gridId: String?, communityId: String, rule: String, detail: String) {
        self.gridId = gridId; self.communityId = communityId; self.rule = rule; self.detail = detail
    }

    /// A violation whose detail is a catalogue text.
    public init(gridId: String?, communityId: String, rule: String, detail: LocalText) {
        self.init(gridId: gridId, communityId: communityId, rule: rule, detail: detail.text(.en))
        self.detailText = detail
    }

    /// The detail in `language`.
    public func detail(_ language: Language) -> String { detailText?.text(language) ?? detail }

    enum CodingKeys: String, CodingKey {
        case rule, detail
        case gridId = "grid_id", communityId = "community_id"
    }
}
