import GridGeo

/// One row of the siting list.
public struct SitingSite: Codable, Sendable, Equatable {
    public var rank: Int
    public var candidateId: String
    public var name: String?
    public var kind: String?
    public var source: CandidateSource
    public var gapId: String?
    public var lon: Double
    public var lat: Double
    /// The location in the dataset's input CRS when that was GCJ-02 or BD-09.
    public var inputCrsLon: Double?
    public var inputCrsLat: Double?
    public var communityId: String?
    public var newHouseholdsCovered: Int
    public var cumulativeCoveredHouseholds: Int
    public var coverageRateAfter: Double
    public var recommendedAreaM2: Double
    public var availableAreaM2: Double?
    /// Whether the candidate's available area reaches the recommendation (nil when unknown).
    public var areaSufficient: Bool?
    /// `distance`: Σ households × metres saved by this site given the earlier ranks.
    public var weightedDistanceReductionM: Double?
    /// `distance`: households whose nearest center is this site (the recommended area is sized on them).
    public var householdsServed: Int?
    /// `--capacity area`: households assigned to this site, the households its available area
    /// can serve (nil when the area is unknown: no limit), and assigned ÷ capacity.
    public var householdsAssigned: Int?
    public var capacityHouseholds: Int?
    public var utilisation: Double?

    enum CodingKeys: String, CodingKey {
        case rank, name, kind, source, lon, lat
        case candidateId = "candidate_id", gapId = "gap_id"
        case inputCrsLon = "input_crs_lon", inputCrsLat = "input_crs_lat"
        case communityId = "community_id", newHouseholdsCovered = "new_households_covered"
        case cumulativeCoveredHouseholds = "cumulative_covered_households"
        case coverageRateAfter = "coverage_rate_after", recommendedAreaM2 = "recommended_area_m2"
        case availableAreaM2 = "available_area_m2", areaSufficient = "area_sufficient"
        case weightedDistanceReductionM = "weighted_distance_reduction_m"
        case householdsServed = "households_served"
        case householdsAssigned = "households_assigned", capacityHouseholds = "capacity_households", utilisation
    }

    /// Like the synthesized encoding, but `community_id`, `name`, `kind`, `available_area_m2`
    /// and `area_sufficient` are written as null when unknown (the keys of docs/data-format.md §3 are always there).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rank, forKey: .rank)
        try c.encode(candidateId, forKey: .candidateId)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(source, forKey: .source)
        try c.encodeIfPresent(gapId, forKey: .gapId)
        try c.encode(lon, forKey: .lon)
        try c.encode(lat, forKey: .lat)
        try c.encodeIfPresent(inputCrsLon, forKey: .inputCrsLon)
        try c.encodeIfPresent(inputCrsLat, forKey: .inputCrsLat)
        try c.encode(communityId, forKey: .communityId)
        try c.encode(newHouseholdsCovered, forKey: .newHouseholdsCovered)
        try c.encode(cumulativeCoveredHouseholds, forKey: .cumulativeCoveredHouseholds)
        try c.encode(coverageRateAfter, forKey: .coverageRateAfter)
        try c.encode(recommendedAreaM2, forKey: .recommendedAreaM2)
        try c.encode(availableAreaM2, forKey: .availableAreaM2)
        try c.encode(areaSufficient, forKey: .areaSufficient)
        try c.encodeIfPresent(weightedDistanceReductionM, forKey: .weightedDistanceReductionM)
        try c.encodeIfPresent(householdsServed, forKey: .householdsServed)
        try c.encodeIfPresent(householdsAssigned, forKey: .householdsAssigned)
        try c.encodeIfPresent(capacityHouseholds, forKey: .capacityHouseholds)
        try c.encodeIfPresent(utilisation, forKey: .utilisation)
    }
}

/// The siting list and its figures (docs/data-format.md §3, `gridplan site`).
public struct SitingResult: Codable, Sendable {
    public var objective: SitingObjective
    public var radiusM: Double
    /// How reach was measured: straight line or along the walking network.
    public var method: CoverageMethod
    public var workingCrs: String?
    public var inputCrs: String?
    public var totalHouseholds: Int
    public var coveredHouseholdsBefore: Int
    public var coveredHouseholdsAfter: Int
    /// A proven upper bound on the households covered (before + new) by any choice of K
    /// candidates (`cover`: the tighter of the Nemhauser–Wolsey–Fisher and the Lagrangian
    /// bound; for the other objectives: before + every household a candidate reaches).
    public var upperBoundHouseholds: Int
    /// `distance`: a proven lower bound on the household-weighted distance after any choice of
    /// K candidates, metres (Lagrangian relaxation; rounded down to 0.1).
    public var lowerBoundWeightedDistanceM: Double?
    /// `cover` and `distance`: how far the plan may be from the optimum, relative — `cover`:
    /// (bound − newly covered) ÷ bound on the newly covered households; `distance`:
    /// (weighted distance after − lower bound) ÷ weighted distance after. 0 when proven.
    public var optimalityGap: Double?
    /// Whether the exact search ran and why it stopped (`proven`, `time_limit`); nil when not run.
    public var exactSearch: ExactSearch.Stop?
    /// Why the exact search ran (`requested`, `small_instance`, `few_free_candidates`); nil when not run.
    public var exactSearchTrigger: ExactSearch.Trigger?
    /// Whether the plan is proven optimal (the gap is 0).
    public var provenOptimal: Bool?
    public var candidateCount: Int
    public var count: Int?
    /// Lazy-greedy gain evaluations, local-search passes and improving swaps.
    public var evaluations: Int
    public var iterations: Int
    public var swaps: Int
    /// `cover`: newly covered households after the greedy phase alone.
    public var greedyNewHouseholds: Int?
    /// `cover`: newly covered households after the first swap descent (before perturbation).
    public var swapNewHouseholds: Int?
    /// `cover`: what the local search ran, e.g. "swaps + perturbation: 412 rounds, 3 improving,
    /// stopped by the work budget" or "greedy only".
    public var localSearch: String?
    /// `cover`: perturbation rounds of the iterated local search.
    public var perturbationRounds: Int?
    public var sites: [SitingSite]
    /// `all`: uncovered buildings no candidate reaches, and their households.
    public var uncoverableBuildingIds: [String]?
    public var uncoverableHouseholds: Int?
    /// `all`: sites the full cover needs (the list is cut to `--count` when that is smaller).
    public var sitesNeededForFullCover: Int?
    /// `all`: greedy sites dropped as redundant.
    public var redundantRemoved: Int?
    /// `distance`: household-weighted distance to the nearest center (existing and new), metres.
    public var weightedDistanceBeforeM: Double?
    public var weightedDistanceAfterM: Double?
    public var meanDistanceBeforeM: Double?
    public var meanDistanceAfterM: Double?
    public var distanceCapM: Double?
    /// `--instance` runs only: seconds spent solving (instance built, timing excludes reading the file).
    public var elapsedS: Double?
    /// `distance --network`: households no center (existing; existing and new) can be walked to
    /// (another part of the network), left out of the weighted and mean distances, and the
    /// buildings still unreached after.
    public var unreachedHouseholdsBefore: Int?
    public var unreachedHouseholdsAfter: Int?
    public var unreachedBuildingIds: [String]?
    /// `center`: the largest distance from a household-bearing building to its nearest center
    /// before and after the plan, metres (or the cost unit), the proven lower bound on it for
    /// any plan of K sites (rounded down to 0.1), and the buildings at the largest distance.
    public var maxDistanceBeforeM: Double?
    public var maxDistanceAfterM: Double?
    public var lowerBoundMaxDistanceM: Double?
    public var farthestBuildingIds: [String]?
    /// `--capacity area`: the capacity rule, households within reach of an open center but left
    /// unserved for lack of area, and households the existing centers serve in the plan
    /// (`cover`: `covered_households_before` is what the existing centers serve within capacity).
    public var capacity: SitingCapacity?
    public var unservedForLackOfAreaHouseholds: Int?
    public var existingAssignedHouseholds: Int?

    enum CodingKeys: String, CodingKey {
        case objective, method, count, evaluations, iterations, swaps, sites
        case radiusM = "radius_m", workingCrs = "working_crs", inputCrs = "input_crs"
        case totalHouseholds = "total_households", coveredHouseholdsBefore = "covered_households_before"
        case coveredHouseholdsAfter = "covered_households_after", upperBoundHouseholds = "upper_bound_households"
        case lowerBoundWeightedDistanceM = "lower_bound_weighted_distance_m", optimalityGap = "optimality_gap"
        case provenOptimal = "proven_optimal", exactSearch = "exact_search"
        case exactSearchTrigger = "exact_search_trigger"
        case candidateCount = "candidate_count", greedyNewHouseholds = "greedy_new_households"
        case swapNewHouseholds = "swap_new_households", localSearch = "local_search"
        case perturbationRounds = "perturbation_rounds"
        case uncoverableBuildingIds = "uncoverable_building_ids", uncoverableHouseholds = "uncoverable_households"
        case sitesNeededForFullCover = "sites_needed_for_full_cover"
        case weightedDistanceBeforeM = "weighted_distance_before_m", weightedDistanceAfterM = "weighted_distance_after_m"
        case meanDistanceBeforeM = "mean_distance_before_m", meanDistanceAfterM = "mean_distance_after_m"
        case redundantRemoved = "redundant_removed"
        case distanceCapM = "distance_cap_m", elapsedS = "elapsed_s"
        case unreachedHouseholdsBefore = "unreached_households_before"
        case unreachedHouseholdsAfter = "unreached_households_after"
        case unreachedBuildingIds = "unreached_building_ids"
        case maxDistanceBeforeM = "max_distance_before_m", maxDistanceAfterM = "max_distance_after_m"
        case lowerBoundMaxDistanceM = "lower_bound_max_distance_m", farthestBuildingIds = "farthest_building_ids"
        case capacity, unservedForLackOfAreaHouseholds = "unserved_for_lack_of_area_households"
        case existingAssignedHouseholds = "existing_assigned_households"
    }
}

extension SitingResult {
    /// Records the household-weighted distances to the nearest center before and after the plan
    /// and their means over `households` (at least 1), rounded to 0.1 m; a sum that is infinite
    /// (some household no center reaches) is left out.
    mutating func recordWeightedDistances(before: Double, after: Double, households: Int) {
        let total = Double(max(1, households))
        if before.isFinite {
            weightedDistanceBeforeM = rounded(before, 1)
            meanDistanceBeforeM = rounded(before / total, 1)
        }
        if after.isFinite {
            weightedDistanceAfterM = rounded(after, 1)
            meanDistanceAfterM = rounded(after / total, 1)
        }
    }
}
