import GridGeo
import GridModel

/// The siting instance: demand points weighted by households, which of them existing
/// facilities already cover, candidate sites (sorted by id so that index order breaks
/// ties), and each candidate's coverage set over the still-uncovered demand.
public struct SitingProblem: Sendable {
    /// Demand: one point per building with households > 0 (a building without
    /// households needs no service).
    public var demandIds: [String]
    public var demandLocations: [Point]
    public var weights: [Int]
    public var demandCommunityIds: [String?]
    /// Whether an existing counted facility already reaches the demand point.
    public var coveredBefore: [Bool]
    /// Distance to the nearest existing counted facility (+∞ when there is none).
    public var existingDistance: [Double]
    /// Candidates sorted by id.
    public var candidates: [SitingCandidate]
    /// Reach of a new site, metres.
    public var radius: Double
    /// Row j: the uncovered demand points within `radius` of candidate j (ascending).
    public var coverage: SparseRows
    /// `--capacity area`: the existing counted facilities as centers (location, reach, capacity).
    public var existingCenters: [CapacitatedSiting.Center] = []

    public var demandCount: Int { weights.count }
    public var totalHouseholds: Int { weights.reduce(0, +) }
    public var coveredHouseholdsBefore: Int {
        var s = 0
        for i in weights.indices where coveredBefore[i] { s += weights[i] }
        return s
    }

    /// Builds an instance directly (tests, `--instance` files). `existingDistance` defaults
    /// to 0 for covered and +∞ for uncovered demand when not given.
    public init(
        demandIds: [String], demandLocations: [Point], weights: [Int],
        demandCommunityIds: [String?]? = nil, coveredBefore: [Bool],
        existingDistance: [Double]? = nil, candidates: [SitingCandidate], radius: Double,
        buildCoverage: Bool = true
    ) {
        precondition(
            demandIds.count == weights.count && demandLocations.count == weights.count
                && coveredBefore.count == weights.count)
        self.demandIds = demandIds
        self.demandLocations = demandLocations
        self.weights = weights
        self.demandCommunityIds = demandCommunityIds ?? Array(repeating: nil, count: weights.count)
        self.coveredBefore = coveredBefore
        self.existingDistance = existingDistance ?? coveredBefore.map { $0 ? 0 : .infinity }
        self.candidates = candidates.sorted { $0.id < $1.id }
        self.radius = radius
        self.coverage = SparseRows(offsets: Array(repeating: 0, count: candidates.count + 1))
        if buildCoverage {
            self.coverage = coverageRows(of: self.candidates.map(\.location), radius: radius, uncoveredOnly: true)
        }
    }

    /// The demand points within `radius` of each point, as sparse rows (ascending demand index),
    /// optionally only the uncovered ones and keeping distances.
    public func coverageRows(
        of points: [Point], radius: Double, uncoveredOnly: Bool,
        keepDistances: Bool = false,
        keep: ((Int, Double) -> Bool)? = nil
    ) -> SparseRows {
        let pool = uncoveredOnly ? demandLocations.indices.filter { !coveredBefore[$0] } : Array(demandLocations.indices)
        let tree = KDTree(points: pool.map { demandLocations[$0] })
        return SparseRows.build(rows: points.count, keepDistances: keepDistances) { r, append in
            tree.forEach(within: radius, of: points[r]) { k, d in
                let i = pool[k]
                if keep?(i, d) ?? true { append(Int32(i), Float(d)) }
            }
        }
    }

    /// Coverage rows measured along `network`: the uncovered demand within `radius` of each
    /// candidate by access leg + path + access leg (at least the straight-line distance, so a
    /// k-d tree pre-filters). One Dijkstra bounded by the radius per candidate, reusing its
    /// arrays (`WalkingNetwork.reachRows`).
    public func networkCoverageRows(_ network: WalkingNetwork) -> SparseRows {
        let pool = demandLocations.indices.filter { !coveredBefore[$0] }
        let points = pool.map { demandLocations[$0] }
        let rows = network.reachRows(
            origins: candidates.map(\.location),
            cutoff: Array(repeating: radius, count: candidates.count),
            targetAttachments: network.attachAll(points, maxDistance: radius))
        // pool is ascending, so the rows stay ascending in demand index
        return SparseRows(offsets: rows.offsets, items: rows.items.map { Int32(pool[Int($0)]) }, distances: [])
    }

    /// The instance of a snapshot: buildings weighted by households, coverage by the
    /// counted facilities of `selection` (street level reaches 1,000 m), the given candidates.
    public static func make(
        snapshot: Snapshot, selection: FacilitySelection,
        candidates: [SitingCandidate]
    ) -> SitingProblem {
        let buildings = snapshot.buildings.filter { $0.households > 0 }
        let state = existingService(buildings: buildings, facilities: snapshot.facilities, selection: selection)
        return SitingProblem(
            demandIds: buildings.map(\.id), demandLocations: buildings.map(\.location),
            weights: buildings.map(\.households), demandCommunityIds: buildings.map(\.communityId),
            coveredBefore: state.covered, existingDistance: state.distance,
            candidates: candidates, radius: selection.radius)
    }

    /// For each building: whether a counted facility reaches it (each within its own reach),
    /// and the distance to the nearest counted facility, straight line (`Coverage.euclidean`) or,
    /// with `network`, along the walking network (`Coverage.networkDistances`), as the coverage
    /// analysis measures them.
    public static func existingService(
        buildings: [Building], facilities: [Facility], selection: FacilitySelection,
        network: WalkingNetwork? = nil
    ) -> (covered: [Bool], distance: [Double]) {
        let points = buildings.map(\.location)
        let distances =
            network.map {
                Coverage.networkDistances(network: $0, buildings: points, facilities: facilities, selection: selection).distances
            } ?? Coverage.euclidean(buildings: points, facilities: facilities, selection: selection)
        return (distances.map(\.covered), distances.map(\.nearestDistance))
    }
}
