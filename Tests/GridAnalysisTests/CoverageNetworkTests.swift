import Testing
import GridGeo
import GridModel
@testable import GridAnalysis
import TestSupport

/// The hand-drawn network (metres):
///
///     (0,400) ────────── R3 ────────── (1000,400) ── R5 ── (1500,400)
///        B (0,410)                          │ R2
///     (0,0) ──── R1 (one segment) ───── (1000,0)
///        F (0,-10)         │ R4 (its end (500,0) lies inside R1: a T-junction)
///                      (500,-300)   G (510,-300)
///
/// B is 420 m from F in a straight line but 10 + 1000 + 400 + 1000 + 10 = 2,420 m by road;
/// by road G is nearer: 10 + 1000 + 400 + 500 + 300 + 10 = 2,220 m.
private func handDrawn(radius: Double = 3000) -> (Snapshot, FacilitySelection) {
    let roads = [
        CovFixture.road("R1", [(0, 0), (1000, 0)]),
        CovFixture.road("R2", [(1000, 0), (1000, 400)]),
        CovFixture.road("R3", [(1000, 400), (0, 400)]),
        CovFixture.road("R4", [(500, 0), (500, -300)]),
        // starts 0.5 mm off the corner: snapped onto it
        CovFixture.road("R5", [(1000.0004, 400.0003), (1500, 400)]),
        Road(id: "R6", walkable: false, lines: [LineString([Point(0, 0), Point(0, 400)])])
    ]
    let buildings = [
        CovFixture.building("B", 0, 410),
        CovFixture.building("C", 200, 5),  // attaches at (200,0)
        CovFixture.building("D", 100, -5),  // same edge as F
        CovFixture.building("E", 5000, 5000),  // far from every road
        CovFixture.building("H", 1500, 410)
    ]
    let facilities = [CovFixture.facility("F", 0, -10), CovFixture.facility("G", 510, -300)]
    return (CovFixture.snapshot(buildings: buildings, facilities: facilities, roads: roads), CovFixture.selection(radius: radius))
}

@Test func handDrawnNetworkDistances() throws {
    let (snap, sel) = handDrawn()
    let r = try Coverage.analyze(snap, CoverageParameters(selection: sel, method: .network))
    #expect(r.method == .network)
    let row = Dictionary(uniqueKeysWithValues: r.buildings.map { ($0.id, $0) })
    #expect(row["B"]?.nearestFacilityId == "G")
    #expect(row["B"]?.distanceM == 2220)
    #expect(row["B"]?.accessDistanceM == 10)
    // F: 5 + 200 + 10 = 215 beats G through the T-junction: 5 + 300 + 300 + 10 = 615
    #expect(row["C"]?.nearestFacilityId == "F" && row["C"]?.distanceM == 215)
    #expect(row["D"]?.nearestFacilityId == "F" && row["D"]?.distanceM == 115)
    // via the snapped node: to G 10 + 500 + 400 + 500 + 300 + 10 = 1,720; to F 1,920
    #expect(row["H"]?.nearestFacilityId == "G" && row["H"]?.distanceM == 1720)
    #expect(r.unreachableBuildingIds == ["E"])
    #expect(row["E"]?.covered == false && row["E"]?.nearestFacilityId == nil)
}

@Test func tJunctionIsWhatConnectsTheSideRoad() throws {
    let (snap, sel) = handDrawn()
    // only G counts: C reaches it through R4's end inside R1
    var s = snap
    s.facilities[0].kind = .pocketPark
    let r = try Coverage.analyze(s, CoverageParameters(selection: sel, method: .network))
    let c = r.buildings.first { $0.id == "C" }!
    #expect(c.nearestFacilityId == "G" && c.distanceM == 615)
    let net = WalkingNetwork(roads: snap.roads)
    // R1 split at (500,0): 6 walkable edges (R1 twice, R2, R3, R4, R5; R6 is not walkable)
    #expect(net.edgeCount == 6)
    #expect(net.nodes.count == 7)
}

@Test func networkCutoffLeavesStraightLineCoveredBuildingUncovered() throws {
    let (snap, sel) = handDrawn(radius: 500)
    let euclid = try Coverage.analyze(snap, CoverageParameters(selection: sel))
    let network = try Coverage.analyze(snap, CoverageParameters(selection: sel, method: .network))
    #expect(euclid.buildings[0].covered && euclid.buildings[0].nearestFacilityId == "F")  // 420 m
    #expect(!network.buildings[0].covered)  // 2,220 m by road
    #expect(network.buildings[0].nearestFacilityId == nil)
    #expect(network.buildings[2].covered)  // D: 115 m
    #expect(network.gaps.flatMap(\.buildingIds).contains("B"))
}

@Test func networkWithoutRoadsIsAClearError() {
    let snap = CovFixture.snapshot(buildings: [CovFixture.building("B", 0, 0)], facilities: [CovFixture.facility("F", 1, 1)])
    #expect(throws: UsageError.self) {
        try Coverage.analyze(snap, CoverageParameters(selection: CovFixture.selection(), method: .network))
    }
}

/// Oracle for a lattice of streets: lattice nodes plus one extra node per attached point
/// (splitting its street block), then a plain O(V²) Dijkstra from every building.
private func latticeOracle(n: Int, step: Double, buildings: [Point], facilities: [Point]) -> [Double] {
    // nearest point on the lattice lines, brute force over every block segment
    var blocks: [(Point, Point)] = []
    for i in 0..<n {
        for j in 0..<(n - 1) {
            blocks.append((Point(Double(j) * step, Double(i) * step), Point(Double(j + 1) * step, Double(i) * step)))
            blocks.append((Point(Double(i) * step, Double(j) * step), Point(Double(i) * step, Double(j + 1) * step)))
        }
    }
    func attach(_ p: Point) -> (block: Int, q: Point, d: Double) {
        var best = (0, Point(0, 0), Double.infinity)
        for (k, (a, b)) in blocks.enumerated() {
            let dx = b.x - a.x, dy = b.y - a.y
            let t = min(max(((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy), 0), 1)
            let q = Point(a.x + t * dx, a.y + t * dy)
            if p.distance(to: q) < best.2 { best = (k, q, p.distance(to: q)) }
        }
        return best
    }
    var pos: [Point] = []
    for i in 0..<n { for j in 0..<n { pos.append(Point(Double(j) * step, Double(i) * step)) } }
    let lattice = pos.count
    let all = buildings + facilities
    let att = all.map(attach)
    for a in att { pos.append(a.q) }
    var adj = [[(Int, Double)]](repeating: [], count: pos.count)
    func nodeAt(_ p: Point) -> Int { pos.firstIndex { $0.distance(to: p) < 1e-9 }! }
    for (k, (a, b)) in blocks.enumerated() {
        var chain =
            [nodeAt(a)]
            + (0..<all.count).filter { att[$0].block == k }.map { lattice + $0 }
            .sorted { pos[$0].distance(to: a) < pos[$1].distance(to: a) } + [nodeAt(b)]
        chain = chain.reduce(into: []) { if $0.last != $1 { $0.append($1) } }
        for i in 1..<chain.count {
            let w = pos[chain[i - 1]].distance(to: pos[chain[i]])
            adj[chain[i - 1]].append((chain[i], w)); adj[chain[i]].append((chain[i - 1], w))
        }
    }
    return buildings.indices.map { bi in
        var dist = [Double](repeating: .infinity, count: pos.count)
        var done = [Bool](repeating: false, count: pos.count)
        dist[lattice + bi] = 0
        while let u = dist.indices.filter({ !done[$0] && dist[$0].isFinite }).min(by: { dist[$0] < dist[$1] }) {
            done[u] = true
            for (v, w) in adj[u] where dist[u] + w < dist[v] { dist[v] = dist[u] + w }
        }
        return facilities.indices.map { fi in att[bi].d + dist[lattice + buildings.count + fi] + att[buildings.count + fi].d }
            .min()!
    }
}

@Test(arguments: [31, 32, 33])
func latticeNetworkMatchesOracle(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed))
    let n = 6, step = 200.0
    // horizontal streets as one polyline with a vertex at every crossing; vertical streets
    // as one segment per block (ends shared with the horizontal vertices)
    var roads: [Road] = []
    for i in 0..<n { roads.append(CovFixture.road("H\(i)", (0..<n).map { (Double($0) * step, Double(i) * step) })) }
    for i in 0..<n {
        for j in 0..<(n - 1) {
            roads.append(
                CovFixture.road("V\(i)-\(j)", [(Double(i) * step, Double(j) * step), (Double(i) * step, Double(j + 1) * step)]))
        }
    }
    let side = Double(n - 1) * step
    let bp = (0..<40).map { _ in Point(Double.random(in: 0..<side, using: &rng), Double.random(in: 0..<side, using: &rng)) }
    let fp = (0..<4).map { _ in Point(Double.random(in: 0..<side, using: &rng), Double.random(in: 0..<side, using: &rng)) }
    let snap = CovFixture.snapshot(
        buildings: bp.enumerated().map { CovFixture.building("B\($0.offset)", $0.element.x, $0.element.y) },
        facilities: fp.enumerated().map { CovFixture.facility("F\($0.offset)", $0.element.x, $0.element.y) },
        roads: roads)
    let sel = CovFixture.selection(radius: 5000)  // cutoff beyond every path
    let r = try Coverage.analyze(snap, CoverageParameters(selection: sel, method: .network))
    let oracle = latticeOracle(n: n, step: step, buildings: bp, facilities: fp)
    let e = try Coverage.analyze(snap, CoverageParameters(selection: sel))
    for i in bp.indices {
        let got = try #require(r.buildings[i].distanceM)
        #expect(abs(got - oracle[i]) <= 0.051, "building \(i): \(got) vs \(oracle[i])")
        #expect(got + 0.051 >= e.buildings[i].distanceM!)  // never shorter than the straight line
    }
}
