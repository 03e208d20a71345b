import Testing
import GridGeo
import GridModel
@testable import GridAnalysis
import TestSupport

/// Brute-force single linkage: connected components of the "within link" graph over all pairs.
private func bruteClusters(_ pts: [Point], _ link: Double) -> [[Int]] {
    var comp = [Int](repeating: -1, count: pts.count)
    var out: [[Int]] = []
    for s in pts.indices where comp[s] < 0 {
        var stack = [s], members: [Int] = []
        comp[s] = out.count
        while let i = stack.popLast() {
            members.append(i)
            for j in pts.indices where comp[j] < 0 && pts[i].distance(to: pts[j]) <= link {
                comp[j] = out.count; stack.append(j)
            }
        }
        out.append(members.sorted())
    }
    return out
}

@Test func singleLinkageOnALine() {
    let pts = [0.0, 100, 200, 1000, 1100, 5000].map { Point($0, 0) }
    #expect(GapClusters.clusters(pts, linkDistance: 150) == [[0, 1, 2], [3, 4], [5]])
    #expect(GapClusters.clusters(pts, linkDistance: 100) == [[0, 1, 2], [3, 4], [5]])  // inclusive
    #expect(GapClusters.clusters(pts, linkDistance: 99.9) == [[0], [1], [2], [3], [4], [5]])
    #expect(GapClusters.clusters(pts, linkDistance: 4000) == [[0, 1, 2, 3, 4, 5]])
    #expect(GapClusters.clusters([], linkDistance: 10).isEmpty)
}

@Test func chainingLinksFarEndsThroughIntermediatePoints() {
    // 0 and 3 are 300 m apart, but each step is 100 m: single linkage joins them.
    let pts = [Point(0, 0), Point(100, 0), Point(200, 0), Point(300, 0), Point(150, 500)]
    #expect(GapClusters.clusters(pts, linkDistance: 100) == [[0, 1, 2, 3], [4]])
}

@Test(arguments: [11, 12, 13])
func singleLinkageMatchesBruteForce(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed))
    let pts = (0..<300).map { _ in Point(Double.random(in: 0..<2000, using: &rng), Double.random(in: 0..<2000, using: &rng)) }
    for link in [20.0, 60, 120] {
        #expect(GapClusters.clusters(pts, linkDistance: link) == bruteClusters(pts, link).sorted { $0[0] < $1[0] })
    }
}

@Test func gapsAreSortedByHouseholdsWithHullsAndCommunities() {
    let bs = [
        CovFixture.building("A1", 0, 0, hh: 10, community: "C1"), CovFixture.building("A2", 100, 0, hh: 10, community: "C2"),
        CovFixture.building("A3", 100, 100, hh: 10, community: "C1"), CovFixture.building("A4", 0, 100, hh: 10, community: "C1"),
        CovFixture.building("A5", 50, 50, hh: 10, community: "C1"),  // inside the square: not a hull vertex
        CovFixture.building("Z1", 5000, 0, hh: 80, community: "C3")
    ]
    let gaps = GapClusters.gaps(buildings: bs, members: Array(bs.indices), linkDistance: 150)
    #expect(gaps.map(\.id) == ["G1", "G2"])
    #expect(gaps[0].buildingIds == ["Z1"] && gaps[0].households == 80)
    #expect(gaps[1].buildingIds == ["A1", "A2", "A3", "A4", "A5"])
    #expect(gaps[1].households == 50 && gaps[1].buildings == 5)
    #expect(gaps[1].communityIds == ["C1", "C2"])
    #expect(abs(gaps[1].lon - CovFixture.lonLat(Point(50, 50)).x) < 1e-9)
    // closed ring of the 4 corners
    #expect(gaps[1].hull.count == 5 && gaps[1].hull.first == gaps[1].hull.last)
    let corners = Set(
        [Point(0, 0), Point(100, 0), Point(100, 100), Point(0, 100)].map { CovFixture.lonLat($0) }.map { [$0.x, $0.y] })
    #expect(Set(gaps[1].hull) == corners)
    #expect(gaps[0].hull.count == 1)
}

@Test(arguments: [21, 22])
func convexHullContainsEveryPoint(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed))
    var pts = (0..<200).map { _ in
        Point(Double.random(in: 0..<100, using: &rng).rounded(), Double.random(in: 0..<100, using: &rng).rounded())
    }
    pts += [Point(0, 0), Point(50, 0), Point(100, 0)]  // collinear on an edge
    let hull = ConvexHull.indices(pts)
    #expect(hull.count >= 3)
    for k in hull.indices {
        let a = pts[hull[k]], b = pts[hull[(k + 1) % hull.count]]
        for p in pts {
            // counter-clockwise: every point on the left of (or on) every edge
            #expect((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) >= 0)
        }
        // strictly convex: no collinear vertex kept
        let c = pts[hull[(k + 2) % hull.count]]
        #expect((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) > 0)
    }
    #expect(!hull.contains { pts[$0] == Point(50, 0) })
}

@Test func generatedCandidatesUseTheCoverageGapsAndTheirIds() {
    // Three gaps at link 250: {B0,B1} 20 hh in 2 buildings, {B2} 20 hh in 1 building (a tie on
    // households: more buildings first), {B3,B4} 40 hh. B5 has no households, B6 is covered.
    let xs: [Double] = [0, 200, 1_000, 2_000, 2_100, 3_000, 4_000]
    let hh = [10, 10, 20, 30, 10, 0, 50]
    let bs = xs.enumerated().map { i, x in CovFixture.building("B\(i)", x, 0, hh: hh[i], community: "C1") }
    let covered = [false, false, false, false, false, false, true]
    let members = GapClusters.uncoveredMembers(buildings: bs, covered: covered)
    #expect(members == [0, 1, 2, 3, 4])
    let gaps = GapClusters.gaps(buildings: bs, members: members, linkDistance: 250)
    #expect(gaps.map(\.buildingIds) == [["B3", "B4"], ["B0", "B1"], ["B2"]])
    let cands = CandidateGeneration.gapCandidates(buildings: bs, covered: covered, radius: 500)
    let fromCandidates = Dictionary(grouping: cands, by: { $0.gapId! }).mapValues { $0.map(\.id) }
    let fromGaps = Dictionary(uniqueKeysWithValues: gaps.map { ($0.id, $0.buildingIds.map { "gen-" + $0 }) })
    #expect(fromCandidates == fromGaps)
}
