/// A rule a plan could not meet (docs/data-format.md §3 `violations[]`).
public struct GridViolation: Codable, Sendable, Hashable {
    public var gridId: String?
    public var communityId: String
    /// Rule id from the standards (`grid.households`, `grid.whole_buildings`, `party.joint_branch`, ...).
    public var rule: String
    public var detail: String

    public init(gridId: String?, communityId: String, rule: String, detail: String) {
        self.gridId = gridId; self.communityId = communityId; self.rule = rule; self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case rule, detail
        case gridId = "grid_id", communityId = "community_id"
    }
}
