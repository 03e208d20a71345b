import Foundation
import GridGeo
import GridModel

/// A site in the order the objective ranks it: the candidate, the households it newly covers
/// given the earlier ranks, and (`distance`) the household-metres it saves.
struct RankedSite {
    var site: Int
    var newCovered: Int
    var saving: Double?
}

/// What an objective's solver hands to the list: the ranked sites and, for `distance`, the
/// households each site serves (the recommended area is sized on them; nil: on the households
/// newly covered).
struct ObjectiveSolution {
    var ranking: [RankedSite]
    var servedBySite: [Int: Int]? = nil
    /// `distance`: the proven lower bound on the weighted distance after, household-metres.
    var distanceLowerBound: Double? = nil
    /// `--capacity area`, `cover`: the households the existing centers can serve within their
    /// capacity (replacing the uncapacitated figure).
    var coveredBefore: Int? = nil
}

extension SitingAnalysis {
    /// Solves an instance. With `network` (the walking network and where each demand point
    /// joins it), the `distance` objective measures along the network; `problem.coverage` and
    /// `problem.existingDistance` must then already be network figures.
    /// - Throws: `UsageError` when there are no candidates or `count` is missing where the
    ///   objective needs it.
    public static func solve(
        _ problem: SitingProblem, parameters: SitingParameters,
        network: (WalkingNetwork, [WalkingNetwork.Attachment?])? = nil
    ) throws -> SitingResult {
        guard !problem.candidates.isEmpty else { throw SitingAnalysis.noCandidates }
        if parameters.objective != .all {
            guard let count = parameters.count, count >= 1 else {
                throw UsageError(key: "usage.site.count_required", ["objective": parameters.objective.rawValue])
            }
        }
        var parameters = parameters
        if parameters.started == nil { parameters.started = Date() }
        var result = emptyResult(problem, parameters: parameters)
        var solution: ObjectiveSolution
        switch parameters.objective {
        case .cover: solution = solveMaximalCovering(problem, parameters: parameters, into: &result)
        case .all: solution = solveSetCovering(problem, parameters: parameters, into: &result)
        case .distance: solution = solvePMedian(problem, parameters: parameters, network: network, into: &result)
        case .center: solution = try solvePCenter(problem, parameters: parameters, into: &result)
        }
        if parameters.capacity != nil {
            solution = try solveCapacitated(problem, parameters: parameters, uncapacitated: solution, into: &result)
            if let before = solution.coveredBefore { result.coveredHouseholdsBefore = before }
        }
        result.sites = rankedSites(solution, problem: problem, parameters: parameters)
        result.coveredHouseholdsAfter = result.sites.last?.cumulativeCoveredHouseholds ?? result.coveredHouseholdsBefore
        if parameters.capacity != nil { recordCapacities(&result, problem: problem, parameters: parameters) }
        certify(&result, distanceLowerBound: solution.distanceLowerBound)
        return result
    }

    /// The result before any site is chosen: the households covered before and, as the upper
    /// bound, those plus every household some candidate reaches.
    static func emptyResult(_ problem: SitingProblem, parameters: SitingParameters) -> SitingResult {
        let weights = problem.weights
        let before = problem.coveredHouseholdsBefore
        var coverable = [Bool](repeating: false, count: weights.count)
        for item in problem.coverage.items { coverable[Int(item)] = true }
        let coverableHouseholds = weights.indices.reduce(0) { coverable[$1] ? $0 + weights[$1] : $0 }
        return SitingResult(
            objective: parameters.objective, radiusM: problem.radius, method: .euclidean, workingCrs: nil, inputCrs: nil,
            totalHouseholds: problem.totalHouseholds, coveredHouseholdsBefore: before, coveredHouseholdsAfter: before,
            upperBoundHouseholds: before + coverableHouseholds, candidateCount: problem.candidates.count,
            count: parameters.count, evaluations: 0, iterations: 0, swaps: 0, sites: [])
    }

    /// The rows of the list: per ranked site its cumulative coverage, the recommended area
    /// (households newly covered, or served for `distance`, × area per household, at least the
    /// minimum area) and whether the candidate's available area reaches it.
    static func rankedSites(_ solution: ObjectiveSolution, problem: SitingProblem, parameters: SitingParameters) -> [SitingSite] {
        var cumulative = solution.coveredBefore ?? problem.coveredHouseholdsBefore
        let total = problem.totalHouseholds
        var sites: [SitingSite] = []
        for (rank, entry) in solution.ranking.enumerated() {
            let candidate = problem.candidates[entry.site]
            cumulative += entry.newCovered
            let served = solution.servedBySite.map { $0[entry.site] ?? 0 }
            let area = max(Double(served ?? entry.newCovered) * parameters.areaPerHousehold, parameters.minAreaM2 ?? 0)
            let recommended = rounded(area, 1)
            sites.append(
                SitingSite(
                    rank: rank + 1, candidateId: candidate.id, name: candidate.name, kind: candidate.kind,
                    source: candidate.source,
                    gapId: candidate.gapId, lon: rounded(candidate.lonLat.x, 7), lat: rounded(candidate.lonLat.y, 7),
                    inputCrsLon: nil, inputCrsLat: nil, communityId: candidate.communityId,
                    newHouseholdsCovered: entry.newCovered,
                    cumulativeCoveredHouseholds: cumulative,
                    coverageRateAfter: total > 0 ? rounded(Double(cumulative) / Double(total), 4) : 0,
                    recommendedAreaM2: recommended, availableAreaM2: candidate.availableAreaM2,
                    areaSufficient: candidate.availableAreaM2.map { $0 >= recommended },
                    weightedDistanceReductionM: entry.saving.map { rounded($0, 1) }, householdsServed: served))
        }
        return sites
    }
}
