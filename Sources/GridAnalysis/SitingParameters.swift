import Foundation

/// Everything a siting run needs besides the snapshot (the operation fills it from options
/// and the standards).
public struct SitingParameters: Sendable {
    public var objective: SitingObjective
    /// K: required for `cover` and `distance`; for `all` an optional cap on the list length.
    public var count: Int?
    /// Which facilities count and how far new and existing sites reach.
    public var selection: FacilitySelection
    public var candidates: CandidateSet
    /// m² of usable area per household newly served (area.per100 / 100 = 0.30).
    public var areaPerHousehold: Double
    /// Smallest recommended area (`--min-area`), when given.
    public var minAreaM2: Double?
    /// Candidate neighbourhood of the p-median model, metres (default 3 × radius; ∞ = exact).
    public var distanceCap: Double?
    public var localSearch: Bool
    /// Reach measured along the walking network (`--network`).
    public var network: Bool
    /// Solve exactly (CBC, `ExactSearch`) after the heuristic (`--exact`; also done when the
    /// instance is small, `ExactSearch.isSmall`), within `timeLimit` seconds.
    public var exact: Bool = false
    public var timeLimit: Double = 10
    /// When the run started (set by `SitingAnalysis.solve`): the automatic exact search gets
    /// what is left of `timeLimit`.
    var started: Date? = nil
    /// Costs from any router replacing straight-line distances (`--costs`).
    public var costs: CostTable? = nil
    /// Capacity-aware siting (`--capacity area`): centers serve at most their area's households.
    public var capacity: SitingCapacity? = nil

    public init(
        objective: SitingObjective = .cover, count: Int? = nil, selection: FacilitySelection,
        candidates: CandidateSet = .imported, areaPerHousehold: Double = 0.30, minAreaM2: Double? = nil,
        distanceCap: Double? = nil, localSearch: Bool = true, network: Bool = false
    ) {
        self.objective = objective; self.count = count; self.selection = selection; self.candidates = candidates
        self.areaPerHousehold = areaPerHousehold; self.minAreaM2 = minAreaM2; self.distanceCap = distanceCap
        self.localSearch = localSearch; self.network = network
    }
}
