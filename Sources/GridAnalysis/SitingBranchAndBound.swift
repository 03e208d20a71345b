import Foundation

/// Exact siting by depth-first branch-and-bound over the candidates, for `--exact`.
///
/// Both objectives are one problem: each demand point i has a current cost cᵢ (its base:
/// `cover` 1 when uncovered, `distance` the distance to the nearest existing center), a chosen
/// candidate j lowers it to dᵢⱼ (`cover` 0), and K candidates maximise the saving
/// Σ wᵢ (baseᵢ − min(baseᵢ, chosen dᵢⱼ)). The saving is submodular, so at a node with chosen
/// set S the saving of S plus the K − |S| largest marginal savings of the candidates still
/// free bounds every completion (Nemhauser, Wolsey & Fisher 1978); a node whose bound does not
/// beat the incumbent (warm-started from the heuristic's plan) is pruned. Candidates are
/// branched on heaviest first (include, then exclude), ties by index, so the search order is
/// deterministic; only `timeLimit` (seconds of wall time) can cut it short, and then the
/// incumbent is returned unproven.
///
/// - Complexity: O(nnz) per node; exponential in the worst case.
public enum SitingBranchAndBound {
    /// Why the search stopped.
    public enum Stop: String, Codable, Sendable, CaseIterable {
        /// Every node was explored or pruned: the incumbent is optimal.
        case proven
        /// The time limit.
        case timeLimit = "time_limit"
    }

    public struct Result: Sendable, Equatable {
        /// The best plan found (candidate indices, ascending) and its saving.
        public var selected: [Int]
        public var saving: Double
        public var stop: Stop
        public var nodes: Int
    }

    /// - Parameters:
    ///   - rows: per candidate the (demand, distance) pairs it lowers; `distances` may be empty
    ///     (then every distance is 0, the covering case).
    ///   - base: each demand point's cost without new sites (finite).
    ///   - incumbent: a feasible plan to start from (the heuristic's).
    public static func solve(
        rows: SparseRows, weights: [Int], base: [Double], count: Int,
        incumbent: [Int], timeLimit: Double
    ) -> Result {
        let m = rows.rowCount
        let k = min(count, m)
        let w = weights.map(Double.init)
        let hasDistances = !rows.distances.isEmpty
        @inline(__always) func distance(_ q: Int) -> Double { hasDistances ? Double(rows.distances[q]) : 0 }
        var current = base

        func marginal(_ j: Int) -> Double {
            var s = 0.0
            for q in rows.range(j) {
                let i = Int(rows.items[q]); let d = distance(q)
                if d < current[i] { s += w[i] * (current[i] - d) }
            }
            return s
        }
        let staticGain: [Double] = (0..<m).map { marginal($0) }
        let order: [Int] = (0..<m).sorted { a, b in
            staticGain[a] > staticGain[b] || (staticGain[a] == staticGain[b] && a < b)
        }

        // the incumbent's saving
        var best = Array(incumbent.sorted().prefix(k))
        for j in best { for q in rows.range(j) { let i = Int(rows.items[q]); current[i] = min(current[i], distance(q)) } }
        var bestSaving = 0.0
        for i in base.indices { bestSaving += w[i] * (base[i] - current[i]) }
        current = base
        let eps = 1e-9 * max(1, bestSaving)

        let deadline = Date().addingTimeInterval(timeLimit)
        var nodes = 0, timedOut = false
        var chosen: [Int] = []
        var undo: [(Int, Double)] = []
        var gains = [Double](repeating: 0, count: m)

        func visit(_ position: Int, _ saving: Double) {
            if timedOut { return }
            nodes += 1
            if nodes & 255 == 0 && Date() >= deadline { timedOut = true; return }
            if saving > bestSaving + eps { bestSaving = saving; best = chosen.sorted() }
            let left = k - chosen.count
            if left == 0 || position == m { return }
            var free = 0
            for p in position..<m { let g = marginal(order[p]); if g > 0 { gains[free] = g; free += 1 } }
            if free == 0 { return }
            var top = Array(gains[0..<free]); top.sort(by: >)
            if saving + top.prefix(left).reduce(0, +) <= bestSaving + eps { return }
            // include order[position]
            let j = order[position]
            let mark = undo.count
            var gain = 0.0
            for q in rows.range(j) {
                let i = Int(rows.items[q]); let d = distance(q)
                if d < current[i] { gain += w[i] * (current[i] - d); undo.append((i, current[i])); current[i] = d }
            }
            chosen.append(j)
            visit(position + 1, saving + gain)
            chosen.removeLast()
            while undo.count > mark { let (i, old) = undo.removeLast(); current[i] = old }
            // exclude it
            visit(position + 1, saving)
        }
        visit(0, 0)
        return Result(selected: best, saving: bestSaving, stop: timedOut ? .timeLimit : .proven, nodes: nodes)
    }

    /// Whether an instance is small enough to solve exactly by default: at most `smallPlans`
    /// plans of K among the useful candidates.
    public static let smallPlans = 20_000.0
    public static func isSmall(candidates: Int, count: Int) -> Bool {
        guard count <= candidates else { return true }
        var plans = 1.0
        for t in 0..<count { plans = plans * Double(candidates - t) / Double(t + 1); if plans > smallPlans { return false } }
        return true
    }
}

extension SitingAnalysis {
    /// Whether to run the exact search: asked for (`--exact`) or the instance is small.
    static func wantsExactSearch(_ problem: SitingProblem, parameters: SitingParameters) -> Bool {
        parameters.exact || SitingBranchAndBound.isSmall(candidates: problem.candidates.count, count: parameters.count ?? 0)
    }
}
