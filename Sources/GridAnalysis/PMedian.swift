import GridGeo

/// p-median with fixed existing centers: choose K candidates minimizing
/// Σ households × distance to the nearest center, existing or new.
///
/// Each demand point i has a base distance `base[i]`, the distance to its nearest existing
/// center (or, when there is none, a stand-in larger than any distance in the instance).
/// A candidate only matters for the demand it is closer to than the base and within
/// `cap` metres (default 3 × the radius): the model distance of i given the chosen set S is
/// min(base[i], min over c ∈ S with d(i,c) ≤ cap of d(i,c)). With `cap = ∞` this is the exact
/// p-median objective; with a finite cap, demand whose nearest chosen site lies beyond the cap
/// keeps its base distance in the model (it is reported exactly afterwards). The cap keeps the
/// candidate→demand lists short on megacity data.
///
/// 1. Lazy greedy add (CELF; the saving Σ w·max(0, d₁ − d) is submodular).
/// 2. Vertex substitution (Teitz & Bart 1968) with the fast swap evaluation of Whitaker
///    ("A fast algorithm for the greedy interchange for large-scale clustering and median
///    location problems", INFOR 21, 1983) as in Resende & Werneck (J. Heuristics 10, 2004):
///    each demand keeps its nearest and second-nearest center, so the saving of
///    "add c, drop s" is gain(c) − loss(s) + extra(c, s), where extra is accumulated over
///    c's list only. Swaps are applied while one strictly lowers the objective.
///
/// - Complexity: one pass costs O(nnz + m·K); a swap O(Σ list lengths of the affected demand).
public enum PMedian {
    public struct Solution: Sendable {
        /// Chosen candidate indices.
        public var selected: [Int]
        /// Model objective Σ w·base before any new site, and with `selected`.
        public var objectiveBefore: Double
        public var objectiveAfter: Double
        public var objectiveGreedy: Double
        public var swaps: Int
        public var passes: Int
        /// `selected` ordered by marginal saving given the earlier ranks, with that saving.
        public var ranking: [(site: Int, saving: Double)]
        /// A proven lower bound on the uncapped objective of any K sites, household-metres
        /// (`PMedianLagrangianBound`; set by the callers that know the cap).
        public var lowerBound: Double? = nil
    }

    /// - Parameters:
    ///   - demand: demand locations; `weights` households; `base` distance to the nearest
    ///     existing center (+∞ when none).
    ///   - candidates: candidate locations (index order breaks ties).
    ///   - count: K.  - cap: the candidate neighbourhood radius (∞ for the exact model).
    public static func solve(
        demand: [Point], weights: [Int], base existing: [Double],
        candidates: [Point], count: Int, cap: Double,
        localSearch: Bool = true, maxPasses: Int = 100
    ) -> Solution {
        let m = candidates.count
        // a stand-in for "no center at all": longer than any distance in the instance
        var box = BoundingBox(points: demand + candidates)
        if box.isEmpty { box = BoundingBox(points: [Point(0, 0)]) }
        let far = 2 * ((box.maxX - box.minX) + (box.maxY - box.minY)) + 1
        let base = existing.map { min($0, far) }

        // candidate → (demand, distance) for demand closer to the candidate than its base
        let tree = KDTree(points: demand)
        let rows = SparseRows.build(rows: m, keepDistances: true) { j, append in
            tree.forEach(within: min(cap, far), of: candidates[j]) { i, d in
                if d < base[i] && weights[i] > 0 { append(Int32(i), Float(d)) }
            }
        }
        var solution = solve(
            rows: rows, weights: weights, base: base, count: count,
            localSearch: localSearch, maxPasses: maxPasses)
        bound(
            &solution, rows: rows, weights: weights, base: base, boundBase: base.map { min($0, cap) }, count: count,
            localSearch: localSearch)
        return solution
    }

    /// Sets `solution.lowerBound` to the Lagrangian bound on `rows` with `boundBase` as the
    /// fallback distance (at most the cap, so the bound also holds beyond the candidate
    /// neighbourhoods). When the relaxation met a better plan on the way (a Lagrangian
    /// heuristic), the swap descent from that plan, measured on `base`, replaces the solution
    /// when it ends lower.
    static func bound(
        _ solution: inout Solution, rows: SparseRows, weights: [Int], base: [Double], boundBase: [Double],
        count: Int, localSearch: Bool
    ) {
        let nearest = PMedianLagrangianBound.nearestDistances(solution.selected, rows: rows, base: boundBase)
        var target = 0.0
        for i in weights.indices { target += Double(weights[i]) * nearest[i] }
        let lagrangian = PMedianLagrangianBound.compute(
            rows: rows, weights: weights, base: boundBase, count: count, target: target)
        if lagrangian.planValue < target * (1 - 1e-12) {
            let better = solve(
                rows: rows, weights: weights, base: base, count: count, localSearch: localSearch, start: lagrangian.plan)
            if better.objectiveAfter < solution.objectiveAfter {
                let greedy = solution.objectiveGreedy
                solution = better
                solution.objectiveGreedy = greedy
            }
        }
        solution.lowerBound = min(lagrangian.value, solution.objectiveAfter)
    }

    /// The model on given candidate rows (any distance: straight line, walking network).
    ///
    /// - Parameters:
    ///   - rows: row j lists (demand i, distance) for the demand within candidate j's
    ///     neighbourhood that j is strictly closer to than `base[i]`, ascending by i.
    ///   - base: each demand point's distance to its nearest existing center, finite (a
    ///     stand-in longer than every distance in `rows` where there is none).
    ///   - start: sites to start from instead of the greedy's first choices (the greedy adds
    ///     to them up to `count`).
    public static func solve(
        rows: SparseRows, weights: [Int], base: [Double], count: Int,
        localSearch: Bool = true, maxPasses: Int = 100, start: [Int] = []
    ) -> Solution {
        let n = weights.count, m = rows.rowCount
        let w = weights.map(Double.init)
        let reverse = rows.transposed(columns: n)
        // distances as Double from Float storage, the same everywhere below
        @inline(__always) func dist(_ q: Int) -> Double { Double(rows.distances[q]) }

        var d1 = base, d2 = base
        var p1 = [Int32](repeating: -1, count: n), p2 = [Int32](repeating: -1, count: n)
        var inSolution = [Bool](repeating: false, count: m)

        func gain(_ j: Int) -> Double {
            var s = 0.0
            for q in rows.range(j) {
                let i = Int(rows.items[q]); let d = dist(q)
                if d < d1[i] { s += w[i] * (d1[i] - d) }
            }
            return s
        }
        func insert(_ j: Int) {
            for q in rows.range(j) {
                let i = Int(rows.items[q]); let d = dist(q)
                if d < d1[i] {
                    d2[i] = d1[i]; p2[i] = p1[i]; d1[i] = d; p1[i] = Int32(j)
                } else if d < d2[i] {
                    d2[i] = d; p2[i] = Int32(j)
                }
            }
        }
        /// Nearest and second nearest among the chosen neighbours of i and the base.
        func recompute(_ i: Int) {
            var a = base[i], pa: Int32 = -1, b = base[i], pb: Int32 = -1
            for q in reverse.range(i) {
                let j = Int(reverse.items[q])
                guard inSolution[j] else { continue }
                let d = Double(reverse.distances[q])
                if d < a || (d == a && pa >= 0 && Int32(j) < pa) {
                    b = a; pb = pa; a = d; pa = Int32(j)
                } else if d < b {
                    b = d; pb = Int32(j)
                }
            }
            d1[i] = a; p1[i] = pa; d2[i] = b; p2[i] = pb
        }

        let objectiveBefore = zip(w, base).reduce(0) { $0 + $1.0 * $1.1 }
        var objective = objectiveBefore
        let eps = 1e-9 * max(1, objectiveBefore)

        // 1. lazy greedy
        var staticGain = [Double](repeating: 0, count: m)
        for j in 0..<m { staticGain[j] = gain(j) }
        var heap = LazyHeap<Double>(
            (0..<m).compactMap { j in
                staticGain[j] > eps ? .init(key: staticGain[j], item: Int32(j), stamp: 0) : nil
            })
        var selected: [Int] = []
        for j in start.prefix(count) where !inSolution[j] {
            objective -= gain(j)
            selected.append(j); inSolution[j] = true
            insert(j)
        }
        while selected.count < count, let top = heap.top {
            if top.stamp == Int32(selected.count) {
                heap.pop()
                if top.key <= eps { break }
                let j = Int(top.item)
                selected.append(j); inSolution[j] = true
                insert(j)
                objective -= top.key
            } else {
                let g = gain(Int(top.item))
                if g <= eps {
                    heap.pop()
                } else {
                    heap.replaceTop(.init(key: g, item: top.item, stamp: Int32(selected.count)))
                }
            }
        }
        let objectiveGreedy = objective

        // 2. swaps
        var swaps = 0, passes = 0
        if localSearch && !selected.isEmpty && selected.count < m {
            var loss = [Double](repeating: 0, count: m)
            func contribution(_ i: Int, _ sign: Double) {
                if p1[i] >= 0 { loss[Int(p1[i])] += sign * w[i] * (d2[i] - d1[i]) }
            }
            for i in 0..<n { contribution(i, 1) }
            func minLoss() -> (Double, Int) {
                var best = (Double.infinity, -1)
                for j in selected where loss[j] < best.0 || (loss[j] == best.0 && j < best.1) { best = (loss[j], j) }
                return best
            }
            var (lowLoss, lowSite) = minLoss()
            var extra = [Double](repeating: 0, count: m)
            var mark = [Bool](repeating: false, count: m)
            var touched: [Int] = []
            var improved = true
            while improved && passes < maxPasses {
                improved = false
                passes += 1
                for c in 0..<m where !inSolution[c] && staticGain[c] > lowLoss + eps {
                    var gainAdd = 0.0
                    for q in rows.range(c) {
                        let i = Int(rows.items[q]); let d = dist(q)
                        if d < d1[i] { gainAdd += w[i] * (d1[i] - d) }
                        let s = Int(p1[i])
                        if s >= 0 && d < d2[i] {
                            if !mark[s] { mark[s] = true; touched.append(s) }
                            extra[s] += w[i] * (d2[i] - max(d, d1[i]))
                        }
                    }
                    var bestDelta = gainAdd - lowLoss, bestSite = lowSite
                    for s in touched {
                        let d = gainAdd - loss[s] + extra[s]
                        if d > bestDelta || (d == bestDelta && s < bestSite) { bestDelta = d; bestSite = s }
                        extra[s] = 0; mark[s] = false
                    }
                    touched.removeAll(keepingCapacity: true)
                    guard bestDelta > eps else { continue }
                    // apply: drop bestSite, add c
                    inSolution[bestSite] = false
                    for q in rows.range(bestSite) {
                        let i = Int(rows.items[q])
                        if p1[i] == Int32(bestSite) || p2[i] == Int32(bestSite) {
                            contribution(i, -1); recompute(i); contribution(i, 1)
                        }
                    }
                    loss[bestSite] = 0
                    inSolution[c] = true
                    for q in rows.range(c) {
                        let i = Int(rows.items[q])
                        contribution(i, -1); recompute(i); contribution(i, 1)
                    }
                    selected[selected.firstIndex(of: bestSite)!] = c
                    swaps += 1
                    improved = true
                    (lowLoss, lowSite) = minLoss()
                }
            }
            for i in 0..<n { recompute(i) }
        }
        objective = 0
        for i in 0..<n { objective += w[i] * d1[i] }

        // ranking on the final set
        var cur = base
        var rest = selected.sorted()
        var ranking: [(Int, Double)] = []
        while !rest.isEmpty {
            var best = 0, bestSaving = -Double.infinity
            for (p, j) in rest.enumerated() {
                var s = 0.0
                for q in rows.range(j) { let i = Int(rows.items[q]); let d = dist(q); if d < cur[i] { s += w[i] * (cur[i] - d) } }
                if s > bestSaving { bestSaving = s; best = p }
            }
            let j = rest.remove(at: best)
            for q in rows.range(j) { let i = Int(rows.items[q]); cur[i] = min(cur[i], dist(q)) }
            ranking.append((j, bestSaving))
        }
        return Solution(
            selected: selected, objectiveBefore: objectiveBefore, objectiveAfter: objective,
            objectiveGreedy: objectiveGreedy, swaps: swaps, passes: passes, ranking: ranking)
    }
}
