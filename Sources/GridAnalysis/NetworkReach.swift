import GridGeo

/// Distances between two point sets along a `WalkingNetwork`: every point joins the network at
/// its nearest point (the straight access leg counts), then walks along the edges.
/// Used by the network p-median (`site --objective distance --network`) and network accessibility.
extension WalkingNetwork {
    /// The two Dijkstra starts of a point attached at `a`: access leg plus the way along its
    /// edge to either end.
    func sources(of a: Attachment, label: Int32) -> [Source] {
        let e = Int(a.edge), len = edgeLength[e]
        return [
            Source(node: edgeA[e], distance: a.distance + a.t * len, label: label),
            Source(node: edgeB[e], distance: a.distance + (1 - a.t) * len, label: label)
        ]
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
    public func nearestCenters(
        targets: [Attachment?], centers: [Attachment?],
        cutoff: Double = .infinity
    ) -> (distance: [Double], center: [Int32]) {
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
    /// Dijkstra bounded by the cutoff per origin (arrays reused, reset only where touched); the
    /// targets looked at are those attached to the origin's edge or to an edge at a node the
    /// search reached (a target within the cutoff is reached through one of its edge's ends, or
    /// along the origin's own edge). Origins farther than their cutoff from every road reach nothing.
    /// - Complexity: Σ_j O(V_j log V_j + T_j) for the V_j nodes within cutoff j and the T_j
    ///   targets on their edges.
    public func reachRows(
        origins: [Point], cutoff: [Double], targetAttachments: [Attachment?],
        keep: @Sendable (Int, Int, Double) -> Bool = { _, _, _ in true }
    ) -> ReachRows {
        // targets by edge, and edges by node (compressed rows)
        var edgeStart = [Int32](repeating: 0, count: edgeCount + 1)
        for a in targetAttachments { if let a { edgeStart[Int(a.edge) + 1] += 1 } }
        for e in 0..<edgeCount { edgeStart[e + 1] += edgeStart[e] }
        var fill = edgeStart
        var edgeTargets = [Int32](repeating: 0, count: Int(edgeStart[edgeCount]))
        for (i, a) in targetAttachments.enumerated() {
            guard let a else { continue }
            edgeTargets[Int(fill[Int(a.edge)])] = Int32(i); fill[Int(a.edge)] += 1
        }
        let nodeCount = nodes.count
        var nodeStart = [Int32](repeating: 0, count: nodeCount + 1)
        for e in 0..<edgeCount { nodeStart[Int(edgeA[e]) + 1] += 1; nodeStart[Int(edgeB[e]) + 1] += 1 }
        for n in 0..<nodeCount { nodeStart[n + 1] += nodeStart[n] }
        var nfill = nodeStart
        var nodeEdges = [Int32](repeating: 0, count: Int(nodeStart[nodeCount]))
        for e in 0..<edgeCount {
            nodeEdges[Int(nfill[Int(edgeA[e])])] = Int32(e); nfill[Int(edgeA[e])] += 1
            nodeEdges[Int(nfill[Int(edgeB[e])])] = Int32(e); nfill[Int(edgeB[e])] += 1
        }
        let (eStart, eTargets, nStart, nEdges) = (edgeStart, edgeTargets, nodeStart, nodeEdges)
        let m = origins.count
        let perOrigin = parallelChunks(count: m, chunks: m < 64 ? 1 : 8) { range -> [[(Int32, Double)]] in
            var search = BoundedSearch(self)
            var edgeSeen = [Int32](repeating: -1, count: edgeCount)
            var rowsOfChunk: [[(Int32, Double)]] = []
            rowsOfChunk.reserveCapacity(range.count)
            for j in range {
                let r = cutoff[j]
                guard let o = attach(origins[j], maxDistance: r) else { rowsOfChunk.append([]); continue }
                search.run(from: o, cutoff: r)
                var row: [(Int32, Double)] = []
                func visit(edge e: Int) {
                    guard edgeSeen[e] != Int32(j) else { return }
                    edgeSeen[e] = Int32(j)
                    for k in Int(eStart[e])..<Int(eStart[e + 1]) {
                        let i = Int(eTargets[k])
                        let d = distance(to: targetAttachments[i]!, origin: o) { search.dist[$0] }
                        if d <= r && keep(j, i, d) { row.append((Int32(i), d)) }
                    }
                }
                visit(edge: Int(o.edge))
                for n in search.touched {
                    for k in Int(nStart[Int(n)])..<Int(nStart[Int(n) + 1]) { visit(edge: Int(nEdges[k])) }
                }
                row.sort { $0.0 < $1.0 }
                rowsOfChunk.append(row)
            }
            return rowsOfChunk
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
        heap.removeAll()
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
            guard top.d == dist[u] else { continue }  // stale
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
