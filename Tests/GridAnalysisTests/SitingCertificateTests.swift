import Foundation
import GridGeo
import Testing
@testable import GridAnalysis
import TestSupport

// The certificate of a siting result (Lagrangian bounds, optimality gap, proven_optimal)
// against exhaustive search on tiny seeded instances.

/// Random demand and candidate points in a `side` square, weights 1…120.
private func randomPoints(seed: UInt64, n: Int, m: Int, side: Double) -> (demand: [Point], weights: [Int], candidates: [Point]) {
    var rng = SeededGenerator(seed: seed)
    func pt() -> Point { Point(Double.random(in: 0...side, using: &rng), Double.random(in: 0...side, using: &rng)) }
    let demand = (0..<n).map { _ in pt() }
    let weights = (0..<n).map { _ in Int.random(in: 1...120, using: &rng) }
    return (demand, weights, (0..<m).map { _ in pt() })
}

/// Rows of the demand within `radius` of each candidate, by brute force.
private func coverRows(_ demand: [Point], _ candidates: [Point], radius: Double) -> SparseRows {
    var rows = SparseRows()
    for c in candidates {
        for (i, p) in demand.enumerated() where p.distance(to: c) <= radius { rows.items.append(Int32(i)) }
        rows.offsets.append(rows.items.count)
    }
    return rows
}

@Test(arguments: Array(UInt64(1)...UInt64(12)))
func coverBoundIsNeverBelowTheExhaustiveOptimum(seed: UInt64) {
    let (demand, weights, candidates) = randomPoints(seed: seed, n: 90, m: 11, side: 2_000)
    let rows = coverRows(demand, candidates, radius: 450)
    for k in 1...3 {
        let optimum = subsets(candidates.count, k).map { MaximalCovering.coveredWeight($0, rows: rows, weights: weights) }.max()!
        let solution = MaximalCovering.solve(rows: rows, weights: weights, count: k)
        #expect(solution.value <= optimum)
        #expect(solution.upperBound >= optimum, "seed \(seed) k \(k): bound \(solution.upperBound) below \(optimum)")
        // the Lagrangian bound alone is valid too, for any target
        let lagrangian = CoveringLagrangianBound.compute(rows: rows, weights: weights, count: k, target: 0)
        #expect(lagrangian.value >= optimum)
    }
}

@Test func coverLagrangianBoundIsTighterThanCoverableWeight() {
    // two heavy clusters, three candidates: one per cluster and one covering a light corner
    let demand = [Point(0, 0), Point(10, 0), Point(1_000, 0), Point(1_010, 0), Point(2_000, 0)]
    let weights = [50, 50, 40, 40, 5]
    let candidates = [Point(5, 0), Point(1_005, 0), Point(2_000, 0)]
    let rows = coverRows(demand, candidates, radius: 20)
    let bound = CoveringLagrangianBound.compute(rows: rows, weights: weights, count: 1, target: 100)
    #expect(bound.value == 100)  // coverable weight is 185; one site covers at most 100
}

@Test(arguments: Array(UInt64(1)...UInt64(10)))
func distanceBoundIsNeverAboveTheExhaustiveOptimum(seed: UInt64) {
    let (demand, weights, candidates) = randomPoints(seed: seed, n: 60, m: 9, side: 1_500)
    var rng = SeededGenerator(seed: seed &+ 99)
    let base = demand.map { _ in Double.random(in: 200...900, using: &rng) }  // an existing center's distance
    for k in 1...3 {
        let optimum = subsets(candidates.count, k).map { plan in
            demand.indices.reduce(0.0) { s, i in
                s + Double(weights[i]) * min(base[i], plan.map { demand[i].distance(to: candidates[$0]) }.min()!)
            }
        }.min()!
        for cap in [Double.infinity, 400] {
            let solution = PMedian.solve(
                demand: demand, weights: weights, base: base, candidates: candidates,
                count: k, cap: cap)
            let bound = try! #require(solution.lowerBound)
            #expect(bound <= optimum * (1 + 1e-6), "seed \(seed) k \(k) cap \(cap): bound \(bound) above \(optimum)")
            if cap.isInfinite { #expect(solution.objectiveAfter >= optimum * (1 - 1e-6)) }
        }
    }
}

@Test(arguments: Array(UInt64(40)...UInt64(45)))
func provenOptimalOnlyWhenTheGapIsZero(seed: UInt64) throws {
    let snap = randomSitingSnapshot(seed: seed, buildings: 120, candidates: 10, facilities: 1, side: 2_500)
    for objective in [SitingObjective.cover, .distance] {
        let r = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(objective, count: 2))
        let proven = try #require(r.provenOptimal), gap = try #require(r.optimalityGap)
        #expect(proven == (gap == 0))
        #expect(gap >= 0 && gap <= 1)
        if objective == .cover {
            #expect(r.upperBoundHouseholds >= r.coveredHouseholdsAfter)
            #expect(proven == (r.upperBoundHouseholds == r.coveredHouseholdsAfter))
            // a proven plan is the exhaustive optimum
            let problem = try SitingAnalysis.instance(
                snapshot: snap, parameters: sitingParameters(.cover, count: 2), network: nil
            ).problem
            let optimum = subsets(problem.candidates.count, 2)
                .map { MaximalCovering.coveredWeight($0, rows: problem.coverage, weights: problem.weights) }.max()!
            #expect(r.upperBoundHouseholds - r.coveredHouseholdsBefore >= optimum)
            if proven { #expect(r.coveredHouseholdsAfter - r.coveredHouseholdsBefore == optimum) }
        } else {
            let bound = try #require(r.lowerBoundWeightedDistanceM), after = try #require(r.weightedDistanceAfterM)
            #expect(bound <= after)
        }
    }
    let all = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.all, count: nil))
    #expect(all.provenOptimal == nil && all.optimalityGap == nil)
}
