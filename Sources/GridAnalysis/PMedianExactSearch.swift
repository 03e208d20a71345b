import GridGeo

extension SitingAnalysis {
    /// `distance --exact` over straight-line distances: the uncapped p-median (every
    /// candidate–demand pair closer than the demand's existing center) in CBC after Lagrangian
    /// fixing (`PMedianProgram`), warm-started from the heuristic's plan. Returns the plan to report (the heuristic's
    /// unless the search found a better one, then ranked by saving given the earlier ranks)
    /// with, when the search finished, its model value as the proven lower bound.
    /// With `trigger` `.fewFreeCandidates` CBC runs only when Lagrangian fixing leaves few
    /// candidates (`ExactSearch.isReducedSmall`); otherwise `stop` is nil and the solution is
    /// the heuristic's, improved by the relaxation's plan and bound.
    static func exactPMedian(
        _ problem: SitingProblem, count: Int, heuristic: PMedian.Solution,
        parameters: SitingParameters, trigger: ExactSearch.Trigger
    ) -> (solution: PMedian.Solution, stop: ExactSearch.Stop?) {
        let weights = problem.weights
        let points = problem.candidates.map(\.location)
        var box = BoundingBox(points: problem.demandLocations + points)
        if box.isEmpty { box = BoundingBox(points: [Point(0, 0)]) }
        let far = 2 * ((box.maxX - box.minX) + (box.maxY - box.minY)) + 1
        let base = problem.existingDistance.map { min($0, far) }
        let rows = problem.coverageRows(
            of: points, radius: far, uncoveredOnly: false, keepDistances: true,
            keep: { i, d in d < base[i] && weights[i] > 0 })
        return exactPMedian(
            rows: rows, weights: weights, base: base, count: count, heuristic: heuristic, parameters: parameters,
            trigger: trigger)
    }

    /// The exact search on given uncapped rows (every candidate–demand pair cheaper than the
    /// demand's finite `base`), as `exactPMedian(_:count:heuristic:parameters:trigger:)`.
    static func exactPMedian(
        rows: SparseRows, weights: [Int], base: [Double], count: Int, heuristic: PMedian.Solution,
        parameters: SitingParameters, trigger: ExactSearch.Trigger
    ) -> (solution: PMedian.Solution, stop: ExactSearch.Stop?) {
        var heuristic = heuristic
        var heuristicValue = PMedianLagrangianBound.modelValue(heuristic.selected, rows: rows, weights: weights, base: base)
        let lagrangian = PMedianLagrangianBound.compute(
            rows: rows, weights: weights, base: base, count: count, target: heuristicValue)
        if lagrangian.planValue < heuristicValue {
            // the relaxation's best plan, after a swap descent, as the incumbent: a lower
            // target fixes more candidates
            let better = PMedian.solve(rows: rows, weights: weights, base: base, count: count, start: lagrangian.plan)
            let value = PMedianLagrangianBound.modelValue(better.selected, rows: rows, weights: weights, base: base)
            if value < heuristicValue {
                heuristic.selected = better.selected; heuristic.ranking = better.ranking
                heuristicValue = value
            }
        }
        let fixed = PMedianLagrangianBound.fixing(
            rows: rows, weights: weights, base: base, count: count, target: heuristicValue, mu: lagrangian.multipliers)
        if trigger == .fewFreeCandidates
            && (lagrangian.multipliers.isEmpty
                || !ExactSearch.isReducedSmall(excluded: fixed.excluded, included: fixed.included))
        {
            heuristic.lowerBound = max(heuristic.lowerBound ?? 0, lagrangian.value)
            return (heuristic, nil)
        }
        let program = PMedianProgram.solve(
            rows: rows, weights: weights, base: base, count: count, incumbent: heuristic.selected,
            timeLimit: exactTimeLimit(parameters, trigger: trigger), excluded: fixed.excluded, included: fixed.included)
        let exact = (selected: program.selected, stop: program.stop)
        var solution = heuristic
        if program.value < heuristicValue * (1 - 1e-9) {
            // rank the better plan: the greedy over its own rows adds every site, best saving first
            var offsets = [0], items: [Int32] = [], distances: [Float] = []
            for j in exact.selected {
                items += rows.items[rows.range(j)]; distances += rows.distances[rows.range(j)]
                offsets.append(items.count)
            }
            let ranked = PMedian.solve(
                rows: SparseRows(offsets: offsets, items: items, distances: distances),
                weights: weights, base: base, count: count, localSearch: false)
            var ranking = ranked.ranking.map { (site: exact.selected[$0.site], saving: $0.saving) }
            for j in exact.selected where !ranking.contains(where: { $0.site == j }) { ranking.append((j, 0)) }
            solution.selected = exact.selected
            solution.ranking = ranking
        }
        solution.lowerBound = max(solution.lowerBound ?? 0, lagrangian.value, program.bound)
        return (solution, exact.stop == .proven ? .proven : .timeLimit)
    }
}
