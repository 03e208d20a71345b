import Foundation
import GridAnalysis
import Testing
@testable import GridRender

/// A siting result as the JSON contract writes it, with the given certificate keys.
private func sitingResult(objective: String, extra: String) throws -> SitingResult {
    let json = """
        {"objective": "\(objective)", "radius_m": 500, "method": "euclidean", "total_households": 1000,
         "covered_households_before": 600, "covered_households_after": 900, "upper_bound_households": 950,
         "candidate_count": 20, "evaluations": 0, "iterations": 0, "swaps": 0, "sites": [] \(extra)}
        """
    return try JSONDecoder().decode(SitingResult.self, from: Data(json.utf8))
}

@Test func tableSaysProvenOptimalOnlyWhenProven() throws {
    let proven = SitingRendering.table(
        try sitingResult(objective: "cover", extra: #", "optimality_gap": 0, "proven_optimal": true"#))
    #expect(proven.contains("plan: proven optimal (upper bound 950 households)"))
    let open = SitingRendering.table(
        try sitingResult(objective: "cover", extra: #", "optimality_gap": 0.142857, "proven_optimal": false"#))
    #expect(open.contains("plan: within 14.3% of optimal, not proven"))
    #expect(!open.contains("proven optimal"))
    let distance = SitingRendering.table(
        try sitingResult(
            objective: "distance",
            extra: """
                , "optimality_gap": 0.00002, "proven_optimal": false, "lower_bound_weighted_distance_m": 123456.7
                """))
    #expect(distance.contains("plan: within <0.1% of optimal, not proven (lower bound 123456.7 household-m)"))
    // no certificate (objective all): no optimality claim at all
    let all = SitingRendering.table(try sitingResult(objective: "all", extra: ""))
    #expect(!all.contains("optimal"))
}
