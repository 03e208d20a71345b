import GridGeo

/// An entry of the lazy-greedy heaps: larger key first, ties to the lower candidate index
/// (candidates are sorted by id, so ties break by id); `stamp` says when the key was computed.
struct LazyEntry<Key: Comparable>: HeapOrdered {
    var key: Key
    var item: Int32
    var stamp: Int32

    @inline(__always) static func precedes(_ x: LazyEntry, _ y: LazyEntry) -> Bool {
        x.key > y.key || (x.key == y.key && x.item < y.item)
    }
}

/// The lazy-greedy heap (CELF): stale keys are upper bounds, only the top is refreshed.
typealias LazyHeap<Key: Comparable> = BinaryHeap<LazyEntry<Key>>

extension BinaryHeap {
    /// Sum of the `k` largest keys, visiting only O(k log k) heap nodes.
    func sumOfTop<Key: Comparable>(_ k: Int, zero: Key, plus: (Key, Key) -> Key) -> Key where Element == LazyEntry<Key> {
        guard k > 0, let first = items.first else { return zero }
        var frontier = LazyHeap<Key>([LazyEntry(key: first.key, item: 0, stamp: 0)])   // item = heap position
        var sum = zero
        var taken = 0
        while taken < k, let e = frontier.pop() {
            sum = plus(sum, e.key)
            taken += 1
            let p = Int(e.item)
            for c in [2 * p + 1, 2 * p + 2] where c < items.count {
                frontier.push(LazyEntry(key: items[c].key, item: Int32(c), stamp: 0))
            }
        }
        return sum
    }
}

/// Weighted maximal covering location: choose up to K candidates whose coverage sets
/// (rows of a `SparseRows` over demand points) cover the most demand weight.
///
/// 1. Lazy greedy (CELF): marginal gains only shrink as sites are added (coverage is
///    submodular), so a stale gain is an upper bound and only the heap's top needs
///    re-evaluation. Leskovec et al., "Cost-effective outbreak detection in networks", KDD 2007.
/// 2. Vertex substitution in the fast-interchange form of Whitaker ("A fast algorithm for the
///    greedy interchange for large-scale clustering and median location problems", INFOR 21,
///    1983; the swap-based bookkeeping of Resende & Werneck, "A fast swap-based local search
///    procedure for location problems", Ann. Oper. Res. 150, 2007): each demand keeps the count
///    and the XOR of the chosen sites covering it, so the unique coverer of a demand covered
///    once is known in O(1); `loss[s]` is the weight only site s covers. For an entering
///    candidate c one scan of its row gives the weight it would newly cover and, per chosen
///    site s, the weight covered only by s inside c's row, so the best site to leave for c is
///    found in O(|row c| + K) and the swap gain is exact. Candidates are scanned in index order
///    and the best swap for each is applied when it strictly improves (Whitaker's
///    first-improvement over entering candidates, best leaving site), pass after pass until a
///    full pass finds no improving swap. A candidate whose whole row weighs no more than the
///    smallest loss cannot improve and is skipped.
/// 3. Iterated local search (Lourenço, Martin & Stützle, "Iterated local search", Handbook of
///    Metaheuristics, 2003) with a ruin-and-recreate perturbation (Schrimpf et al., "Record
///    breaking optimization results using the ruin and recreate principle", J. Comput. Phys.
///    159, 2000): ruin one chosen site picked by a SplitMix64 generator with a fixed seed plus
///    1–2 related chosen sites (competing for the same households), recreate greedily among
///    the candidates near the ruined area without the removed ones, descend with swaps among
///    the candidates near the changes, keep the result when it covers at least as much (equal
///    moves walk plateaus), else restore the previous set; a final full descent certifies a
///    single-swap local optimum. Single swaps cannot escape a local optimum that needs two
///    sites to move at once (two overlapping sites replaced by two complementary ones); a
///    local ruin of 2–3 sites followed by the descent reaches such moves. Bounded by
///    `maxRounds` and by a work budget counted in coverage-row entries visited (not time),
///    so the result is identical run to run and on any machine; stops early when the covered
///    weight reaches the upper bound.
/// 4. Upper bound (Nemhauser, Wolsey & Fisher, "An analysis of approximations for maximizing
///    submodular set functions", Math. Prog. 14, 1978): for any set S,
///    OPT ≤ f(S) + (sum of the K largest marginal gains w.r.t. S). Evaluated at every greedy
///    step with the heap's (stale, hence larger) gains and once on the final set with exact
///    gains; the smallest is reported. Also OPT ≤ the total coverable weight.
///
/// Ties break by candidate index (candidates are sorted by id) everywhere.
///
/// - Complexity: building gains O(nnz); greedy O(K log m) heap steps plus lazy
///   re-evaluations; one swap pass O(nnz + m K) in the worst case, pruned by each
///   candidate's total weight; the perturbation phase at most `workBudget` row entries.
public enum MaximalCovering {
    public struct Solution: Sendable, Equatable {
        /// Chosen candidate indices (greedy order, swapped sites take the place of the removed ones).
        public var selected: [Int]
        /// Covered weight of `selected`.
        public var value: Int
        /// Covered weight after the greedy phase alone.
        public var greedyValue: Int
        /// Covered weight after the first swap descent (before perturbation).
        public var swapValue: Int
        /// A proven upper bound on the best covered weight with at most K sites.
        public var upperBound: Int
        /// Greedy steps plus lazy re-evaluations.
        public var evaluations: Int
        /// Improving swaps applied by the local search (all descents).
        public var swaps: Int
        /// Local-search passes over the candidates (all descents).
        public var passes: Int
        /// Perturbation rounds run, and how many of them raised the covered weight.
        public var perturbationRounds: Int
        public var perturbationImprovements: Int
        /// Why the perturbation phase stopped: "off", "optimal" (reached the bound),
        /// "rounds" (round limit), "budget" (work budget), "skipped" (budget too small for a round).
        public var perturbationStop: String
    }

    /// Default work budget of the perturbation phase, in coverage-row entries visited
    /// (about 20–40 ms in a release build).
    public static let defaultWorkBudget = 4_000_000
    /// Default limit on perturbation rounds.
    public static let defaultMaxRounds = 2_000

    /// Solves with `count` sites. `weights[i]` is the weight of demand i (only demand that
    /// appears in some row matters). `fillToCover`: ignore `count` and continue until every
    /// coverable demand is covered (greedy set cover; no local search then).
    /// `perturbation`: run the iterated local search after the swap descent, within
    /// `maxRounds` rounds and `workBudget` row entries.
    public static func solve(rows: SparseRows, weights: [Int], count: Int,
                             localSearch: Bool = true, fillToCover: Bool = false,
                             maxPasses: Int = 100, perturbation: Bool = true,
                             maxRounds: Int = defaultMaxRounds,
                             workBudget: Int = defaultWorkBudget) -> Solution {
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
                heap.pop()
                if top.key <= 0 { break }
                let j = Int(top.item)
                selected.append(j)
                value += top.key
                for q in rows.range(j) { coverCount[Int(rows.items[q])] += 1 }
            } else {
                evaluations += 1
                let g = gain(Int(top.item))
                if g <= 0 { heap.pop() } else {
                    heap.replaceTop(.init(key: g, item: top.item, stamp: Int32(selected.count)))
                }
            }
        }
        evaluations += selected.count
        let greedyValue = value
        if heap.isEmpty { bound = min(bound, value) }   // every useful candidate was considered

        // 2–3. swap descent, then iterated local search
        var swaps = 0, passes = 0, rounds = 0, improvements = 0
        var swapValue = value
        var stop = "off"
        if localSearch && !fillToCover && !selected.isEmpty && selected.count < m {
            var search = SwapSearch(rows: rows, weights: weights, staticWeight: staticWeight, selected: selected)
            search.descend(maxPasses: maxPasses)
            swapValue = search.value
            if perturbation && selected.count == k {
                stop = search.perturb(maxRounds: maxRounds, workBudget: workBudget, bound: bound,
                                      maxPasses: maxPasses, rounds: &rounds, improvements: &improvements)
            }
            selected = search.selected; value = search.value
            swaps = search.swaps; passes = search.passes
        }

        // 4. the bound on the final set with exact gains
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
        return Solution(selected: selected, value: value, greedyValue: greedyValue, swapValue: swapValue,
                        upperBound: bound, evaluations: evaluations, swaps: swaps, passes: passes,
                        perturbationRounds: rounds, perturbationImprovements: improvements,
                        perturbationStop: stop)
    }

    /// The state of the swap search: per demand the number and XOR of chosen sites covering
    /// it, per site the weight only it covers (see `MaximalCovering`).
    struct SwapSearch {
        let rows: SparseRows
        let weights: [Int]
        let staticWeight: [Int]
        /// Candidates with positive row weight, heaviest first (ties by index): refills scan
        /// them in this order and stop once no remaining row can beat the best gain.
        let byWeight: [Int]
        var coverCount: [Int32]
        var owner: [Int32]
        var loss: [Int]
        var inSolution: [Bool]
        var selected: [Int]
        var value = 0
        var swaps = 0, passes = 0
        /// Coverage-row entries visited (the deterministic work measure).
        var work = 0
        var extra: [Int]
        var touched: [Int] = []

        init(rows: SparseRows, weights: [Int], staticWeight: [Int], selected: [Int]) {
            self.rows = rows; self.weights = weights; self.staticWeight = staticWeight
            let m = rows.rowCount, n = weights.count
            byWeight = (0..<m).filter { staticWeight[$0] > 0 }
                .sorted { staticWeight[$0] > staticWeight[$1] || (staticWeight[$0] == staticWeight[$1] && $0 < $1) }
            coverCount = [Int32](repeating: 0, count: n)
            owner = [Int32](repeating: 0, count: n)
            loss = [Int](repeating: 0, count: m)
            inSolution = [Bool](repeating: false, count: m)
            extra = [Int](repeating: 0, count: m)
            self.selected = []
            for j in selected { add(j) }
        }

        mutating func add(_ j: Int) {
            for q in rows.range(j) {
                let i = Int(rows.items[q])
                switch coverCount[i] {
                case 0: loss[j] += weights[i]; value += weights[i]
                case 1: loss[Int(owner[i])] -= weights[i]
                default: break
                }
                coverCount[i] += 1; owner[i] ^= Int32(j)
            }
            work += rows.range(j).count
            inSolution[j] = true
            selected.append(j)
        }

        mutating func remove(_ j: Int) {
            for q in rows.range(j) {
                let i = Int(rows.items[q])
                coverCount[i] -= 1; owner[i] ^= Int32(j)
                if coverCount[i] == 1 { loss[Int(owner[i])] += weights[i] } else if coverCount[i] == 0 { value -= weights[i] }
            }
            work += rows.range(j).count
            loss[j] = 0
            inSolution[j] = false
            selected.remove(at: selected.firstIndex(of: j)!)
        }

        func minLoss() -> (Int, Int) {
            var best = (Int.max, -1)
            for j in selected where loss[j] < best.0 || (loss[j] == best.0 && j < best.1) { best = (loss[j], j) }
            return best
        }

        /// Applies the best swap bringing candidate `c` in when it strictly improves.
        @inline(__always)
        mutating func trySwap(_ c: Int, _ low: inout (Int, Int)) -> Int? {
            var gain0 = 0
            let range = rows.range(c)
            for q in range {
                let i = Int(rows.items[q])
                let cc = coverCount[i]
                if cc == 0 { gain0 += weights[i] } else if cc == 1 {
                    let s = Int(owner[i])
                    if extra[s] == 0 { touched.append(s) }
                    extra[s] += weights[i]
                }
            }
            work += range.count
            var bestDelta = gain0 - low.0, bestSite = low.1
            for s in touched {
                let d = gain0 + extra[s] - loss[s]
                if d > bestDelta || (d == bestDelta && s < bestSite) { bestDelta = d; bestSite = s }
                extra[s] = 0
            }
            touched.removeAll(keepingCapacity: true)
            guard bestDelta > 0 else { return nil }
            let slot = selected.firstIndex(of: bestSite)!
            remove(bestSite)
            add(c)
            selected.insert(selected.removeLast(), at: slot)   // the entering site takes the slot
            swaps += 1
            low = minLoss()
            return bestSite
        }

        /// Swap passes over every candidate until one finds no strictly improving swap (or `maxPasses`).
        mutating func descend(maxPasses: Int) {
            guard !selected.isEmpty else { return }
            var low = minLoss()
            var improved = true
            var count = 0
            while improved && count < maxPasses {
                improved = false
                count += 1; passes += 1
                for c in byWeight where !inSolution[c] {
                    if staticWeight[c] <= low.0 { break }   // byWeight is heaviest first
                    if trySwap(c, &low) != nil { improved = true }
                }
            }
        }

        /// The unchosen candidate (not in `tabu`) covering the most uncovered weight; ties to
        /// the lower index. Nil when none covers anything.
        mutating func bestAddition(tabu: [Int]) -> Int? {
            var best = 0, bestSite = -1
            for c in byWeight {
                if staticWeight[c] < best { break }
                if inSolution[c] || tabu.contains(c) { continue }
                var g = 0
                let range = rows.range(c)
                for q in range { let i = Int(rows.items[q]); if coverCount[i] == 0 { g += weights[i] } }
                work += range.count
                if g > best || (g == best && g > 0 && c < bestSite) { best = g; bestSite = c }
            }
            return bestSite >= 0 ? bestSite : nil
        }

        // neighbourhoods for the perturbation: demand → candidates, and stamps
        var byDemand = SparseRows()
        var demandStamp: [Int32] = []
        var candidateStamp: [Int32] = []
        var stamp: Int32 = 0

        /// Candidates sharing a demand point with any of `sites`, ascending.
        mutating func neighbours(of sites: [Int]) -> [Int] {
            stamp += 1
            var out: [Int] = []
            for s in sites {
                for q in rows.range(s) {
                    let i = Int(rows.items[q])
                    for p in byDemand.range(i) {
                        let c = Int(byDemand.items[p])
                        if candidateStamp[c] != stamp { candidateStamp[c] = stamp; out.append(c) }
                    }
                    work += byDemand.range(i).count
                }
            }
            return out.sorted()
        }

        /// Chosen sites other than `s` sharing a demand point with a candidate that shares one
        /// with `s` (its competitors for the same households), ascending.
        mutating func relatedSites(_ s: Int) -> [Int] {
            let near = neighbours(of: [s])
            stamp += 1
            for c in near { for q in rows.range(c) { demandStamp[Int(rows.items[q])] = stamp }; work += rows.range(c).count }
            var out: [Int] = []
            for t in selected where t != s {
                if rows.range(t).contains(where: { demandStamp[Int(rows.items[$0])] == stamp }) { out.append(t) }
                work += rows.range(t).count
            }
            return out.sorted()
        }

        /// Swap passes restricted to `pool` (grown by the neighbours of every swap) until none improves.
        mutating func descendLocally(_ pool: [Int], maxPasses: Int) {
            var pool = pool
            var low = minLoss()
            var improved = true
            var count = 0
            while improved && count < maxPasses {
                improved = false
                count += 1
                var grown: [Int] = []
                for c in pool where !inSolution[c] && staticWeight[c] > low.0 {
                    if let out = trySwap(c, &low) { improved = true; grown += neighbours(of: [c, out]) }
                }
                if !grown.isEmpty { pool = Array(Set(pool + grown)).sorted() }
            }
        }

        /// The iterated local search; returns why it stopped. Each round ruins one random
        /// chosen site and 1–2 of its related sites (Shaw's related removal: "Using constraint
        /// programming and local search methods to solve vehicle routing problems", CP 1998),
        /// recreates greedily among the candidates near the ruined area (the removed sites
        /// excluded), and descends with swaps among the candidates near the changes. Rounds that
        /// end below the current value are undone; a final full descent certifies that the
        /// result is a single-swap local optimum.
        mutating func perturb(maxRounds: Int, workBudget: Int, bound: Int, maxPasses: Int,
                              rounds: inout Int, improvements: inout Int) -> String {
            let k = selected.count
            guard k >= 1, selected.count < byWeight.count else { return "skipped" }
            var rng = SplitMix64(seed: 0x6772_6964_706C_616E)   // "gridplan"
            let start = work
            let n = weights.count
            byDemand = rows.transposed(columns: n)
            work += rows.items.count
            demandStamp = [Int32](repeating: 0, count: n)
            candidateStamp = [Int32](repeating: 0, count: rows.rowCount)
            var lastRound = max(1, rows.items.count / 4)
            var reason = ""
            var certified = true
            while true {
                if value >= bound { reason = "optimal"; break }
                if rounds >= maxRounds { reason = "rounds"; break }
                let used = work - start
                // stop when the next round would likely overrun the budget (estimated by the last one)
                if used + lastRound > workBudget { reason = rounds == 0 ? "skipped" : "budget"; break }
                let before = work
                rounds += 1
                let saved = selected, savedValue = value
                let savedSwaps = swaps
                let r = min(k, rounds % 2 == 1 ? 2 : 3)
                let s0 = selected[Int(rng.next() % UInt64(selected.count))]
                var related = relatedSites(s0)
                var removed = [s0]
                while removed.count < r {
                    if related.isEmpty {
                        let rest = selected.filter { !removed.contains($0) }
                        if rest.isEmpty { break }
                        removed.append(rest[Int(rng.next() % UInt64(rest.count))])
                    } else {
                        removed.append(related.remove(at: Int(rng.next() % UInt64(related.count))))
                    }
                }
                for s in removed { remove(s) }
                let area = neighbours(of: removed)
                while selected.count < k {
                    var best = 0, bestSite = -1
                    for c in area where !inSolution[c] && !removed.contains(c) && staticWeight[c] > best {
                        var g = 0
                        for q in rows.range(c) { let i = Int(rows.items[q]); if coverCount[i] == 0 { g += weights[i] } }
                        work += rows.range(c).count
                        if g > best { best = g; bestSite = c }
                    }
                    if bestSite < 0, let c = bestAddition(tabu: []) { bestSite = c }
                    if bestSite < 0 { break }
                    add(bestSite)
                }
                descendLocally(neighbours(of: removed + selected.filter { !saved.contains($0) }), maxPasses: maxPasses)
                if value > savedValue { improvements += 1 }
                if value < savedValue || selected.count < k {
                    swaps = savedSwaps
                    for s in selected where !saved.contains(s) { remove(s) }
                    for s in saved where !inSolution[s] { add(s) }
                    selected = saved   // same set, previous order
                } else if selected != saved {
                    certified = false
                }
                lastRound = work - before
            }
            if !certified { descend(maxPasses: maxPasses) }
            return reason
        }
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
