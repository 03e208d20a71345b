import Foundation
import GridGeo
import GridModel

/// How siting limits what a center can serve (`--capacity`).
public enum SitingCapacity: String, Codable, Sendable, CaseIterable {
    /// By the area standard: usable area ÷ area per household (30 m² per 100 households).
    case area
}

extension SitingAnalysis {
    /// `--capacity area` after the uncapacitated solve: the capacitated maximal covering
    /// (`cover`) or p-median (`distance`) of `CapacitatedSiting`, warm-started from the
    /// uncapacitated plan. Sites are ranked by the households assigned to them; a site's new
    /// households (`cover`) or saving (`distance`) is what opening it adds to the sites ranked
    /// before it, each prefix assigned optimally.
    static func solveCapacitated(
        _ problem: SitingProblem, parameters: SitingParameters, uncapacitated: ObjectiveSolution,
        into result: inout SitingResult
    ) throws -> ObjectiveSolution {
        guard parameters.objective == .cover || parameters.objective == .distance else {
            throw UsageError(key: "usage.site.capacity_objective", ["objective": parameters.objective.rawValue])
        }
        guard parameters.costs == nil && !parameters.network else {
            throw UsageError(key: "usage.site.capacity_straight_lines")
        }
        let distance = parameters.objective == .distance
        let cap = parameters.distanceCap ?? 3 * problem.radius
        let model = CapacitatedSiting(
            demand: problem.demandLocations, weights: problem.weights, candidates: problem.candidates.map(\.location),
            candidateCapacity: problem.candidates.map { c in
                c.availableAreaM2.map { CapacitatedSiting.capacity(area: $0, areaPerHousehold: parameters.areaPerHousehold) }
            },
            existing: problem.existingCenters, reach: distance ? cap : problem.radius, minimizeDistance: distance)
        let count = parameters.count!
        // the assignments of fixed sites after the plan are linear programs: each gets what is
        // left of the limit (at least a second), so the ranking does not multiply the limit by K
        let deadline = Date().addingTimeInterval(parameters.timeLimit)
        func remaining() -> Double { max(1, deadline.timeIntervalSinceNow) }
        let plan = model.solve(count: count, start: uncapacitated.ranking.map(\.site), timeLimit: parameters.timeLimit)
        let before = model.solve(count: 0, start: [], timeLimit: remaining(), fixed: [])
        let order = plan.selected.sorted { (plan.assigned[$0] ?? 0, -$0) > (plan.assigned[$1] ?? 0, -$1) }
        var ranking: [RankedSite] = []
        var previous = before
        var covered = [Bool](repeating: false, count: problem.demandCount)
        for r in order.indices {
            let prefix =
                r == order.count - 1
                ? plan
                : model.solve(
                    count: r + 1, start: [], timeLimit: remaining(), fixed: Array(order[0...r]))
            if distance {
                var gain = 0
                for q in problem.coverage.range(order[r]) where !covered[Int(problem.coverage.items[q])] {
                    let i = Int(problem.coverage.items[q]); gain += problem.weights[i]; covered[i] = true
                }
                ranking.append(RankedSite(site: order[r], newCovered: gain, saving: previous.objective - prefix.objective))
            } else {
                ranking.append(RankedSite(site: order[r], newCovered: prefix.served - previous.served, saving: nil))
            }
            previous = prefix
        }
        result.capacity = .area
        result.exactSearch = plan.stop == .proven ? .proven : .timeLimit
        result.unservedForLackOfAreaHouseholds = plan.unservedForLackOfArea
        result.existingAssignedHouseholds = plan.existingAssigned.reduce(0, +)
        if distance {
            let households = problem.totalHouseholds
            result.recordWeightedDistances(before: before.objective, after: plan.objective, households: households)
            result.distanceCapM = cap
            return ObjectiveSolution(
                ranking: ranking, servedBySite: plan.assigned, distanceLowerBound: max(0, min(plan.bound, plan.objective)))
        }
        // no finite bound within the limit: every household stays the bound
        if plan.bound.isFinite { result.upperBoundHouseholds = Int((plan.bound + 1e-6).rounded(.down)) }
        return ObjectiveSolution(ranking: ranking, servedBySite: plan.assigned, coveredBefore: before.served)
    }

    /// Each site's capacity and utilisation under `--capacity area`.
    static func recordCapacities(_ result: inout SitingResult, problem: SitingProblem, parameters: SitingParameters) {
        for k in result.sites.indices {
            let site = result.sites[k]
            let capacity = site.availableAreaM2.map {
                CapacitatedSiting.capacity(area: $0, areaPerHousehold: parameters.areaPerHousehold)
            }
            let assigned = site.householdsServed ?? 0
            result.sites[k].householdsAssigned = assigned
            result.sites[k].capacityHouseholds = capacity.map { Int($0) }
            result.sites[k].utilisation = capacity.map { $0 > 0 ? rounded(Double(assigned) / $0, 4) : 0 }
        }
    }
}
