import GridGeo

extension SitingAnalysis {
    /// `distance`: the p-median of `count` sites over straight-line or (with `network`) walking
    /// distances, existing counted facilities as open centers; ranked by the household-metres
    /// each saves given the earlier ranks. The weighted and mean distances before and after are
    /// measured exactly (no cap), and each site's served households size its area.
    static func solvePMedian(
        _ problem: SitingProblem, parameters: SitingParameters,
        network: (WalkingNetwork, [WalkingNetwork.Attachment?])?,
        into result: inout SitingResult
    ) -> ObjectiveSolution {
        let rows = problem.coverage, weights = problem.weights
        let cap = parameters.distanceCap ?? 3 * problem.radius
        var solution: PMedian.Solution
        var costServed: [Int: Int]? = nil
        if let costs = parameters.costs {
            (solution, costServed) = costPMedian(
                problem, costs: costs, count: parameters.count!, cap: cap,
                parameters: parameters, into: &result)
        } else if let (walkingNetwork, attached) = network {
            solution = networkPMedian(
                problem, network: walkingNetwork, demandAttachments: attached, count: parameters.count!,
                cap: cap, localSearch: parameters.localSearch)
        } else {
            solution = PMedian.solve(
                demand: problem.demandLocations, weights: weights, base: problem.existingDistance,
                candidates: problem.candidates.map(\.location), count: parameters.count!, cap: cap,
                localSearch: parameters.localSearch)
            let lower = solution.lowerBound ?? 0
            let open = solution.objectiveAfter - lower > PMedianLagrangianBound.closeEnough * solution.objectiveAfter
            if open, let trigger = exactTrigger(problem, parameters: parameters) ?? automaticPMedianTrigger(problem, parameters) {
                let exact = exactPMedian(
                    problem, count: parameters.count!, heuristic: solution, parameters: parameters, trigger: trigger)
                solution = exact.solution
                if let stop = exact.stop { result.exactSearch = stop; result.exactSearchTrigger = trigger }
            }
        }
        var covered = [Bool](repeating: false, count: weights.count)
        var ranking: [RankedSite] = []
        for (site, saving) in solution.ranking {
            var gain = 0
            for q in rows.range(site) where !covered[Int(rows.items[q])] {
                gain += weights[Int(rows.items[q])]; covered[Int(rows.items[q])] = true
            }
            ranking.append(RankedSite(site: site, newCovered: gain, saving: saving))
        }
        result.iterations = solution.passes; result.swaps = solution.swaps
        result.distanceCapM = cap.isFinite ? cap : nil
        let served: [Int: Int]
        if let costServed {
            served = costServed
        } else if let (walkingNetwork, attached) = network {
            served = measureWalkingDistances(
                problem, selected: solution.selected, network: walkingNetwork,
                demandAttachments: attached, into: &result)
        } else {
            served = measureStraightDistances(problem, selected: solution.selected, into: &result)
        }
        return ObjectiveSolution(ranking: ranking, servedBySite: served, distanceLowerBound: solution.lowerBound)
    }

    /// Exact walking distances to the nearest center, existing and chosen (no cap; ties by
    /// candidate id): the weighted and mean distances before and after over the households some
    /// center can be walked to, the unreached households and buildings. Returns the households
    /// each chosen site serves (it is strictly nearer than every existing facility).
    static func measureWalkingDistances(
        _ problem: SitingProblem, selected: [Int], network: WalkingNetwork,
        demandAttachments: [WalkingNetwork.Attachment?],
        into result: inout SitingResult
    ) -> [Int: Int] {
        let weights = problem.weights
        let chosen = selected.sorted()
        let near = network.nearestCenters(
            targets: demandAttachments,
            centers: chosen.map { network.attach(problem.candidates[$0].location, maxDistance: .infinity) })
        var served: [Int: Int] = [:]
        var weightedBefore = 0.0, weightedAfter = 0.0, householdsBefore = 0, householdsAfter = 0
        var unreached: [String] = []
        for i in weights.indices where weights[i] > 0 {
            let base = problem.existingDistance[i], distanceToNew = near.distance[i]
            if near.center[i] >= 0 && distanceToNew < base { served[chosen[Int(near.center[i])], default: 0] += weights[i] }
            if base.isFinite { weightedBefore += Double(weights[i]) * base; householdsBefore += weights[i] }
            let after = min(base, distanceToNew)
            if after.isFinite {
                weightedAfter += Double(weights[i]) * after; householdsAfter += weights[i]
            } else {
                unreached.append(problem.demandIds[i])
            }
        }
        if householdsBefore > 0 {
            result.weightedDistanceBeforeM = rounded(weightedBefore, 1)
            result.meanDistanceBeforeM = rounded(weightedBefore / Double(householdsBefore), 1)
        }
        if householdsAfter > 0 {
            result.weightedDistanceAfterM = rounded(weightedAfter, 1)
            result.meanDistanceAfterM = rounded(weightedAfter / Double(householdsAfter), 1)
        }
        result.unreachedHouseholdsBefore = problem.totalHouseholds - householdsBefore
        result.unreachedHouseholdsAfter = problem.totalHouseholds - householdsAfter
        result.unreachedBuildingIds = unreached.sorted()
        return served
    }

    /// Exact straight-line distances to the nearest center, existing and chosen: the weighted
    /// and mean distances before and after (left out when infinite). Returns the households each
    /// chosen site serves (it is strictly nearer than every existing facility).
    static func measureStraightDistances(
        _ problem: SitingProblem, selected: [Int],
        into result: inout SitingResult
    ) -> [Int: Int] {
        let weights = problem.weights
        let tree = KDTree(points: selected.map { problem.candidates[$0].location })
        var served: [Int: Int] = [:]
        var weightedBefore = 0.0, weightedAfter = 0.0
        for i in weights.indices where weights[i] > 0 {
            let near = tree.nearest(to: problem.demandLocations[i])
            let distanceToNew = near?.distance ?? .infinity
            if let near, distanceToNew < problem.existingDistance[i] { served[selected[near.index], default: 0] += weights[i] }
            weightedBefore += Double(weights[i]) * problem.existingDistance[i]
            weightedAfter += Double(weights[i]) * min(problem.existingDistance[i], distanceToNew)
        }
        result.recordWeightedDistances(before: weightedBefore, after: weightedAfter, households: problem.totalHouseholds)
        return served
    }

    /// The p-median along the walking network: candidate j's row holds the demand within
    /// `cap` metres of j by access leg + path + access leg (one Dijkstra bounded by the cap per
    /// candidate) that j is strictly closer to than its nearest existing facility. Demand
    /// beyond the cap of every chosen site keeps its existing distance in the model, as with
    /// straight lines; the distances reported afterwards are exact.
    static func networkPMedian(
        _ problem: SitingProblem, network: WalkingNetwork,
        demandAttachments: [WalkingNetwork.Attachment?], count: Int, cap: Double,
        localSearch: Bool
    ) -> PMedian.Solution {
        let existing = problem.existingDistance, weights = problem.weights
        let reach = network.reachRows(
            origins: problem.candidates.map(\.location),
            cutoff: Array(repeating: cap, count: problem.candidates.count),
            targetAttachments: demandAttachments,
            keep: { _, i, d in weights[i] > 0 && d < existing[i] })
        // a stand-in for "no center reachable": longer than every distance in the model
        var far = 1.0
        for d in reach.distances where d + 1 > far { far = d + 1 }
        for d in existing where d.isFinite && d + 1 > far { far = d + 1 }
        let base = existing.map { min($0, far) }
        var solution = PMedian.solve(
            rows: reach.sparse, weights: weights, base: base, count: count, localSearch: localSearch)
        // households no center reaches count 0 in the reported figure: they bound at 0
        let boundBase = existing.map { $0.isFinite ? min($0, cap) : 0 }
        PMedian.bound(
            &solution, rows: reach.sparse, weights: weights, base: base, boundBase: boundBase, count: count,
            localSearch: localSearch)
        return solution
    }

    /// `.fewFreeCandidates` when a default run may try the exact search after fixing: local
    /// search on and at most `ExactSearch.automaticPairs` demand–candidate pairs (the uncapped
    /// rows the search needs).
    static func automaticPMedianTrigger(_ problem: SitingProblem, _ parameters: SitingParameters) -> ExactSearch.Trigger? {
        guard parameters.localSearch,
            Double(problem.demandLocations.count) * Double(problem.candidates.count) <= Double(ExactSearch.automaticPairs)
        else { return nil }
        return .fewFreeCandidates
    }
}
