/// The organization at community level, by all members (formal and probationary).
public enum CommunityOrganization: String, Codable, Sendable, CaseIterable {
    /// ≥ 100 members (party.base_committee).
    case baseCommittee = "base_committee"
    /// 50–99 members (party.general_branch).
    case generalBranch = "general_branch"
    /// Fewer than 50.
    case branch
}
