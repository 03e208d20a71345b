import CCbc
import CCbcRun
import Foundation

/// Serialises calls into CBC, whose command driver (CbcMain) is not reentrant.
private let cbcLock = NSLock()

extension MixedIntegerProgram {
    /// Solves the program with COIN-OR CBC (the only caller of its C API).
    ///
    /// Deterministic for the same program and options: one thread, CBC's fixed seed, no
    /// output. `start`, a feasible assignment of the integer variables (the heuristic's plan),
    /// is given to CBC as its first incumbent. `timeLimit` is wall-clock seconds; when it cuts
    /// the search short the best solution so far and the proven bound are returned with
    /// `stop == .timeLimit`. CBC does not check its limit everywhere (not in the root's cut
    /// passes), so a program larger than `inProcessNonzeros` runs in a child process killed at
    /// `deadline(timeLimit:)`; a killed run returns no solution and an infinite bound,
    /// `stop == .timeLimit`. Calls from several
    /// threads run one after the other. `absoluteGap`
    /// lets CBC stop once incumbent and bound are that close
    /// (e.g. 1 − 1e-6 for an integral objective: nothing better can exist).
    public func solve(start: [Double]? = nil, timeLimit: Double, absoluteGap: Double = 1e-9) -> MixedIntegerSolution {
        // CBC's driver keeps process-wide state: one solve at a time
        cbcLock.lock()
        defer { cbcLock.unlock() }
        let n = variableCount
        guard let model = Cbc_newModel() else { fatalError("CBC: Cbc_newModel failed") }
        defer { Cbc_deleteModel(model) }

        // column-major matrix for Cbc_loadProblem
        var counts = [Int](repeating: 0, count: n)
        for c in constraints { for (j, _) in c.terms { counts[j] += 1 } }
        var starts = [CoinBigIndex](repeating: 0, count: n + 1)
        for j in 0..<n { starts[j + 1] = starts[j] + CoinBigIndex(counts[j]) }
        var fill = starts.map(Int.init)
        var index = [Int32](repeating: 0, count: Int(starts[n]))
        var value = [Double](repeating: 0, count: Int(starts[n]))
        for (r, c) in constraints.enumerated() {
            for (j, a) in c.terms { index[fill[j]] = Int32(r); value[fill[j]] = a; fill[j] += 1 }
        }
        let infinity = 1e30
        func finite(_ x: Double) -> Double { x == .infinity ? infinity : (x == -.infinity ? -infinity : x) }
        let rowLower = constraints.map { finite($0.lower) }, rowUpper = constraints.map { finite($0.upper) }
        let colLower = lower.map(finite), colUpper = upper.map(finite)
        Cbc_loadProblem(
            model, Int32(n), Int32(constraints.count), starts, index, value, colLower, colUpper, objective,
            rowLower, rowUpper)
        for j in 0..<n where integer[j] { Cbc_setInteger(model, Int32(j)) }
        Cbc_setObjSense(model, sense == .maximize ? -1 : 1)
        Cbc_setLogLevel(model, 0)
        Cbc_setParameter(model, "threads", "1")
        Cbc_setParameter(model, "timeMode", "elapsed")
        Cbc_setParameter(model, "seconds", String(format: "%.3f", max(0.001, timeLimit)))
        Cbc_setParameter(model, "allowableGap", String(absoluteGap))
        Cbc_setParameter(model, "ratioGap", "0")
        Cbc_setMaximumSeconds(model, max(0.001, timeLimit))
        Cbc_setAllowableGap(model, absoluteGap)
        Cbc_setAllowableFractionGap(model, 0)
        if let start {
            precondition(start.count == n)
            var columns: [Int32] = [], values: [Double] = []
            for j in 0..<n where integer[j] && start[j] != 0 { columns.append(Int32(j)); values.append(start[j]) }
            if !columns.isEmpty {
                columns.withUnsafeMutableBufferPointer { c in
                    _ = Cbc_setMIPStartI(model, Int32(c.count), c.baseAddress, values)
                }
            }
        }
        // CBC in a child process killed at the deadline: its own limit is not checked in
        // preprocessing, the root LP or the root's cut passes, which can run for minutes
        var best = [Double](repeating: 0, count: n)
        var report = gridplan_cbc_report()
        let inProcess: Int32 = Int(starts[n]) <= Self.inProcessNonzeros ? 1 : 0
        gridplan_cbc_solve_bounded(model, Int32(n), Self.deadline(timeLimit: timeLimit), inProcess, &best, &report)
        guard report.outcome == 0 else {
            // killed at the deadline (or the child failed): nothing found, nothing proven here
            return MixedIntegerSolution(
                stop: .timeLimit, values: nil, objective: nil, bound: sense == .maximize ? .infinity : -.infinity,
                nodes: 0)
        }
        let nodes = Int(report.nodes)
        var values: [Double]? = nil
        if report.has_solution != 0 {
            values = (0..<n).map { j in integer[j] ? best[j].rounded() : best[j] }
        }
        let objectiveValue = values.map { self.value(of: $0) }
        if report.proven_infeasible != 0 && values == nil {
            return MixedIntegerSolution(
                stop: .infeasible, values: nil, objective: nil,
                bound: sense == .maximize ? -.infinity : .infinity, nodes: nodes)
        }
        let proven = report.proven_optimal != 0 && report.seconds_limit_reached == 0 && values != nil
        var bound = report.best_possible
        if proven, let objectiveValue { bound = objectiveValue }
        if !bound.isFinite || abs(bound) >= 1e29 { bound = sense == .maximize ? .infinity : -.infinity }
        if let objectiveValue {
            // the bound is never worse than the plan it bounds
            bound = sense == .maximize ? max(bound, objectiveValue) : min(bound, objectiveValue)
        }
        return MixedIntegerSolution(
            stop: proven ? .proven : .timeLimit, values: values, objective: objectiveValue, bound: bound, nodes: nodes)
    }

    /// Programs with at most this many nonzeros are solved in this process (their root node is
    /// short, CBC's own limit holds, and no child process is made); larger ones in a child
    /// process killed at `deadline(timeLimit:)`.
    public static let inProcessNonzeros = 20_000

    /// When a CBC run is killed: CBC's own limit plus a little room for it to stop by itself
    /// and report its plan and bound (half a second and a tenth of the limit, at most 2 s).
    public static func deadline(timeLimit: Double) -> Double {
        let limit = max(0.001, timeLimit)
        return limit + min(2, 0.5 + 0.1 * limit)
    }
}
