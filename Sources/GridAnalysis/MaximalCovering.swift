/// A binary max-heap of (key, candidate, stamp) for lazy greedy: larger key first, ties to
/// the lower candidate index (candidates are sorted by id, so ties break by id).
struct LazyHeap<Key: Comparable> {
    struct Entry { var key: Key; var item: Int32; var stamp: Int32 }
    var a: [Entry] = []

    @inline(__always) static func above(_ x: Entry, _ y: Entry) -> Bool {
        x.key > y.key || (x.key == y.key && x.item < y.item)
    }

    init(_ entries: [Entry]) {
        a = entries
        if a.count > 1 { for i in stride(from: a.count / 2 - 1, through: 0, by: -1) { down(i) } }
    }

    var isEmpty: Bool { a.isEmpty }
    var top: Entry? { a.first }

    mutating func popTop() -> Entry {
        let t = a[0]
        let last = a.removeLast()
        if !a.isEmpty { a[0] = last; down(0) }
        return t
    }

    mutating func replaceTop(_ e: Entry) { a[0] = e; down(0) }

    private mutating func down(_ start: Int) {
        var i = start
        let n = a.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n && LazyHeap.above(a[l], a[m]) { m = l }
            if r < n && LazyHeap.above(a[r], a[m]) { m = r }
            if m == i { return }
            a.swapAt(i, m); i = m
        }
    }

    /// Sum of the `k` largest keys, visiting only O(k log k) heap nodes.
    func sumOfTop(_ k: Int, zero: Key, plus: (Key, Key) -> Key) -> Key {
        guard k > 0, !a.isEmpty else { return zero }
        var frontier = LazyHeap<Key>([Entry(key: a[0].key, item: 0, stamp: 0)])   // item = heap position
        var sum = zero
        var taken = 0
        while taken < k, !frontier.isEmpty {
            let e = frontier.popTop()
            sum = plus(sum, e.key)
            taken += 1
            let p = Int(e.item)
            for c in [2 * p + 1, 2 * p + 2] where c < a.count {
                frontier.push(Entry(key: a[c].key, item: Int32(c), stamp: 0))
            }
        }
        return sum
    }

    mutating func push(_ e: Entry) {
        a.append(e)
        var i = a.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if LazyHeap.above(a[i], a[p]) { a.swapAt(i, p); i = p } else { return }
        }
    }
}

/// Weighted maximal covering location: choose up to K candidates whose coverage sets
/// (rows of a `SparseRows` over demand points) cover the most demand weight.
///
/// 1. Lazy greedy (CELF): marginal gains only shrink as sites are added (coverage is
///    submodular), so a stale gain is an upper bound and only the heap's top needs
///    re-evaluation. Leskovec et al., "Cost-effective outbreak detection in networks", KDD 2007.
/// 2. Vertex substitution (Teitz & Bart, "Heuristic methods for estimating the generalized
///    vertex median of a weighted graph", Oper. Res. 16, 1968): swap a chosen site for an
///    unchosen one while that strictly raises the covered weight. Each demand keeps the count
///    and the XOR of the chosen sites covering it, so the unique coverer of a demand covered
///    once is known in O(1); one candidate's best swap costs O(|row| + K).
/// 3. Upper bound (Nemhauser, Wolsey & Fisher, "An analysis of approximations for maximizing
///    submodular set functions", Math. Prog. 14, 1978): for any set S,
///    OPT ≤ f(S) + (sum of the K largest marginal gains w.r.t. S). Evaluated at every greedy
///    step with the heap's (stale, hence larger) gains and once on the final set with exact
///    gains; the smallest is reported. Also OPT ≤ the total coverable weight.
///
/// - Complexity: building gains O(nnz); greedy O(K log m) heap steps plus lazy
///   re-evaluations; one swap pass O(nnz + m K) in the worst case, pruned by each
///   candidate's total weight.
public enum MaximalCovering {
    public struct Solution: Sendable, Equatable {
        /// Chosen candidate indices (greedy order, swapped sites take the place of the removed ones).
        public var selected: [Int]
        /// Covered weight of `selected`.
        public var value: Int
        /// Covered weight after the greedy phase alone.
        public var greedyValue: Int
        /// A proven upper bound on the best covered weight with at most K sites.
        public var upperBound: Int
        /// Greedy steps plus lazy re-evaluations.
        public var evaluations: Int
        /// Improving swaps applied by the local search.
        public var swaps: Int
        /// Local-search passes over the candidates.
        public var passes: Int
    }

    /// Solves with `count` sites. `weights[i]` is the weight of demand i (only demand that
    /// appears in some row matters). `stopAtZeroGain`: stop before K when nothing more can be
    /// covered. `fillToCover`: ignore `count` and continue until every coverable demand is
    /// covered (greedy set cover; no local search then).
    public static func solve(rows: SparseRows, weights: [Int], count: Int,
                             localSearch: Bool = true, fillToCover: Bool = false,
                             maxPasses: Int = 100) -> Solution {
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
        var heap = LazyHeap<Int>((0..<m).compactMap { j in
            staticWeight[j] > 0 ? .init(key: staticWeight[j], item: Int32(j), stamp: 0) : nil
        })
        let k = fillToCover ? m : max(0, count)
        var selected: [Int] = []
        var value = 0
        var evaluations = 0
        var bound = totalCoverable
        while selected.count < k, let top = heap.top {
            if top.stamp == Int32(selected.count) {
                if !fillToCover {   // every key is a true or stale (larger) gain w.r.t. the current set
                    bound = min(bound, value + heap.sumOfTop(k, zero: 0, plus: +))
                }
                _ = heap.popTop()
                if top.key <= 0 { break }
                let j = Int(top.item)
                selected.append(j)
                value += top.key
                for q in rows.range(j) { coverCount[Int(rows.items[q])] += 1 }
            } else {
                evaluations += 1
                let g = gain(Int(top.item))
                if g <= 0 { _ = heap.popTop() } else {
                    heap.replaceTop(.init(key: g, item: top.item, stamp: Int32(selected.count)))
                }
            }
        }
        evaluations += selected.count
        let greedyValue = value
        if heap.isEmpty { bound = min(bound, value) }   // every useful candidate was considered

        // 2. vertex-substitution local search
        var swaps = 0, passes = 0
        if localSearch && !fillToCover && !selected.isEmpty && selected.count < m {
            var inSolution = [Bool](repeating: false, count: m)
            for j in selected { inSolution[j] = true }
            var owner = [Int32](repeating: 0, count: n)             // XOR of covering chosen sites
            var loss = [Int](repeating: 0, count: m)               // weight only site j covers
            for i in 0..<n { coverCount[i] = 0 }
            func add(_ j: Int) {
                for q in rows.range(j) {
                    let i = Int(rows.items[q])
                    switch coverCount[i] {
                    case 0: loss[j] += weights[i]
                    case 1: loss[Int(owner[i])] -= weights[i]
                    default: break
                    }
                    coverCount[i] += 1; owner[i] ^= Int32(j)
                }
            }
            func remove(_ j: Int) {
                for q in rows.range(j) {
                    let i = Int(rows.items[q])
                    coverCount[i] -= 1; owner[i] ^= Int32(j)
                    if coverCount[i] == 1 { loss[Int(owner[i])] += weights[i] }
                }
                loss[j] = 0
            }
            for j in selected { add(j) }
            func minLoss() -> (Int, Int) {
                var best = (Int.max, -1)
                for j in selected where loss[j] < best.0 || (loss[j] == best.0 && j < best.1) { best = (loss[j], j) }
                return best
            }
            var (lowLoss, lowSite) = minLoss()
            var extra = [Int](repeating: 0, count: m)
            var touched: [Int] = []
            var improved = true
            while improved && passes < maxPasses {
                improved = false
                passes += 1
                for c in 0..<m where !inSolution[c] && staticWeight[c] > lowLoss {
                    var gain0 = 0
                    for q in rows.range(c) {
                        let i = Int(rows.items[q])
                        let cc = coverCount[i]
                        if cc == 0 { gain0 += weights[i] } else if cc == 1 {
                            let s = Int(owner[i])
                            if extra[s] == 0 { touched.append(s) }
                            extra[s] += weights[i]
                        }
                    }
                    var bestDelta = gain0 - lowLoss, bestSite = lowSite
                    for s in touched {
                        let d = gain0 + extra[s] - loss[s]
                        if d > bestDelta || (d == bestDelta && s < bestSite) { bestDelta = d; bestSite = s }
                        extra[s] = 0
                    }
                    touched.removeAll(keepingCapacity: true)
                    if bestDelta > 0 {
                        remove(bestSite); inSolution[bestSite] = false
                        add(c); inSolution[c] = true
                        selected[selected.firstIndex(of: bestSite)!] = c
                        value += bestDelta
                        swaps += 1
                        improved = true
                        (lowLoss, lowSite) = minLoss()
                    }
                }
            }
        }

        // 3. the bound on the final set with exact gains
        if !fillToCover && !selected.isEmpty {
            for i in 0..<n { coverCount[i] = 0 }
            for j in selected { for q in rows.range(j) { coverCount[Int(rows.items[q])] += 1 } }
            var gains: [Int] = []
            gains.reserveCapacity(m)
            for j in 0..<m where staticWeight[j] > 0 { let g = gain(j); if g > 0 { gains.append(g) } }
            gains.sort(by: >)
            bound = min(bound, value + gains.prefix(k).reduce(0, +))
        }
        bound = max(bound, value)
        return Solution(selected: selected, value: value, greedyValue: greedyValue, upperBound: bound,
                        evaluations: evaluations, swaps: swaps, passes: passes)
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
