import Dispatch
import GridGeo

/// Distances between two point sets along a `WalkingNetwork`: every point joins the network at
/// its nearest point (the straight access leg counts), then walks along the edges.
/// Used by the network p-median (`site --objective distance --network`) and network accessibility.
extension WalkingNetwork {
    /// The two Dijkstra starts of a point attached at `a`: access leg plus the way along its
    /// edge to either end.
    func sources(of a: Attachment, label: Int32) -> [Source] {
        let e = Int(a.edge), len = edgeLength[e]
        return [Source(node: edgeA[e], distance: a.distance + a.t * len, label: label),
                Source(node: edgeB[e], distance: a.distance + (1 - a.t) * len, label: label)]
    }

    /// Network distance from the search origin to a point attached at `a`, given the node
    /// distances of the search (`node(n)`), plus the shortcut along a shared edge when the origin
    /// (attached at `origin`) lies on the same edge.
    @inline(__always)
    func distance(to a: Attachment, origin: Attachment?, node: (Int) -> Double) -> Double {
        let e = Int(a.edge), len = edgeLength[e]
        var d = min(a.distance + a.t * len + node(Int(edgeA[e])), a.distance + (1 - a.t) * len + node(Int(edgeB[e])))
        if let o = origin, o.edge == a.edge { d = min(d, a.distance + abs(a.t - o.t) * len + o.distance) }
        return d
    }

    /// For each target, the nearest center along the network and its distance (-1 and ∞ when
    /// no center lies within `cutoff`, e.g. in another connected part). One multi-source
    /// Dijkstra; ties break by the lower center index.
    /// - Complexity: O(C + (V + E) log E + T) for C centers and T targets.
    public func nearestCenters(targets: [Attachment?], centers: [Attachment?],
                               cutoff: Double = .infinity) -> (distance: [Double], center: [Int32]) {
        var starts: [Source] = []
        var onEdge: [Int32: [Int]] = [:]
        for (c, a) in centers.enumerated() {
            guard let a else { continue }
            starts += sources(of: a, label: Int32(c))
            onEdge[a.edge, default: []].append(c)
        }
        let sp = shortestPaths(from: starts, cutoff: cutoff)
        var dist = [Double](repeating: .infinity, count: targets.count)
        var best = [Int32](repeating: -1, count: targets.count)
        for (i, t) in targets.enumerated() {
            guard let a = t else { continue }
            var bd = Double.infinity, bc: Int32 = -1
            func offer(_ d: Double, _ c: Int32) {
                if d < bd || (d == bd && c >= 0 && (bc < 0 || c < bc)) { bd = d; bc = c }
            }
            let e = Int(a.edge), len = edgeLength[e]
            let u = Int(edgeA[e]), v = Int(edgeB[e])
            if sp.label[u] >= 0 { offer(a.distance + a.t * len + sp.distance[u], sp.label[u]) }
            if sp.label[v] >= 0 { offer(a.distance + (1 - a.t) * len + sp.distance[v], sp.label[v]) }
            for c in onEdge[a.edge] ?? [] {
                let o = centers[c]!
                offer(a.distance + abs(a.t - o.t) * len + o.distance, Int32(c))
            }
            if bc >= 0 && bd <= cutoff { dist[i] = bd; best[i] = bc }
        }
        return (dist, best)
    }

    /// For each origin j: the targets within `cutoff[j]` metres along the network, with their
    /// distances, ascending by target index, kept when `keep(j, target, distance)` holds. One
    /// Dijkstra bounded by the cutoff per origin (arrays reused, reset only where touched); a
    /// k-d tree over the targets pre-filters by straight-line distance, which never exceeds the
    /// network distance. Origins farther than their cutoff from every road reach nothing.
    /// - Complexity: Σ_j O(V_j log V_j + T_j) for the V_j nodes and T_j targets within cutoff j.
    public func reachRows(origins: [Point], cutoff: [Double], targets: [Point], targetAttachments: [Attachment?],
                          keep: @Sendable (Int, Int, Double) -> Bool = { _, _, _ in true }) -> ReachRows {
        let tree = KDTree(points: targets)
        let m = origins.count
        var perOrigin = [[(Int32, Double)]](repeating: [], count: m)
        let chunks = m < 64 ? 1 : 8
        perOrigin.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let out = buf
            DispatchQueue.concurrentPerform(iterations: chunks) { ch in
                var search = BoundedSearch(self)
                for j in (m * ch / chunks)..<(m * (ch + 1) / chunks) {
                    let r = cutoff[j]
                    guard let o = attach(origins[j], maxDistance: r) else { continue }
                    search.run(from: o, cutoff: r)
                    var row: [(Int32, Double)] = []
                    func visit(_ i: Int) {
                        guard let a = targetAttachments[i] else { return }
                        let d = distance(to: a, origin: o) { search.dist[$0] }
                        if d <= r && keep(j, i, d) { row.append((Int32(i), d)) }
                    }
                    if r.isFinite { tree.forEach(within: r, of: origins[j]) { i, _ in visit(i) } }
                    else { for i in targets.indices { visit(i) } }
                    row.sort { $0.0 < $1.0 }
                    out[j] = row
                }
            }
        }
        var rows = ReachRows()
        rows.offsets.reserveCapacity(m + 1)
        for row in perOrigin {
            for (i, d) in row { rows.items.append(i); rows.distances.append(d) }
            rows.offsets.append(rows.items.count)
        }
        return rows
    }
}

/// Sparse rows of (target, network distance), as `WalkingNetwork.reachRows` returns them.
public struct ReachRows: Sendable {
    public var offsets: [Int] = [0]
    public var items: [Int32] = []
    public var distances: [Double] = []
    public var rowCount: Int { offsets.count - 1 }
    @inlinable public func range(_ r: Int) -> Range<Int> { offsets[r]..<offsets[r + 1] }

    /// The same rows with Float distances (the p-median's storage).
    var sparse: SparseRows {
        SparseRows(offsets: offsets, items: items, distances: distances.map { Float($0) })
    }
}

/// A single-origin Dijkstra bounded by a cutoff whose arrays are reused between runs: only the
/// nodes the previous run touched are reset, so many short searches on a large graph cost what
/// they reach, not the graph size each.
struct BoundedSearch {
    let network: WalkingNetwork
    var dist: [Double]
    var touched: [Int32] = []
    var heap = MinHeap()

    init(_ network: WalkingNetwork) {
        self.network = network
        dist = [Double](repeating: .infinity, count: network.nodes.count)
    }

    mutating func run(from origin: WalkingNetwork.Attachment, cutoff: Double) {
        for n in touched { dist[Int(n)] = .infinity }
        touched.removeAll(keepingCapacity: true)
        heap.items.removeAll(keepingCapacity: true)
        for s in network.sources(of: origin, label: 0) where s.distance <= cutoff {
            let n = Int(s.node)
            if s.distance < dist[n] {
                if dist[n] == .infinity { touched.append(s.node) }
                dist[n] = s.distance
                heap.push(.init(d: s.distance, node: s.node, label: 0))
            }
        }
        let start = network.adjStart, target = network.adjTarget, length = network.adjLength
        while let top = heap.pop() {
            let u = Int(top.node)
            guard top.d == dist[u] else { continue }   // stale
            for k in Int(start[u])..<Int(start[u + 1]) {
                let v = Int(target[k])
                let nd = top.d + length[k]
                guard nd <= cutoff, nd < dist[v] else { continue }
                if dist[v] == .infinity { touched.append(Int32(v)) }
                dist[v] = nd
                heap.push(.init(d: nd, node: Int32(v), label: 0))
            }
        }
    }
}
