import Foundation
import GridGeo
import Testing
@testable import GridAnalysis
import TestSupport

// `--exact`: the integer programs CBC solves, against exhaustive search on tiny seeded instances.

/// Random demand (weights 1…120) and candidates in a 2 km square, and an existing center
/// distance per demand point (some uncovered: +∞).
private func tinyInstance(seed: UInt64, n: Int, m: Int) -> (demand: [Point], weights: [Int], candidates: [Point], base: [Double])
{
    var rng = SeededGenerator(seed: seed)
    func pt() -> Point { Point(Double.random(in: 0...2_000, using: &rng), Double.random(in: 0...2_000, using: &rng)) }
    let demand = (0..<n).map { _ in pt() }
    let weights = (0..<n).map { _ in Int.random(in: 1...120, using: &rng) }
    let candidates = (0..<m).map { _ in pt() }
    let base = (0..<n).map { _ in Double.random(in: 150...1_200, using: &rng) }
    return (demand, weights, candidates, base)
}

@Test(arguments: Array(UInt64(1)...UInt64(10)))
func integerProgramsEqualExhaustiveSearch(seed: UInt64) {
    let (demand, weights, candidates, base) = tinyInstance(seed: seed, n: 70, m: 10)
    // cover: rows of the demand within 450 m, base 1 (uncovered), distance 0
    var cover = SparseRows(), distance = SparseRows()
    for c in candidates {
        for (i, p) in demand.enumerated() {
            let d = p.distance(to: c)
            if d <= 450 { cover.items.append(Int32(i)) }
            if d < base[i] { distance.items.append(Int32(i)); distance.distances.append(Float(d)) }
        }
        cover.offsets.append(cover.items.count); distance.offsets.append(distance.items.count)
    }
    for k in 1...3 {
        let plans = subsets(candidates.count, k)
        let bestCover = plans.map { MaximalCovering.coveredWeight($0, rows: cover, weights: weights) }.max()!
        let exactCover = MaximalCoveringProgram.solve(
            rows: cover, weights: weights, count: k, incumbent: [], timeLimit: 60)
        #expect(exactCover.stop == .proven)
        #expect(exactCover.value == bestCover && exactCover.bound == bestCover, "seed \(seed) k \(k)")
        #expect(MaximalCovering.coveredWeight(exactCover.selected, rows: cover, weights: weights) == bestCover)

        let bestDistance = plans.map { PMedianLagrangianBound.modelValue($0, rows: distance, weights: weights, base: base) }
            .min()!
        let exactDistance = PMedianProgram.solve(
            rows: distance, weights: weights, base: base, count: k, incumbent: [], timeLimit: 60,
            excluded: [], included: [])
        #expect(exactDistance.stop == .proven)
        #expect(abs(exactDistance.value - bestDistance) <= 1e-6 * bestDistance, "seed \(seed) k \(k)")
        #expect(
            exactDistance.bound <= exactDistance.value && exactDistance.bound >= bestDistance * (1 - 1e-6),
            "seed \(seed) k \(k): bound \(exactDistance.bound), value \(exactDistance.value), best \(bestDistance)")
    }
}

@Test(arguments: Array(UInt64(50)...UInt64(55)))
func exactSitingIsProvenAndMatchesExhaustiveSearch(seed: UInt64) throws {
    let snap = randomSitingSnapshot(seed: seed, buildings: 150, candidates: 12, facilities: 1, side: 2_500)
    var cover = sitingParameters(.cover, count: 3); cover.exact = true
    let r = try SitingAnalysis.run(snapshot: snap, parameters: cover)
    let problem = try SitingAnalysis.instance(snapshot: snap, parameters: cover, network: nil).problem
    let best = subsets(problem.candidates.count, 3)
        .map { MaximalCovering.coveredWeight($0, rows: problem.coverage, weights: problem.weights) }.max()!
    #expect(r.coveredHouseholdsAfter - r.coveredHouseholdsBefore == best)
    #expect(r.provenOptimal == true && r.optimalityGap == 0)

    var distance = sitingParameters(.distance, count: 3, cap: .infinity); distance.exact = true
    let d = try SitingAnalysis.run(snapshot: snap, parameters: distance)
    #expect(
        d.provenOptimal == true && d.optimalityGap == 0,
        "\(String(describing: d.exactSearch)) \(String(describing: d.lowerBoundWeightedDistanceM)) \(String(describing: d.weightedDistanceAfterM)) \(String(describing: d.optimalityGap))"
    )
    let after = try #require(d.weightedDistanceAfterM)
    let exhaustive = subsets(problem.candidates.count, 3).map { plan in
        problem.weights.indices.reduce(0.0) { s, i in
            let nearest = plan.map { problem.demandLocations[i].distance(to: problem.candidates[$0].location) }.min()!
            return s + Double(problem.weights[i]) * min(problem.existingDistance[i], nearest)
        }
    }.min()!
    #expect(abs(after - exhaustive) <= 0.1 + 1e-6 * exhaustive, "seed \(seed): \(after) vs \(exhaustive)")
    // deterministic
    let again = try SitingAnalysis.run(snapshot: snap, parameters: distance)
    #expect(again.sites.map(\.candidateId) == d.sites.map(\.candidateId))
}

@Test func smallInstancesCountAsSmall() {
    #expect(ExactSearch.isSmall(candidates: 12, count: 3))
    #expect(!ExactSearch.isSmall(candidates: 150, count: 5))
    #expect(ExactSearch.isSmall(candidates: 3, count: 5))
}
