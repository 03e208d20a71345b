import GridLocale
import GridModel
/// One grid of the party plan: its organization, members, party groups, central households and coverage rates.
public struct PartyGridReport: Codable, Sendable, Hashable {
    public var id: String
    public var communityId: String
    public var households: Int
    public var partyMembers: Int
    public var probationaryMembers: Int
    public var organization: PartyOrganization
    public var jointWith: [String]?
    public var partyGroups: Int
    public var centralHouseholds: Int
    /// Households linked to a central household.
    public var linkedHouseholds: Int
    /// Households linked to a central household or living in a building of a party group.
    public var coveredHouseholds: Int
    /// 1 when the grid has its own or a joint organization, else 0.
    public var organizationCoverageRate: Double
    public var workCoverageRate: Double

    enum CodingKeys: String, CodingKey {
        case id, households, organization
        case communityId = "community_id", partyMembers = "party_members", probationaryMembers = "probationary_members"
        case jointWith = "joint_with", partyGroups = "party_groups", centralHouseholds = "central_households"
        case linkedHouseholds = "linked_households", coveredHouseholds = "covered_households"
        case organizationCoverageRate = "organization_coverage_rate", workCoverageRate = "work_coverage_rate"
    }
}

/// Organization and work coverage (两个覆盖) summed over grids: of a community or of the whole district.
public struct PartyCoverage: Codable, Sendable, Hashable {
    public var grids: Int
    public var gridsOrganized: Int
    public var organizationCoverageRate: Double
    public var households: Int
    public var coveredHouseholds: Int
    public var linkedHouseholds: Int
    public var unlinkedHouseholds: Int
    public var workCoverageRate: Double
    public var partyMembers: Int
    public var probationaryMembers: Int
    public var partyGroups: Int
    public var centralHouseholds: Int

    static let zero = PartyCoverage(
        grids: 0, gridsOrganized: 0, organizationCoverageRate: 0, households: 0, coveredHouseholds: 0,
        linkedHouseholds: 0, unlinkedHouseholds: 0, workCoverageRate: 0, partyMembers: 0,
        probationaryMembers: 0, partyGroups: 0, centralHouseholds: 0)

    mutating func add(_ o: PartyCoverage) {
        grids += o.grids; gridsOrganized += o.gridsOrganized; households += o.households
        coveredHouseholds += o.coveredHouseholds; linkedHouseholds += o.linkedHouseholds
        unlinkedHouseholds += o.unlinkedHouseholds; partyMembers += o.partyMembers
        probationaryMembers += o.probationaryMembers; partyGroups += o.partyGroups; centralHouseholds += o.centralHouseholds
        finish()
    }

    mutating func finish() {
        organizationCoverageRate = grids > 0 ? Double(gridsOrganized) / Double(grids) : 1
        workCoverageRate = households > 0 ? Double(coveredHouseholds) / Double(households) : 1
    }

    enum CodingKeys: String, CodingKey {
        case grids, households
        case gridsOrganized = "grids_organized", organizationCoverageRate = "organization_coverage_rate"
        case coveredHouseholds = "covered_households", linkedHouseholds = "linked_households"
        case unlinkedHouseholds = "unlinked_households", workCoverageRate = "work_coverage_rate"
        case partyMembers = "party_members", probationaryMembers = "probationary_members"
        case partyGroups = "party_groups", centralHouseholds = "central_households"
    }
}

/// One community of the party plan.
public struct PartyCommunityReport: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    /// The community-level organization, by all members.
    public var organization: CommunityOrganization
    public var coverage: PartyCoverage

    enum CodingKeys: String, CodingKey { case id, name, organization, coverage }
}

/// The district total of the party plan.
public struct PartyTotal: Codable, Sendable, Hashable {
    public var communities: Int
    public var communitiesByOrganization: [String: Int]
    public var coverage: PartyCoverage

    enum CodingKeys: String, CodingKey {
        case communities, coverage
        case communitiesByOrganization = "communities_by_organization"
    }
}

/// A building party group (党小组) of one grid.
public struct PartyGroupReport: Codable, Sendable, Hashable {
    public var id: String
    public var gridId: String
    public var communityId: String
    public var buildingIds: [String]
    public var members: Int
    public var formalMembers: Int
    public var households: Int

    enum CodingKeys: String, CodingKey {
        case id, members, households
        case gridId = "grid_id", communityId = "community_id", buildingIds = "building_ids", formalMembers = "formal_members"
    }
}

/// Households of a building linked to central households in another building, at that distance.
public struct LinkedBuilding: Codable, Sendable, Hashable {
    public var buildingId: String
    public var households: Int
    public var distanceM: Double
    enum CodingKeys: String, CodingKey { case households; case buildingId = "building_id", distanceM = "distance_m" }
}

/// One building of the party plan: its members, central households and links.
public struct PartyBuildingReport: Codable, Sendable, Hashable {
    public var id: String
    public var gridId: String
    public var communityId: String
    public var households: Int
    public var members: Int
    public var formalMembers: Int
    /// Member households that may serve as central households.
    public var candidateHouseholds: Int
    public var centralHouseholds: Int
    public var linkedInBuilding: Int
    /// Households of this building linked to central households in other buildings.
    public var linkedElsewhere: [LinkedBuilding]
    /// Households of other buildings linked to central households here.
    public var incomingHouseholds: Int
    public var unlinkedHouseholds: Int
    public var partyGroup: String?
    public var lon: Double
    public var lat: Double

    enum CodingKeys: String, CodingKey {
        case id, households, members, lon, lat
        case gridId = "grid_id", communityId = "community_id", formalMembers = "formal_members"
        case candidateHouseholds = "candidate_households", centralHouseholds = "central_households"
        case linkedInBuilding = "linked_in_building", linkedElsewhere = "linked_elsewhere"
        case incomingHouseholds = "incoming_households", unlinkedHouseholds = "unlinked_households", partyGroup = "party_group"
    }
}

/// A central household and the households it links (only with `--include-households`).
public struct CentralHouseholdReport: Codable, Sendable, Hashable {
    public var householdId: String
    public var buildingId: String
    public var linkedHouseholdIds: [String]
    enum CodingKeys: String, CodingKey {
        case householdId = "household_id", buildingId = "building_id", linkedHouseholdIds = "linked_household_ids"
    }
}

/// What a party shortfall is about.
public enum PartyShortfallKind: String, Codable, Sendable, CaseIterable {
    /// A grid with too few formal members and no joint branch possible with adjacent grids.
    case gridWithoutOrganization = "grid_without_organization"
    /// A building without member households, and none within reach.
    case buildingWithoutMemberInReach = "building_without_member_in_reach"
    /// Households left unlinked because the central households within reach are full.
    case householdsUnlinked = "households_unlinked"
}

/// Where the grids of a party plan came from.
public enum PartyGridSource: String, Codable, Sendable, CaseIterable {
    /// The store's grids (the buildings' grid ids).
    case store
    /// A fresh grid plan made for this report (not in the store).
    case planned
    /// The store's grids, and a fresh plan for the communities without stored grids.
    case storeAndPlanned = "store+planned"
}

/// What central-household candidates were counted from.
public enum CentralHouseholdBasis: String, Codable, Sendable, CaseIterable {
    /// The member households of households.csv rows.
    case households
    /// Building counts only: one member household per formal member assumed.
    case buildingCounts = "building_counts"
}

/// Something the network lacks.
public struct PartyShortfall: Codable, Sendable, Hashable {
    public var kind: PartyShortfallKind
    public var communityId: String
    public var gridId: String?
    public var buildingId: String?
    public var households: Int
    /// In English (the JSON contract's text, the same in every language).
    public var detail: String
    /// The same detail as a catalogue text, for a table in the reader's language (not encoded).
    public var detailText: LocalText? = nil

    /// A shortfall whose detail is a catalogue text.
    init(
        kind: PartyShortfallKind, communityId: String, gridId: String?, buildingId: String?, households: Int, detail: LocalText
    ) {
        self.kind = kind; self.communityId = communityId; self.gridId = gridId; self.buildingId = buildingId
        self.households = households; self.detail = detail.text(.en); self.detailText = detail
    }

    /// The detail in `language`.
    public func detail(_ language: Language) -> String { detailText?.text(language) ?? detail }

    enum CodingKeys: String, CodingKey {
        case kind, households, detail
        case communityId = "community_id", gridId = "grid_id", buildingId = "building_id"
    }
}

/// The result of `gridplan party plan` / `report party`.
public struct PartyPlanResult: Codable, Sendable {
    public var workingCRS: String
    public var rules: PartyRules
    public var householdsPerCenter: Int
    public var reachM: Double
    /// Where the grids came from.
    public var gridSource: PartyGridSource
    /// What the central-household candidates were counted from.
    public var candidateBasis: CentralHouseholdBasis
    public var grids: [PartyGridReport]
    public var communities: [PartyCommunityReport]
    public var total: PartyTotal
    public var partyGroups: [PartyGroupReport]
    public var buildings: [PartyBuildingReport]
    public var centralHouseholds: [CentralHouseholdReport]?
    public var shortfalls: [PartyShortfall]
    public var violations: [GridViolation]
    /// In English (the JSON contract's text, the same in every language).
    public var notes: [String]
    /// The same notes as catalogue texts, for a table in the reader's language (not encoded).
    public var noteTexts: [LocalText] = []

    /// The notes in `language`.
    public func notes(_ language: Language) -> [String] {
        noteTexts.isEmpty ? notes : noteTexts.map { $0.text(language) }
    }

    enum CodingKeys: String, CodingKey {
        case rules, grids, communities, total, buildings, shortfalls, violations, notes
        case workingCRS = "working_crs", householdsPerCenter = "households_per_center", reachM = "reach_m"
        case gridSource = "grid_source", candidateBasis = "candidate_basis", partyGroups = "party_groups"
        case centralHouseholds = "central_households"
    }
}
