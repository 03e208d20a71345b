import GridGeo
import GridModel
@testable import GridAnalysis
import TestSupport

/// A random lattice road network for the network oracles: nodes every `spacing` metres on an
/// `n` × `n` lattice; every row is one road (its lattice nodes inside it are T-junctions the
/// graph must split); column 0 is complete (so the lattice is connected); the other vertical
/// lattice edges exist with probability `pVertical`.
///
/// The oracle is written independently of `WalkingNetwork`: points attach to the nearest point
/// of the nearest lattice edge by brute force, node-to-node distances by Floyd–Warshall.
struct LatticeOracle {
    let n: Int
    let spacing: Double
    /// Lattice edges (node indices; node id = row * n + column).
    var edges: [(Int, Int)] = []
    var roads: [Road] = []
    var fw: [[Double]]

    func position(_ k: Int) -> Point { Point(Double(k % n) * spacing, Double(k / n) * spacing) }

    init(seed: UInt64, n: Int = 5, spacing: Double = 200, pVertical: Double = 0.4) {
        self.n = n; self.spacing = spacing
        var rng = SeededGenerator(seed: seed)
        let side = Double(n - 1) * spacing
        for r in 0..<n {
            let y = Double(r) * spacing
            roads.append(Road(id: "H\(r)", lines: [LineString([Point(0, y), Point(side, y)])]))
            for c in 0..<(n - 1) { edges.append((r * n + c, r * n + c + 1)) }
        }
        for r in 0..<(n - 1) {
            for c in 0..<n where c == 0 || Double.random(in: 0..<1, using: &rng) < pVertical {
                edges.append((r * n + c, (r + 1) * n + c))
                roads.append(
                    Road(
                        id: "V\(r)_\(c)",
                        lines: [
                            LineString([
                                Point(Double(c) * spacing, Double(r) * spacing),
                                Point(Double(c) * spacing, Double(r + 1) * spacing)
                            ])
                        ]))
            }
        }
        let count = n * n
        var d = [[Double]](repeating: [Double](repeating: .infinity, count: count), count: count)
        for k in 0..<count { d[k][k] = 0 }
        for (a, b) in edges { d[a][b] = spacing; d[b][a] = spacing }
        for k in 0..<count {
            for i in 0..<count { for j in 0..<count where d[i][k] + d[k][j] < d[i][j] { d[i][j] = d[i][k] + d[k][j] } }
        }
        fw = d
    }

    /// Brute-force attachment: edge, fraction from its first node, access distance.
    func attach(_ p: Point) -> (edge: Int, t: Double, access: Double) {
        var best = (edge: -1, t: 0.0, access: Double.infinity)
        for (e, (a, b)) in edges.enumerated() {
            let pa = position(a), pb = position(b)
            let dx = pb.x - pa.x, dy = pb.y - pa.y
            let t = min(max(((p.x - pa.x) * dx + (p.y - pa.y) * dy) / (dx * dx + dy * dy), 0), 1)
            let q = Point(pa.x + t * dx, pa.y + t * dy)
            let d = q.distance(to: p)
            if d < best.access { best = (e, t, d) }
        }
        return best
    }

    /// Walking distance between two points: access legs + along their edges + lattice path.
    func distance(_ p: Point, _ q: Point) -> Double {
        let a = attach(p), b = attach(q)
        let ea = edges[a.edge], eb = edges[b.edge]
        let endsA = [(ea.0, a.t * spacing), (ea.1, (1 - a.t) * spacing)]
        let endsB = [(eb.0, b.t * spacing), (eb.1, (1 - b.t) * spacing)]
        var best = Double.infinity
        for (u, du) in endsA { for (v, dv) in endsB { best = min(best, du + fw[u][v] + dv) } }
        if a.edge == b.edge { best = min(best, abs(a.t - b.t) * spacing) }
        return a.access + best + b.access
    }
}
