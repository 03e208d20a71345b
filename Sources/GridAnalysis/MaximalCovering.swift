import GridGeo

/// Weighted maximal covering location: choose up to K candidates whose coverage sets
/// (rows of a `SparseRows` over demand points) cover the most demand weight.
///
/// 1. Lazy greedy (CELF): marginal gains only shrink as sites are added (coverage is
///    submodular), so a stale gain is an upper bound and only the heap's top needs
///    re-evaluation. Leskovec et al., "Cost-effective outbreak detection in networks", KDD 2007.
/// 2. Vertex substitution in the fast-interchange form of Whitaker ("A fast algorithm for the
///    greedy interchange for large-scale clustering and median location problems", INFOR 21,
///    1983; the swap-based bookkeeping of Resende & Werneck, "A fast swap-based local search
///    procedure for location problems", Ann. Oper. Res. 150, 2007): each demand keeps the count
///    and the XOR of the chosen sites covering it, so the unique coverer of a demand covered
///    once is known in O(1); `loss[s]` is the weight only site s covers. For an entering
///    candidate c one scan of its row gives the weight it would newly cover and, per chosen
///    site s, the weight covered only by s inside c's row, so the best site to leave for c is
///    found in O(|row c| + K) and the swap gain is exact. Candidates are scanned in index order
///    and the best swap for each is applied when it strictly improves (Whitaker's
///    first-improvement over entering candidates, best leaving site), pass after pass until a
///    full pass finds no improving swap. A candidate whose whole row weighs no more than the
///    smallest loss cannot improve and is skipped.
/// 3. Iterated local search (Lourenço, Martin & Stützle, "Iterated local search", Handbook of
///    Metaheuristics, 2003) with a ruin-and-recreate perturbation (Schrimpf et al., "Record
///    breaking optimization results using the ruin and recreate principle", J. Comput. Phys.
///    159, 2000): ruin one chosen site picked by a SplitMix64 generator with a fixed seed plus
///    1–2 related chosen sites (competing for the same households), recreate greedily among
///    the candidates near the ruined area without the removed ones, descend with swaps among
///    the candidates near the changes, keep the result when it covers at least as much (equal
///    moves walk plateaus), else restore the previous set; a final full descent certifies a
///    single-swap local optimum. Single swaps cannot escape a local optimum that needs two
///    sites to move at once (two overlapping sites replaced by two complementary ones); a
///    local ruin of 2–3 sites followed by the descent reaches such moves. Bounded by
///    `maxRounds` and by a work budget counted in coverage-row entries visited (not time),
///    so the result is identical run to run and on any machine; stops early when the covered
///    weight reaches the upper bound.
/// 4. Upper bound (Nemhauser, Wolsey & Fisher, "An analysis of approximations for maximizing
///    submodular set functions", Math. Prog. 14, 1978): for any set S,
///    OPT ≤ f(S) + (sum of the K largest marginal gains w.r.t. S). Evaluated at every greedy
///    step with the heap's (stale, hence larger) gains and once on the final set with exact
///    gains; the smallest is reported. Also OPT ≤ the total coverable weight. When the plan
///    falls short of that bound, the Lagrangian bound (`CoveringLagrangianBound`, after the
///    swap descent and again on the final plan) tightens it; the perturbation phase stops as
///    soon as the plan meets the bound.
///
/// Ties break by candidate index (candidates are sorted by id) everywhere.
///
/// - Complexity: building gains O(nnz); greedy O(K log m) heap steps plus lazy
///   re-evaluations; one swap pass O(nnz + m K) in the worst case, pruned by each
///   candidate's total weight; the perturbation phase at most `workBudget` row entries.
public enum MaximalCovering {
    public struct Solution: Sendable, Equatable {
        /// Chosen candidate indices (greedy order, swapped sites take the place of the removed ones).
        public var selected: [Int]
        /// Covered weight of `selected`.
        public var value: Int
        /// Covered weight after the greedy phase alone.
        public var greedyValue: Int
        /// Covered weight after the first swap descent (before perturbation).
        public var swapValue: Int
        /// A proven upper bound on the best covered weight with at most K sites: the smaller of
        /// the Nemhauser–Wolsey–Fisher bound and the Lagrangian bound (`CoveringLagrangianBound`).
        public var upperBound: Int
        /// Subgradient steps of the Lagrangian bound (0 when it was not needed).
        public var boundSteps: Int = 0
        /// The multipliers of the smallest Lagrangian bound (empty when it was not computed or
        /// did not improve the bound): `CoveringLagrangianBound.fixing` reuses them.
        public var multipliers: [Double] = []
        /// Greedy steps plus lazy re-evaluations.
        public var evaluations: Int
        /// Improving swaps applied by the local search (all descents).
        public var swaps: Int
        /// Local-search passes over the candidates (all descents).
        public var passes: Int
        /// Perturbation rounds run, and how many of them raised the covered weight.
        public var perturbationRounds: Int
        public var perturbationImprovements: Int
        /// Why the perturbation phase stopped.
        public var perturbationStop: PerturbationStop
    }

    /// Why the perturbation phase of the local search stopped.
    public enum PerturbationStop: String, Codable, Sendable, CaseIterable {
        /// Not run: no local search, fewer useful candidates than sites, or greedy stopped early.
        case off
        /// The covered weight reached the upper bound.
        case optimal
        /// The round limit.
        case rounds
        /// The work budget.
        case budget
        /// Not run: one round would exceed the work budget.
        case skipped
    }

    /// Smallest work budget of the perturbation phase, in coverage-row entries visited
    /// (about 20–40 ms in a release build); the default budget is the larger of this and
    /// `workPerEntry` × the number of coverage entries, so it scales with the instance, up to
    /// `maximumWorkBudget` (megacity instances stay within seconds).
    public static let defaultWorkBudget = 4_000_000
    public static let workPerEntry = 400
    public static let maximumWorkBudget = 400_000_000
    /// Default limit on perturbation rounds.
    public static let defaultMaxRounds = 2_000

    /// Solves with `count` sites. `weights[i]` is the weight of demand i (only demand that
    /// appears in some row matters). `fillToCover`: ignore `count` and continue until every
    /// coverable demand is covered (greedy set cover; no local search then).
    /// `perturbation`: run the iterated local search after the swap descent, within
    /// `maxRounds` rounds and `workBudget` row entries.
    public static func solve(
        rows: SparseRows, weights: [Int], count: Int,
        localSearch: Bool = true, fillToCover: Bool = false,
        maxPasses: Int = 100, perturbation: Bool = true,
        maxRounds: Int = defaultMaxRounds,
        workBudget: Int? = nil
    ) -> Solution {
        let workBudget = workBudget ?? max(defaultWorkBudget, min(maximumWorkBudget, workPerEntry * rows.items.count))
        let m = rows.rowCount
        let n = weights.count
        var coverCount = [Int32](repeating: 0, count: n)
        var staticWeight = [Int](repeating: 0, count: m)
        var coverable = [Bool](repeating: false, count: n)
        for j in 0..<m {
            var s = 0
            for k in rows.range(j) { let i = Int(rows.items[k]); s += weights[i]; coverable[i] = true }
            staticWeight[j] = s
        }
        var totalCoverable = 0
        for i in 0..<n where coverable[i] { totalCoverable += weights[i] }

        @inline(__always) func gain(_ j: Int) -> Int {
            var s = 0
            for k in rows.range(j) { let i = Int(rows.items[k]); if coverCount[i] == 0 { s += weights[i] } }
            return s
        }

        // 1. lazy greedy
        var heap = LazyHeap<Int>(
            (0..<m).compactMap { j in
                staticWeight[j] > 0 ? .init(key: staticWeight[j], item: Int32(j), stamp: 0) : nil
            })
        let k = fillToCover ? m : max(0, count)
        var selected: [Int] = []
        var value = 0
        var evaluations = 0
        var bound = totalCoverable
        while selected.count < k, let top = heap.top {
            if top.stamp == Int32(selected.count) {
                if !fillToCover {  // every key is a true or stale (larger) gain w.r.t. the current set
                    bound = min(bound, value + heap.sumOfTop(k, zero: 0, plus: +))
                }
                heap.pop()
                if top.key <= 0 { break }
                let j = Int(top.item)
                selected.append(j)
                value += top.key
                for q in rows.range(j) { coverCount[Int(rows.items[q])] += 1 }
            } else {
                evaluations += 1
                let g = gain(Int(top.item))
                if g <= 0 {
                    heap.pop()
                } else {
                    heap.replaceTop(.init(key: g, item: top.item, stamp: Int32(selected.count)))
                }
            }
        }
        evaluations += selected.count
        let greedyValue = value
        if heap.isEmpty { bound = min(bound, value) }  // every useful candidate was considered

        // 2–3. swap descent, then iterated local search
        var swaps = 0, passes = 0, rounds = 0, improvements = 0
        var swapValue = value
        var stop = PerturbationStop.off
        var boundSteps = 0
        var multipliers: [Double] = []
        /// Tightens the bound by the Lagrangian relaxation unless the plan already meets it.
        func tightenBound(target: Int) {
            guard !fillToCover && target < bound else { return }
            let lagrangian = CoveringLagrangianBound.compute(rows: rows, weights: weights, count: k, target: target)
            if lagrangian.value <= bound && !lagrangian.multipliers.isEmpty { multipliers = lagrangian.multipliers }
            bound = min(bound, lagrangian.value); boundSteps += lagrangian.steps
        }
        if localSearch && !fillToCover && !selected.isEmpty && selected.count < m {
            var search = SwapSearch(rows: rows, weights: weights, staticWeight: staticWeight, selected: selected)
            search.descend(maxPasses: maxPasses)
            swapValue = search.value
            tightenBound(target: search.value)
            if perturbation && selected.count == k {
                stop = search.perturb(
                    maxRounds: maxRounds, workBudget: workBudget, bound: bound,
                    maxPasses: maxPasses, rounds: &rounds, improvements: &improvements)
            }
            selected = search.selected; value = search.value
            swaps = search.swaps; passes = search.passes
        }

        // 4. the bound on the final set with exact gains
        if !fillToCover && !selected.isEmpty {
            for i in 0..<n { coverCount[i] = 0 }
            for j in selected { for q in rows.range(j) { coverCount[Int(rows.items[q])] += 1 } }
            var gains: [Int] = []
            gains.reserveCapacity(m)
            for j in 0..<m where staticWeight[j] > 0 { let g = gain(j); if g > 0 { gains.append(g) } }
            gains.sort(by: >)
            bound = min(bound, value + gains.prefix(k).reduce(0, +))
            tightenBound(target: value)
        }
        bound = max(bound, value)
        return Solution(
            selected: selected, value: value, greedyValue: greedyValue, swapValue: swapValue,
            upperBound: bound, boundSteps: boundSteps, multipliers: multipliers, evaluations: evaluations, swaps: swaps,
            passes: passes,
            perturbationRounds: rounds, perturbationImprovements: improvements,
            perturbationStop: stop)
    }

    /// Orders `sites` for a siting list: at each rank the site adding the most weight given
    /// the earlier ranks (ties to the lower index). Returns (site, marginal weight) pairs.
    public static func rank(_ sites: [Int], rows: SparseRows, weights: [Int]) -> [(site: Int, gain: Int)] {
        var covered = [Bool](repeating: false, count: weights.count)
        var rest = sites.sorted()
        var out: [(Int, Int)] = []
        while !rest.isEmpty {
            var best = -1, bestGain = -1, bestPos = 0
            for (p, j) in rest.enumerated() {
                var g = 0
                for q in rows.range(j) where !covered[Int(rows.items[q])] { g += weights[Int(rows.items[q])] }
                if g > bestGain { best = j; bestGain = g; bestPos = p }
            }
            for q in rows.range(best) { covered[Int(rows.items[q])] = true }
            out.append((best, bestGain))
            rest.remove(at: bestPos)
        }
        return out
    }

    /// Covered weight of a set of sites (for tests and checks).
    public static func coveredWeight(_ sites: [Int], rows: SparseRows, weights: [Int]) -> Int {
        var covered = Set<Int32>()
        for j in sites { for q in rows.range(j) { covered.insert(rows.items[q]) } }
        return covered.reduce(0) { $0 + weights[Int($1)] }
    }
}
