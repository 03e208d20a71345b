import GridMILP

/// `cover --exact`: the maximal covering problem as a mixed-integer program solved by CBC,
/// warm-started from the heuristic's plan:
///
///     max Σ_g w_g y_g   s.t.   y_g ≤ Σ_{j reaches g} x_j,   Σ x_j = K,   x ∈ {0,1},  0 ≤ y ≤ 1
///
/// where the demand points reached by the same set of candidates are one group g with their
/// summed households (an exact reduction: they are covered together or not at all).
enum MaximalCoveringProgram {
    struct Result {
        var selected: [Int]
        var value: Int
        /// The proven upper bound on the newly covered households.
        var bound: Int
        var stop: MixedIntegerSolution.Stop
    }

    /// - Parameters:
    ///   - excluded, included: candidates fixed out of and into every plan better than the
    ///     incumbent (`CoveringLagrangianBound.fixing`); empty for none. Fixed-out candidates are
    ///     left out of the program, so the proven bound covers the plans better than the
    ///     incumbent, which is all that is needed.
    static func solve(
        rows: SparseRows, weights: [Int], count: Int, incumbent: [Int], timeLimit: Double,
        excluded: [Bool] = [], included: [Bool] = []
    ) -> Result {
        let m = rows.rowCount
        let isOut = excluded.isEmpty ? [Bool](repeating: false, count: m) : excluded
        let isIn = included.isEmpty ? [Bool](repeating: false, count: m) : included
        let free = (0..<m).filter { !isOut[$0] }
        let byDemand = rows.transposed(columns: weights.count)
        var groups: [[Int32]: Int] = [:]
        var order: [[Int32]] = []
        for i in weights.indices where weights[i] > 0 {
            let key = byDemand.items[byDemand.range(i)].filter { !isOut[Int($0)] }
            guard !key.isEmpty else { continue }
            if groups[key] == nil { order.append(key) }
            groups[key, default: 0] += weights[i]
        }
        var program = MixedIntegerProgram(sense: .maximize)
        var x = [Int](repeating: -1, count: m)
        for j in free { x[j] = program.addVariable(lower: isIn[j] ? 1 : 0, upper: 1, objective: 0, integer: true) }
        for key in order {
            let y = program.addVariable(upper: 1, objective: Double(groups[key]!), integer: false)
            program.addConstraint([(y, 1)] + key.map { (x[Int($0)], -1.0) }, upper: 0)
        }
        let k = min(count, free.count)
        program.addConstraint(free.map { (x[$0], 1.0) }, lower: Double(k), upper: Double(k))
        let start = SitingWarmStart.values(
            variableCount: program.variableCount, sites: x, free: free, fixedIn: isIn, incumbent: incumbent, count: k)
        let solved = program.solve(start: start, timeLimit: timeLimit, absoluteGap: 1 - 1e-6)
        let incumbentValue = MaximalCovering.coveredWeight(incumbent, rows: rows, weights: weights)
        var selected = incumbent.sorted(), value = incumbentValue
        if let values = solved.values {
            let chosen = free.filter { values[x[$0]] > 0.5 }
            let covered = MaximalCovering.coveredWeight(chosen, rows: rows, weights: weights)
            if covered > value { selected = chosen; value = covered }
        }
        // no bound within the time (not even the root relaxation): nothing proven here
        let bound = solved.bound.isFinite ? max(value, Int((solved.bound + 1e-6).rounded(.down))) : Int.max
        return Result(selected: selected, value: value, bound: bound, stop: bound == value ? .proven : solved.stop)
    }
}
