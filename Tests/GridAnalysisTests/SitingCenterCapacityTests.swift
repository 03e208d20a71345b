import Foundation
import GridGeo
import GridMILP
import GridModel
import Testing
@testable import GridAnalysis
import TestSupport

// `--objective center` and `--capacity area` against exhaustive search on tiny seeded
// instances; the capacitated assignments are checked with a min-cost flow written here.

@Test func cbcSolvesASmallKnapsackAndReportsInfeasibility() {
    // max 5a + 4b + 3c, 2a + 3b + c ≤ 5: a and b (9); a, b and c would need 6.
    var p = MixedIntegerProgram(sense: .maximize)
    let a = p.addVariable(upper: 1, objective: 5, integer: true)
    let b = p.addVariable(upper: 1, objective: 4, integer: true)
    let c = p.addVariable(upper: 1, objective: 3, integer: true)
    p.addConstraint([(a, 2), (b, 3), (c, 1)], upper: 5)
    let s = p.solve(start: [1, 0, 1], timeLimit: 10)
    #expect(s.stop == .proven)
    #expect(s.objective == 9)
    #expect(s.values == [1, 1, 0])
    #expect(abs(s.bound - 9) < 1e-6)
    // x + y ≥ 3 with x, y ≤ 1 has no solution
    var q = MixedIntegerProgram(sense: .minimize)
    let x = q.addVariable(upper: 1, objective: 1, integer: true)
    let y = q.addVariable(upper: 1, objective: 1, integer: true)
    q.addConstraint([(x, 1), (y, 1)], lower: 3)
    #expect(q.solve(timeLimit: 10).stop == .infeasible)
}

@Test(arguments: Array(UInt64(70)...UInt64(77)))
func pCenterEqualsExhaustiveSearch(seed: UInt64) throws {
    let snap = randomSitingSnapshot(seed: seed, buildings: 60, candidates: 9, facilities: seed % 2 == 0 ? 0 : 1, side: 2_000)
    let oracle = SitingOracle(snapshot: snap, radius: 400)
    let candidates = snap.candidates.sorted { $0.id < $1.id }
    let demand = snap.buildings.filter { $0.households > 0 }
    for k in 1...3 {
        var best = Double.infinity
        for set in subsets(candidates.count, k) {
            let largest = demand.map { b in
                min(oracle.existing(b), set.map { candidates[$0].location.distance(to: b.location) }.min()!)
            }.max()!
            best = min(best, largest)
        }
        let r = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.center, count: k))
        let after = try #require(r.maxDistanceAfterM)
        #expect(abs(after - best) <= 0.05 + 1e-9, "seed \(seed) k \(k)")
        #expect(r.provenOptimal == true && r.optimalityGap == 0)
        let lower = try #require(r.lowerBoundMaxDistanceM)
        #expect(lower <= after && lower >= best - 0.15)
        // the buildings named are at the largest distance
        let farthest = try #require(r.farthestBuildingIds)
        #expect(!farthest.isEmpty)
        let chosen = r.sites.map { id in candidates.first { $0.id == id.candidateId }!.location }
        for id in farthest {
            let b = demand.first { $0.id == id }!
            let d = min(oracle.existing(b), chosen.map { $0.distance(to: b.location) }.min() ?? .infinity)
            #expect(abs(d - after) <= 0.06)
        }
    }
}

@Test func pCenterUnderATinyTimeLimitStatesItsGap() throws {
    let snap = randomSitingSnapshot(seed: 91, buildings: 400, candidates: 60, facilities: 0, side: 3_000)
    var p = sitingParameters(.center, count: 6)
    p.timeLimit = 1e-6
    let r = try SitingAnalysis.run(snapshot: snap, parameters: p)
    let after = try #require(r.maxDistanceAfterM), lower = try #require(r.lowerBoundMaxDistanceM)
    #expect(lower <= after)
    #expect((r.provenOptimal == true) == (r.optimalityGap == 0))
    if r.provenOptimal == false { #expect(r.exactSearch == .timeLimit) }
}

/// Min-cost flow by successive shortest paths (Bellman–Ford): the cheapest way to send every
/// household to a center within its reach or to "unserved" at `unservedCost` each.
private func assignmentCost(
    weights: [Int], pairs: [(i: Int, c: Int, d: Double)], capacities: [Double], unservedCost: Double
) -> (cost: Double, served: Int) {
    let n = weights.count, centers = capacities.count
    let source = 0, unserved = 1 + n + centers, sink = unserved + 1, nodes = sink + 1
    var to: [Int] = [], cap: [Double] = [], cost: [Double] = [], adj = [[Int]](repeating: [], count: nodes)
    func edge(_ u: Int, _ v: Int, _ c: Double, _ w: Double) {
        adj[u].append(to.count); to.append(v); cap.append(c); cost.append(w)
        adj[v].append(to.count); to.append(u); cap.append(0); cost.append(-w)
    }
    for i in 0..<n {
        edge(source, 1 + i, Double(weights[i]), 0)
        edge(1 + i, unserved, Double(weights[i]), unservedCost)
    }
    for p in pairs { edge(1 + p.i, 1 + n + p.c, Double(weights[p.i]), p.d) }
    for c in 0..<centers { edge(1 + n + c, sink, capacities[c], 0) }
    edge(unserved, sink, Double(weights.reduce(0, +)), 0)
    var total = 0.0
    while true {
        var dist = [Double](repeating: .infinity, count: nodes), via = [Int](repeating: -1, count: nodes)
        dist[source] = 0
        var changed = true
        while changed {
            changed = false
            for u in 0..<nodes where dist[u] < .infinity {
                for e in adj[u] where cap[e] > 1e-9 && dist[u] + cost[e] < dist[to[e]] - 1e-9 {
                    dist[to[e]] = dist[u] + cost[e]; via[to[e]] = e; changed = true
                }
            }
        }
        guard dist[sink] < .infinity else { break }
        var push = Double.infinity, v = sink
        while v != source { push = min(push, cap[via[v]]); v = to[via[v] ^ 1] }
        v = sink
        while v != source { cap[via[v]] -= push; cap[via[v] ^ 1] += push; v = to[via[v] ^ 1] }
        total += push * dist[sink]
    }
    let served = adj[unserved].filter { $0 % 2 == 1 }.reduce(0.0) { $0 + cap[$1] }  // reverse edges into unserved
    return (total, weights.reduce(0, +) - Int(served.rounded()))
}

@Test(arguments: Array(UInt64(80)...UInt64(85)))
func capacitatedSitingEqualsExhaustiveSearch(seed: UInt64) throws {
    let snap = randomSitingSnapshot(seed: seed, buildings: 40, candidates: 7, facilities: 1, side: 1_500)
    let candidates = snap.candidates.sorted { $0.id < $1.id }
    let demand = snap.buildings.filter { $0.households > 0 }
    let weights = demand.map(\.households)
    let counted = snap.facilities.filter { $0.kind == .partyMassCenter || $0.kind == .partyMassStation }
    let radius = 400.0, cap = 1_200.0
    for distance in [false, true] {
        for k in 1...2 {
            var best = distance ? Double.infinity : -1
            for set in subsets(candidates.count, k) {
                // centers: the chosen candidates, then the existing facilities
                let points = set.map { candidates[$0].location } + counted.map(\.location)
                let capacities =
                    set.map { (candidates[$0].availableAreaM2! / 0.30 + 1e-9).rounded(.down) }
                    + counted.map { ($0.usableAreaM2 / 0.30 + 1e-9).rounded(.down) }
                var pairs: [(i: Int, c: Int, d: Double)] = []
                for (i, b) in demand.enumerated() {
                    for (c, p) in points.enumerated() {
                        let d = b.location.distance(to: p)
                        if d <= (distance ? cap : radius) { pairs.append((i, c, d)) }
                    }
                }
                if distance {
                    best = min(
                        best, assignmentCost(weights: weights, pairs: pairs, capacities: capacities, unservedCost: cap).cost)
                } else {
                    let flow = assignmentCost(
                        weights: weights, pairs: pairs.map { ($0.i, $0.c, 0) }, capacities: capacities, unservedCost: 1)
                    best = max(best, Double(flow.served))
                }
            }
            var p = sitingParameters(distance ? .distance : .cover, count: k, radius: radius, cap: cap)
            p.capacity = .area
            let r = try SitingAnalysis.run(snapshot: snap, parameters: p)
            #expect(r.provenOptimal == true && r.optimalityGap == 0, "seed \(seed) k \(k) distance \(distance)")
            if distance {
                let after = try #require(r.weightedDistanceAfterM)
                #expect(abs(after - best) <= 0.1 + 1e-6 * best, "seed \(seed) k \(k)")
                let lower = try #require(r.lowerBoundWeightedDistanceM)
                #expect(lower <= after)
            } else {
                #expect(Double(r.coveredHouseholdsAfter) == best, "seed \(seed) k \(k)")
                #expect(r.upperBoundHouseholds >= r.coveredHouseholdsAfter)
            }
            // no site is over its capacity, and the assigned households add up
            for s in r.sites {
                let assigned = try #require(s.householdsAssigned)
                if let capacity = s.capacityHouseholds { #expect(assigned <= capacity) }
                #expect(s.areaSufficient != false)
            }
        }
    }
}
