import GridGeo

extension MaximalCovering {
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
                if cc == 0 {
                    gain0 += weights[i]
                } else if cc == 1 {
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
            selected.insert(selected.removeLast(), at: slot)  // the entering site takes the slot
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
                    if staticWeight[c] <= low.0 { break }  // byWeight is heaviest first
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
        mutating func perturb(
            maxRounds: Int, workBudget: Int, bound: Int, maxPasses: Int,
            rounds: inout Int, improvements: inout Int
        ) -> PerturbationStop {
            let k = selected.count
            guard k >= 1, selected.count < byWeight.count else { return .skipped }
            var rng = SplitMix64(seed: 0x6772_6964_706C_616E)  // "gridplan"
            let start = work
            let n = weights.count
            byDemand = rows.transposed(columns: n)
            work += rows.items.count
            demandStamp = [Int32](repeating: 0, count: n)
            candidateStamp = [Int32](repeating: 0, count: rows.rowCount)
            var lastRound = max(1, rows.items.count / 4)
            var reason = PerturbationStop.off
            var certified = true
            while true {
                if value >= bound { reason = .optimal; break }
                if rounds >= maxRounds { reason = .rounds; break }
                let used = work - start
                // stop when the next round would likely overrun the budget (estimated by the last one)
                if used + lastRound > workBudget { reason = rounds == 0 ? .skipped : .budget; break }
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
                    selected = saved  // same set, previous order
                } else if selected != saved {
                    certified = false
                }
                lastRound = work - before
            }
            if !certified { descend(maxPasses: maxPasses) }
            return reason
        }
    }
}
