/// Set covering: the fewest candidates whose coverage sets reach every demand point that
/// some candidate reaches.
///
/// Greedy (Chvátal, "A greedy heuristic for the set-covering problem", Math. Oper. Res. 4,
/// 1979; within H(max row) of the optimum) run as lazy greedy on the weight
/// 2³² + households per building, so a site is chosen for the most buildings first and the
/// most households among equals; then redundancy elimination: sites are dropped, last
/// chosen first, when every building they reach is reached by another chosen site.
///
/// - Complexity: O(nnz log m) for the greedy, O(nnz) for the elimination.
public enum SetCovering {
    public struct Solution: Sendable, Equatable {
        /// Chosen candidate indices, in greedy order.
        public var selected: [Int]
        /// Demand indices no candidate reaches (among those appearing in `demandPool`).
        public var unreachable: [Int]
        /// Sites the elimination removed.
        public var removed: Int
    }

    /// `pool`: the demand that must be covered (uncovered buildings); `rows` over demand indices.
    public static func solve(rows: SparseRows, weights: [Int], pool: [Int]) -> Solution {
        let unit = 1 << 32
        let composite = weights.map { unit + $0 }
        let greedy = MaximalCovering.solve(rows: rows, weights: composite, count: 0, localSearch: false, fillToCover: true)
        var count = [Int32](repeating: 0, count: weights.count)
        for j in greedy.selected { for q in rows.range(j) { count[Int(rows.items[q])] += 1 } }
        var kept = greedy.selected
        var removed = 0
        for j in greedy.selected.reversed() {
            let redundant = rows.range(j).allSatisfy { count[Int(rows.items[$0])] >= 2 }
            if redundant {
                for q in rows.range(j) { count[Int(rows.items[q])] -= 1 }
                kept.removeAll { $0 == j }
                removed += 1
            }
        }
        var reachable = [Bool](repeating: false, count: weights.count)
        for it in rows.items { reachable[Int(it)] = true }
        let unreachable = pool.filter { !reachable[$0] }
        return Solution(selected: kept, unreachable: unreachable, removed: removed)
    }
}
