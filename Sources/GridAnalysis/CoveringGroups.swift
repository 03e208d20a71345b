/// Demand points reached by exactly the same candidates merged into one group with their summed
/// weight: an exact reduction for covering, since such points are covered together or not at
/// all. Points of weight 0 and points no candidate reaches belong to no group.
struct CoveringGroups {
    /// Per candidate the groups it reaches (ascending).
    var rows: SparseRows
    /// Per group its summed weight.
    var weights: [Int]
    /// Per demand point its group, −1 for none.
    var groupOf: [Int32]

    init(rows: SparseRows, weights: [Int]) {
        let byDemand = rows.transposed(columns: weights.count)
        var index: [ArraySlice<Int32>: Int32] = [:]
        var groupOf = [Int32](repeating: -1, count: weights.count)
        var groupWeights: [Int] = []
        for i in weights.indices where weights[i] > 0 && !byDemand.range(i).isEmpty {
            let key = byDemand.items[byDemand.range(i)]
            if let g = index[key] {
                groupOf[i] = g; groupWeights[Int(g)] += weights[i]
            } else {
                let g = Int32(groupWeights.count)
                index[key] = g; groupOf[i] = g; groupWeights.append(weights[i])
            }
        }
        var grouped = SparseRows()
        grouped.offsets.reserveCapacity(rows.rowCount + 1)
        var lastRow = [Int32](repeating: -1, count: groupWeights.count)
        var scratch: [Int32] = []
        for j in 0..<rows.rowCount {
            scratch.removeAll(keepingCapacity: true)
            for q in rows.range(j) {
                let g = groupOf[Int(rows.items[q])]
                if g >= 0 && lastRow[Int(g)] != Int32(j) { lastRow[Int(g)] = Int32(j); scratch.append(g) }
            }
            scratch.sort()
            grouped.items += scratch
            grouped.offsets.append(grouped.items.count)
        }
        self.rows = grouped; self.weights = groupWeights; self.groupOf = groupOf
    }

    /// Multipliers per demand point from multipliers per group, split by weight (the Lagrangian
    /// function of the covering program takes the same value at both).
    func demandMultipliers(_ lambda: [Double], demandWeights: [Int]) -> [Double] {
        guard !lambda.isEmpty else { return [] }
        return demandWeights.indices.map { i in
            let g = Int(groupOf[i])
            return g < 0 ? Double(demandWeights[i]) / 2 : lambda[g] * Double(demandWeights[i]) / Double(weights[g])
        }
    }
}
