import GridGeo
import GridModel

/// `gridplan site`: where to open the next service centers.
///
/// A run builds the instance (`instance(snapshot:parameters:)`: demand, existing service,
/// candidates and the coverage matrix, straight line or along the walking network), solves it
/// for the objective (`solve`, dispatching to one solver per `SitingObjective`) and assembles
/// the ranked list (`rankedSites`).
public enum SitingAnalysis {
    /// The error when there is no candidate to choose from.
    public static var noCandidates: UsageError { UsageError(key: "usage.site.no_candidates") }

    /// Runs on a snapshot: collects candidates, builds the instance and solves it.
    /// - Throws: `UsageError` when there are no candidates, `count` is missing, or `network`
    ///   is asked for without walkable roads. With `network`, `distance` is the p-median over
    ///   walking distances (existing counted facilities as open centers, however far away).
    public static func run(snapshot: Snapshot, parameters: SitingParameters) throws -> SitingResult {
        if let costs = parameters.costs {
            var result = try solve(
                try costInstance(snapshot: snapshot, parameters: parameters, costs: costs), parameters: parameters)
            result.method = .costs
            result.workingCrs = snapshot.metadata.workingCRS
            result.inputCrs = snapshot.metadata.sourceCRS
            addInputCoordinates(&result, sourceCRS: snapshot.metadata.sourceCRS)
            return result
        }
        let network = try walkingNetwork(snapshot, parameters: parameters)
        let instance = try instance(snapshot: snapshot, parameters: parameters, network: network)
        var result = try solve(
            instance.problem, parameters: parameters,
            network: instance.demandAttachments.map { (network!, $0) })
        result.method = network == nil ? .euclidean : .network
        result.workingCrs = snapshot.metadata.workingCRS
        result.inputCrs = snapshot.metadata.sourceCRS
        addInputCoordinates(&result, sourceCRS: snapshot.metadata.sourceCRS)
        return result
    }

    /// The walking network when `parameters.network` asks for it.
    /// - Throws: `UsageError` when the store has no walkable roads.
    static func walkingNetwork(_ snapshot: Snapshot, parameters: SitingParameters) throws -> WalkingNetwork? {
        guard parameters.network else { return nil }
        let network = WalkingNetwork(roads: snapshot.roads)
        guard network.edgeCount > 0 else {
            throw UsageError(key: "usage.siting_analysis.1")
        }
        return network
    }

    /// The siting instance of a snapshot: buildings with households as demand, the existing
    /// service, the candidates of `parameters.candidates`, and the coverage matrix (along
    /// `network` when given). For `distance` along the network: where each demand point joins
    /// the network, and the existing distances are walks to the nearest counted facility
    /// however far (not cut at the reach).
    /// - Throws: `UsageError` when there are no candidates.
    static func instance(snapshot: Snapshot, parameters: SitingParameters, network: WalkingNetwork?) throws
        -> (problem: SitingProblem, demandAttachments: [WalkingNetwork.Attachment?]?)
    {
        let buildings = snapshot.buildings.filter { $0.households > 0 }
        let state = SitingProblem.existingService(
            buildings: buildings, facilities: snapshot.facilities,
            selection: parameters.selection, network: network)
        var candidates: [SitingCandidate] = []
        if parameters.candidates != .generated { candidates += snapshot.candidates.map(SitingCandidate.init) }
        if parameters.candidates != .imported {
            candidates += CandidateGeneration.gapCandidates(
                buildings: buildings, covered: state.covered,
                radius: parameters.selection.radius)
        }
        guard !candidates.isEmpty else { throw noCandidates }
        var existingDistance = state.distance
        var demandAttachments: [WalkingNetwork.Attachment?]? = nil
        if let network, parameters.objective == .distance {
            let attached = network.attachAll(buildings.map(\.location), maxDistance: .infinity)
            let counted = parameters.selection.countedIndices(snapshot.facilities)
                .sorted { (snapshot.facilities[$0].id, $0) < (snapshot.facilities[$1].id, $1) }
            let centers = counted.map { network.attach(snapshot.facilities[$0].location, maxDistance: .infinity) }
            existingDistance = network.nearestCenters(targets: attached, centers: centers).distance
            demandAttachments = attached
        }
        var problem = SitingProblem(
            demandIds: buildings.map(\.id), demandLocations: buildings.map(\.location),
            weights: buildings.map(\.households), demandCommunityIds: buildings.map(\.communityId),
            coveredBefore: state.covered, existingDistance: existingDistance,
            candidates: candidates, radius: parameters.selection.radius, buildCoverage: network == nil)
        if let network { problem.coverage = problem.networkCoverageRows(network) }
        if parameters.capacity == .area {
            problem.existingCenters = parameters.selection.countedIndices(snapshot.facilities).map { f in
                let facility = snapshot.facilities[f]
                return CapacitatedSiting.Center(
                    location: facility.location, reach: parameters.selection.reach(of: facility),
                    capacity: CapacitatedSiting.capacity(
                        area: facility.usableAreaM2, areaPerHousehold: parameters.areaPerHousehold))
            }
        }
        return (problem, demandAttachments)
    }

    /// The sites' coordinates in the input CRS as well, when that was GCJ-02 or BD-09.
    static func addInputCoordinates(_ result: inout SitingResult, sourceCRS: String) {
        let input = CoordinateSystem(parsing: sourceCRS)
        guard input == .gcj02 || input == .bd09 else { return }
        for k in result.sites.indices {
            let p = Point(result.sites[k].lon, result.sites[k].lat)
            let q = input == .gcj02 ? ChinaCoordinates.wgs84ToGCJ02(p) : ChinaCoordinates.wgs84ToBD09(p)
            result.sites[k].inputCrsLon = rounded(q.x, 7); result.sites[k].inputCrsLat = rounded(q.y, 7)
        }
    }
}
