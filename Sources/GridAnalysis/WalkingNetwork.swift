import GridGeo
import GridModel

/// An undirected walking graph built from road polylines (working CRS, metres).
///
/// Nodes are segment end points merged when they agree to `snap` metres (coordinates are
/// rounded to a `snap` grid). A segment is split where another segment's end point lies on
/// it (a T-junction, within `junctionTolerance`). Points (buildings, facilities) attach to
/// the nearest point of the nearest edge through a uniform-grid index over the edges.
public struct WalkingNetwork: Sendable {
    /// Node positions.
    public let nodes: [Point]
    /// Edge e joins `edgeA[e]` and `edgeB[e]` and is `edgeLength[e]` metres long.
    public let edgeA: [Int32]
    public let edgeB: [Int32]
    public let edgeLength: [Double]
    /// Compressed adjacency: neighbours of node n are `adjTarget[adjStart[n]..<adjStart[n+1]]`.
    let adjStart: [Int32]
    let adjTarget: [Int32]
    let adjLength: [Double]
    let index: SegmentGrid

    public var edgeCount: Int { edgeA.count }

    /// Builds the graph from the walkable roads.
    /// - Complexity: O(S log S + J) for S segments and J junction tests (a handful per end point).
    public init(roads: [Road], snap: Double = 1e-3, junctionTolerance: Double = 1e-2) {
        var segs: [(Point, Point)] = []
        for r in roads where r.walkable {
            for line in r.lines where line.points.count > 1 {
                for i in 1..<line.points.count {
                    let p = line.points[i - 1], q = line.points[i]
                    if p.isFinite && q.isFinite { segs.append((p, q)) }
                }
            }
        }
        self.init(segments: segs, snap: snap, junctionTolerance: junctionTolerance)
    }

    /// Builds the graph from raw segments.
    public init(segments: [(Point, Point)], snap: Double = 1e-3, junctionTolerance: Double = 1e-2) {
        struct Key: Hashable { var x: Int64; var y: Int64 }
        var nodeOf: [Key: Int32] = [:]
        var nodes: [Point] = []
        func node(_ p: Point) -> Int32 {
            let k = Key(x: Int64((p.x / snap).rounded()), y: Int64((p.y / snap).rounded()))
            if let n = nodeOf[k] { return n }
            let n = Int32(nodes.count)
            nodeOf[k] = n
            nodes.append(Point(Double(k.x) * snap, Double(k.y) * snap))
            return n
        }
        var ends: [(Int32, Int32)] = []
        ends.reserveCapacity(segments.count)
        for (p, q) in segments {
            let a = node(p), b = node(q)
            if a != b { ends.append((a, b)) }
        }
        // T-junctions: a node lying inside another segment splits it.
        let raw = SegmentGrid(a: ends.map { nodes[Int($0.0)] }, b: ends.map { nodes[Int($0.1)] })
        var splits: [Int: [(t: Double, node: Int32)]] = [:]
        let tol2 = junctionTolerance * junctionTolerance
        for (ni, p) in nodes.enumerated() {
            raw.forEachCandidate(near: p, margin: junctionTolerance) { s in
                let (a, b) = ends[s]
                if a == Int32(ni) || b == Int32(ni) { return }
                let pa = nodes[Int(a)], pb = nodes[Int(b)]
                let (t, d2) = SegmentGrid.project(p, pa, pb)
                guard d2 <= tol2 else { return }
                let len = pa.distance(to: pb)
                guard t * len > junctionTolerance && (1 - t) * len > junctionTolerance else { return }
                splits[s, default: []].append((t, Int32(ni)))
            }
        }
        struct EdgeKey: Hashable { var a: Int32; var b: Int32 }
        var edgeLen: [EdgeKey: Double] = [:]
        var order: [EdgeKey] = []
        func addEdge(_ u: Int32, _ v: Int32) {
            guard u != v else { return }
            let k = EdgeKey(a: min(u, v), b: max(u, v))
            let len = nodes[Int(u)].distance(to: nodes[Int(v)])
            if let old = edgeLen[k] { if len < old { edgeLen[k] = len } } else { edgeLen[k] = len; order.append(k) }
        }
        for (s, (a, b)) in ends.enumerated() {
            if let sp = splits[s] {
                var chain = [a]
                for x in sp.sorted(by: { ($0.t, $0.node) < ($1.t, $1.node) }) where x.node != chain.last! { chain.append(x.node) }
                chain.append(b)
                for i in 1..<chain.count { addEdge(chain[i - 1], chain[i]) }
            } else {
                addEdge(a, b)
            }
        }
        self.nodes = nodes
        edgeA = order.map(\.a)
        edgeB = order.map(\.b)
        edgeLength = order.map { edgeLen[$0]! }
        // Compressed adjacency.
        var degree = [Int32](repeating: 0, count: nodes.count + 1)
        for k in order { degree[Int(k.a)] += 1; degree[Int(k.b)] += 1 }
        var start = [Int32](repeating: 0, count: nodes.count + 1)
        for n in 0..<nodes.count { start[n + 1] = start[n] + degree[n] }
        var fill = start
        var target = [Int32](repeating: 0, count: order.count * 2)
        var length = [Double](repeating: 0, count: order.count * 2)
        for (e, k) in order.enumerated() {
            let len = edgeLength[e]
            target[Int(fill[Int(k.a)])] = k.b; length[Int(fill[Int(k.a)])] = len; fill[Int(k.a)] += 1
            target[Int(fill[Int(k.b)])] = k.a; length[Int(fill[Int(k.b)])] = len; fill[Int(k.b)] += 1
        }
        adjStart = start; adjTarget = target; adjLength = length
        index = SegmentGrid(a: edgeA.map { nodes[Int($0)] }, b: edgeB.map { nodes[Int($0)] })
    }

    /// Where a point joins the network: the nearest point of edge `edge`, at fraction `t` from
    /// `edgeA[edge]`, `distance` metres away (the access leg).
    public struct Attachment: Sendable, Hashable {
        public var edge: Int32
        public var t: Double
        public var distance: Double
    }

    /// The nearest point of the network to `p`, or nil when no edge lies within `maxDistance`.
    /// Ties break by the lower edge index.
    public func attach(_ p: Point, maxDistance: Double) -> Attachment? {
        index.nearest(to: p, maxDistance: maxDistance).map { Attachment(edge: Int32($0.segment), t: $0.t, distance: $0.distance) }
    }

    /// `attach` for many points (in parallel chunks).
    public func attachAll(_ points: [Point], maxDistance: Double) -> [Attachment?] {
        parallelMap(count: points.count, chunks: points.count < 20_000 ? 1 : 16) { i in
            attach(points[i], maxDistance: maxDistance)
        }
    }

    /// A start of the multi-source search: `node` reached at `distance` from source `label`.
    public struct Source: Sendable, Hashable {
        public var node: Int32
        public var distance: Double
        public var label: Int32
        public init(node: Int32, distance: Double, label: Int32) {
            self.node = node; self.distance = distance; self.label = label
        }
    }

    /// Shortest distance from the nearest source to every node, and which source (label; -1
    /// where none within `cutoff`). Ties break by the lower label.
    ///
    /// - Complexity: O((V' + E') log E') for the V' nodes and E' edges within the cutoff
    ///   (binary heap with lazy deletion).
    /// - Reference: E. W. Dijkstra, "A note on two problems in connexion with graphs", 1959.
    public func shortestPaths(from sources: [Source], cutoff: Double) -> (distance: [Double], label: [Int32]) {
        var dist = [Double](repeating: .infinity, count: nodes.count)
        var label = [Int32](repeating: -1, count: nodes.count)
        var heap = MinHeap()
        for s in sources where s.distance <= cutoff {
            let n = Int(s.node)
            if s.distance < dist[n] || (s.distance == dist[n] && s.label < label[n]) {
                dist[n] = s.distance; label[n] = s.label
                heap.push(.init(d: s.distance, node: s.node, label: s.label))
            }
        }
        while let top = heap.pop() {
            let u = Int(top.node)
            guard top.d == dist[u] && top.label == label[u] else { continue }  // stale
            for k in Int(adjStart[u])..<Int(adjStart[u + 1]) {
                let v = Int(adjTarget[k])
                let nd = top.d + adjLength[k]
                guard nd <= cutoff else { continue }
                if nd < dist[v] || (nd == dist[v] && top.label < label[v]) {
                    dist[v] = nd; label[v] = top.label
                    heap.push(.init(d: nd, node: Int32(v), label: top.label))
                }
            }
        }
        return (dist, label)
    }
}

/// A Dijkstra heap entry: nearer first, ties to the lower label.
struct DijkstraEntry: HeapOrdered {
    var d: Double
    var node: Int32
    var label: Int32

    @inline(__always) static func precedes(_ a: DijkstraEntry, _ b: DijkstraEntry) -> Bool {
        a.d < b.d || (a.d == b.d && a.label < b.label)
    }
}

typealias MinHeap = BinaryHeap<DijkstraEntry>

/// A uniform grid over line segments: each segment is listed in every cell its bounding box
/// touches. Answers nearest-segment queries by rings of cells around the query point.
struct SegmentGrid: Sendable {
    let ax: [Double], ay: [Double], bx: [Double], by: [Double]
    let minX: Double, minY: Double, cell: Double
    let cols: Int, rows: Int
    let cellStart: [Int32]
    let cellItems: [Int32]

    init(a: [Point], b: [Point]) {
        ax = a.map(\.x); ay = a.map(\.y); bx = b.map(\.x); by = b.map(\.y)
        var box = BoundingBox.empty
        for p in a { box.include(p) }
        for p in b { box.include(p) }
        let n = a.count
        if n == 0 { box = BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1) }
        let w = max(box.width, 1), h = max(box.height, 1)
        // about two segments a cell, at most 4M cells
        var c = max((w * h / Double(max(n, 1)) * 2).squareRoot(), 1)
        while (w / c + 1) * (h / c + 1) > 4_000_000 { c *= 1.5 }
        cell = c; minX = box.minX; minY = box.minY
        let cols = Int(w / c) + 1, rows = Int(h / c) + 1
        self.cols = cols; self.rows = rows
        func range(_ s: Int) -> (Int, Int, Int, Int) {
            let x0 = Int((min(a[s].x, b[s].x) - box.minX) / c), x1 = Int((max(a[s].x, b[s].x) - box.minX) / c)
            let y0 = Int((min(a[s].y, b[s].y) - box.minY) / c), y1 = Int((max(a[s].y, b[s].y) - box.minY) / c)
            return (min(x0, cols - 1), min(x1, cols - 1), min(y0, rows - 1), min(y1, rows - 1))
        }
        var count = [Int32](repeating: 0, count: cols * rows + 1)
        for s in 0..<n {
            let (x0, x1, y0, y1) = range(s)
            for y in y0...y1 { for x in x0...x1 { count[y * cols + x + 1] += 1 } }
        }
        for i in 0..<(cols * rows) { count[i + 1] += count[i] }
        var fill = count
        var items = [Int32](repeating: 0, count: Int(count[cols * rows]))
        for s in 0..<n {
            let (x0, x1, y0, y1) = range(s)
            for y in y0...y1 { for x in x0...x1 { items[Int(fill[y * cols + x])] = Int32(s); fill[y * cols + x] += 1 } }
        }
        cellStart = count; cellItems = items
    }

    /// Parameter t in [0, 1] of the point of segment ab nearest to p, and the squared distance.
    @inline(__always) static func project(_ p: Point, _ a: Point, _ b: Point) -> (t: Double, d2: Double) {
        let dx = b.x - a.x, dy = b.y - a.y
        let l2 = dx * dx + dy * dy
        var t = l2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2 : 0
        t = min(max(t, 0), 1)
        let qx = a.x + t * dx - p.x, qy = a.y + t * dy - p.y
        return (t, qx * qx + qy * qy)
    }

    /// Calls `body` for every segment listed in a cell within `margin` of `p` (possibly twice).
    func forEachCandidate(near p: Point, margin: Double, _ body: (Int) -> Void) {
        let x0 = Int(((p.x - margin - minX) / cell).rounded(.down)), x1 = Int(((p.x + margin - minX) / cell).rounded(.down))
        let y0 = Int(((p.y - margin - minY) / cell).rounded(.down)), y1 = Int(((p.y + margin - minY) / cell).rounded(.down))
        guard x1 >= 0, y1 >= 0, x0 < cols, y0 < rows else { return }
        for y in max(y0, 0)...min(y1, rows - 1) {
            for x in max(x0, 0)...min(x1, cols - 1) {
                let c = y * cols + x
                for k in Int(cellStart[c])..<Int(cellStart[c + 1]) { body(Int(cellItems[k])) }
            }
        }
    }

    /// The nearest segment to `p` within `maxDistance` (ties: lower index).
    func nearest(to p: Point, maxDistance: Double) -> (segment: Int, t: Double, distance: Double)? {
        guard !ax.isEmpty else { return nil }
        let cx = Int(((p.x - minX) / cell).rounded(.down)), cy = Int(((p.y - minY) / cell).rounded(.down))
        var best = -1, bestT = 0.0, bestD2 = Double.infinity
        let maxD2 = maxDistance * maxDistance
        // farthest ring that can still hold a cell of the grid
        let lastRing = max(abs(cx), abs(cx - (cols - 1)), abs(cy), abs(cy - (rows - 1)))
        var k = 0
        while k <= lastRing {
            // every cell of ring k and beyond is at least (k - 1) * cell away from p
            let bound = Double(max(k - 1, 0)) * cell
            let bound2 = bound * bound
            if bound2 > bestD2 || bound2 > maxD2 { break }
            func visit(_ x: Int, _ y: Int) {
                guard x >= 0, y >= 0, x < cols, y < rows else { return }
                let c = y * cols + x
                for j in Int(cellStart[c])..<Int(cellStart[c + 1]) {
                    let s = Int(cellItems[j])
                    let (t, d2) = SegmentGrid.project(p, Point(ax[s], ay[s]), Point(bx[s], by[s]))
                    if d2 < bestD2 || (d2 == bestD2 && s < best) { best = s; bestT = t; bestD2 = d2 }
                }
            }
            if k == 0 {
                visit(cx, cy)
            } else {
                for x in (cx - k)...(cx + k) { visit(x, cy - k); visit(x, cy + k) }
                for y in (cy - k + 1)...(cy + k - 1) { visit(cx - k, y); visit(cx + k, y) }
            }
            k += 1
        }
        guard best >= 0, bestD2 <= maxD2 else { return nil }
        return (best, bestT, bestD2.squareRoot())
    }
}
