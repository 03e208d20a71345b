import GridGeo

/// Grids of one connected region by capacity-bounded growth from k seeds, Lloyd iterations
/// (centres ← household-weighted centroids, grow again; the best of four kept), then repair
/// moves of single buildings between adjacent grids that keep the source grid contiguous.
struct GridGrowth {
    let region: [Int]
    let k: Int
    let graph: BuildingGraph
    let pts: [Point]
    let w: [Double]
    let h: [Int]
    let minHouseholds: Int, maxHouseholds: Int
    var label: [Int]
    var inRegion: [Bool]

    init(region: [Int], k: Int, graph: BuildingGraph, pts: [Point], w: [Double], h: [Int], minHouseholds: Int, maxHouseholds: Int)
    {
        self.region = region; self.k = k; self.graph = graph; self.pts = pts; self.w = w; self.h = h
        self.minHouseholds = minHouseholds; self.maxHouseholds = maxHouseholds
        label = [Int](repeating: -1, count: pts.count)
        inRegion = [Bool](repeating: false, count: pts.count)
        for i in region { inRegion[i] = true }
    }

    mutating func solve() -> [[Int]] {
        let seeds = GridPartition.hilbertSplit(region, k: k, pts: pts, h: h).map {
            GridPartition.centre(of: $0, points: pts, households: h)
        }
        var centres = seeds
        var bestLabel: [Int] = []
        var bestScore = (Int.max, Double.infinity)
        for _ in 0..<4 {
            grow(centres)
            let s = score()
            if s.0 < bestScore.0 || (s.0 == bestScore.0 && s.1 < bestScore.1 - 1e-9) { bestScore = s; bestLabel = label }
            centres = groupCentres()
        }
        label = bestLabel
        repair()
        var groups = [[Int]](repeating: [], count: k)
        for i in region { groups[label[i]].append(i) }
        return groups.filter { !$0.isEmpty }
    }

    func groupCentres() -> [Point] {
        var sx = [Double](repeating: 0, count: k), sy = sx, sw = sx
        for i in region { let g = label[i]; sx[g] += w[i] * pts[i].x; sy[g] += w[i] * pts[i].y; sw[g] += w[i] }
        return (0..<k).map { sw[$0] > 0 ? Point(sx[$0] / sw[$0], sy[$0] / sw[$0]) : Point(0, 0) }
    }

    func score() -> (Int, Double) {
        var load = [Int](repeating: 0, count: k)
        for i in region { load[label[i]] += h[i] }
        let viol = load.reduce(0) { $0 + max(0, minHouseholds - $1) + max(0, $1 - maxHouseholds) }
        let c = groupCentres()
        let sse = region.reduce(0.0) { $0 + w[$1] * pts[$1].squaredDistance(to: c[label[$1]]) }
        return (viol, sse)
    }

    /// Capacity-bounded growth from the building nearest each centre, by squared distance to the centre.
    mutating func grow(_ centres: [Point]) {
        for i in region { label[i] = -1 }
        let regionHouseholds = region.reduce(0) { $0 + h[$1] }
        let target = Double(regionHouseholds) / Double(k)
        let cap = target <= Double(maxHouseholds) ? min(Double(maxHouseholds), target * 1.08) : target * 1.08
        var load = [Int](repeating: 0, count: k)
        var heap = BinaryHeap<GrowthEntry>()
        for g in 0..<k {
            var best = -1, bd = Double.infinity
            for i in region where label[i] < 0 {
                let d = pts[i].squaredDistance(to: centres[g])
                if d < bd { bd = d; best = i }
            }
            guard best >= 0 else { continue }
            label[best] = g; load[g] += h[best]
            for u in graph.neighbors[best] where inRegion[u] && label[u] < 0 {
                heap.push(GrowthEntry(key: pts[u].squaredDistance(to: centres[g]), vertex: u, grid: g))
            }
        }
        while let entry = heap.pop() {
            let v = entry.vertex, g = entry.grid
            if label[v] >= 0 { continue }
            if Double(load[g] + h[v]) > cap { continue }
            label[v] = g; load[g] += h[v]
            for u in graph.neighbors[v] where inRegion[u] && label[u] < 0 {
                heap.push(GrowthEntry(key: pts[u].squaredDistance(to: centres[g]), vertex: u, grid: g))
            }
        }
        // Leftovers: to the adjacent grid with the least load (repeat until all placed).
        var pending = region.filter { label[$0] < 0 }
        while !pending.isEmpty {
            var rest: [Int] = []
            var progressed = false
            for v in pending {
                var bestG = -1
                for u in graph.neighbors[v] where inRegion[u] && label[u] >= 0 {
                    let g = label[u]
                    if bestG < 0 || load[g] < load[bestG] || (load[g] == load[bestG] && g < bestG) { bestG = g }
                }
                if bestG >= 0 { label[v] = bestG; load[bestG] += h[v]; progressed = true } else { rest.append(v) }
            }
            if !progressed { for v in rest { label[v] = 0 }; break }  // unreachable for a connected region
            pending = rest
        }
    }

    /// Single-building moves between adjacent grids keeping the source contiguous.
    mutating func repair() {
        var load = [Int](repeating: 0, count: k)
        var sw = [Double](repeating: 0, count: k), sx = sw, sy = sw, sq = sw
        var members = [[Int]](repeating: [], count: k)
        for i in region {
            let g = label[i]
            load[g] += h[i]; sw[g] += w[i]; sx[g] += w[i] * pts[i].x; sy[g] += w[i] * pts[i].y
            sq[g] += w[i] * (pts[i].x * pts[i].x + pts[i].y * pts[i].y)
            members[g].append(i)
        }
        func sse(_ weight: Double, _ sumX: Double, _ sumY: Double, _ sumSquares: Double) -> Double {
            weight > 0 ? sumSquares - (sumX * sumX + sumY * sumY) / weight : 0
        }
        func viol(_ x: Int) -> Int { max(0, minHouseholds - x) + max(0, x - maxHouseholds) }
        var mark = [Int](repeating: 0, count: pts.count)
        var stamp = 0
        func connectedWithout(_ g: Int, _ v: Int) -> Bool {
            let m = members[g]
            guard m.count > 1 else { return false }
            stamp += 1
            let start = m[0] == v ? m[1] : m[0]
            var stack = [start]; mark[start] = stamp
            var seen = 1
            while let x = stack.popLast() {
                for u in graph.neighbors[x] where u != v && inRegion[u] && label[u] == g && mark[u] != stamp {
                    mark[u] = stamp; seen += 1; stack.append(u)
                }
            }
            return seen == m.count - 1
        }
        for _ in 0..<40 {
            var improved = false
            for v in region {
                let a = label[v]
                var cand = Set<Int>()
                for u in graph.neighbors[v] where inRegion[u] && label[u] != a { cand.insert(label[u]) }
                if cand.isEmpty { continue }
                let px = pts[v].x, py = pts[v].y, pq = px * px + py * py, wv = w[v]
                let oldA = sse(sw[a], sx[a], sy[a], sq[a])
                let newA = sse(sw[a] - wv, sx[a] - wv * px, sy[a] - wv * py, sq[a] - wv * pq)
                var best: (dv: Int, ds: Double, g: Int)? = nil
                for b in cand.sorted() {
                    let dv = viol(load[a] - h[v]) + viol(load[b] + h[v]) - viol(load[a]) - viol(load[b])
                    let ds =
                        newA - oldA + sse(sw[b] + wv, sx[b] + wv * px, sy[b] + wv * py, sq[b] + wv * pq)
                        - sse(sw[b], sx[b], sy[b], sq[b])
                    guard dv < 0 || (dv == 0 && ds < -1e-6 * max(1, abs(oldA))) else { continue }
                    if best == nil || dv < best!.dv || (dv == best!.dv && ds < best!.ds) { best = (dv, ds, b) }
                }
                guard let mv = best, connectedWithout(a, v) else { continue }
                let b = mv.g
                label[v] = b
                load[a] -= h[v]; load[b] += h[v]
                sw[a] -= wv; sx[a] -= wv * px; sy[a] -= wv * py; sq[a] -= wv * pq
                sw[b] += wv; sx[b] += wv * px; sy[b] += wv * py; sq[b] += wv * pq
                members[a].removeAll { $0 == v }; members[b].append(v)
                improved = true
            }
            if !improved { break }
        }
    }
}

/// A grid-growth heap entry: smaller key first, ties by vertex then grid.
struct GrowthEntry: HeapOrdered {
    var key: Double
    var vertex: Int
    var grid: Int

    @inline(__always) static func precedes(_ a: GrowthEntry, _ b: GrowthEntry) -> Bool {
        a.key != b.key ? a.key < b.key : (a.vertex != b.vertex ? a.vertex < b.vertex : a.grid < b.grid)
    }
}
