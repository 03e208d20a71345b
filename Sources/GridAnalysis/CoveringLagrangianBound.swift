/// An upper bound on the weighted maximal covering optimum from its Lagrangian relaxation.
///
/// The integer program: maximise Σᵢ wᵢ yᵢ subject to yᵢ ≤ Σ_{j ∋ i} xⱼ, Σⱼ xⱼ ≤ K, x, y binary.
/// Relaxing the coverage constraints with multipliers λᵢ ∈ [0, wᵢ] gives
///
///     L(λ) = Σᵢ max(0, wᵢ − λᵢ) + (sum of the K largest ρⱼ),   ρⱼ = Σ_{i ∈ row j} λᵢ,
///
/// and L(λ) ≥ OPT for every such λ (Galvão & ReVelle, "A Lagrangean heuristic for the maximal
/// covering location problem", EJOR 88, 1996). L is minimised by subgradient steps with Polyak
/// step sizes, t = θ (L − target) / ‖g‖², where the target is the best known plan's value
/// and gᵢ = (chosen rows holding i) − [wᵢ > λᵢ]; θ starts at 2 and halves after 20 steps
/// without improvement. The iteration count is bounded by a work budget in row entries
/// visited (not time), so the bound is identical run to run; it stops early once
/// ⌊L⌋ ≤ target (the plan is proven optimal). The bound is an integer (OPT is one).
///
/// - Complexity: one step O(nnz + m log m).
public enum CoveringLagrangianBound {
    /// Default work budget in coverage-row entries visited (a few hundred steps on district data).
    public static let defaultWorkBudget = 200_000_000
    /// Step limits: at least `minimumSteps` even on large instances, at most `maximumSteps`.
    public static let minimumSteps = 30
    public static let maximumSteps = 600
    /// Row entries up to which demand is merged by covering set before the steps.
    public static let groupedEntries = 2_000_000

    /// The bound and how many subgradient steps it took.
    public struct Bound: Sendable, Equatable {
        public var value: Int
        public var steps: Int
        /// The multipliers λ of the smallest L(λ) found (empty when no step ran).
        public var multipliers: [Double] = []
    }

    /// The smallest L(λ) found, floored (a proven upper bound on the covered weight of any
    /// `count` rows), never below `target` when `target` is the value of a feasible plan.
    /// - Parameters:
    ///   - target: the covered weight of the best known plan (the Polyak target).
    /// Demand points reached by the same candidates are merged first (`CoveringGroups`: the
    /// same L, fewer entries per step) on programs of at most `groupedEntries` row entries
    /// (on larger ones the merging costs more than the steps it saves); the multipliers are
    /// returned per demand point.
    public static func compute(
        rows: SparseRows, weights: [Int], count: Int, target: Int,
        workBudget: Int = defaultWorkBudget
    ) -> Bound {
        guard rows.items.count <= groupedEntries else {
            return computeUngrouped(rows: rows, weights: weights, count: count, target: target, workBudget: workBudget)
        }
        let groups = CoveringGroups(rows: rows, weights: weights)
        var bound = computeUngrouped(
            rows: groups.rows, weights: groups.weights, count: count, target: target, workBudget: workBudget)
        bound.multipliers = groups.demandMultipliers(bound.multipliers, demandWeights: weights)
        return bound
    }

    /// `compute` without the grouping.
    static func computeUngrouped(
        rows: SparseRows, weights: [Int], count: Int, target: Int,
        workBudget: Int = defaultWorkBudget
    ) -> Bound {
        let m = rows.rowCount, n = weights.count
        let k = min(max(0, count), m)
        var coverable = [Bool](repeating: false, count: n)
        for item in rows.items { coverable[Int(item)] = true }
        let demand = (0..<n).filter { coverable[$0] && weights[$0] > 0 }
        let w = weights.map(Double.init)
        var totalCoverable = 0.0
        for i in demand { totalCoverable += w[i] }
        if k == 0 || demand.isEmpty { return Bound(value: 0, steps: 0) }
        var bestLambda: [Double] = []

        let nnz = max(1, rows.items.count)
        let steps = min(maximumSteps, max(minimumSteps, workBudget / nnz))
        var lambda = w.map { $0 / 2 }
        var rho = [Double](repeating: 0, count: m)
        var order = Array(0..<m)
        var chosenCount = [Int32](repeating: 0, count: n)
        var best = totalCoverable
        var theta = 2.0, sinceImprovement = 0, taken = 0
        let goal = Double(target)

        for _ in 0..<steps {
            taken += 1
            // L(λ): the relaxed demand part and the K heaviest rows under λ
            for j in 0..<m {
                var s = 0.0
                for q in rows.range(j) { s += lambda[Int(rows.items[q])] }
                rho[j] = s
            }
            order.sort { rho[$0] > rho[$1] || (rho[$0] == rho[$1] && $0 < $1) }
            var value = 0.0
            for i in demand where w[i] > lambda[i] { value += w[i] - lambda[i] }
            for p in 0..<k { value += rho[order[p]] }
            if value < best - 1e-9 {
                best = value; sinceImprovement = 0; bestLambda = lambda
            } else {
                sinceImprovement += 1
            }
            if (best + 1e-6).rounded(.down) <= goal { break }
            if sinceImprovement >= 20 { theta /= 2; sinceImprovement = 0; if theta < 1e-4 { break } }

            // subgradient g = (chosen rows holding i) − y_i
            for p in 0..<k { for q in rows.range(order[p]) { chosenCount[Int(rows.items[q])] += 1 } }
            var norm = 0.0
            for i in demand {
                let g = Double(chosenCount[i]) - (w[i] > lambda[i] ? 1 : 0)
                norm += g * g
            }
            if norm == 0 { for p in 0..<k { for q in rows.range(order[p]) { chosenCount[Int(rows.items[q])] = 0 } }; break }
            let step = theta * max(value - goal, 1e-3 * max(1, goal) / Double(demand.count)) / norm
            for i in demand {
                let g = Double(chosenCount[i]) - (w[i] > lambda[i] ? 1 : 0)
                lambda[i] = min(w[i], max(0, lambda[i] - step * g))
            }
            for p in 0..<k { for q in rows.range(order[p]) { chosenCount[Int(rows.items[q])] = 0 } }
        }
        let bound = Int((best + 1e-6).rounded(.down))
        return Bound(value: max(bound, target), steps: taken, multipliers: bestLambda)
    }

    /// Lagrangian variable fixing at multipliers `lambda`: a candidate outside the K heaviest
    /// rows is `excluded` when even forcing it in leaves L below `target + 1` (no plan with it
    /// beats the target), one inside is `included` when forcing it out does. Only plans better
    /// than `target` need the candidates left free.
    public static func fixing(
        rows: SparseRows, weights: [Int], count: Int, target: Int, lambda: [Double]
    ) -> (excluded: [Bool], included: [Bool]) {
        let m = rows.rowCount
        let k = min(max(0, count), m)
        var excluded = [Bool](repeating: false, count: m), included = excluded
        guard k > 0, k < m, lambda.count == weights.count else { return (excluded, included) }
        var coverable = [Bool](repeating: false, count: weights.count)
        for item in rows.items { coverable[Int(item)] = true }
        var rho = [Double](repeating: 0, count: m)
        for j in 0..<m { for q in rows.range(j) { rho[j] += lambda[Int(rows.items[q])] } }
        let order = (0..<m).sorted { rho[$0] > rho[$1] || (rho[$0] == rho[$1] && $0 < $1) }
        var value = 0.0
        for i in weights.indices where coverable[i] && Double(weights[i]) > lambda[i] { value += Double(weights[i]) - lambda[i] }
        for p in 0..<k { value += rho[order[p]] }
        // a margin for rounding: fix only what is clearly out of reach
        let limit = Double(target) + 1 - 1e-6 * max(1, Double(target))
        let kth = rho[order[k - 1]], next = rho[order[k]]
        for p in 0..<m {
            let j = order[p]
            if p >= k && value - kth + rho[j] < limit { excluded[j] = true }
            if p < k && value - rho[j] + next < limit { included[j] = true }
        }
        return (excluded, included)
    }
}
