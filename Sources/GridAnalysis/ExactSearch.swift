/// The exact stage of siting (`--exact`, and by default on small instances): CBC on the integer
/// program after Lagrangian fixing (`MaximalCoveringProgram`, `PMedianProgram`, `PCenter`,
/// `CapacitatedSiting`), warm-started from the heuristic's plan.
public enum ExactSearch {
    /// Why the exact search stopped (`exact_search` in JSON).
    public enum Stop: String, Codable, Sendable, CaseIterable {
        /// The plan is proven optimal.
        case proven
        /// The time limit.
        case timeLimit = "time_limit"
    }

    /// Whether an instance is small enough to solve exactly by default: at most `smallPlans`
    /// plans of K among the candidates.
    public static let smallPlans = 20_000.0
    public static func isSmall(candidates: Int, count: Int) -> Bool {
        guard count <= candidates else { return true }
        var plans = 1.0
        for t in 0..<count { plans = plans * Double(candidates - t) / Double(t + 1); if plans > smallPlans { return false } }
        return true
    }
}

extension SitingAnalysis {
    /// Whether to run the exact search: asked for (`--exact`) or the instance is small.
    static func wantsExactSearch(_ problem: SitingProblem, parameters: SitingParameters) -> Bool {
        parameters.exact || ExactSearch.isSmall(candidates: problem.candidates.count, count: parameters.count ?? 0)
    }
}
