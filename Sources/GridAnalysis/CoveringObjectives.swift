extension SitingAnalysis {
    /// `cover`: maximal covering of `count` sites (lazy greedy, then swaps and perturbation
    /// when `localSearch`), ranked by what each adds given the earlier ranks.
    static func solveMaximalCovering(
        _ problem: SitingProblem, parameters: SitingParameters,
        into result: inout SitingResult
    ) -> ObjectiveSolution {
        let rows = problem.coverage, weights = problem.weights
        var solution = MaximalCovering.solve(
            rows: rows, weights: weights, count: parameters.count!,
            localSearch: parameters.localSearch)
        let count = parameters.count!
        let trigger = exactTrigger(problem, parameters: parameters)
        if solution.value < solution.upperBound && (trigger != nil || parameters.localSearch) {
            // Lagrangian fixing first: only candidates that can be in a better plan go to CBC
            var lambda = solution.multipliers
            if lambda.isEmpty && trigger != nil {
                let lagrangian = CoveringLagrangianBound.compute(
                    rows: rows, weights: weights, count: count, target: solution.value)
                solution.upperBound = max(solution.value, min(solution.upperBound, lagrangian.value))
                lambda = lagrangian.multipliers
            }
            let fixed = CoveringLagrangianBound.fixing(
                rows: rows, weights: weights, count: count, target: solution.value, lambda: lambda)
            let reduced = !lambda.isEmpty && ExactSearch.isReducedSmall(excluded: fixed.excluded, included: fixed.included)
            if let run = trigger ?? (reduced ? .fewFreeCandidates : nil), solution.value < solution.upperBound {
                let exact = MaximalCoveringProgram.solve(
                    rows: rows, weights: weights, count: count, incumbent: solution.selected,
                    timeLimit: exactTimeLimit(parameters, trigger: run), excluded: fixed.excluded,
                    included: fixed.included)
                if exact.value > solution.value { solution.selected = exact.selected; solution.value = exact.value }
                solution.upperBound = max(solution.value, min(solution.upperBound, exact.bound))
                result.exactSearch = solution.value >= solution.upperBound ? .proven : .timeLimit
                result.exactSearchTrigger = run
            }
        }
        let ranking = MaximalCovering.rank(solution.selected, rows: rows, weights: weights)
            .map { RankedSite(site: $0.site, newCovered: $0.gain, saving: nil) }
        result.upperBoundHouseholds = problem.coveredHouseholdsBefore + solution.upperBound
        result.evaluations = solution.evaluations; result.iterations = solution.passes; result.swaps = solution.swaps
        result.greedyNewHouseholds = solution.greedyValue
        result.swapNewHouseholds = solution.swapValue
        result.perturbationRounds = solution.perturbationRounds
        result.localSearch = describeLocalSearch(solution, enabled: parameters.localSearch)
        return ObjectiveSolution(ranking: ranking)
    }

    /// `all`: the fewest sites reaching every uncovered building some candidate reaches, ranked
    /// like `cover`, cut to `count` when given; the buildings no candidate reaches are listed.
    static func solveSetCovering(
        _ problem: SitingProblem, parameters: SitingParameters,
        into result: inout SitingResult
    ) -> ObjectiveSolution {
        let rows = problem.coverage, weights = problem.weights
        let pool = weights.indices.filter { !problem.coveredBefore[$0] }
        let solution = SetCovering.solve(rows: rows, weights: weights, pool: pool)
        var ranking = MaximalCovering.rank(solution.selected, rows: rows, weights: weights)
            .map { RankedSite(site: $0.site, newCovered: $0.gain, saving: nil) }
        result.sitesNeededForFullCover = ranking.count
        if let count = parameters.count, count < ranking.count { ranking = Array(ranking.prefix(max(0, count))) }
        result.uncoverableBuildingIds = solution.unreachable.map { problem.demandIds[$0] }.sorted()
        result.uncoverableHouseholds = solution.unreachable.reduce(0) { $0 + weights[$1] }
        result.evaluations = solution.selected.count + solution.removed; result.redundantRemoved = solution.removed
        return ObjectiveSolution(ranking: ranking)
    }

    /// How the local search of `cover` went, in words.
    static func describeLocalSearch(_ sol: MaximalCovering.Solution, enabled: Bool) -> String {
        guard enabled else { return "greedy only" }
        let why: String
        switch sol.perturbationStop {
        case .off: return "swaps (no perturbation: fewer useful candidates than sites, or greedy stopped early)"
        case .skipped: return "swaps (no perturbation: a round exceeds the work budget)"
        case .optimal: why = "reached the upper bound"
        case .rounds: why = "round limit"
        case .budget: why = "work budget"
        }
        return
            "swaps + perturbation: \(sol.perturbationRounds) rounds, \(sol.perturbationImprovements) improving, stopped by \(why)"
    }

}
