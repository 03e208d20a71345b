import GridGeo

/// The neighbourhood graph of a set of buildings (usually one community's): which buildings
/// count as adjacent when grids must be contiguous and party groups join adjacent buildings.
///
/// Built from the Delaunay triangulation of the building points, keeping edges no longer than
/// `maxEdgeLength`; when the cap leaves several components they are joined by the shortest
/// removed Delaunay edges (Kruskal over the components: the Euclidean minimum spanning tree is
/// a subgraph of the Delaunay triangulation, so this joins each component to its nearest
/// neighbour component by their nearest pair). The graph is therefore always connected.
/// Buildings at the very same point are joined to the first of them.
///
/// Should the floating-point triangulation ever fail its consistency check, the graph falls back
/// to the symmetric 8-nearest-neighbour graph with the same cap and the same joining rule
/// (`usedDelaunay` says which one was built).
///
/// - Complexity: O(n log n) expected for n points inserted in a space-filling order
///   (Bowyer–Watson with a walking point location).
/// - Reference: A. Bowyer, "Computing Dirichlet tessellations", Computer Journal 24(2), 1981;
///   D. F. Watson, "Computing the n-dimensional Delaunay tessellation", same issue.
public struct BuildingGraph: Sendable {
    /// Neighbours of each vertex (indices into the points given), ascending, no duplicates.
    public let neighbors: [[Int]]
    /// Whether the Delaunay triangulation was used (false: the k-nearest fallback).
    public let usedDelaunay: Bool

    /// Number of vertices.
    public var count: Int { neighbors.count }

    /// Builds the graph over `points` (any units; the cap in the same units).
    public init(points: [Point], maxEdgeLength: Double = 250) {
        let n = points.count
        var edges: [(Int, Int)] = []
        var delaunayOK = true
        if n >= 2 {
            if let tri = Delaunay.edges(points) {
                edges = tri
            } else {
                delaunayOK = false
                edges = BuildingGraph.knnEdges(points, k: 8)
            }
        }
        usedDelaunay = delaunayOK
        neighbors = BuildingGraph.cappedConnected(points, edges, cap: maxEdgeLength)
    }

    /// A graph from explicit adjacency lists (tests, kept grids).
    public init(neighbors: [[Int]]) {
        self.neighbors = neighbors.map { Array(Set($0)).sorted() }
        usedDelaunay = false
    }

    /// Whether the vertices in `members` induce a connected subgraph (an empty set is connected).
    public func isConnected(_ members: [Int]) -> Bool {
        guard let first = members.first else { return true }
        var inSet = Set(members)
        var stack = [first]
        inSet.remove(first)
        var seen = 1
        while let v = stack.popLast() {
            for w in neighbors[v] where inSet.contains(w) {
                inSet.remove(w); seen += 1; stack.append(w)
            }
        }
        return seen == members.count
    }

    /// Connected components of the subgraph induced by `members` (each sorted; ordered by first vertex).
    public func components(of members: [Int]) -> [[Int]] {
        var inSet = Set(members)
        var out: [[Int]] = []
        for s in members.sorted() where inSet.contains(s) {
            var comp = [s]; inSet.remove(s)
            var i = 0
            while i < comp.count {
                for w in neighbors[comp[i]] where inSet.contains(w) { inSet.remove(w); comp.append(w) }
                i += 1
            }
            out.append(comp.sorted())
        }
        return out
    }

    // MARK: - building

    static func knnEdges(_ pts: [Point], k: Int) -> [(Int, Int)] {
        let tree = KDTree(points: pts)
        var out: [(Int, Int)] = []
        for i in pts.indices {
            for (j, _) in tree.nearest(k + 1, to: pts[i]) where j != i { out.append((min(i, j), max(i, j))) }
        }
        return out
    }

    /// Keeps edges up to `cap`, then joins components with the shortest remaining candidate
    /// edges; if candidates cannot connect everything, joins by brute-force nearest pairs.
    static func cappedConnected(_ pts: [Point], _ edges: [(Int, Int)], cap: Double) -> [[Int]] {
        let n = pts.count
        var adj = [[Int]](repeating: [], count: n)
        var uf = ComponentUnion(n)
        var long: [(d: Double, a: Int, b: Int)] = []
        for (a, b) in edges where a != b {
            let d = pts[a].distance(to: pts[b])
            if d <= cap {
                adj[a].append(b); adj[b].append(a); uf.union(a, b)
            } else {
                long.append((d, min(a, b), max(a, b)))
            }
        }
        if uf.sets > 1 {
            long.sort { ($0.d, $0.a, $0.b) < ($1.d, $1.a, $1.b) }
            for e in long where uf.union(e.a, e.b) {
                adj[e.a].append(e.b); adj[e.b].append(e.a)
                if uf.sets == 1 { break }
            }
        }
        while uf.sets > 1 {
            // Fallback (only reachable when the candidate edges were incomplete): join the
            // component of vertex 0 to its nearest other vertex.
            let root = uf.find(0)
            var best = (d: Double.infinity, a: -1, b: -1)
            for a in 0..<n where uf.find(a) == root {
                for b in 0..<n where uf.find(b) != root {
                    let d = pts[a].squaredDistance(to: pts[b])
                    if d < best.d { best = (d, a, b) }
                }
            }
            uf.union(best.a, best.b)
            adj[best.a].append(best.b); adj[best.b].append(best.a)
        }
        return adj.map { list in
            var l = list.sorted()
            var w = 0
            for x in l where w == 0 || l[w - 1] != x { l[w] = x; w += 1 }
            l.removeLast(l.count - w)
            return l
        }
    }
}

/// Disjoint sets with path halving and union by size.
struct ComponentUnion {
    var parent: [Int]
    var size: [Int]
    private(set) var sets: Int

    init(_ n: Int) { parent = Array(0..<n); size = Array(repeating: 1, count: n); sets = n }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
        return x
    }

    /// Joins the sets of a and b; false when they were already one.
    @discardableResult mutating func union(_ a: Int, _ b: Int) -> Bool {
        var ra = find(a), rb = find(b)
        if ra == rb { return false }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = ra; size[ra] += size[rb]; sets -= 1
        return true
    }
}

/// Bowyer–Watson Delaunay triangulation (edges only).
enum Delaunay {
    /// The undirected edges (i < j) of the Delaunay triangulation of `input`, duplicates of a
    /// point joined to its first occurrence; nil when the floating-point construction failed.
    static func edges(_ input: [Point]) -> [(Int, Int)]? {
        let n = input.count
        guard n >= 2 else { return [] }
        // Local coordinates around the centre keep the predicates precise.
        let box = BoundingBox(points: input)
        let c = box.center
        let pts = input.map { Point($0.x - c.x, $0.y - c.y) }
        // Deduplicate exact duplicates.
        var firstAt: [Point: Int] = [:]
        firstAt.reserveCapacity(n)
        var unique: [Int] = []
        var edges: [(Int, Int)] = []
        for i in 0..<n {
            if let f = firstAt[pts[i]] { edges.append((f, i)) } else { firstAt[pts[i]] = i; unique.append(i) }
        }
        if unique.count == 1 { return edges }
        if unique.count == 2 { edges.append((unique[0], unique[1])); return edges }
        // Insertion order along a Hilbert curve keeps the walks short.
        let span = max(box.width, box.height, 1e-9)
        let order = unique.map { (hilbert(pts[$0], span), $0) }.sorted { $0 < $1 }.map(\.1)
        var t = Triangulation(points: pts, span: span)
        for i in order {
            guard t.insert(i) else { return nil }
        }
        guard let triEdges = t.realEdges() else { return nil }
        edges += triEdges
        return edges
    }

    /// Index along a 2^16 Hilbert curve of a local point (within ±span/2 of the origin).
    static func hilbert(_ p: Point, _ span: Double) -> UInt64 {
        let side = 65535.0
        var x = UInt32(max(0, min(side, ((p.x / span) + 0.5) * side)))
        var y = UInt32(max(0, min(side, ((p.y / span) + 0.5) * side)))
        var d: UInt64 = 0
        var s: UInt32 = 1 << 15
        while s > 0 {
            let rx: UInt32 = (x & s) > 0 ? 1 : 0
            let ry: UInt32 = (y & s) > 0 ? 1 : 0
            d += UInt64(s) * UInt64(s) * UInt64((3 * rx) ^ ry)
            if ry == 0 {
                if rx == 1 { x = s &- 1 &- x; y = s &- 1 &- y }
                swap(&x, &y)
            }
            s >>= 1
        }
        return d
    }

    /// Triangles with neighbour links; vertices n, n+1, n+2 form the enclosing super-triangle.
    struct Triangulation {
        var p: [Point]
        let n: Int
        var v: [Int32] = []  // 3 per triangle, counter-clockwise
        var nb: [Int32] = []  // neighbour across the edge opposite vertex k, -1 none
        var alive: [Bool] = []
        var last = 0
        // scratch, reused by every insertion
        var mark: [Int32] = []
        var stamp: Int32 = 0
        var cavity: [Int] = []
        var boundary: [(a: Int32, b: Int32, out: Int32)] = []
        var startSlot: [Int32]  // boundary edge starting at a vertex, valid when startStamp matches
        var startStamp: [Int32]

        init(points: [Point], span: Double) {
            n = points.count
            p = points
            let m = 64 * span
            p.append(Point(-3 * m, -3 * m))
            p.append(Point(3 * m, -3 * m))
            p.append(Point(0, 3 * m))
            v = [Int32(n), Int32(n + 1), Int32(n + 2)]
            nb = [-1, -1, -1]
            alive = [true]
            mark = [0]
            startSlot = [Int32](repeating: 0, count: n + 3)
            startStamp = [Int32](repeating: 0, count: n + 3)
            v.reserveCapacity(6 * n + 3); nb.reserveCapacity(6 * n + 3)
            alive.reserveCapacity(2 * n + 1); mark.reserveCapacity(2 * n + 1)
        }

        @inline(__always) func orient(_ a: Int, _ b: Int, _ c: Point) -> Double {
            let pa = p[a], pb = p[b]
            return (pb.x - pa.x) * (c.y - pa.y) - (pb.y - pa.y) * (c.x - pa.x)
        }

        /// Positive when d lies strictly inside the circumcircle of triangle t (counter-clockwise).
        @inline(__always) func inCircle(_ t: Int, _ d: Point) -> Double {
            let a = p[Int(v[3 * t])], b = p[Int(v[3 * t + 1])], c = p[Int(v[3 * t + 2])]
            let adx = a.x - d.x, ady = a.y - d.y
            let bdx = b.x - d.x, bdy = b.y - d.y
            let cdx = c.x - d.x, cdy = c.y - d.y
            let ad = adx * adx + ady * ady, bd = bdx * bdx + bdy * bdy, cd = cdx * cdx + cdy * cdy
            return adx * (bdy * cd - bd * cdy) - ady * (bdx * cd - bd * cdx) + ad * (bdx * cdy - bdy * cdx)
        }

        /// A triangle containing q (on its boundary allowed), found by walking from the last one.
        func locate(_ q: Point) -> Int? {
            var t = last
            var steps = 0
            let limit = 4 * alive.count + 16
            outer: while steps < limit {
                steps += 1
                for k in 0..<3 {
                    let a = Int(v[3 * t + (k + 1) % 3]), b = Int(v[3 * t + (k + 2) % 3])
                    if orient(a, b, q) < 0 {
                        let next = Int(nb[3 * t + k])
                        if next < 0 { return nil }
                        t = next
                        continue outer
                    }
                }
                return t
            }
            // Walking cycled (degenerate input): scan.
            for s in 0..<alive.count where alive[s] {
                var inside = true
                for k in 0..<3 where orient(Int(v[3 * s + (k + 1) % 3]), Int(v[3 * s + (k + 2) % 3]), q) < 0 { inside = false }
                if inside { return s }
            }
            return nil
        }

        mutating func insert(_ i: Int) -> Bool {
            let q = p[i]
            guard let start = locate(q) else { return false }
            stamp += 1
            cavity.removeAll(keepingCapacity: true)
            cavity.append(start)
            mark[start] = stamp
            var k = 0
            while k < cavity.count {
                let t = cavity[k]; k += 1
                for e in 0..<3 {
                    let o = Int(nb[3 * t + e])
                    if o >= 0 && mark[o] != stamp && inCircle(o, q) > 0 {
                        mark[o] = stamp
                        cavity.append(o)
                    }
                }
            }
            // Boundary edges (a, b, outside neighbour), each visible from q; in a star-shaped
            // cavity each boundary vertex starts exactly one edge.
            boundary.removeAll(keepingCapacity: true)
            for t in cavity {
                for e in 0..<3 {
                    let o = nb[3 * t + e]
                    if o < 0 || mark[Int(o)] != stamp {
                        let a = v[3 * t + (e + 1) % 3], b = v[3 * t + (e + 2) % 3]
                        if orient(Int(a), Int(b), q) <= 0 { return false }
                        if startStamp[Int(a)] == stamp { return false }
                        startStamp[Int(a)] = stamp
                        startSlot[Int(a)] = Int32(boundary.count)
                        boundary.append((a, b, o))
                    }
                }
            }
            for e in boundary where startStamp[Int(e.b)] != stamp { _ = e; return false }
            for t in cavity { alive[t] = false }
            let base = alive.count
            let qi = Int32(i)
            for (j, e) in boundary.enumerated() {
                let t = base + j
                // opposite a: edge (b, q), shared with the new triangle starting at b;
                // opposite b: set from that triangle below; opposite q: the outside neighbour.
                v.append(e.a); v.append(e.b); v.append(qi)
                nb.append(Int32(base) + startSlot[Int(e.b)]); nb.append(-1); nb.append(e.out)
                alive.append(true)
                mark.append(0)
                if e.out >= 0 {
                    let o = Int(e.out)
                    for f in 0..<3 {
                        let oa = v[3 * o + (f + 1) % 3], ob = v[3 * o + (f + 2) % 3]
                        if oa == e.b && ob == e.a { nb[3 * o + f] = Int32(t) }
                    }
                }
            }
            // Triangle next = (b_t, c, q) has edge (q, b_t) opposite its vertex 1: shared with t.
            for j in boundary.indices {
                let t = base + j
                nb[3 * Int(nb[3 * t]) + 1] = Int32(t)
            }
            last = base
            return true
        }

        /// Edges between real vertices of live triangles; nil when the mesh is inconsistent.
        func realEdges() -> [(Int, Int)]? {
            // Every edge between real vertices borders two triangles, once in each direction:
            // keep the direction with a < b.
            var out: [(Int, Int)] = []
            out.reserveCapacity(3 * n)
            var triangles = 0
            for t in 0..<alive.count where alive[t] {
                triangles += 1
                for k in 0..<3 {
                    let a = Int(v[3 * t + k]), b = Int(v[3 * t + (k + 1) % 3])
                    if a < b && b < n { out.append((a, b)) }
                }
            }
            return triangles > 0 ? out : nil
        }
    }
}
