import GridMILP

/// `distance --exact`: the p-median as a mixed-integer program solved by CBC, warm-started
/// from the heuristic's plan, on the candidates Lagrangian fixing leaves free
/// (`PMedianLagrangianBound.fixing`):
///
///     min Σᵢ wᵢ bᵢ uᵢ + Σ_(i,j) wᵢ dᵢⱼ zᵢⱼ   s.t.   uᵢ + Σⱼ zᵢⱼ = 1,   zᵢⱼ ≤ xⱼ,   Σ xⱼ = K,
///
/// x binary, u, z ≥ 0, over the pairs closer than the demand's base bᵢ (its existing center).
/// A plan using a fixed-out candidate cannot beat the incumbent, so the proven bound is the
/// smaller of the program's bound and the incumbent's value.
enum PMedianProgram {
    struct Result {
        var selected: [Int]
        /// The model value of `selected` and a proven lower bound on every plan's.
        var value: Double
        var bound: Double
        var stop: MixedIntegerSolution.Stop
    }

    static func solve(
        rows: SparseRows, weights: [Int], base: [Double], count: Int, incumbent: [Int], timeLimit: Double,
        excluded: [Bool], included: [Bool]
    ) -> Result {
        let m = rows.rowCount, n = weights.count
        let free = (0..<m).filter { excluded.isEmpty || !excluded[$0] }
        var program = MixedIntegerProgram(sense: .minimize)
        var x = [Int](repeating: -1, count: m)
        for j in free {
            let fixedIn = !included.isEmpty && included[j]
            x[j] = program.addVariable(lower: fixedIn ? 1 : 0, upper: 1, objective: 0, integer: true)
        }
        var byDemand = [[(Int, Double)]](repeating: [], count: n)
        for j in free {
            for q in rows.range(j) {
                let i = Int(rows.items[q]); let d = Double(rows.distances[q])
                if d < base[i] && weights[i] > 0 { byDemand[i].append((j, d)) }
            }
        }
        // A demand no free candidate brings closer keeps its base: a constant left out of the
        // program and added back to the program's bound.
        var constant = 0.0
        for i in 0..<n where weights[i] > 0 && byDemand[i].isEmpty { constant += Double(weights[i]) * base[i] }
        for i in 0..<n where weights[i] > 0 && !byDemand[i].isEmpty {
            let w = Double(weights[i])
            var terms: [(Int, Double)] = [(program.addVariable(upper: 1, objective: w * base[i], integer: false), 1)]
            for (j, d) in byDemand[i] {
                let z = program.addVariable(upper: 1, objective: w * d, integer: false)
                terms.append((z, 1))
                program.addConstraint([(z, 1), (x[j], -1)], upper: 0)
            }
            program.addConstraint(terms, lower: 1, upper: 1)
        }
        let k = min(count, free.count)
        program.addConstraint(free.map { (x[$0], 1.0) }, lower: Double(k), upper: Double(k))
        let start = SitingWarmStart.values(
            variableCount: program.variableCount, sites: x, free: free, fixedIn: included, incumbent: incumbent, count: k)
        let incumbentValue = PMedianLagrangianBound.modelValue(incumbent, rows: rows, weights: weights, base: base)
        let solved = program.solve(start: start, timeLimit: timeLimit, absoluteGap: 1e-7 * incumbentValue)
        var selected = incumbent.sorted(), value = incumbentValue
        if let values = solved.values {
            let chosen = free.filter { values[x[$0]] > 0.5 }
            let v = PMedianLagrangianBound.modelValue(chosen, rows: rows, weights: weights, base: base)
            if v < value { selected = chosen; value = v }
        }
        let bound = solved.bound.isFinite ? min(value, max(0, constant + solved.bound)) : 0
        let proven = solved.stop == .proven || value - bound <= 1e-7 * value
        return Result(
            selected: selected, value: value, bound: proven ? min(bound, value) : bound, stop: proven ? .proven : .timeLimit)
    }
}
