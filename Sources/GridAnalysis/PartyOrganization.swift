/// The party organization a grid can have (中国共产党支部工作条例（试行）).
public enum PartyOrganization: String, Codable, Sendable, CaseIterable {
    /// ≥ 7 formal members: a branch with a branch committee (party.committee).
    case branchCommittee = "branch_committee"
    /// 3–6 formal members: a branch with a secretary (party.branch).
    case branch
    /// Fewer than 3: a joint branch with adjacent grids (party.joint_branch_max_units, at most 5 grids).
    case jointBranch = "joint_branch"
    /// No organization possible.
    case none
}
