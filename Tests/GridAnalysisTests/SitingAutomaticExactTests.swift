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

/// Every (demand, distance) pair per candidate.
private func allPairs(_ demand: [Point], _ candidates: [Point]) -> SparseRows {
    var rows = SparseRows()
    for c in candidates {
        for (i, p) in demand.enumerated() { rows.items.append(Int32(i)); rows.distances.append(Float(p.distance(to: c))) }
        rows.offsets.append(rows.items.count)
    }
    return rows
}

/// Without CBC, the cheap bisections alone (greedy covers for the plan, the set covering bound
/// for the "no" answers) bracket the exhaustive optimum, and the interval is tight.
@Test(arguments: Array(UInt64(20)...UInt64(25)))
func pCenterCheapBoundsBracketTheOptimum(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    func pt() -> Point { Point(Double.random(in: 0...3_000, using: &rng), Double.random(in: 0...3_000, using: &rng)) }
    let demand = (0..<120).map { _ in pt() }, candidates = (0..<14).map { _ in pt() }
    let rows = allPairs(demand, candidates)
    let base = [Double](repeating: .infinity, count: demand.count)
    for k in [2, 4] {
        let best = subsets(candidates.count, k).map { plan in
            demand.map { p in plan.map { Double(Float(p.distance(to: candidates[$0]))) }.min()! }.max()!
        }.min()!
        let cheap = PCenter.solve(rows: rows, base: base, count: k, timeLimit: 60, solver: false)
        #expect(cheap.lowerBound <= best + 1e-6 && best <= cheap.value + 1e-6, "seed \(seed) k \(k)")
        #expect(cheap.value - cheap.lowerBound <= 0.25 * cheap.value, "seed \(seed) k \(k): \(cheap.lowerBound)–\(cheap.value)")
        #expect((cheap.stop == .proven) == (cheap.lowerBound == cheap.value))
        let exact = PCenter.solve(rows: rows, base: base, count: k, timeLimit: 60)
        #expect(exact.stop == .proven && abs(exact.value - best) <= 1e-6)
    }
}

/// Merging demand points reached by the same candidates changes no plan's covered weight (so
/// not the optimum), and the Lagrangian bound on the merged program is still never below it.
@Test(arguments: Array(UInt64(40)...UInt64(45)))
func coveringGroupsPreserveEveryPlan(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    func pt() -> Point { Point(Double.random(in: 0...1_500, using: &rng), Double.random(in: 0...1_500, using: &rng)) }
    // demand on a coarse lattice: many points share their covering sets
    let demand = (0..<150).map { _ in
        Point(Double(Int.random(in: 0...6, using: &rng)) * 250, Double(Int.random(in: 0...6, using: &rng)) * 250)
    }
    let weights = (0..<150).map { _ in Int.random(in: 0...60, using: &rng) }
    let candidates = (0..<10).map { _ in pt() }
    var rows = SparseRows()
    for c in candidates {
        for (i, p) in demand.enumerated() where p.distance(to: c) <= 500 { rows.items.append(Int32(i)) }
        rows.offsets.append(rows.items.count)
    }
    let groups = CoveringGroups(rows: rows, weights: weights)
    #expect(groups.weights.count < demand.count)
    for k in 1...3 {
        let plans = subsets(candidates.count, k)
        for plan in plans {
            #expect(
                MaximalCovering.coveredWeight(plan, rows: rows, weights: weights)
                    == MaximalCovering.coveredWeight(plan, rows: groups.rows, weights: groups.weights))
        }
        let best = plans.map { MaximalCovering.coveredWeight($0, rows: rows, weights: weights) }.max()!
        let bound = CoveringLagrangianBound.compute(rows: rows, weights: weights, count: k, target: 0)
        #expect(bound.value >= best, "seed \(seed) k \(k)")
        // fixing with the demand multipliers never removes a candidate of an optimal plan
        let fixed = CoveringLagrangianBound.fixing(
            rows: rows, weights: weights, count: k, target: best - 1, lambda: bound.multipliers)
        let optimal = plans.filter { MaximalCovering.coveredWeight($0, rows: rows, weights: weights) == best }
        #expect(optimal.contains { plan in plan.allSatisfy { !fixed.excluded[$0] } }, "seed \(seed) k \(k)")
    }
}
