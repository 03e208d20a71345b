import Foundation
import GridGeo
import GridModel

/// Floating-catchment accessibility methods.
public enum AccessibilityMethod: String, Codable, Sendable, CaseIterable {
    /// Two-step floating catchment area: every building within the catchment weighs 1.
    case twoStep = "2sfca"
    /// Enhanced 2SFCA with Gaussian distance decay inside the catchment.
    case gaussian = "e2sfca"
}

/// Accessibility of one community: households-weighted mean of its buildings' scores.
public struct CommunityAccessibility: Codable, Sendable, Hashable {
    public var id: String
    public var households: Int
    /// m² of counted usable area per 100 households within reach.
    public var m2Per100Households: Double
    public var meetsStandard: Bool

    enum CodingKeys: String, CodingKey {
        case id, households
        case m2Per100Households = "m2_per_100_households"
        case meetsStandard = "meets_standard"
    }
}

/// The accessibility part of a coverage result.
public struct AccessibilitySummary: Codable, Sendable {
    public var method: AccessibilityMethod
    /// How the catchment is set, in words.
    public var catchment: String
    /// Catchment radius per facility level, metres.
    public var catchmentM: [String: Double]
    /// Distances used: straight line, or along the walking network (access legs included).
    public var distance: CoverageMethod
    public var supply: String
    public var demand: String
    /// The area standard the scores read against, m² per 100 households.
    public var standardM2Per100Households: Double
    public var communities: [CommunityAccessibility]
    /// Households-weighted mean over all buildings.
    public var totalM2Per100Households: Double

    enum CodingKeys: String, CodingKey {
        case method, catchment, distance, supply, demand, communities
        case catchmentM = "catchment_m"
        case standardM2Per100Households = "standard_m2_per_100_households"
        case totalM2Per100Households = "total_m2_per_100_households"
    }
}

/// Two-step floating catchment area accessibility (2SFCA) and its Gaussian variant (E2SFCA).
///
/// Step 1, each facility j: R_j = S_j / Σ_k W(d_kj) D_k over buildings k within its catchment d0_j.
/// Step 2, each building k: A_k = Σ_j W(d_kj) R_j over facilities whose catchment holds k.
/// S = counted usable area (m²), D = households; scores are reported as 100 · A_k, m² per
/// 100 households, to read against the 30 m² standard. W = 1 (2SFCA) or the Gaussian
/// W(d) = (exp(-½ (d/d0)²) − exp(-½)) / (1 − exp(-½)) (E2SFCA).
///
/// - Reference: W. Luo and F. Wang, "Measures of spatial accessibility to health care in a GIS
///   environment", Environment and Planning B 30, 2003; D. Dai, "Black residential segregation,
///   disparities in spatial access to health care facilities", Health & Place 16, 2010 (Gaussian).
public enum Accessibility {
    /// Distance-decay weight within a catchment of radius `d0`; 0 beyond it.
    public static func weight(_ method: AccessibilityMethod, distance d: Double, catchment d0: Double) -> Double {
        guard d <= d0 else { return 0 }
        switch method {
        case .twoStep: return 1
        case .gaussian:
            let e = exp(-0.5)
            return (exp(-0.5 * (d / d0) * (d / d0)) - e) / (1 - e)
        }
    }

    /// A_k for every demand point (per household, not yet ×100) and R_j for every supply point.
    ///
    /// - Complexity: O(M log N + P) with P building–facility pairs within catchments (k-d tree
    ///   radius queries over the buildings).
    public static func scores(
        demandPoints: [Point], demand: [Double], supplyPoints: [Point], supply: [Double],
        catchment: [Double], method: AccessibilityMethod
    ) -> (demandScores: [Double], supplyRatios: [Double]) {
        let tree = KDTree(points: demandPoints)
        var ratios = [Double](repeating: 0, count: supplyPoints.count)
        for j in supplyPoints.indices {
            var weighted = 0.0
            tree.forEach(within: catchment[j], of: supplyPoints[j]) { k, d in
                weighted += weight(method, distance: d, catchment: catchment[j]) * demand[k]
            }
            ratios[j] = weighted > 0 ? supply[j] / weighted : 0
        }
        var a = [Double](repeating: 0, count: demandPoints.count)
        for j in supplyPoints.indices where ratios[j] > 0 {
            tree.forEach(within: catchment[j], of: supplyPoints[j]) { k, d in
                a[k] += weight(method, distance: d, catchment: catchment[j]) * ratios[j]
            }
        }
        return (a, ratios)
    }

    /// A_k and R_j from given building–facility distances: row j of `pairs` lists the demand
    /// points within supply point j's catchment `catchment[j]` and their distances (e.g. along
    /// the walking network).
    /// - Complexity: O(M + N + P) for P pairs.
    public static func scores(
        pairs: ReachRows, demandCount: Int, demand: [Double], supply: [Double],
        catchment: [Double], method: AccessibilityMethod
    ) -> (demandScores: [Double], supplyRatios: [Double]) {
        var ratios = [Double](repeating: 0, count: pairs.rowCount)
        for j in 0..<pairs.rowCount {
            var weighted = 0.0
            for q in pairs.range(j) {
                weighted += weight(method, distance: pairs.distances[q], catchment: catchment[j]) * demand[Int(pairs.items[q])]
            }
            ratios[j] = weighted > 0 ? supply[j] / weighted : 0
        }
        var a = [Double](repeating: 0, count: demandCount)
        for j in 0..<pairs.rowCount where ratios[j] > 0 {
            for q in pairs.range(j) {
                a[Int(pairs.items[q])] += weight(method, distance: pairs.distances[q], catchment: catchment[j]) * ratios[j]
            }
        }
        return (a, ratios)
    }

    /// Accessibility of every building (m² per 100 households) and the community summary.
    /// Catchment of each counted facility = its reach (street level 1,000 m, others the radius),
    /// straight line, or along `network` when given: a building is in a facility's catchment when
    /// the walk (access legs + path) is within the reach. `buildingAttachments` (where each
    /// building joins the network) are computed when not given.
    public static func analyze(
        _ s: Snapshot, selection: FacilitySelection, method: AccessibilityMethod,
        standard: Double = 30, network: WalkingNetwork? = nil,
        buildingAttachments: [WalkingNetwork.Attachment?]? = nil, costs: CostTable? = nil
    )
        -> (buildingScores: [Double], summary: AccessibilitySummary)
    {
        let counted = selection.countedIndices(s.facilities)
        let demand = s.buildings.map { Double($0.households) }
        let supply = counted.map { s.facilities[$0].usableAreaM2 }
        let catchments = counted.map { selection.reach(of: s.facilities[$0]) }
        let a: [Double]
        if let costs {
            let pairs = costPairs(
                buildings: s.buildings, facilities: s.facilities, counted: counted, catchment: catchments, costs: costs)
            a =
                scores(
                    pairs: pairs, demandCount: s.buildings.count, demand: demand, supply: supply,
                    catchment: catchments, method: method
                ).demandScores
        } else if let network {
            let attached =
                buildingAttachments
                ?? network.attachAll(s.buildings.map(\.location), maxDistance: catchments.max() ?? selection.radius)
            let pairs = network.reachRows(
                origins: counted.map { s.facilities[$0].location }, cutoff: catchments,
                targetAttachments: attached)
            a =
                scores(
                    pairs: pairs, demandCount: s.buildings.count, demand: demand, supply: supply,
                    catchment: catchments, method: method
                ).demandScores
        } else {
            a =
                scores(
                    demandPoints: s.buildings.map(\.location), demand: demand,
                    supplyPoints: counted.map { s.facilities[$0].location },
                    supply: supply, catchment: catchments, method: method
                ).demandScores
        }
        let per100 = a.map { $0 * 100 }
        var sum: [String: (hh: Int, w: Double)] = [:]
        var totalHH = 0, totalW = 0.0
        for (k, b) in s.buildings.enumerated() {
            sum[b.communityId, default: (0, 0)].hh += b.households
            sum[b.communityId, default: (0, 0)].w += Double(b.households) * per100[k]
            totalHH += b.households; totalW += Double(b.households) * per100[k]
        }
        let ids = Set(s.communities.map(\.id)).union(sum.keys).sorted()
        let communities = ids.map { id -> CommunityAccessibility in
            let v = sum[id] ?? (0, 0)
            let score = v.hh > 0 ? v.w / Double(v.hh) : 0
            return CommunityAccessibility(
                id: id, households: v.hh, m2Per100Households: rounded(score, 2),
                meetsStandard: score >= standard)
        }
        var catchment: [String: Double] = [:]
        for level in FacilityLevel.allCases {
            catchment[level.rawValue] = selection.reach(level: level)
        }
        let summary = AccessibilitySummary(
            method: method,
            catchment:
                "each counted facility's reach: street and district level \(Int(max(selection.streetReach, selection.radius))) m, others \(Int(selection.radius)) m"
                + (costs != nil
                    ? ", by the cost table (--costs)"
                    : network != nil ? ", walked along the network (access legs included)" : ", straight line")
                + (method == .gaussian ? ", Gaussian decay within it" : ""),
            catchmentM: catchment, distance: costs != nil ? .costs : network != nil ? .network : .euclidean,
            supply: "counted usable area, m²", demand: "households",
            standardM2Per100Households: standard, communities: communities,
            totalM2Per100Households: rounded(totalHH > 0 ? totalW / Double(totalHH) : 0, 2))
        return (per100, summary)
    }
}
