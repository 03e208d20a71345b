import Foundation
import GridGeo
import GridModel

/// The figures of one area (community, grid, street or the total). Areas are exact here;
/// JSON rounds them to 2 decimals.
public struct AreaFigures: Sendable, Hashable {
    public var households: Int
    /// Usable area of the counted facilities attributed here, m².
    public var facilityArea: Double
    /// Required area, households × standard / 100, m².
    public var requiredArea: Double
    /// For a community or grid: max(0, required − area). For a street or the total: the
    /// **sum of its communities' deficits** (a surplus in one community does not fill
    /// another's gap); the pooled figure is `netDeficit`.
    public var deficit: Double

    /// m² per 100 households; nil when there are no households (no division by zero).
    public var areaPer100: Double? {
        households > 0 ? facilityArea / Double(households) * 100 : nil
    }
    /// max(0, required − area) over the whole aggregate, as if area could move freely between communities.
    public var netDeficit: Double { AreaFigures.shortfall(required: requiredArea, area: facilityArea) }
    /// No deficit (for a street or the total: every community meets the standard).
    public var meetsStandard: Bool { deficit == 0 }

    public init(households: Int, facilityArea: Double, requiredArea: Double, deficit: Double) {
        self.households = households; self.facilityArea = facilityArea
        self.requiredArea = requiredArea; self.deficit = deficit
    }

    /// Required area minus area, or 0 when the area suffices (a relative tolerance of 1e-12
    /// absorbs rounding of `households × standard / 100`).
    public static func shortfall(required: Double, area: Double) -> Double {
        let d = required - area
        return d > 1e-12 * max(1, required) ? d : 0
    }
}

/// One community's line of the report.
public struct AreaCommunityRow: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    public var street: String?
    public var facilityCount: Int
    public var figures: AreaFigures
    public var meetsStandard: Bool { figures.meetsStandard }

    public init(id: String, name: String?, street: String?, facilityCount: Int, figures: AreaFigures) {
        self.id = id; self.name = name; self.street = street; self.facilityCount = facilityCount; self.figures = figures
    }

    public func encode(to encoder: Encoder) throws {
        try AreaLineKey.encodeLine(
            to: encoder, id: id, name: name, label: .street, street,
            facilityCount: facilityCount, figures: figures)
    }

    public init(from decoder: Decoder) throws {
        let line = try AreaLineKey.decodeLine(from: decoder, label: .street)
        self.init(id: line.id, name: line.name, street: line.label, facilityCount: line.facilityCount, figures: line.figures)
    }
}

/// One grid's line (`--by grid`).
public struct AreaGridRow: Codable, Sendable, Hashable {
    public var id: String
    public var communityId: String?
    public var name: String?
    public var facilityCount: Int
    public var figures: AreaFigures
    public var meetsStandard: Bool { figures.meetsStandard }

    public init(id: String, communityId: String?, name: String?, facilityCount: Int, figures: AreaFigures) {
        self.id = id; self.communityId = communityId; self.name = name; self.facilityCount = facilityCount; self.figures = figures
    }

    public func encode(to encoder: Encoder) throws {
        try AreaLineKey.encodeLine(
            to: encoder, id: id, name: name, label: .communityId, communityId,
            facilityCount: facilityCount, figures: figures)
    }

    public init(from decoder: Decoder) throws {
        let line = try AreaLineKey.decodeLine(from: decoder, label: .communityId)
        self.init(id: line.id, communityId: line.label, name: line.name, facilityCount: line.facilityCount, figures: line.figures)
    }
}

/// Figures summed over a street's communities, or over all communities (the total).
public struct AreaAggregateRow: Codable, Sendable, Hashable {
    /// The street (街道) name; nil for communities without a street, and in the total.
    public var street: String?
    public var communityCount: Int
    public var communitiesMeetingStandard: Int
    public var facilityCount: Int
    /// `deficit` is the sum of the communities' deficits; `netDeficit` the pooled shortfall.
    public var figures: AreaFigures

    public init(street: String?, communityCount: Int, communitiesMeetingStandard: Int, facilityCount: Int, figures: AreaFigures) {
        self.street = street; self.communityCount = communityCount
        self.communitiesMeetingStandard = communitiesMeetingStandard; self.facilityCount = facilityCount
        self.figures = figures
    }

    /// Whether to write the `street` key (streets: yes, the total: no).
    var writesStreet = true

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: AreaLineKey.self)
        if writesStreet { try c.encode(street, forKey: .street) }
        try c.encode(communityCount, forKey: .communityCount)
        try c.encode(communitiesMeetingStandard, forKey: .communitiesMeetingStandard)
        try c.encode(facilityCount, forKey: .facilityCount)
        try figures.encode(into: &c)
        try c.encode(rounded(figures.netDeficit, 2), forKey: .netDeficit)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AreaLineKey.self)
        street = try c.decodeIfPresent(String.self, forKey: .street)
        writesStreet = c.contains(.street)
        communityCount = try c.decode(Int.self, forKey: .communityCount)
        communitiesMeetingStandard = try c.decode(Int.self, forKey: .communitiesMeetingStandard)
        facilityCount = try c.decode(Int.self, forKey: .facilityCount)
        figures = try AreaFigures(from: c)
    }

    public static func == (a: AreaAggregateRow, b: AreaAggregateRow) -> Bool {
        a.street == b.street && a.communityCount == b.communityCount
            && a.communitiesMeetingStandard == b.communitiesMeetingStandard
            && a.facilityCount == b.facilityCount && a.figures == b.figures
    }
    public func hash(into h: inout Hasher) { h.combine(street); h.combine(figures) }
}

/// The JSON keys of the report's lines (docs/data-format.md §3): a community, grid, street or the
/// total writes the keys it has.
enum AreaLineKey: String, CodingKey {
    case id, name, street, households
    case communityId = "community_id"
    case facilityCount = "facility_count"
    case facilityArea = "facility_area_m2"
    case areaPer100 = "area_per_100_households"
    case requiredArea = "required_area_m2"
    case deficit = "deficit_m2"
    case netDeficit = "net_deficit_m2"
    case meetsStandard = "meets_standard"
    case communityCount = "community_count"
    case communitiesMeetingStandard = "communities_meeting_standard"

    /// A community's or a grid's line: `id`, `name`, the `label` key (`street` or
    /// `community_id`; null when absent), `facility_count`, the figures and `meets_standard`.
    static func encodeLine(
        to encoder: Encoder, id: String, name: String?, label: AreaLineKey, _ labelValue: String?,
        facilityCount: Int, figures: AreaFigures
    ) throws {
        var c = encoder.container(keyedBy: AreaLineKey.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(labelValue, forKey: label)
        try c.encode(facilityCount, forKey: .facilityCount)
        try figures.encode(into: &c)
        try c.encode(figures.meetsStandard, forKey: .meetsStandard)
    }

    static func decodeLine(from decoder: Decoder, label: AreaLineKey) throws
        -> (id: String, name: String?, label: String?, facilityCount: Int, figures: AreaFigures)
    {
        let c = try decoder.container(keyedBy: AreaLineKey.self)
        return (
            try c.decode(String.self, forKey: .id), try c.decodeIfPresent(String.self, forKey: .name),
            try c.decodeIfPresent(String.self, forKey: label), try c.decode(Int.self, forKey: .facilityCount),
            try AreaFigures(from: c)
        )
    }
}

extension AreaFigures {
    /// Households and the areas rounded to 2 decimals (an explicit null per-100 value for 0 households).
    func encode(into c: inout KeyedEncodingContainer<AreaLineKey>) throws {
        try c.encode(households, forKey: .households)
        try c.encode(rounded(facilityArea, 2), forKey: .facilityArea)
        try c.encode(areaPer100.map { rounded($0, 2) }, forKey: .areaPer100)
        try c.encode(rounded(requiredArea, 2), forKey: .requiredArea)
        try c.encode(rounded(deficit, 2), forKey: .deficit)
    }

    init(from c: KeyedDecodingContainer<AreaLineKey>) throws {
        self.init(
            households: try c.decode(Int.self, forKey: .households),
            facilityArea: try c.decode(Double.self, forKey: .facilityArea),
            requiredArea: try c.decode(Double.self, forKey: .requiredArea),
            deficit: try c.decode(Double.self, forKey: .deficit))
    }
}

/// `gridplan report area`: usable facility area per 100 households against the standard
/// (docs/standards.md area.*), per community, per street and in total (docs/data-format.md §3).
public struct AreaReport: Codable, Sendable {
    /// The value applied, m² per 100 households (its name in docs/data-format.md §3).
    public var standardM2Per100Households: Double
    public var rule: AppliedRule
    public var areaBasis: String
    public var allocation: AreaAllocationMethod
    /// Reach of community- and grid-level facilities when allocating by reach, m (nil otherwise).
    public var reachRadius: Double?
    /// Reach of street-level facilities when allocating by reach, m (nil otherwise).
    public var streetReach: Double?
    public var workingCRS: String
    /// Kinds that always count, sorted.
    public var countedKinds: [String]
    /// Whether facilities of other kinds count when `embedded` is true.
    public var countsEmbeddedOthers: Bool
    /// Communities sorted by deficit (largest first), then id; only those below the standard with `--short-only`.
    public var communities: [AreaCommunityRow]
    /// Streets sorted by deficit (the sum of their communities' deficits), then name.
    public var streets: [AreaAggregateRow]
    /// Grids, when asked for (`--by grid`), sorted like the communities.
    public var grids: [AreaGridRow]?
    /// All communities (whatever `--short-only` lists). `deficit` is the sum of community deficits.
    public var total: AreaAggregateRow
    /// Area of counted facilities attributed to no community (outside every community), m².
    public var unallocatedArea: Double
    public var unallocatedFacilityIds: [String]
    /// Facilities (reach allocation) whose reach held no households and that kept their area in their own community.
    public var reachFallbackFacilityIds: [String]
    /// True when only communities below the standard are listed.
    public var shortOnly: Bool

    enum CodingKeys: String, CodingKey {
        case rule, allocation, communities, streets, grids, total
        case standardM2Per100Households = "standard_m2_per_100_households"
        case areaBasis = "area_basis"
        case reachRadius = "reach_radius_m"
        case streetReach = "street_reach_m"
        case workingCRS = "working_crs"
        case countedKinds = "counted_kinds"
        case countsEmbeddedOthers = "counts_embedded_others"
        case unallocatedArea = "unallocated_area_m2"
        case unallocatedFacilityIds = "unallocated_facility_ids"
        case reachFallbackFacilityIds = "reach_fallback_facility_ids"
        case shortOnly = "short_only"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(standardM2Per100Households, forKey: .standardM2Per100Households)
        try c.encode(rule, forKey: .rule)
        try c.encode(areaBasis, forKey: .areaBasis)
        try c.encode(allocation, forKey: .allocation)
        try c.encodeIfPresent(reachRadius, forKey: .reachRadius)
        try c.encodeIfPresent(streetReach, forKey: .streetReach)
        try c.encode(workingCRS, forKey: .workingCRS)
        try c.encode(countedKinds, forKey: .countedKinds)
        try c.encode(countsEmbeddedOthers, forKey: .countsEmbeddedOthers)
        try c.encode(communities, forKey: .communities)
        try c.encode(streets, forKey: .streets)
        try c.encodeIfPresent(grids, forKey: .grids)
        var t = total; t.writesStreet = false
        try c.encode(t, forKey: .total)
        try c.encode(rounded(unallocatedArea, 2), forKey: .unallocatedArea)
        try c.encode(unallocatedFacilityIds, forKey: .unallocatedFacilityIds)
        try c.encode(reachFallbackFacilityIds, forKey: .reachFallbackFacilityIds)
        try c.encode(shortOnly, forKey: .shortOnly)
    }
}
