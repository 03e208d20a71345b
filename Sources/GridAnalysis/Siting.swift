import GridGeo
import GridModel

/// What a siting list optimizes (`--objective`).
public enum SitingObjective: String, Codable, Sendable, CaseIterable {
    /// Maximal covering location: K sites bringing the most uncovered households within reach.
    case cover
    /// Set covering: the fewest sites reaching every building any candidate can reach.
    case all
    /// p-median: minimize household-weighted distance to the nearest center, existing and new.
    case distance
}

/// Which candidate sites to consider (`--candidates`).
public enum CandidateSet: String, Codable, Sendable, CaseIterable {
    case imported, generated, both
}

/// Where one candidate came from.
public enum CandidateSource: String, Codable, Sendable {
    /// Imported from `candidates.csv` / `.geojson`.
    case imported
    /// A building location inside a gap neighbourhood (see `CandidateGeneration`).
    case generated
}

/// A candidate site as the solvers see it.
public struct SitingCandidate: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var kind: String?
    public var communityId: String?
    public var availableAreaM2: Double?
    public var location: Point
    public var lonLat: Point
    public var source: CandidateSource
    /// For generated candidates: the gap neighbourhood it lies in.
    public var gapId: String?

    public init(id: String, name: String? = nil, kind: String? = nil, communityId: String? = nil,
                availableAreaM2: Double? = nil, location: Point, lonLat: Point,
                source: CandidateSource = .imported, gapId: String? = nil) {
        self.id = id; self.name = name; self.kind = kind; self.communityId = communityId
        self.availableAreaM2 = availableAreaM2; self.location = location; self.lonLat = lonLat
        self.source = source; self.gapId = gapId
    }

    init(_ c: Candidate) {
        self.init(id: c.id, name: c.name, kind: c.kind, communityId: c.communityId,
                  availableAreaM2: c.availableAreaM2, location: c.location, lonLat: c.lonLat)
    }
}

/// Compressed sparse rows: row `r` holds `items[offsets[r]..<offsets[r+1]]` (and the
/// matching `distances` when kept). Int32 items keep megacity coverage sets compact.
public struct SparseRows: Sendable {
    public var offsets: [Int]
    public var items: [Int32]
    public var distances: [Float]

    public init(offsets: [Int] = [0], items: [Int32] = [], distances: [Float] = []) {
        self.offsets = offsets; self.items = items; self.distances = distances
    }

    public var rowCount: Int { offsets.count - 1 }
    @inlinable public func range(_ r: Int) -> Range<Int> { offsets[r]..<offsets[r + 1] }

    /// Builds rows by calling `fill(r, append)` for each row; `append(item, distance)`.
    /// Items within a row are sorted ascending so the layout does not depend on tree order.
    static func build(rows: Int, keepDistances: Bool,
                      _ fill: (Int, (Int32, Float) -> Void) -> Void) -> SparseRows {
        var out = SparseRows()
        out.offsets.reserveCapacity(rows + 1)
        var scratch: [(Int32, Float)] = []
        for r in 0..<rows {
            scratch.removeAll(keepingCapacity: true)
            fill(r) { scratch.append(($0, $1)) }
            scratch.sort { $0.0 < $1.0 }
            for (i, d) in scratch {
                out.items.append(i)
                if keepDistances { out.distances.append(d) }
            }
            out.offsets.append(out.items.count)
        }
        return out
    }

    /// The transpose: row `i` of the result lists the rows of `self` that hold item `i`.
    func transposed(columns: Int) -> SparseRows {
        var counts = [Int](repeating: 0, count: columns + 1)
        for it in items { counts[Int(it) + 1] += 1 }
        for c in 0..<columns { counts[c + 1] += counts[c] }
        var fillPos = counts
        var outItems = [Int32](repeating: 0, count: items.count)
        var outDist = [Float](repeating: 0, count: distances.isEmpty ? 0 : items.count)
        for r in 0..<rowCount {
            for k in range(r) {
                let c = Int(items[k])
                outItems[fillPos[c]] = Int32(r)
                if !distances.isEmpty { outDist[fillPos[c]] = distances[k] }
                fillPos[c] += 1
            }
        }
        return SparseRows(offsets: counts, items: outItems, distances: outDist)
    }
}

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

    public var demandCount: Int { weights.count }
    public var totalHouseholds: Int { weights.reduce(0, +) }
    public var coveredHouseholdsBefore: Int {
        var s = 0
        for i in weights.indices where coveredBefore[i] { s += weights[i] }
        return s
    }

    /// Builds an instance directly (tests, `--instance` files). `existingDistance` defaults
    /// to 0 for covered and +∞ for uncovered demand when not given.
    public init(demandIds: [String], demandLocations: [Point], weights: [Int],
                demandCommunityIds: [String?]? = nil, coveredBefore: [Bool],
                existingDistance: [Double]? = nil, candidates: [SitingCandidate], radius: Double,
                buildCoverage: Bool = true) {
        precondition(demandIds.count == weights.count && demandLocations.count == weights.count
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
        if buildCoverage { self.coverage = coverageRows(of: self.candidates.map(\.location), radius: radius, uncoveredOnly: true) }
    }

    /// The demand points within `radius` of each point, as sparse rows (ascending demand index),
    /// optionally only the uncovered ones and keeping distances.
    public func coverageRows(of points: [Point], radius: Double, uncoveredOnly: Bool,
                             keepDistances: Bool = false,
                             keep: ((Int, Double) -> Bool)? = nil) -> SparseRows {
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
        let rows = network.reachRows(origins: candidates.map(\.location),
                                     cutoff: Array(repeating: radius, count: candidates.count),
                                     targetAttachments: network.attachAll(points, maxDistance: radius))
        // pool is ascending, so the rows stay ascending in demand index
        return SparseRows(offsets: rows.offsets, items: rows.items.map { Int32(pool[Int($0)]) }, distances: [])
    }

    /// The instance of a snapshot: buildings weighted by households, coverage by the
    /// counted facilities of `selection` (street level reaches 1,000 m), the given candidates.
    public static func make(snapshot: Snapshot, selection: FacilitySelection,
                            candidates: [SitingCandidate]) -> SitingProblem {
        let buildings = snapshot.buildings.filter { $0.households > 0 }
        let state = existingService(buildings: buildings, facilities: snapshot.facilities, selection: selection)
        return SitingProblem(demandIds: buildings.map(\.id), demandLocations: buildings.map(\.location),
                             weights: buildings.map(\.households), demandCommunityIds: buildings.map(\.communityId),
                             coveredBefore: state.covered, existingDistance: state.distance,
                             candidates: candidates, radius: selection.radius)
    }

    /// For each building: whether a counted facility reaches it (each within its own reach),
    /// and the distance to the nearest counted facility.
    public static func existingService(buildings: [Building], facilities: [Facility],
                                       selection: FacilitySelection) -> (covered: [Bool], distance: [Double]) {
        let counted = selection.countedIndices(facilities).map { facilities[$0] }
        var covered = [Bool](repeating: false, count: buildings.count)
        var distance = [Double](repeating: .infinity, count: buildings.count)
        guard !counted.isEmpty else { return (covered, distance) }
        let tree = KDTree(points: buildings.map(\.location))
        for f in counted {
            tree.forEach(within: selection.reach(of: f), of: f.location) { i, _ in covered[i] = true }
        }
        let ftree = KDTree(points: counted.map(\.location))
        for (i, b) in buildings.enumerated() {
            if let n = ftree.nearest(to: b.location) { distance[i] = n.distance }
        }
        return (covered, distance)
    }
}

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

    public init(objective: SitingObjective = .cover, count: Int? = nil, selection: FacilitySelection,
                candidates: CandidateSet = .imported, areaPerHousehold: Double = 0.30, minAreaM2: Double? = nil,
                distanceCap: Double? = nil, localSearch: Bool = true, network: Bool = false) {
        self.objective = objective; self.count = count; self.selection = selection; self.candidates = candidates
        self.areaPerHousehold = areaPerHousehold; self.minAreaM2 = minAreaM2; self.distanceCap = distanceCap
        self.localSearch = localSearch; self.network = network
    }
}

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
    }
}

/// The siting list and its figures (docs/data-format.md §3, `gridplan site`).
public struct SitingResult: Codable, Sendable {
    public var objective: SitingObjective
    public var radiusM: Double
    public var method: String
    public var workingCrs: String?
    public var inputCrs: String?
    public var totalHouseholds: Int
    public var coveredHouseholdsBefore: Int
    public var coveredHouseholdsAfter: Int
    /// A proven upper bound on the households covered (before + new) by any choice of K
    /// candidates (`cover`; for the other objectives: before + every household a candidate reaches).
    public var upperBoundHouseholds: Int
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

    enum CodingKeys: String, CodingKey {
        case objective, method, count, evaluations, iterations, swaps, sites
        case radiusM = "radius_m", workingCrs = "working_crs", inputCrs = "input_crs"
        case totalHouseholds = "total_households", coveredHouseholdsBefore = "covered_households_before"
        case coveredHouseholdsAfter = "covered_households_after", upperBoundHouseholds = "upper_bound_households"
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
    }
}

/// `gridplan site`: where to open the next service centers.
public enum SitingAnalysis {
    public static let noCandidatesMessage = "no candidate sites: import candidates.csv or use --candidates generated"

    /// Runs on a snapshot: collects candidates, builds the instance and solves it.
    /// - Throws: `UsageError` when there are no candidates, `count` is missing, or `network`
    ///   is asked for without walkable roads. With `network`, `distance` is the p-median over
    ///   walking distances (existing counted facilities as open centers, however far away).
    public static func run(snapshot: Snapshot, parameters p: SitingParameters) throws -> SitingResult {
        let buildings = snapshot.buildings.filter { $0.households > 0 }
        var network: WalkingNetwork? = nil
        if p.network {
            let net = WalkingNetwork(roads: snapshot.roads)
            guard net.edgeCount > 0 else {
                throw UsageError("--network needs walkable roads, and the store has none (import roads.geojson, or drop --network)")
            }
            network = net
        }
        let state: (covered: [Bool], distance: [Double])
        if let network {
            let nd = Coverage.networkDistances(network: network, buildings: buildings.map(\.location),
                                               facilities: snapshot.facilities, selection: p.selection)
            state = (nd.distances.map(\.covered), nd.distances.map(\.nearestDistance))
        } else {
            state = SitingProblem.existingService(buildings: buildings, facilities: snapshot.facilities, selection: p.selection)
        }
        var candidates: [SitingCandidate] = []
        if p.candidates != .generated { candidates += snapshot.candidates.map(SitingCandidate.init) }
        if p.candidates != .imported {
            candidates += CandidateGeneration.gapCandidates(buildings: buildings, covered: state.covered,
                                                            radius: p.selection.radius)
        }
        guard !candidates.isEmpty else { throw UsageError(noCandidatesMessage) }
        var existingDistance = state.distance
        var networkDemand: [WalkingNetwork.Attachment?]? = nil
        if let network, p.objective == .distance {
            // p-median: the walk to the nearest counted facility, however far (not cut at the reach)
            let attached = network.attachAll(buildings.map(\.location), maxDistance: .infinity)
            let counted = p.selection.countedIndices(snapshot.facilities)
                .sorted { (snapshot.facilities[$0].id, $0) < (snapshot.facilities[$1].id, $1) }
            let centers = counted.map { network.attach(snapshot.facilities[$0].location, maxDistance: .infinity) }
            existingDistance = network.nearestCenters(targets: attached, centers: centers).distance
            networkDemand = attached
        }
        var problem = SitingProblem(demandIds: buildings.map(\.id), demandLocations: buildings.map(\.location),
                                    weights: buildings.map(\.households), demandCommunityIds: buildings.map(\.communityId),
                                    coveredBefore: state.covered, existingDistance: existingDistance,
                                    candidates: candidates, radius: p.selection.radius, buildCoverage: network == nil)
        if let network { problem.coverage = problem.networkCoverageRows(network) }
        var result = try solve(problem, parameters: p, network: networkDemand.map { (network!, $0) })
        result.method = network == nil ? "euclidean" : "network"
        result.workingCrs = snapshot.metadata.workingCRS
        result.inputCrs = snapshot.metadata.sourceCRS
        let input = CoordinateSystem(parsing: snapshot.metadata.sourceCRS)
        if input == .gcj02 || input == .bd09 {
            for k in result.sites.indices {
                let p = Point(result.sites[k].lon, result.sites[k].lat)
                let q = input == .gcj02 ? ChinaCoordinates.wgs84ToGCJ02(p) : ChinaCoordinates.wgs84ToBD09(p)
                result.sites[k].inputCrsLon = rounded7(q.x); result.sites[k].inputCrsLat = rounded7(q.y)
            }
        }
        return result
    }

    /// Solves an instance. With `network` (the walking network and where each demand point
    /// joins it), the `distance` objective measures along the network; `problem.coverage` and
    /// `problem.existingDistance` must then already be network figures.
    public static func solve(_ problem: SitingProblem, parameters p: SitingParameters,
                             network: (WalkingNetwork, [WalkingNetwork.Attachment?])? = nil) throws -> SitingResult {
        guard !problem.candidates.isEmpty else { throw UsageError(noCandidatesMessage) }
        if p.objective != .all {
            guard let k = p.count, k >= 1 else {
                throw UsageError("--count: the number of sites is required for --objective \(p.objective.rawValue) (expected an integer ≥ 1)")
            }
            _ = k
        }
        let rows = problem.coverage
        let w = problem.weights
        let before = problem.coveredHouseholdsBefore
        var coverable = [Bool](repeating: false, count: w.count)
        for it in rows.items { coverable[Int(it)] = true }
        let coverableHouseholds = w.indices.reduce(0) { coverable[$1] ? $0 + w[$1] : $0 }

        var result = SitingResult(
            objective: p.objective, radiusM: problem.radius, method: "euclidean", workingCrs: nil, inputCrs: nil,
            totalHouseholds: problem.totalHouseholds, coveredHouseholdsBefore: before, coveredHouseholdsAfter: before,
            upperBoundHouseholds: before + coverableHouseholds, candidateCount: problem.candidates.count,
            count: p.count, evaluations: 0, iterations: 0, swaps: 0, sites: [])
        var order: [(site: Int, newCovered: Int, saving: Double?)] = []
        var servedBySite: [Int: Int]? = nil
        switch p.objective {
        case .cover:
            let sol = MaximalCovering.solve(rows: rows, weights: w, count: p.count!, localSearch: p.localSearch)
            order = MaximalCovering.rank(sol.selected, rows: rows, weights: w).map { ($0.site, $0.gain, nil) }
            result.upperBoundHouseholds = before + sol.upperBound
            result.evaluations = sol.evaluations; result.iterations = sol.passes; result.swaps = sol.swaps
            result.greedyNewHouseholds = sol.greedyValue
            result.swapNewHouseholds = sol.swapValue
            result.perturbationRounds = sol.perturbationRounds
            result.localSearch = describeLocalSearch(sol, enabled: p.localSearch)
        case .all:
            let pool = w.indices.filter { !problem.coveredBefore[$0] }
            let sol = SetCovering.solve(rows: rows, weights: w, pool: pool)
            order = MaximalCovering.rank(sol.selected, rows: rows, weights: w).map { ($0.site, $0.gain, nil) }
            result.sitesNeededForFullCover = order.count
            if let k = p.count, k < order.count { order = Array(order.prefix(max(0, k))) }
            result.uncoverableBuildingIds = sol.unreachable.map { problem.demandIds[$0] }.sorted()
            result.uncoverableHouseholds = sol.unreachable.reduce(0) { $0 + w[$1] }
            result.evaluations = sol.selected.count + sol.removed; result.redundantRemoved = sol.removed
        case .distance:
            let cap = p.distanceCap ?? 3 * problem.radius
            var served: [Int: Int] = [:]
            let sol: PMedian.Solution
            if let (net, attached) = network {
                sol = networkPMedian(problem, network: net, demandAttachments: attached, count: p.count!, cap: cap,
                                     localSearch: p.localSearch)
            } else {
                sol = PMedian.solve(demand: problem.demandLocations, weights: w, base: problem.existingDistance,
                                    candidates: problem.candidates.map(\.location), count: p.count!, cap: cap,
                                    localSearch: p.localSearch)
            }
            var covered = [Bool](repeating: false, count: w.count)
            for (j, saving) in sol.ranking {
                var g = 0
                for q in rows.range(j) where !covered[Int(rows.items[q])] { g += w[Int(rows.items[q])]; covered[Int(rows.items[q])] = true }
                order.append((j, g, saving))
            }
            result.iterations = sol.passes; result.swaps = sol.swaps
            result.distanceCapM = cap.isFinite ? cap : nil
            if let (net, attached) = network {
                // exact walking distances to the nearest chosen site (no cap; ties by candidate id)
                let chosen = sol.selected.sorted()
                let near = net.nearestCenters(targets: attached,
                                              centers: chosen.map { net.attach(problem.candidates[$0].location, maxDistance: .infinity) })
                var wBefore = 0.0, wAfter = 0.0, hhBefore = 0, hhAfter = 0
                var unreached: [String] = []
                for i in w.indices where w[i] > 0 {
                    let base = problem.existingDistance[i], dNew = near.distance[i]
                    if near.center[i] >= 0 && dNew < base { served[chosen[Int(near.center[i])], default: 0] += w[i] }
                    if base.isFinite { wBefore += Double(w[i]) * base; hhBefore += w[i] }
                    let after = min(base, dNew)
                    if after.isFinite { wAfter += Double(w[i]) * after; hhAfter += w[i] } else { unreached.append(problem.demandIds[i]) }
                }
                if hhBefore > 0 { result.weightedDistanceBeforeM = rounded1(wBefore); result.meanDistanceBeforeM = rounded1(wBefore / Double(hhBefore)) }
                if hhAfter > 0 { result.weightedDistanceAfterM = rounded1(wAfter); result.meanDistanceAfterM = rounded1(wAfter / Double(hhAfter)) }
                result.unreachedHouseholdsBefore = problem.totalHouseholds - hhBefore
                result.unreachedHouseholdsAfter = problem.totalHouseholds - hhAfter
                result.unreachedBuildingIds = unreached.sorted()
            } else {
                // exact distances to the nearest center, existing and new
                let tree = KDTree(points: sol.selected.map { problem.candidates[$0].location })
                var wBefore = 0.0, wAfter = 0.0
                for i in w.indices where w[i] > 0 {
                    let near = tree.nearest(to: problem.demandLocations[i])
                    let dNew = near?.distance ?? .infinity
                    if let near, dNew < problem.existingDistance[i] { served[sol.selected[near.index], default: 0] += w[i] }
                    wBefore += Double(w[i]) * problem.existingDistance[i]
                    wAfter += Double(w[i]) * min(problem.existingDistance[i], dNew)
                }
                let total = Double(max(1, problem.totalHouseholds))
                if wBefore.isFinite { result.weightedDistanceBeforeM = rounded1(wBefore); result.meanDistanceBeforeM = rounded1(wBefore / total) }
                if wAfter.isFinite { result.weightedDistanceAfterM = rounded1(wAfter); result.meanDistanceAfterM = rounded1(wAfter / total) }
            }
            servedBySite = served
        }

        var cumulative = before
        let total = problem.totalHouseholds
        for (r, entry) in order.enumerated() {
            let c = problem.candidates[entry.site]
            cumulative += entry.newCovered
            let served = servedBySite.map { $0[entry.site] ?? 0 }
            let area = max(Double(served ?? entry.newCovered) * p.areaPerHousehold, p.minAreaM2 ?? 0)
            let recommended = rounded1(area)
            result.sites.append(SitingSite(
                rank: r + 1, candidateId: c.id, name: c.name, kind: c.kind, source: c.source, gapId: c.gapId,
                lon: rounded7(c.lonLat.x), lat: rounded7(c.lonLat.y), inputCrsLon: nil, inputCrsLat: nil,
                communityId: c.communityId, newHouseholdsCovered: entry.newCovered,
                cumulativeCoveredHouseholds: cumulative,
                coverageRateAfter: total > 0 ? rounded4(Double(cumulative) / Double(total)) : 0,
                recommendedAreaM2: recommended, availableAreaM2: c.availableAreaM2,
                areaSufficient: c.availableAreaM2.map { $0 >= recommended },
                weightedDistanceReductionM: entry.saving.map(rounded1), householdsServed: served))
        }
        result.coveredHouseholdsAfter = cumulative
        return result
    }

    /// The p-median along the walking network: candidate j's row holds the demand within
    /// `cap` metres of j by access leg + path + access leg (one Dijkstra bounded by the cap per
    /// candidate) that j is strictly closer to than its nearest existing facility. Demand
    /// beyond the cap of every chosen site keeps its existing distance in the model, as with
    /// straight lines; the distances reported afterwards are exact.
    static func networkPMedian(_ problem: SitingProblem, network: WalkingNetwork,
                               demandAttachments: [WalkingNetwork.Attachment?], count: Int, cap: Double,
                               localSearch: Bool) -> PMedian.Solution {
        let existing = problem.existingDistance, weights = problem.weights
        let reach = network.reachRows(origins: problem.candidates.map(\.location),
                                      cutoff: Array(repeating: cap, count: problem.candidates.count),
                                      targetAttachments: demandAttachments,
                                      keep: { _, i, d in weights[i] > 0 && d < existing[i] })
        // a stand-in for "no center reachable": longer than every distance in the model
        var far = 1.0
        for d in reach.distances where d + 1 > far { far = d + 1 }
        for d in existing where d.isFinite && d + 1 > far { far = d + 1 }
        return PMedian.solve(rows: reach.sparse, weights: weights, base: existing.map { min($0, far) }, count: count,
                             localSearch: localSearch)
    }

    static func describeLocalSearch(_ sol: MaximalCovering.Solution, enabled: Bool) -> String {
        guard enabled else { return "greedy only" }
        let why: String
        switch sol.perturbationStop {
        case "off": return "swaps (no perturbation: fewer useful candidates than sites, or greedy stopped early)"
        case "skipped": return "swaps (no perturbation: a round exceeds the work budget)"
        case "optimal": why = "reached the upper bound"
        case "rounds": why = "round limit"
        default: why = "work budget"
        }
        return "swaps + perturbation: \(sol.perturbationRounds) rounds, \(sol.perturbationImprovements) improving, stopped by \(why)"
    }

    static func rounded1(_ x: Double) -> Double { (x * 10).rounded() / 10 }
    static func rounded4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
    static func rounded7(_ x: Double) -> Double { (x * 10_000_000).rounded() / 10_000_000 }
}
