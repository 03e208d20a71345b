import GridModel

/// The numbers of the party rules, from the standards file or their defaults.
public struct PartyRules: Sendable, Hashable {
    public var branch = 3
    public var branchMax = 50
    public var jointMaxUnits = 5
    public var committee = 7
    public var generalBranch = 50
    public var baseCommittee = 100
    public var group = 3
    public var groupMinFormal = 1
    /// Households a central household links besides its own.
    public var centralHousehold = 10

    public init() {}

    public init(standards: PolicyStandards?) {
        guard let s = standards else { return }
        func v(_ id: String, _ d: Int) -> Int { Int(s.value(id, default: Double(d))) }
        branch = v("party.branch", branch)
        branchMax = v("party.branch_max", branchMax)
        jointMaxUnits = v("party.joint_branch_max_units", jointMaxUnits)
        committee = v("party.committee", committee)
        generalBranch = v("party.general_branch", generalBranch)
        baseCommittee = v("party.base_committee", baseCommittee)
        group = v("party.group", group)
        groupMinFormal = v("party.group_min_formal", groupMinFormal)
        centralHousehold = v("party.central_household", centralHousehold)
    }

    /// The organization `formal` formal members allow on their own (nil: fewer than a branch needs).
    public func ownOrganization(formal: Int) -> PartyOrganization? {
        if formal >= committee { return .branchCommittee }
        if formal >= branch { return .branch }
        return nil
    }

    /// The community-level organization for `members` members.
    public func communityOrganization(members: Int) -> CommunityOrganization {
        if members >= baseCommittee { return .baseCommittee }
        if members >= generalBranch { return .generalBranch }
        return .branch
    }
}

extension PartyRules: Codable {
    enum CodingKeys: String, CodingKey {
        case branch, committee, group
        case branchMax = "branch_max", jointMaxUnits = "joint_branch_max_units", generalBranch = "general_branch"
        case baseCommittee = "base_committee", groupMinFormal = "group_min_formal", centralHousehold = "central_household"
    }
}
