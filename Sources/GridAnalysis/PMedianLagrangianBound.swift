/// A lower bound on the p-median optimum with fixed existing centers, from the Lagrangian
/// relaxation of the assignment constraints.
///
/// Each demand point i is served by its base (the nearest existing center, cost wᵢ bᵢ) or by
/// an open candidate j of its row (cost wᵢ dᵢⱼ < wᵢ bᵢ); K candidates open. Relaxing
/// "each demand is served exactly once" with multipliers μᵢ gives
///
///     L(μ) = Σᵢ [μᵢ + min(0, wᵢ bᵢ − μᵢ)] + (sum of the K most negative ρⱼ),
///     ρⱼ = Σ_{(i, d) ∈ row j} min(0, wᵢ d − μᵢ),
///
/// and L(μ) ≤ OPT for every μ (Cornuéjols, Fisher & Nemhauser, "Location of bank accounts to
/// optimize float", Management Science 23, 1977). L is maximised by subgradient steps with
/// Polyak step sizes, t = θ (target − L) / ‖g‖², the target being the model value of the
/// heuristic's plan, gᵢ = 1 − [wᵢ bᵢ < μᵢ] − (chosen rows serving i below μᵢ); θ starts at 2
/// and halves after 20 steps without improvement; the step count is bounded by a work
/// budget in row entries (deterministic), and it stops once the bound meets the target
/// within `closeEnough`. Each step's K rows are also evaluated as a plan (a Lagrangian
/// heuristic, Beasley, "Lagrangean heuristics for location problems", EJOR 65, 1993); the best
/// is returned for the callers' swap descent and lowers the Polyak target when it beats it.
///
/// The caller chooses the base so that the bound holds for the figure it reports: with a
/// candidate neighbourhood cap, a candidate outside a demand point's row is at least `cap`
/// away, so bᵢ = min(existing distance, cap) bounds the uncapped p-median from below.
///
/// - Complexity: one step O(nnz + m log m).
public enum PMedianLagrangianBound {
    /// Default work budget in row entries visited.
    public static let defaultWorkBudget = 200_000_000
    public static let minimumSteps = 30
    public static let maximumSteps = 1_000
    /// Relative difference below which a plan counts as proven optimal (distances are stored
    /// as 32-bit floats, so closer figures are not meaningful).
    public static let provenTolerance = 1e-6
    /// Relative distance to the target at which the subgradient search stops (a tenth of
    /// `provenTolerance`, leaving room for the rounding of the reported figures).
    public static let closeEnough = 1e-7

    /// The bound (household-metres) and how many subgradient steps it took.
    public struct Bound: Sendable, Equatable {
        public var value: Double
        public var steps: Int
        /// The multipliers μ of the largest L(μ) found (empty when no step ran).
        public var multipliers: [Double] = []
        /// The best plan among the relaxation's choices of K rows (a Lagrangian heuristic:
        /// each step's K most negative ρ as a plan), and its model value; empty and +∞ when
        /// no step ran.
        public var plan: [Int] = []
        public var planValue: Double = .infinity
    }

    /// The model value Σ wᵢ · min(bᵢ, nearest chosen dᵢⱼ) of a plan.
    public static func modelValue(_ selected: [Int], rows: SparseRows, weights: [Int], base: [Double]) -> Double {
        let nearest = nearestDistances(selected, rows: rows, base: base)
        var s = 0.0
        for i in weights.indices { s += Double(weights[i]) * nearest[i] }
        return s
    }

    /// Each demand point's model distance under a plan: min(bᵢ, nearest chosen dᵢⱼ).
    public static func nearestDistances(_ selected: [Int], rows: SparseRows, base: [Double]) -> [Double] {
        var nearest = base
        for j in selected {
            for q in rows.range(j) {
                let i = Int(rows.items[q])
                nearest[i] = min(nearest[i], Double(rows.distances[q]))
            }
        }
        return nearest
    }

    /// The largest L(μ) found.
    /// - Parameters:
    ///   - rows: (demand, distance) rows with distances; entries not below `base[i]` are ignored.
    ///   - base: finite cost-free fallback distance of each demand point.
    ///   - target: the model value of a feasible plan (the Polyak target).
    public static func compute(
        rows: SparseRows, weights: [Int], base: [Double], count: Int, target: Double,
        start: [Double]? = nil, workBudget: Int = defaultWorkBudget
    ) -> Bound {
        let m = rows.rowCount, n = weights.count
        let k = min(max(0, count), m)
        let w = weights.map(Double.init)
        let baseCost = (0..<n).map { w[$0] * base[$0] }
        var best = 0.0
        for i in 0..<n { best += baseCost[i] }
        // μ = w·b: the objective without new sites minus the K best savings; μ = w·(plan's
        // distance), when given: the plan minus the K best single-site improvements
        var mu = baseCost
        if let start { for i in 0..<n { mu[i] = min(baseCost[i], w[i] * start[i]) } }
        if k == 0 || rows.items.isEmpty { return Bound(value: best, steps: 0) }
        var demand: [Int] = []
        var inRows = [Bool](repeating: false, count: n)
        for item in rows.items where !inRows[Int(item)] { inRows[Int(item)] = true }
        for i in 0..<n where inRows[i] && w[i] > 0 { demand.append(i) }
        best = -Double.infinity
        var bestMu: [Double] = []

        let nnz = max(1, rows.items.count)
        let steps = min(maximumSteps, max(minimumSteps, workBudget / nnz))
        var rho = [Double](repeating: 0, count: m)
        var order = Array(0..<m)
        var served = [Int32](repeating: 0, count: n)
        var theta = 2.0, sinceImprovement = 0, taken = 0
        let tolerance = closeEnough * max(1, abs(target))
        // the Polyak target: the best plan known, lowered by the relaxation's own plans
        var target = target
        var plan: [Int] = [], planValue = Double.infinity
        var nearest = base

        for _ in 0..<steps {
            taken += 1
            for j in 0..<m {
                var s = 0.0
                for q in rows.range(j) {
                    let i = Int(rows.items[q]); let d = Double(rows.distances[q])
                    if d < base[i] { let c = w[i] * d - mu[i]; if c < 0 { s += c } }
                }
                rho[j] = s
            }
            order.sort { rho[$0] < rho[$1] || (rho[$0] == rho[$1] && $0 < $1) }
            var value = 0.0
            for i in 0..<n { value += min(mu[i], baseCost[i]) }
            for p in 0..<k { value += rho[order[p]] }
            // the K rows as a plan
            for p in 0..<k {
                for q in rows.range(order[p]) {
                    let i = Int(rows.items[q])
                    nearest[i] = min(nearest[i], Double(rows.distances[q]))
                }
            }
            var candidateValue = 0.0
            for i in 0..<n { candidateValue += w[i] * nearest[i]; nearest[i] = base[i] }
            if candidateValue < planValue {
                planValue = candidateValue; plan = Array(order[0..<k]).sorted()
                target = min(target, planValue)
            }
            if taken == 1 || value > best + 1e-9 * max(1, abs(best)) {
                best = value; sinceImprovement = 0; bestMu = mu
            } else {
                sinceImprovement += 1
            }
            if target - best <= tolerance { break }
            if sinceImprovement >= 20 { theta /= 2; sinceImprovement = 0; if theta < 1e-4 { break } }

            // subgradient g = 1 − [base serves] − (chosen rows serving i)
            for p in 0..<k {
                let j = order[p]
                for q in rows.range(j) {
                    let i = Int(rows.items[q]); let d = Double(rows.distances[q])
                    if d < base[i] && w[i] * d < mu[i] { served[i] += 1 }
                }
            }
            var norm = 0.0
            for i in demand {
                let g = 1 - (baseCost[i] < mu[i] ? 1 : 0) - Double(served[i])
                norm += g * g
            }
            if norm == 0 { break }
            let step = theta * max(target - value, tolerance) / norm
            for i in demand {
                let g = 1 - (baseCost[i] < mu[i] ? 1 : 0) - Double(served[i])
                mu[i] = min(baseCost[i], max(0, mu[i] + step * g))
                served[i] = 0
            }
        }
        return Bound(value: min(best, target), steps: taken, multipliers: bestMu, plan: plan, planValue: planValue)
    }

    /// Lagrangian variable fixing at multipliers `mu`: a candidate outside the K most negative
    /// ρ is `excluded` when forcing it in lifts L above `target` (no plan with it beats the
    /// target), one inside is `included` when forcing it out does.
    public static func fixing(
        rows: SparseRows, weights: [Int], base: [Double], count: Int, target: Double, mu: [Double]
    ) -> (excluded: [Bool], included: [Bool]) {
        let m = rows.rowCount, n = weights.count
        let k = min(max(0, count), m)
        var excluded = [Bool](repeating: false, count: m), included = excluded
        guard k > 0, k < m, mu.count == n else { return (excluded, included) }
        let w = weights.map(Double.init)
        var rho = [Double](repeating: 0, count: m)
        for j in 0..<m {
            for q in rows.range(j) {
                let i = Int(rows.items[q]); let d = Double(rows.distances[q])
                if d < base[i] { let c = w[i] * d - mu[i]; if c < 0 { rho[j] += c } }
            }
        }
        let order = (0..<m).sorted { rho[$0] < rho[$1] || (rho[$0] == rho[$1] && $0 < $1) }
        var value = 0.0
        for i in 0..<n { value += min(mu[i], w[i] * base[i]) }
        for p in 0..<k { value += rho[order[p]] }
        // a margin for the 32-bit distances: fix only what is clearly out of reach
        let limit = target * (1 + 1e-7) + 1e-6
        let kth = rho[order[k - 1]], next = rho[order[k]]
        for p in 0..<m {
            let j = order[p]
            if p >= k && value - kth + rho[j] > limit { excluded[j] = true }
            if p < k && value - rho[j] + next > limit { included[j] = true }
        }
        return (excluded, included)
    }
}
