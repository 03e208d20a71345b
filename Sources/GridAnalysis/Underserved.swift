import GridGeo
import GridLocale
import GridModel

/// One community in the under-served ranking.
public struct UnderservedCommunity: Codable, Sendable, Hashable {
    public var rank: Int
    public var id: String
    public var name: String?
    public var street: String?
    public var households: Int
    public var facilityAreaM2: Double
    public var areaPer100Households: Double
    public var requiredAreaM2: Double
    public var deficitM2: Double
    public var uncoveredHouseholds: Int
    public var coverageRate: Double
    public var accessibilityM2Per100Households: Double?
    /// True when at least one reason applies.
    public var underserved: Bool
    /// The reasons in English (the JSON contract's text, the same in every language).
    public var reasons: [String]
    /// The same reasons as catalogue texts, for a table in the reader's language (not encoded).
    public var reasonTexts: [LocalText] = []

    enum CodingKeys: String, CodingKey {
        case rank, id, name, street, households, underserved, reasons
        case facilityAreaM2 = "facility_area_m2"
        case areaPer100Households = "area_per_100_households"
        case requiredAreaM2 = "required_area_m2"
        case deficitM2 = "deficit_m2"
        case uncoveredHouseholds = "uncovered_households"
        case coverageRate = "coverage_rate"
        case accessibilityM2Per100Households = "accessibility_m2_per_100_households"
    }
}

/// One gap neighbourhood in the under-served ranking.
public struct UnderservedGap: Codable, Sendable, Hashable {
    public var rank: Int
    public var id: String
    public var households: Int
    public var buildings: Int
    public var lon: Double
    public var lat: Double
    public var communityIds: [String]
    /// Area deficit of the communities the neighbourhood lies in, m².
    public var communityDeficitM2: Double
    public var nearestFacilityDistanceM: Double?
    /// The reasons in English (the JSON contract's text, the same in every language).
    public var reasons: [String]
    /// The same reasons as catalogue texts, for a table in the reader's language (not encoded).
    public var reasonTexts: [LocalText] = []

    enum CodingKeys: String, CodingKey {
        case rank, id, households, buildings, lon, lat, reasons
        case communityIds = "community_ids"
        case communityDeficitM2 = "community_deficit_m2"
        case nearestFacilityDistanceM = "nearest_facility_distance_m"
    }
}

/// The result of `gridplan report underserved`.
public struct UnderservedResult: Codable, Sendable {
    public var standardM2Per100Households: Double
    public var radiusM: Double
    public var method: CoverageMethod
    public var workingCRS: String
    public var accessibilityMethod: AccessibilityMethod?
    /// Every community, most under-served first.
    public var communities: [UnderservedCommunity]
    /// Every gap neighbourhood, most under-served first.
    public var gaps: [UnderservedGap]
    /// How many communities have at least one reason.
    public var underservedCommunities: Int

    enum CodingKeys: String, CodingKey {
        case method, communities, gaps
        case standardM2Per100Households = "standard_m2_per_100_households"
        case radiusM = "radius_m"
        case workingCRS = "working_crs"
        case accessibilityMethod = "accessibility_method"
        case underservedCommunities = "underserved_communities"
    }
}

/// Ranks communities and gap neighbourhoods by area deficit, uncovered households and
/// accessibility, with the reasons in words.
public enum Underserved {
    /// Ranking order: larger area deficit first, then more uncovered households, then lower
    /// accessibility, then id. Gaps: larger deficit of their communities, then more households.
    public static func rank(
        _ s: Snapshot, coverage: CoverageResult, selection: FacilitySelection,
        standard: Double
    ) -> UnderservedResult {
        let area = communityArea(s, selection: selection, standard: standard)
        let rates = Dictionary(coverage.communities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let access = Dictionary(
            (coverage.accessibility?.communities ?? []).map { ($0.id, $0.m2Per100Households) },
            uniquingKeysWith: { a, _ in a })
        let info = Dictionary(s.communities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let radius = Int(coverage.radiusM)
        var rows: [UnderservedCommunity] = []
        var deficitOf: [String: Double] = [:]
        for rate in coverage.communities {
            let id = rate.id
            let hh = rate.households
            let figures = area[id]
            let a = figures?.facilityArea ?? 0
            let required = figures?.requiredArea ?? Double(hh) / 100 * standard
            let deficit = figures?.deficit ?? max(0, required)
            deficitOf[id] = deficit
            let per100 = hh > 0 ? a / Double(hh) * 100 : 0
            let uncovered = hh - (rates[id]?.coveredHouseholds ?? 0)
            var reasons: [LocalText] = []
            if deficit > 0.05 {
                reasons.append(
                    LocalText(
                        "reason.community.area",
                        [
                            "area": fmt(a), "per100": fmt(per100, 2), "standard": fmt(standard), "deficit": fmt(deficit),
                            "required": fmt(required)
                        ]))
            }
            if uncovered > 0 {
                let pct = hh > 0 ? Double(uncovered) / Double(hh) * 100 : 0
                reasons.append(
                    LocalText(
                        "reason.community.uncovered",
                        [
                            "uncovered": String(uncovered), "households": String(hh), "percent": fmt(pct), "radius": "\(radius)",
                            "street": String(Int(coverage.reach["street"] ?? 1000)), "method": coverage.method.rawValue
                        ]))
            }
            let acc = access[id]
            if let acc, acc < standard, hh > 0 {
                reasons.append(
                    LocalText("reason.community.accessibility", ["accessibility": fmt(acc, 2), "standard": fmt(standard)]))
            }
            let c = info[id]
            rows.append(
                UnderservedCommunity(
                    rank: 0, id: id, name: c?.name, street: c?.street, households: hh, facilityAreaM2: rounded(a, 1),
                    areaPer100Households: rounded(per100, 2), requiredAreaM2: rounded(required, 1),
                    deficitM2: rounded(deficit, 1),
                    uncoveredHouseholds: uncovered, coverageRate: rate.coverageRate, accessibilityM2Per100Households: acc,
                    underserved: !reasons.isEmpty, reasons: reasons.map { $0.text(.en) }, reasonTexts: reasons))
        }
        rows.sort { a, b in
            if a.deficitM2 != b.deficitM2 { return a.deficitM2 > b.deficitM2 }
            if a.uncoveredHouseholds != b.uncoveredHouseholds { return a.uncoveredHouseholds > b.uncoveredHouseholds }
            let aa = a.accessibilityM2Per100Households ?? .infinity, ba = b.accessibilityM2Per100Households ?? .infinity
            if aa != ba { return aa < ba }
            return a.id < b.id
        }
        for i in rows.indices { rows[i].rank = i + 1 }

        var gaps: [UnderservedGap] = coverage.gaps.map { g in
            let deficit = g.communityIds.reduce(0) { $0 + (deficitOf[$1] ?? 0) }
            let reach = ["households": String(g.households), "buildings": String(g.buildings)]
            var reasons = [
                LocalText(
                    g.nearestFacilityDistanceM == nil
                        ? (g.buildings == 1 ? "reason.gap.beyond_one" : "reason.gap.beyond")
                        : (g.buildings == 1 ? "reason.gap.beyond_one_nearest" : "reason.gap.beyond_nearest"),
                    reach.merging(["nearest": g.nearestFacilityDistanceM.map { fmt($0) } ?? ""]) { a, _ in a })
            ]
            let short = g.communityIds.filter { (deficitOf[$0] ?? 0) > 0.05 }
            if !short.isEmpty {
                reasons.append(
                    LocalText(
                        short.count == 1 ? "reason.gap.short_one" : "reason.gap.short",
                        ["communities": short.joined(separator: ", "), "deficit": fmt(deficit)]))
            }
            let lowAccess = g.communityIds.filter { (access[$0] ?? .infinity) < standard }
            if !lowAccess.isEmpty {
                reasons.append(
                    LocalText(
                        "reason.gap.accessibility", ["standard": fmt(standard), "communities": lowAccess.joined(separator: ", ")])
                )
            }
            return UnderservedGap(
                rank: 0, id: g.id, households: g.households, buildings: g.buildings, lon: g.lon, lat: g.lat,
                communityIds: g.communityIds, communityDeficitM2: rounded(deficit, 1),
                nearestFacilityDistanceM: g.nearestFacilityDistanceM, reasons: reasons.map { $0.text(.en) },
                reasonTexts: reasons)
        }
        gaps.sort { a, b in
            if a.communityDeficitM2 != b.communityDeficitM2 { return a.communityDeficitM2 > b.communityDeficitM2 }
            if a.households != b.households { return a.households > b.households }
            return a.id.count != b.id.count ? a.id.count < b.id.count : a.id < b.id
        }
        for i in gaps.indices { gaps[i].rank = i + 1 }
        return UnderservedResult(
            standardM2Per100Households: standard, radiusM: coverage.radiusM, method: coverage.method,
            workingCRS: coverage.workingCRS, accessibilityMethod: coverage.accessibility?.method,
            communities: rows, gaps: gaps, underservedCommunities: rows.filter(\.underserved).count)
    }

    /// Area figures per community from `AreaStandard` (allocation by community), so that this
    /// ranking and `report area` agree.
    static func communityArea(_ s: Snapshot, selection: FacilitySelection, standard: Double) -> [String: AreaFigures] {
        let rule = AppliedRule(id: "area.per100", value: standard, unit: "m2/100 households", source: "standards")
        let report = AreaStandard.report(s, AreaStandardParameters(rule: rule, selection: selection))
        return Dictionary(report.communities.map { ($0.id, $0.figures) }, uniquingKeysWith: { a, _ in a })
    }

    static func fmt(_ x: Double, _ places: Int = 1) -> String {
        let r = rounded(x, places)
        if r == r.rounded() && abs(r) < 1e15 { return String(Int(r)) }
        return String(r)
    }
}
