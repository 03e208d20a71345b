import GridGeo
import GridModel

extension SitingAnalysis {
    /// The siting instance measured by a cost table (`--costs`) instead of straight lines: a
    /// building is covered before when some counted facility's cost is within that facility's
    /// reach, its existing distance is the lowest cost to a counted facility (+∞ when none is
    /// in the table), and a candidate covers the uncovered buildings whose cost to it is within
    /// the radius. Imported candidates only (generated ones have no ids a router could know).
    static func costInstance(snapshot: Snapshot, parameters: SitingParameters, costs: CostTable) throws -> SitingProblem {
        let buildings = snapshot.buildings.filter { $0.households > 0 }
        let selection = parameters.selection
        let counted = selection.countedIndices(snapshot.facilities)
        var covered = [Bool](repeating: false, count: buildings.count)
        var existing = [Double](repeating: .infinity, count: buildings.count)
        for (i, building) in buildings.enumerated() {
            for f in counted {
                let facility = snapshot.facilities[f]
                guard let cost = costs.cost(from: building.id, to: facility.id) else { continue }
                existing[i] = min(existing[i], cost)
                if cost <= selection.reach(of: facility) { covered[i] = true }
            }
        }
        let candidates = snapshot.candidates.map(SitingCandidate.init)
        guard !candidates.isEmpty else { throw SitingAnalysis.noCandidates }
        var problem = SitingProblem(
            demandIds: buildings.map(\.id), demandLocations: buildings.map(\.location),
            weights: buildings.map(\.households), demandCommunityIds: buildings.map(\.communityId),
            coveredBefore: covered, existingDistance: existing,
            candidates: candidates, radius: selection.radius, buildCoverage: false)
        problem.coverage = costRows(problem, costs: costs, limit: problem.radius, keepDistances: false) { i, _ in !covered[i] }
        return problem
    }

    /// Per candidate (index order) the demand points whose cost to it is at most `limit` and
    /// pass `keep`, ascending by demand index, with the costs when `keepDistances`.
    static func costRows(
        _ problem: SitingProblem, costs: CostTable, limit: Double, keepDistances: Bool,
        keep: (Int, Double) -> Bool
    ) -> SparseRows {
        var byDestination: [String: [(Int32, Float)]] = [:]
        for (i, id) in problem.demandIds.enumerated() {
            for (destination, cost) in costs.costs[id] ?? [:] where cost <= limit && keep(i, cost) {
                byDestination[destination, default: []].append((Int32(i), Float(cost)))
            }
        }
        var rows = SparseRows()
        for candidate in problem.candidates {
            for (i, cost) in (byDestination[candidate.id] ?? []).sorted(by: { $0.0 < $1.0 }) {
                rows.items.append(i)
                if keepDistances { rows.distances.append(cost) }
            }
            rows.offsets.append(rows.items.count)
        }
        return rows
    }

    /// `distance` over a cost table: the p-median on the cost rows within the cap, the costs
    /// to the nearest center before and after (left out when some building reaches none), and
    /// the households each chosen site serves (strictly cheaper than every existing facility).
    static func costPMedian(
        _ problem: SitingProblem, costs: CostTable, count: Int, cap: Double, parameters: SitingParameters,
        into result: inout SitingResult
    ) -> (solution: PMedian.Solution, served: [Int: Int]) {
        let localSearch = parameters.localSearch
        let weights = problem.weights, existing = problem.existingDistance
        let rows = costRows(problem, costs: costs, limit: cap, keepDistances: true) { i, d in weights[i] > 0 && d < existing[i] }
        var far = 1.0
        for d in rows.distances where Double(d) + 1 > far { far = Double(d) + 1 }
        for d in existing where d.isFinite && d + 1 > far { far = d + 1 }
        let base = existing.map { min($0, far) }
        var solution = PMedian.solve(rows: rows, weights: weights, base: base, count: count, localSearch: localSearch)
        PMedian.bound(
            &solution, rows: rows, weights: weights, base: base, boundBase: existing.map { min($0, cap) }, count: count,
            localSearch: localSearch)
        let open =
            solution.objectiveAfter - (solution.lowerBound ?? 0) > PMedianLagrangianBound.closeEnough * solution.objectiveAfter
        if open, let trigger = exactTrigger(problem, parameters: parameters) ?? automaticPMedianTrigger(problem, parameters) {
            let uncapped = costRows(problem, costs: costs, limit: .infinity, keepDistances: true) { i, d in
                weights[i] > 0 && d < existing[i]
            }
            var farther = far
            for d in uncapped.distances where Double(d) + 1 > farther { farther = Double(d) + 1 }
            let exact = exactPMedian(
                rows: uncapped, weights: weights, base: existing.map { min($0, farther) }, count: count,
                heuristic: solution, parameters: parameters, trigger: trigger)
            solution = exact.solution
            if let stop = exact.stop { result.exactSearch = stop; result.exactSearchTrigger = trigger }
        }
        var after = existing
        var nearest = [Int](repeating: -1, count: weights.count)
        for j in solution.selected.sorted() {
            for (i, id) in problem.demandIds.enumerated() {
                if let c = costs.cost(from: id, to: problem.candidates[j].id), c < after[i] { after[i] = c; nearest[i] = j }
            }
        }
        var served: [Int: Int] = [:]
        var weightedBefore = 0.0, weightedAfter = 0.0
        for i in weights.indices {
            if nearest[i] >= 0 { served[nearest[i], default: 0] += weights[i] }
            weightedBefore += Double(weights[i]) * existing[i]; weightedAfter += Double(weights[i]) * after[i]
        }
        result.recordWeightedDistances(before: weightedBefore, after: weightedAfter, households: problem.totalHouseholds)
        return (solution, served)
    }
}
