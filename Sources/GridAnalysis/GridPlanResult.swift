import GridLocale
import GridModel
/// One planned grid (docs/data-format.md §3 `grids[]`, plus extra fields).
public struct PlannedGrid: Codable, Sendable, Hashable {
    public var id: String
    public var communityId: String
    public var name: String?
    public var buildingIds: [String]
    public var households: Int
    /// Formal party members.
    public var partyMembers: Int
    public var probationaryMembers: Int
    /// The party organization the grid can have (`PartyNetwork.organizeGrids`).
    public var organization: PartyOrganization
    /// The other grids of a joint branch.
    public var jointWith: [String]?
    /// Household-weighted mean squared distance of the grid's buildings to its centre, m².
    public var compactnessM2: Double
    /// Household-weighted centre.
    public var centroid: LonLat
    /// True when the grid was kept as it was (`--keep-existing`).
    public var kept: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, households, organization, centroid, kept
        case communityId = "community_id", buildingIds = "building_ids", partyMembers = "party_members"
        case probationaryMembers = "probationary_members", jointWith = "joint_with", compactnessM2 = "compactness_m2"
    }
}

/// Per-community summary of a plan.
public struct CommunityGridSummary: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    public var buildings: Int
    public var households: Int
    public var grids: Int
    public var gridsWithinBounds: Int
    /// Household-weighted mean squared distance to the grid centres over the community, m².
    public var compactnessM2: Double
    public var keptGrids: Int
    public var movedBuildings: Int

    enum CodingKeys: String, CodingKey {
        case id, name, buildings, households, grids
        case gridsWithinBounds = "grids_within_bounds", compactnessM2 = "compactness_m2"
        case keptGrids = "kept_grids", movedBuildings = "moved_buildings"
    }
}

/// The result of `gridplan grids plan` (docs/data-format.md §3).
public struct GridPlanResult: Codable, Sendable {
    public var minHouseholds: Int
    public var maxHouseholds: Int
    public var workingCRS: String
    public var method: GridPlanMethod
    public var grids: [PlannedGrid]
    public var violations: [GridViolation]
    public var communities: [CommunityGridSummary]
    /// Buildings whose grid changed (with `--keep-existing`; nil otherwise).
    public var movedBuildings: Int?
    /// Advice that is not a violation (grids with more than 50 members, ...).
    /// In English (the JSON contract's text, the same in every language).
    public var notes: [String]
    /// The same notes as catalogue texts, for a table in the reader's language (not encoded).
    public var noteTexts: [LocalText] = []

    /// The notes in `language`.
    public func notes(_ language: Language) -> [String] {
        noteTexts.isEmpty ? notes : noteTexts.map { $0.text(language) }
    }
    /// Whether the plan was written to the store.
    public var applied: Bool

    enum CodingKeys: String, CodingKey {
        case grids, violations, communities, method, notes, applied
        case minHouseholds = "min_households", maxHouseholds = "max_households", workingCRS = "working_crs"
        case movedBuildings = "moved_buildings"
    }

    /// Share of grids whose households are within the bounds.
    public var shareWithinBounds: Double {
        grids.isEmpty
            ? 1
            : Double(grids.filter { $0.households >= minHouseholds && $0.households <= maxHouseholds }.count)
                / Double(grids.count)
    }

    /// Household-weighted mean squared distance to the grid centre over all grids, m².
    public var meanCompactnessM2: Double {
        let h = grids.reduce(0) { $0 + $1.households }
        guard h > 0 else { return 0 }
        return grids.reduce(0.0) { $0 + $1.compactnessM2 * Double($1.households) } / Double(h)
    }
}
