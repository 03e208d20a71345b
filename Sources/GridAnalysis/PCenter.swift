import Foundation
import GridMILP

/// p-center: K sites so that the farthest demand point is as near as possible to its nearest
/// center (existing or new), `--objective center`.
///
/// 1. A plan by farthest-first (Gonzalez): repeatedly open the candidate nearest to the demand
///    point now farthest from every center. Its largest distance U is the first upper bound.
/// 2. The optimum is one of the distances in the instance (a candidate–demand distance or an
///    existing distance) between L₀ = the largest over demand of its nearest possible center
///    and U. A binary search over those values decides for a threshold r whether K sites can
///    bring every demand point within r: a set covering problem, answered yes by a greedy
///    cover of at most K sites, answered no when the Lagrangian bound of that set covering
///    problem (`SetCoverLowerBound`) exceeds K, or else solved exactly by CBC (fewest sites
///    covering every point farther than r from the existing centers). The cheap answers come
///    first, in two bisections of their own (the smallest radius greedy reaches, the largest
///    the bound rules out), so a time limit that stops CBC still leaves a tight interval. A proven "no" raises the lower bound to
///    the next value, a "yes" lowers the plan to r; when the time limit leaves a threshold
///    undecided the search stops with the best plan and the proven interval.
///
/// - Complexity: O(log V) set covering problems, V the number of distinct distances ≤ U.
public enum PCenter {
    public struct Solution: Sendable {
        /// The plan (candidate indices, ascending).
        public var selected: [Int]
        /// Its largest distance (demand points no center can ever reach left out).
        public var value: Double
        /// A proven lower bound on the largest distance of any plan of K sites.
        public var lowerBound: Double
        public var stop: MixedIntegerSolution.Stop
        /// Thresholds decided and the ones CBC had to solve.
        public var checks: Int
        public var solverChecks: Int
    }

    /// - Parameters:
    ///   - rows: per candidate the (demand, distance) pairs, every pair up to at least the
    ///     farthest-first plan's largest distance (e.g. all pairs).
    ///   - base: each demand point's distance to the nearest existing center (+∞ when none).
    ///   - incumbent: a plan to start from instead of farthest-first (its largest distance must
    ///     be within the pairs of `rows`).
    ///   - solver: whether CBC may decide the thresholds the cheap checks leave open (false:
    ///     the interval of the cheap bisections alone, `stop == .timeLimit` when not closed).
    public static func solve(
        rows: SparseRows, base: [Double], count: Int, timeLimit: Double, incumbent: [Int]? = nil, solver: Bool = true
    ) -> Solution {
        let n = base.count, m = rows.rowCount
        let deadline = Date().addingTimeInterval(timeLimit)
        let byDemand = rows.transposed(columns: n)
        var nearest = base
        for q in rows.items.indices { let i = Int(rows.items[q]); nearest[i] = min(nearest[i], Double(rows.distances[q])) }
        let reachable = nearest.map(\.isFinite)

        // 1. farthest first
        var current = base
        var plan: [Int] = []
        var isOpen = [Bool](repeating: false, count: m)
        if let incumbent { plan = incumbent }
        while incumbent == nil && plan.count < min(count, m) {
            var far = -1
            for i in 0..<n where reachable[i] && (far < 0 || current[i] > current[far]) { far = i }
            guard far >= 0, current[far] > 0 else { break }
            var best = -1, bestDistance = Double.infinity
            for q in byDemand.range(far) {
                let j = Int(byDemand.items[q]), d = Double(byDemand.distances[q])
                if !isOpen[j] && d < bestDistance { best = j; bestDistance = d }
            }
            guard best >= 0, bestDistance < current[far] else { break }
            isOpen[best] = true; plan.append(best)
            for q in rows.range(best) { let i = Int(rows.items[q]); current[i] = min(current[i], Double(rows.distances[q])) }
        }
        func largest(_ sites: [Int]) -> Double {
            var c = base
            for j in sites { for q in rows.range(j) { let i = Int(rows.items[q]); c[i] = min(c[i], Double(rows.distances[q])) } }
            var v = 0.0
            for i in 0..<n where reachable[i] { v = max(v, c[i]) }
            return v
        }
        let upper = largest(plan)
        let floor = (0..<n).filter { reachable[$0] }.map { nearest[$0] }.max() ?? 0

        // 2. the distinct distances in [floor, upper]
        var values = Set<Double>([floor, upper])
        for d in rows.distances where Double(d) >= floor && Double(d) <= upper { values.insert(Double(d)) }
        for d in base where d.isFinite && d >= floor && d <= upper { values.insert(d) }
        let thresholds = values.sorted()
        var lo = 0, hi = thresholds.count - 1
        var best = plan.sorted()
        var checks = 0, solverChecks = 0, stop = MixedIntegerSolution.Stop.proven
        // cheap bounds first, each a bisection: the smallest radius a greedy cover of K sites
        // reaches (a plan), then the largest radius the set covering bound proves out of reach
        var a = lo, b = hi
        while a < b && deadline.timeIntervalSinceNow > 0 {
            let mid = (a + b) / 2
            checks += 1
            if let sites = quickCheck(
                within: thresholds[mid], rows: rows, byDemand: byDemand, base: base, reachable: reachable, count: count,
                lowerBound: false) ?? nil
            {
                best = sites.sorted(); b = mid; hi = mid
            } else {
                a = mid + 1
            }
        }
        a = lo; b = hi
        while a < b && deadline.timeIntervalSinceNow > 0 {
            let mid = (a + b) / 2
            checks += 1
            if case .some(nil) = quickCheck(
                within: thresholds[mid], rows: rows, byDemand: byDemand, base: base, reachable: reachable, count: count,
                lowerBound: true)
            {
                a = mid + 1; lo = mid + 1
            } else {
                b = mid
            }
        }
        // then every threshold left undecided, CBC where the cheap checks do not decide
        if !solver && lo < hi { stop = .timeLimit }
        while solver && lo < hi {
            let mid = (lo + hi) / 2
            let r = thresholds[mid]
            checks += 1
            switch cover(
                within: r, rows: rows, byDemand: byDemand, base: base, reachable: reachable, count: count, deadline: deadline,
                solverUsed: &solverChecks)
            {
            case .some(let sites?): best = sites.sorted(); hi = mid
            case .some(nil): lo = mid + 1
            case nil: stop = .timeLimit
            }
            if stop == .timeLimit { break }
        }
        let value = largest(best)
        if value <= thresholds[lo] { stop = .proven }  // the plan meets the proven bound
        return Solution(
            selected: best, value: value, lowerBound: stop == .proven ? value : thresholds[lo], stop: stop,
            checks: checks, solverChecks: solverChecks)
    }

    /// Each demand point that must be brought within `r` (farther than that from the existing
    /// centers) with its candidates within `r`, identical lists once; nil when some point has
    /// none (no plan reaches `r`).
    static func options(
        within r: Double, byDemand: SparseRows, base: [Double], reachable: [Bool]
    ) -> [[Int]]? {
        var seen = Set<[Int]>()
        var options: [[Int]] = []
        for i in base.indices where reachable[i] && base[i] > r {
            var js: [Int] = []
            for q in byDemand.range(i) where Double(byDemand.distances[q]) <= r { js.append(Int(byDemand.items[q])) }
            if js.isEmpty { return nil }
            if seen.insert(js).inserted { options.append(js) }
        }
        return options
    }

    /// A greedy cover of `options` (most uncovered points first, ties to the lower candidate)
    /// and the candidates that cover some point, ascending.
    static func greedyCover(_ options: [[Int]]) -> (sites: [Int], columns: [Int]) {
        var gain: [Int: Int] = [:]
        for js in options { for j in js { gain[j, default: 0] += 1 } }
        let columns = gain.keys.sorted()
        var index: [Int: Int] = [:]
        for (c, j) in columns.enumerated() { index[j] = c }
        var gains = columns.map { gain[$0]! }
        var members = [[Int]](repeating: [], count: columns.count)
        for (e, js) in options.enumerated() { for j in js { members[index[j]!].append(e) } }
        var covered = [Bool](repeating: false, count: options.count)
        var left = options.count
        var greedy: [Int] = []
        while left > 0 {
            var best = 0
            for c in gains.indices where gains[c] > gains[best] { best = c }
            greedy.append(columns[best])
            for e in members[best] where !covered[e] {
                covered[e] = true; left -= 1
                for j in options[e] { gains[index[j]!] -= 1 }
            }
        }
        return (greedy, columns)
    }

    /// Points the set covering bound looks at: a bound for some of the points is a bound for
    /// all, so on large problems only every n-th point is kept, at most `boundElements`.
    static let boundElements = 5_000

    /// Whether the set covering bound proves that more than `count` sites are needed.
    static func boundExceeds(_ count: Int, options: [[Int]], columns: [Int], greedy: Int) -> Bool {
        var column: [Int: Int] = [:]
        for (c, j) in columns.enumerated() { column[j] = c }
        var kept = options
        if kept.count > boundElements {
            let stride = (kept.count + boundElements - 1) / boundElements
            kept = Swift.stride(from: 0, to: options.count, by: stride).map { options[$0] }
        }
        let lower = SetCoverLowerBound.compute(
            options: kept.map { $0.map { column[$0]! } }, columns: columns.count, target: greedy,
            stopAbove: Double(count) + 1e-6)
        return lower > Double(count) + 1e-6
    }

    /// The cheap checks alone: a greedy cover of at most `count` sites (`.some(sites)`), or with
    /// `lowerBound` a proof by the set covering bound that none exists (`.some(nil)`); nil when
    /// neither decides.
    static func quickCheck(
        within r: Double, rows: SparseRows, byDemand: SparseRows, base: [Double], reachable: [Bool], count: Int,
        lowerBound: Bool
    ) -> [Int]?? {
        guard let options = options(within: r, byDemand: byDemand, base: base, reachable: reachable) else {
            return .some(nil)
        }
        if options.isEmpty { return .some([]) }
        let greedy = greedyCover(options)
        if greedy.sites.count <= count { return .some(greedy.sites) }
        if lowerBound && boundExceeds(count, options: options, columns: greedy.columns, greedy: greedy.sites.count) {
            return .some(nil)
        }
        return nil
    }

    /// Whether at most `count` sites bring every reachable demand point within `r`: the sites
    /// (`.some(sites)`), proven impossible (`.some(nil)`) or undecided by the deadline (nil).
    /// A greedy cover, then the set covering bound, then CBC (the fewest sites covering every
    /// point) within the time left.
    static func cover(
        within r: Double, rows: SparseRows, byDemand: SparseRows, base: [Double], reachable: [Bool], count: Int,
        deadline: Date, solverUsed: inout Int
    ) -> [Int]?? {
        guard let options = options(within: r, byDemand: byDemand, base: base, reachable: reachable) else {
            return .some(nil)
        }
        if options.isEmpty { return .some([]) }
        let (greedy, columns) = greedyCover(options)
        if greedy.count <= count { return .some(greedy) }
        if boundExceeds(count, options: options, columns: columns, greedy: greedy.count) { return .some(nil) }
        // exact: the fewest sites covering every needed point
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { return nil }
        solverUsed += 1
        var column: [Int: Int] = [:]
        var program = MixedIntegerProgram(sense: .minimize)
        for j in columns { column[j] = program.addVariable(upper: 1, objective: 1, integer: true) }
        for js in options { program.addConstraint(js.map { (column[$0]!, 1.0) }, lower: 1) }
        var start = [Double](repeating: 0, count: columns.count)
        for j in greedy { start[column[j]!] = 1 }
        let solved = program.solve(start: start, timeLimit: remaining, absoluteGap: 1 - 1e-6)
        if let values = solved.values, let objective = solved.objective, objective <= Double(count) + 1e-6 {
            return .some(columns.indices.filter { values[$0] > 0.5 }.map { columns[$0] })
        }
        if solved.stop == .infeasible || (solved.bound - 1e-6).rounded(.up) > Double(count) { return .some(nil) }
        return nil
    }
}
