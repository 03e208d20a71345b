import GridGeo
import GridModel

extension SitingAnalysis {
    /// `center`: the p-center of `count` sites (`PCenter`) over straight-line distances or a
    /// cost table, existing counted facilities as open centers; the largest distance before and
    /// after, its proven lower bound, and the buildings that set it. Buildings no center can
    /// ever reach (only with `--costs`) are left out and listed as unreached.
    static func solvePCenter(
        _ problem: SitingProblem, parameters: SitingParameters, into result: inout SitingResult
    ) throws -> ObjectiveSolution {
        guard !parameters.network else {
            throw UsageError(key: "usage.site.center_network")
        }
        let count = parameters.count!
        let base = problem.existingDistance
        let rows: SparseRows
        var incumbent: [Int]? = nil
        if let costs = parameters.costs {
            rows = costRows(problem, costs: costs, limit: .infinity, keepDistances: true) { _, _ in true }
        } else {
            let first = farthestFirst(problem, count: count)
            incumbent = first.plan
            rows = problem.coverageRows(
                of: problem.candidates.map(\.location), radius: first.largest * (1 + 1e-6) + 1e-3, uncoveredOnly: false,
                keepDistances: true)
        }
        let solution = PCenter.solve(
            rows: rows, base: base, count: count, timeLimit: parameters.timeLimit, incumbent: incumbent)
        // the distances after, in full precision
        var after = base
        for j in solution.selected {
            if parameters.costs == nil {
                let c = problem.candidates[j].location
                for i in after.indices { after[i] = min(after[i], problem.demandLocations[i].distance(to: c)) }
            } else {
                for q in rows.range(j) { let i = Int(rows.items[q]); after[i] = min(after[i], Double(rows.distances[q])) }
            }
        }
        var reachable = base.map(\.isFinite)
        for i in rows.items { reachable[Int(i)] = true }
        let counted = base.indices.filter { reachable[$0] }
        let before = counted.map { base[$0] }.max() ?? 0
        let largest = counted.map { after[$0] }.max() ?? 0
        result.maxDistanceBeforeM = before.isFinite ? rounded(before, 1) : nil
        result.maxDistanceAfterM = rounded(largest, 1)
        result.lowerBoundMaxDistanceM = (min(solution.lowerBound, largest) * (1 - 1e-7) * 10).rounded(.down) / 10
        result.farthestBuildingIds = counted.filter { after[$0] >= largest - 1e-6 }.map { problem.demandIds[$0] }.sorted()
        let unreached = base.indices.filter { !reachable[$0] }
        if !unreached.isEmpty {
            result.unreachedBuildingIds = unreached.map { problem.demandIds[$0] }.sorted()
            result.unreachedHouseholdsAfter = unreached.reduce(0) { $0 + problem.weights[$1] }
        }
        result.exactSearch = solution.stop == .proven ? .proven : .timeLimit
        result.iterations = solution.checks
        result.evaluations = solution.solverChecks
        let ranked = MaximalCovering.rank(solution.selected, rows: problem.coverage, weights: problem.weights)
        let ranking = ranked.map { RankedSite(site: $0.site, newCovered: $0.gain, saving: nil) }
        return ObjectiveSolution(ranking: ranking)
    }

    /// The farthest-first plan over straight lines and its largest distance (the first upper
    /// bound of `PCenter`): every pair up to it is needed.
    static func farthestFirst(_ problem: SitingProblem, count: Int) -> (plan: [Int], largest: Double) {
        let tree = KDTree(points: problem.candidates.map(\.location))
        var current = problem.existingDistance
        var open = Set<Int>()
        for _ in 0..<min(count, problem.candidates.count) {
            guard let far = current.indices.max(by: { current[$0] < current[$1] || (current[$0] == current[$1] && $0 > $1) }),
                current[far] > 0
            else { break }
            let nearby = tree.nearest(open.count + 1, to: problem.demandLocations[far])
            guard let pick = nearby.first(where: { !open.contains($0.index) }), pick.distance < current[far] else { break }
            open.insert(pick.index)
            let c = problem.candidates[pick.index].location
            for i in current.indices { current[i] = min(current[i], problem.demandLocations[i].distance(to: c)) }
        }
        var largest = 0.0
        for (i, d) in current.enumerated() {
            largest = max(largest, d.isFinite ? d : tree.nearest(to: problem.demandLocations[i])?.distance ?? 0)
        }
        return (open.sorted(), largest)
    }
}
