import GridGeo
import GridModel

/// One building's nearest counted facility and whether some counted facility reaches it.
public struct BuildingCoverage: Codable, Sendable, Hashable {
    public var id: String
    public var communityId: String
    public var gridId: String?
    public var households: Int
    /// Nearest counted facility (nil when none, or none within the network cutoff).
    public var nearestFacilityId: String?
    /// Distance to it, metres, rounded to 0.1 m.
    public var distanceM: Double?
    /// True when some counted facility f lies within reach(f) (not only the nearest one).
    public var covered: Bool
    /// The nearest facility that covers the building, when covered.
    public var coveringFacilityId: String?
    public var coveringDistanceM: Double?
    /// Network method: straight-line distance from the building to the walking network.
    public var accessDistanceM: Double?
    /// Accessibility score, m² of counted usable area per 100 households (when asked).
    public var accessibilityM2Per100Households: Double?
    public var lon: Double
    public var lat: Double

    enum CodingKeys: String, CodingKey {
        case id, households, covered, lon, lat
        case communityId = "community_id"
        case gridId = "grid_id"
        case nearestFacilityId = "nearest_facility_id"
        case distanceM = "distance_m"
        case coveringFacilityId = "covering_facility_id"
        case coveringDistanceM = "covering_distance_m"
        case accessDistanceM = "access_distance_m"
        case accessibilityM2Per100Households = "accessibility_m2_per_100_households"
    }
}

/// Coverage of one community, street or grid.
public struct CoverageRate: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    /// For grids: the community the grid lies in.
    public var communityId: String?
    public var households: Int
    public var coveredHouseholds: Int
    /// covered ÷ households, 4 decimals (0 when there are no households).
    public var coverageRate: Double
    public var buildings: Int
    public var coveredBuildings: Int

    enum CodingKeys: String, CodingKey {
        case id, name, households, buildings
        case communityId = "community_id"
        case coveredHouseholds = "covered_households"
        case coverageRate = "coverage_rate"
        case coveredBuildings = "covered_buildings"
    }
}

/// Totals over all buildings.
public struct CoverageTotal: Codable, Sendable, Hashable {
    public var households: Int
    public var coveredHouseholds: Int
    public var coverageRate: Double
    public var buildings: Int
    public var coveredBuildings: Int
    public var countedFacilities: Int

    enum CodingKeys: String, CodingKey {
        case households, buildings
        case coveredHouseholds = "covered_households"
        case coverageRate = "coverage_rate"
        case coveredBuildings = "covered_buildings"
        case countedFacilities = "counted_facilities"
    }
}

/// The result of `gridplan coverage` (docs/data-format.md §3, plus streets, grids, reach and more).
public struct CoverageResult: Codable, Sendable {
    /// Reach of community- and grid-level facilities (the chosen radius), metres.
    public var radiusM: Double
    public var method: CoverageMethod
    public var workingCRS: String
    /// Reach per facility level, metres (`street` is the 15-minute circle).
    public var reach: [String: Double]
    /// Single-linkage distance used for the gap clusters, metres.
    public var linkM: Double
    public var buildings: [BuildingCoverage]
    public var communities: [CoverageRate]
    public var streets: [CoverageRate]
    public var grids: [CoverageRate]
    public var total: CoverageTotal
    /// Under-served neighbourhoods: clusters of uncovered buildings, most households first.
    public var gaps: [GapCluster]
    /// Network method: buildings farther than the largest reach from every walkable road.
    public var unreachableBuildingIds: [String]?
    /// Network method: counted facilities farther than the largest reach from every walkable road.
    public var unattachedFacilityIds: [String]?
    public var accessibility: AccessibilitySummary?

    enum CodingKeys: String, CodingKey {
        case method, reach, buildings, communities, streets, grids, total, gaps, accessibility
        case radiusM = "radius_m"
        case workingCRS = "working_crs"
        case linkM = "link_m"
        case unreachableBuildingIds = "unreachable_building_ids"
        case unattachedFacilityIds = "unattached_facility_ids"
    }
}

/// Per-building distances before rounding: facility indices into `snapshot.facilities`, -1 for none.
public struct FacilityDistances: Sendable, Hashable {
    public var nearest: Int32 = -1
    public var nearestDistance: Double = .infinity
    public var covering: Int32 = -1
    public var coveringDistance: Double = .infinity
    public init() {}
    public var covered: Bool { covering >= 0 }
}
