import Testing
import GridGeo
import GridModel
@testable import GridAnalysis
import TestSupport

/// The L-shaped road (metres), one existing facility F and two candidates:
///
///     (0,1000) ─ F (5,1000)
///        │
///        │   K2 (10,800)
///        │
///        │   B (10,300) 100 hh
///        │
///     (0,0) ─────────────────────── (1000,0)
///              K1 (300,10)   B2 (600,10) 5 hh
///
/// plus a separate road far away with U (5050,5010) 7 hh that nothing can walk to.
///
/// Straight line: B–K1 √(290² + 290²) = 410.12, B–K2 500, B–F √(5² + 700²) = 700.02;
/// B2–K1 300, B2–K2 √(590² + 790²) = 986.0, B2–F √(595² + 990²) = 1,155.0.
/// Network (access legs 10, F's 5): B–K1 10+300+300+10 = 620, B–K2 10+500+10 = 520,
/// B–F 10+700+5 = 715; B2–K1 10+300+10 = 320, B2–K2 10+600+800+10 = 1,420, B2–F 10+600+1000+5 = 1,615.
private func lShaped() -> Snapshot {
    let roads = [
        CovFixture.road("R1", [(0, 1000), (0, 0), (1000, 0)]),
        CovFixture.road("R9", [(5000, 5000), (5100, 5000)])
    ]
    let buildings = [
        CovFixture.building("B", 10, 300, hh: 100), CovFixture.building("B2", 600, 10, hh: 5),
        CovFixture.building("U", 5050, 5010, hh: 7)
    ]
    let candidates = [
        Candidate(id: "K1", availableAreaM2: 50, location: Point(300, 10), lonLat: CovFixture.lonLat(Point(300, 10))),
        Candidate(id: "K2", availableAreaM2: 50, location: Point(10, 800), lonLat: CovFixture.lonLat(Point(10, 800)))
    ]
    return Snapshot(
        metadata: DatasetMetadata(name: "test", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4527"),
        communities: [Community(id: "C1", name: "一号社区", street: "S1")], buildings: buildings,
        facilities: [CovFixture.facility("F", 5, 1000)], candidates: candidates, roads: roads)
}

private func distanceParameters(count: Int, network: Bool, cap: Double? = nil) -> SitingParameters {
    SitingParameters(
        objective: .distance, count: count, selection: CovFixture.selection(radius: 400),
        areaPerHousehold: 0.30, distanceCap: cap, network: network)
}

@Test func lShapedRoadPicksAnotherSiteThanTheStraightLine() throws {
    let snap = lShaped()
    // straight line (default cap 1,200 m; U is beyond it): K1 saves 100·(700.02 − 410.12) + 5·(1155 − 300),
    // K2 only 100·200 + 5·169 → K1
    let euclid = try SitingAnalysis.run(snapshot: snap, parameters: distanceParameters(count: 1, network: false))
    #expect(euclid.method == .euclidean)
    #expect(euclid.sites.map(\.candidateId) == ["K1"])
    // network: K1 saves 100·(715 − 620) + 5·(1615 − 320) = 15,975; K2 100·(715 − 520) = 19,500
    // (B2 is 1,420 m from K2, beyond the 1,200 m cap) → K2
    let net = try SitingAnalysis.run(snapshot: snap, parameters: distanceParameters(count: 1, network: true))
    #expect(net.method == .network)
    #expect(net.distanceCapM == 1200)
    #expect(net.sites.map(\.candidateId) == ["K2"])
    #expect(net.sites[0].weightedDistanceReductionM == 19_500)
    // before 100·715 + 5·1615 = 79,575 over 105 reachable households; after, exact (B2 to K2 at
    // 1,420 m beats F at 1,615 m even beyond the cap): 100·520 + 5·1420 = 59,100
    #expect(net.weightedDistanceBeforeM == 79_575)
    #expect(net.meanDistanceBeforeM == 757.9)  // 79,575 / 105
    #expect(net.weightedDistanceAfterM == 59_100)
    #expect(net.meanDistanceAfterM == 562.9)  // 59,100 / 105
    #expect(net.unreachedHouseholdsBefore == 7 && net.unreachedHouseholdsAfter == 7)
    #expect(net.unreachedBuildingIds == ["U"])
    // K2 is the nearest center of B and B2: sized on 105 households, 31.5 m²
    #expect(net.sites[0].householdsServed == 105)
    #expect(net.sites[0].recommendedAreaM2 == 31.5)
    #expect(net.sites[0].areaSufficient == true)
}

@Test func networkCapKeepsTheExistingDistanceInTheModel() throws {
    let snap = lShaped()
    // cap 600: rows K1 → {B2: 320} (B at 620 is beyond), K2 → {B: 520}.
    // greedy: K2 saves 19,500, then K1 saves 5·(1615 − 320) = 6,475.
    let r = try SitingAnalysis.run(snapshot: snap, parameters: distanceParameters(count: 2, network: true, cap: 600))
    #expect(r.sites.map(\.candidateId) == ["K2", "K1"])
    #expect(r.sites.map(\.weightedDistanceReductionM) == [19_500, 6_475])
    #expect(r.sites.map(\.householdsServed) == [100, 5])
    // exact after: B 520, B2 320 → 52,000 + 1,600
    #expect(r.weightedDistanceAfterM == 53_600)
    #expect(r.weightedDistanceBeforeM! - r.weightedDistanceAfterM! == 25_975)
    // cap 300: no candidate is within 300 m of anyone by road; nothing is chosen
    let none = try SitingAnalysis.run(snapshot: snap, parameters: distanceParameters(count: 1, network: true, cap: 300))
    #expect(none.sites.isEmpty)
    #expect(none.weightedDistanceAfterM == 79_575)
}

@Test func networkDistanceStillNeedsRoads() {
    var snap = lShaped()
    snap.roads = []
    #expect(throws: UsageError.self) {
        try SitingAnalysis.run(snapshot: snap, parameters: distanceParameters(count: 1, network: true))
    }
}

/// A random district on a lattice road network: buildings, counted facilities, candidates K01….
private func latticeSnapshot(
    seed: UInt64, oracle: LatticeOracle, buildings nb: Int, candidates nc: Int,
    facilities nf: Int
) -> Snapshot {
    var rng = SeededGenerator(seed: seed &* 31 &+ 7)
    let side = Double(oracle.n - 1) * oracle.spacing
    func pt() -> Point {
        Point(Double.random(in: -30...(side + 30), using: &rng), Double.random(in: -30...(side + 30), using: &rng))
    }
    let buildings = (0..<nb).map { i -> Building in
        let p = pt()
        let hh = Int.random(in: 0...4, using: &rng) == 0 ? 0 : Int.random(in: 1...60, using: &rng)
        return Building(
            id: String(format: "B%03d", i), communityId: "C1", households: hh, location: p, lonLat: CovFixture.lonLat(p))
    }
    let facilities = (0..<nf).map { i -> Facility in
        let p = pt()
        return Facility(
            id: "F\(i)", kind: .partyMassStation, usableAreaM2: 100, level: .community, location: p,
            lonLat: CovFixture.lonLat(p))
    }
    let candidates = (0..<nc).map { j -> Candidate in
        let p = pt()
        return Candidate(id: String(format: "K%02d", j + 1), location: p, lonLat: CovFixture.lonLat(p))
    }
    return Snapshot(
        metadata: DatasetMetadata(name: "test", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4527"),
        buildings: buildings, facilities: facilities, candidates: candidates, roads: oracle.roads)
}

@Test(arguments: Array(UInt64(200)...UInt64(207)))
func networkDistanceMatchesExhaustiveSearch(seed: UInt64) throws {
    let oracle = LatticeOracle(seed: seed)
    let m = 6 + Int(seed % 3)
    let snap = latticeSnapshot(seed: seed, oracle: oracle, buildings: 30, candidates: m, facilities: Int(seed % 3))
    let ids = snap.candidates.map(\.id).sorted()
    let cands = snap.candidates.sorted { $0.id < $1.id }
    // all pairwise walking distances by the independent oracle
    let toCandidate = snap.buildings.map { b in cands.map { oracle.distance(b.location, $0.location) } }
    let existing = snap.buildings.map { b in snap.facilities.map { oracle.distance(b.location, $0.location) }.min() ?? .infinity }
    func weighted(_ set: [Int]) -> Double {
        snap.buildings.indices.reduce(0.0) { acc, i in
            let d = set.map { toCandidate[i][$0] }.min() ?? .infinity
            let h = snap.buildings[i].households
            return h == 0 ? acc : acc + Double(h) * min(existing[i], d)
        }
    }
    for k in 1...3 {
        let best = subsets(m, k).map(weighted).min()!
        let r = try SitingAnalysis.run(snapshot: snap, parameters: distanceParameters(count: k, network: true, cap: .infinity))
        #expect(r.method == .network)
        let chosen = r.sites.map { ids.firstIndex(of: $0.candidateId)! }
        let got = weighted(chosen)
        #expect(abs(got - best) <= 1e-6 * best + 0.5, "seed \(seed) k \(k): \(got) vs \(best)")
        #expect(abs((r.weightedDistanceAfterM ?? -1) - got) <= 1e-6 * got + 0.1)
        if !snap.facilities.isEmpty {
            #expect(abs((r.weightedDistanceBeforeM ?? -1) - weighted([])) <= 1e-6 * weighted([]) + 0.1)
            let saved = r.sites.compactMap(\.weightedDistanceReductionM).reduce(0, +)
            #expect(abs(r.weightedDistanceBeforeM! - r.weightedDistanceAfterM! - saved) <= 1e-5 * best + 1)
        }
        #expect(r.unreachedHouseholdsAfter == 0)
    }
    // with the default cap (3 × 400 m) the reported distance is still the exact one of the chosen sites
    let capped = try SitingAnalysis.run(snapshot: snap, parameters: distanceParameters(count: 2, network: true))
    let chosen = capped.sites.map { ids.firstIndex(of: $0.candidateId)! }
    #expect(abs((capped.weightedDistanceAfterM ?? -1) - weighted(chosen)) <= 1e-6 * weighted(chosen) + 0.1)
}

@Test(arguments: [UInt64(300), 301, 302])
func reachRowsMatchFloydWarshall(seed: UInt64) {
    let oracle = LatticeOracle(seed: seed)
    var rng = SeededGenerator(seed: seed)
    func pt() -> Point { Point(Double.random(in: -50...850, using: &rng), Double.random(in: -50...850, using: &rng)) }
    let origins = (0..<12).map { _ in pt() }
    let targets = (0..<80).map { _ in pt() }
    let cutoff = origins.indices.map { $0 % 3 == 0 ? 1000.0 : 500 }
    let net = WalkingNetwork(roads: oracle.roads)
    let rows = net.reachRows(
        origins: origins, cutoff: cutoff,
        targetAttachments: targets.map { net.attach($0, maxDistance: .infinity) })
    for j in origins.indices {
        let expected = targets.indices.filter { oracle.distance(origins[j], targets[$0]) <= cutoff[j] }
        #expect(rows.range(j).map { Int(rows.items[$0]) } == expected, "origin \(j)")
        for q in rows.range(j) {
            #expect(abs(rows.distances[q] - oracle.distance(origins[j], targets[Int(rows.items[q])])) < 1e-6)
        }
    }
    // the nearest center of every target, one multi-source search
    let near = net.nearestCenters(
        targets: targets.map { net.attach($0, maxDistance: .infinity) },
        centers: origins.map { net.attach($0, maxDistance: .infinity) })
    for i in targets.indices {
        let d = origins.map { oracle.distance($0, targets[i]) }
        #expect(abs(near.distance[i] - d.min()!) < 1e-6)
        #expect(abs(d[Int(near.center[i])] - d.min()!) < 1e-6)
    }
}

@Test(arguments: [UInt64(210), 211])
func networkCoverageRowsMatchTheOracle(seed: UInt64) {
    let oracle = LatticeOracle(seed: seed)
    let snap = latticeSnapshot(seed: seed, oracle: oracle, buildings: 60, candidates: 10, facilities: 0)
    var rng = SeededGenerator(seed: seed)
    let covered = snap.buildings.map { _ in Bool.random(using: &rng) }
    let problem = SitingProblem(
        demandIds: snap.buildings.map(\.id), demandLocations: snap.buildings.map(\.location),
        weights: snap.buildings.map(\.households), coveredBefore: covered,
        candidates: snap.candidates.map(SitingCandidate.init), radius: 300, buildCoverage: false)
    let rows = problem.networkCoverageRows(WalkingNetwork(roads: snap.roads))
    for (j, c) in problem.candidates.enumerated() {
        let expected = snap.buildings.indices.filter {
            !covered[$0] && oracle.distance(c.location, snap.buildings[$0].location) <= 300
        }
        #expect(rows.range(j).map { Int(rows.items[$0]) } == expected, "candidate \(c.id)")
    }
}

/// On one 2 km road the ends lie beyond a 300 m cutoff: targets along the origin's own edge are
/// still found (origin (1000,10): (1100,10) at 10 + 100 + 10 = 120; (1300,0) at 10 + 300 = 310 is out).
@Test func reachRowsAlongTheOriginsOwnEdge() {
    let net = WalkingNetwork(roads: [CovFixture.road("R", [(0, 0), (2000, 0)])])
    let targets = [Point(1100, 10), Point(1300, 0), Point(0, 5), Point(900, -20)]
    let rows = net.reachRows(
        origins: [Point(1000, 10)], cutoff: [300],
        targetAttachments: targets.map { net.attach($0, maxDistance: .infinity) })
    #expect(rows.range(0).map { rows.items[$0] } == [0, 3])
    let d = rows.range(0).map { rows.distances[$0] }
    #expect(d.count == 2 && abs(d[0] - 120) < 1e-9 && abs(d[1] - 130) < 1e-9)
}
