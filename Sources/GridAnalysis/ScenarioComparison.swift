import GridGeo
import GridModel

/// The headline figures of one state of the district (the imported data, or a scenario), read
/// from the `report area` and `coverage` results of that state.
public struct ScenarioSummary: Codable, Sendable, Hashable {
    public var households: Int
    public var householdsCovered: Int
    /// Covered ÷ households, 4 decimals (as `coverage`'s total).
    public var coverageRate: Double
    public var communities: Int
    /// Communities with no deficit (as `report area`'s total).
    public var communitiesMeeting: Int
    /// Sum of the communities' deficits, m² (2 decimals).
    public var totalDeficitM2: Double
    /// m² of counted area per 100 households over the district (2 decimals); nil without households.
    public var per100: Double?

    enum CodingKeys: String, CodingKey {
        case households, communities
        case householdsCovered = "households_covered"
        case coverageRate = "coverage_rate"
        case communitiesMeeting = "communities_meeting"
        case totalDeficitM2 = "total_deficit_m2"
        case per100
    }

    public init(
        households: Int, householdsCovered: Int, coverageRate: Double, communities: Int, communitiesMeeting: Int,
        totalDeficitM2: Double, per100: Double?
    ) {
        self.households = households; self.householdsCovered = householdsCovered; self.coverageRate = coverageRate
        self.communities = communities; self.communitiesMeeting = communitiesMeeting
        self.totalDeficitM2 = totalDeficitM2; self.per100 = per100
    }

    /// The figures of the two results, rounded as their JSON documents round them.
    public init(area: AreaReport, coverage: CoverageResult) {
        let t = area.total
        self.init(
            households: coverage.total.households, householdsCovered: coverage.total.coveredHouseholds,
            coverageRate: coverage.total.coverageRate, communities: t.communityCount,
            communitiesMeeting: t.communitiesMeetingStandard, totalDeficitM2: rounded(t.figures.deficit, 2),
            per100: t.figures.areaPer100.map { rounded($0, 2) })
    }

    /// `other` minus this, field by field (per100 nil when either is).
    public func change(to other: ScenarioSummary) -> ScenarioSummary {
        ScenarioSummary(
            households: other.households - households, householdsCovered: other.householdsCovered - householdsCovered,
            coverageRate: rounded(other.coverageRate - coverageRate, 4), communities: other.communities - communities,
            communitiesMeeting: other.communitiesMeeting - communitiesMeeting,
            totalDeficitM2: rounded(other.totalDeficitM2 - totalDeficitM2, 2),
            per100: other.per100.flatMap { a in per100.map { rounded(a - $0, 2) } })
    }
}

/// Which two states a side-by-side result shows: the JSON keys end in `_before`/`_after`
/// (`scenario.evaluate`: the imported data, then the scenario) or `_a`/`_b` (`scenario.compare`).
public enum ScenarioSides: Sendable, Hashable {
    case beforeAfter, ab
    var suffixes: (String, String) { self == .beforeAfter ? ("before", "after") : ("a", "b") }
}

/// One community's figures in one state.
public struct ScenarioCommunityState: Sendable, Hashable {
    /// Counted facility area attributed to the community, m².
    public var areaM2: Double
    public var per100: Double?
    public var deficitM2: Double
    public var meetsStandard: Bool
    public var coveredHouseholds: Int
}

/// One community in two states, side by side.
public struct ScenarioCommunityRow: Encodable, Sendable, Hashable {
    public var communityId: String
    public var name: String?
    public var street: String?
    public var households: Int
    public var first: ScenarioCommunityState
    public var second: ScenarioCommunityState
    public var sides: ScenarioSides

    public func encode(to encoder: Encoder) throws {
        let (a, b) = sides.suffixes
        var c = encoder.container(keyedBy: ScenarioKey.self)
        try c.encode(communityId, forKey: "community_id")
        try c.encode(name, forKey: "name")
        try c.encode(street, forKey: "street")
        try c.encode(households, forKey: "households")
        for (suffix, s) in [(a, first), (b, second)] {
            try c.encode(rounded(s.areaM2, 2), forKey: ScenarioKey("area_m2_" + suffix))
            try c.encode(s.per100.map { rounded($0, 2) }, forKey: ScenarioKey("per100_" + suffix))
            try c.encode(rounded(s.deficitM2, 2), forKey: ScenarioKey("deficit_" + suffix))
            try c.encode(s.meetsStandard, forKey: ScenarioKey("meets_standard_" + suffix))
            try c.encode(s.coveredHouseholds, forKey: ScenarioKey("covered_" + suffix))
        }
    }
}

/// A building whose coverage differs between the two states (counts only, never households).
public struct ScenarioBuildingChange: Encodable, Sendable, Hashable {
    public var buildingId: String
    public var communityId: String
    public var households: Int
    public var coveredFirst: Bool
    public var coveredSecond: Bool
    public var sides: ScenarioSides

    public func encode(to encoder: Encoder) throws {
        let (a, b) = sides.suffixes
        var c = encoder.container(keyedBy: ScenarioKey.self)
        try c.encode(buildingId, forKey: "building_id")
        try c.encode(communityId, forKey: "community_id")
        try c.encode(households, forKey: "households")
        try c.encode(coveredFirst, forKey: ScenarioKey("covered_" + a))
        try c.encode(coveredSecond, forKey: ScenarioKey("covered_" + b))
    }
}

/// A JSON key made at run time (`deficit_before`).
struct ScenarioKey: CodingKey, ExpressibleByStringLiteral {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init(stringLiteral s: String) { stringValue = s }
    init?(stringValue s: String) { stringValue = s }
    init?(intValue: Int) { nil }
}

/// Two states of the district side by side: their summaries, the change, every community and
/// the buildings whose coverage changed. Built from the `report area` and `coverage` results of
/// each state, so its figures are those commands' figures.
public struct ScenarioSideBySide: Sendable {
    public var first: ScenarioSummary
    public var second: ScenarioSummary
    public var change: ScenarioSummary
    /// Every community, by id.
    public var communities: [ScenarioCommunityRow]
    /// Buildings covered in one state and not the other, by building order.
    public var buildingsChanged: [ScenarioBuildingChange]

    public init(
        first: (area: AreaReport, coverage: CoverageResult), second: (area: AreaReport, coverage: CoverageResult),
        sides: ScenarioSides
    ) {
        self.first = ScenarioSummary(area: first.area, coverage: first.coverage)
        self.second = ScenarioSummary(area: second.area, coverage: second.coverage)
        change = self.first.change(to: self.second)
        func states(_ r: (area: AreaReport, coverage: CoverageResult)) -> [String: ScenarioCommunityState] {
            var covered: [String: Int] = [:]
            for c in r.coverage.communities { covered[c.id] = c.coveredHouseholds }
            var out: [String: ScenarioCommunityState] = [:]
            for row in r.area.communities {
                out[row.id] = ScenarioCommunityState(
                    areaM2: row.figures.facilityArea, per100: row.figures.areaPer100, deficitM2: row.figures.deficit,
                    meetsStandard: row.meetsStandard, coveredHouseholds: covered[row.id] ?? 0)
            }
            return out
        }
        let a = states(first), b = states(second)
        let empty = ScenarioCommunityState(areaM2: 0, per100: nil, deficitM2: 0, meetsStandard: true, coveredHouseholds: 0)
        communities = first.area.communities.sorted { $0.id < $1.id }.map { row in
            ScenarioCommunityRow(
                communityId: row.id, name: row.name, street: row.street, households: row.figures.households,
                first: a[row.id] ?? empty, second: b[row.id] ?? empty, sides: sides)
        }
        // The buildings are the same rows in the same order in both states; by id otherwise.
        let bb = second.coverage.buildings
        var byId: [String: Bool]? = nil
        var changed: [ScenarioBuildingChange] = []
        for (i, x) in first.coverage.buildings.enumerated() {
            let other: Bool?
            if i < bb.count && bb[i].id == x.id {
                other = bb[i].covered
            } else {
                if byId == nil { byId = Dictionary(bb.map { ($0.id, $0.covered) }, uniquingKeysWith: { p, _ in p }) }
                other = byId?[x.id]
            }
            guard let other, other != x.covered else { continue }
            changed.append(
                ScenarioBuildingChange(
                    buildingId: x.id, communityId: x.communityId, households: x.households, coveredFirst: x.covered,
                    coveredSecond: other, sides: sides))
        }
        buildingsChanged = changed
    }
}
