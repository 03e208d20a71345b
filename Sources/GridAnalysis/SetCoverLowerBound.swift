/// A lower bound on the fewest sets that cover every element, from the Lagrangian relaxation
/// of the set covering program  min Σⱼ xⱼ  s.t.  Σ_{j ∋ e} xⱼ ≥ 1,  x binary:
///
///     L(u) = Σₑ uₑ + Σⱼ min(0, 1 − Σ_{e ∈ j} uₑ),   u ≥ 0,
///
/// and every L(u) is at most the optimum (Beasley, "A Lagrangian heuristic for set-covering
/// problems", Naval Res. Logistics 37, 1990). The start uₑ = min over the sets holding e of
/// 1 / |set| is dual feasible (L = Σ uₑ, a fractional packing); subgradient steps with Polyak
/// sizes toward `target` raise it, θ halving after 10 steps without improvement. Used by
/// `PCenter` to prove that K sites cannot bring every point within a radius (the bound
/// exceeds K) without a MILP.
///
/// - Complexity: one step O(Σ |options|).
enum SetCoverLowerBound {
    /// The largest L(u) found (a real number; the optimum is at least its ceiling). Stops as
    /// soon as L exceeds `stopAbove`, after `maximumSteps` steps, or when the step size vanishes.
    /// - Parameters:
    ///   - options: per element the sets (column indices < `columns`) that cover it; none empty.
    ///   - target: the size of a known cover (the Polyak target).
    static func compute(
        options: [[Int]], columns: Int, target: Int, stopAbove: Double, maximumSteps: Int = 150
    ) -> Double {
        guard !options.isEmpty else { return 0 }
        var size = [Int](repeating: 0, count: columns)
        for js in options { for j in js { size[j] += 1 } }
        var u = options.map { js in js.map { 1.0 / Double(size[$0]) }.min()! }
        var best = u.reduce(0, +)
        if best > stopAbove { return best }
        var load = [Double](repeating: 0, count: columns)
        var chosen = [Bool](repeating: false, count: columns)
        var theta = 1.0, since = 0
        let goal = Double(target)
        for _ in 0..<maximumSteps {
            for j in 0..<columns { load[j] = 0 }
            for (e, js) in options.enumerated() { for j in js { load[j] += u[e] } }
            var value = u.reduce(0, +)
            for j in 0..<columns {
                chosen[j] = load[j] > 1
                if chosen[j] { value += 1 - load[j] }
            }
            if value > best + 1e-12 { best = value; since = 0 } else { since += 1 }
            if best > stopAbove { break }
            if since >= 10 { theta /= 2; since = 0; if theta < 1e-3 { break } }
            // subgradient gₑ = 1 − (chosen sets holding e)
            var norm = 0.0
            var g = [Double](repeating: 0, count: options.count)
            for (e, js) in options.enumerated() {
                var c = 0
                for j in js where chosen[j] { c += 1 }
                g[e] = 1 - Double(c)
                if !(u[e] <= 0 && g[e] < 0) { norm += g[e] * g[e] }
            }
            if norm == 0 { break }
            let step = theta * max(goal - value, 1e-3) / norm
            for e in u.indices { u[e] = max(0, u[e] + step * g[e]) }
        }
        return best
    }
}
