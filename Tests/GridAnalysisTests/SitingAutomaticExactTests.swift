import Foundation
import GridGeo
import Testing
@testable import GridAnalysis
import TestSupport

// The automatic exact search (default runs: CBC when Lagrangian fixing leaves few candidates)
// and the set covering bound behind p-center's cheap "no" answers.

/// Default `cover` and `distance` runs on instances too large for the small-instance rule
/// (C(28, 4) = 20,475 plans): whenever the exact search ran by the automatic rule it is
/// reported, and a proven plan equals exhaustive search; the rule fires on some seeds.
@Test func automaticExactSearchTriggersAndMatchesExhaustiveSearch() throws {
    var triggered = 0
    for seed in UInt64(300)...UInt64(307) {
        let snap = randomSitingSnapshot(seed: seed, buildings: 120, candidates: 28, facilities: 1, side: 2_500)
        #expect(!ExactSearch.isSmall(candidates: 28, count: 4))
        for objective in [SitingObjective.cover, .distance] {
            let p = sitingParameters(objective, count: 4, cap: objective == .distance ? .infinity : nil)
            let r = try SitingAnalysis.run(snapshot: snap, parameters: p)
            // trigger and stop are reported together, and never "requested" without --exact
            #expect((r.exactSearch == nil) == (r.exactSearchTrigger == nil))
            #expect(r.exactSearchTrigger != .requested && r.exactSearchTrigger != .smallInstance)
            if r.exactSearchTrigger == .fewFreeCandidates { triggered += 1 }
            guard r.provenOptimal == true else { continue }
            let problem = try SitingAnalysis.instance(snapshot: snap, parameters: p, network: nil).problem
            let plans = subsets(problem.candidates.count, 4)
            if objective == .cover {
                let best = plans.map { MaximalCovering.coveredWeight($0, rows: problem.coverage, weights: problem.weights) }
                    .max()!
                #expect(r.coveredHouseholdsAfter - r.coveredHouseholdsBefore == best, "seed \(seed)")
            } else {
                let best = plans.map { plan in
                    problem.weights.indices.reduce(0.0) { s, i in
                        let nearest = plan.map { problem.demandLocations[i].distance(to: problem.candidates[$0].location) }
                            .min()!
                        return s + Double(problem.weights[i]) * min(problem.existingDistance[i], nearest)
                    }
                }.min()!
                let after = try #require(r.weightedDistanceAfterM)
                #expect(abs(after - best) <= 0.1 + 1e-6 * best, "seed \(seed): \(after) vs \(best)")
            }
        }
    }
    #expect(triggered > 0)
}

@Test func reducedProgramsCountAsSmallByTheirFreeCandidates() {
    let m = ExactSearch.reducedCandidates + 10
    var excluded = [Bool](repeating: false, count: m)
    #expect(!ExactSearch.isReducedSmall(excluded: excluded, included: []))
    for j in 0..<5 { excluded[j] = true }
    var included = [Bool](repeating: false, count: m)
    #expect(!ExactSearch.isReducedSmall(excluded: excluded, included: included))
    for j in 5..<10 { included[j] = true }
    // 10 fixed either way leave exactly `reducedCandidates` free
    #expect(ExactSearch.isReducedSmall(excluded: excluded, included: included))
}

/// The smallest number of sets covering every element, by trying every subset.
private func fewestSets(_ options: [[Int]], columns: Int) -> Int {
    for size in 0...columns {
        for set in subsets(columns, size) where options.allSatisfy({ !Set($0).isDisjoint(with: set) }) { return size }
    }
    return columns
}

@Test(arguments: Array(UInt64(1)...UInt64(12)))
func setCoverBoundIsNeverAboveTheOptimum(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    let columns = 9
    let options = (0..<14).map { _ -> [Int] in
        let n = Int.random(in: 1...3, using: &rng)
        return Array(Set((0..<n).map { _ in Int.random(in: 0..<columns, using: &rng) })).sorted()
    }
    let best = fewestSets(options, columns: columns)
    let bound = SetCoverLowerBound.compute(options: options, columns: columns, target: columns, stopAbove: .infinity)
    #expect(bound <= Double(best) + 1e-9, "seed \(seed): bound \(bound), optimum \(best)")
    #expect(bound > 0)
}

@Test func setCoverBoundProvesDisjointElementsNeedOneSetEach() {
    // five elements no set shares: five sets are needed, and the bound says so
    let options = [[0, 1], [2], [3, 4], [5], [6, 7]]
    let bound = SetCoverLowerBound.compute(options: options, columns: 8, target: 5, stopAbove: .infinity)
    #expect(bound > 4 + 1e-6 && bound <= 5 + 1e-9)
}

/// With no time for CBC at all, the cheap bisections alone still leave a tight interval.
@Test func pCenterBoundsWithoutTheSolverAreTight() throws {
    let snap = randomSitingSnapshot(seed: 93, buildings: 600, candidates: 80, facilities: 0, side: 3_000)
    var p = sitingParameters(.center, count: 8)
    p.timeLimit = 1e-6
    let r = try SitingAnalysis.run(snapshot: snap, parameters: p)
    let after = try #require(r.maxDistanceAfterM), lower = try #require(r.lowerBoundMaxDistanceM)
    #expect(lower <= after)
    #expect(after - lower <= 0.25 * after, "plan \(after), bound \(lower)")
}
