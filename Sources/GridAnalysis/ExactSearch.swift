import Foundation

/// The exact stage of siting (`--exact`, and by default on small instances or when Lagrangian
/// fixing leaves few candidates): CBC on the integer program after Lagrangian fixing
/// (`MaximalCoveringProgram`, `PMedianProgram`, `PCenter`, `CapacitatedSiting`), warm-started
/// from the heuristic's plan.
///
/// The automatic rule (`cover` and `distance`, default runs): after the heuristic, when its
/// gap is not closed, the Lagrangian multipliers of the bound fix candidates out of (and into)
/// every better plan; when at most `reducedCandidates` candidates are left free, the reduced
/// program is small enough for CBC to close in a fraction of a second to a few seconds, so it
/// runs within what is left of the time limit. Otherwise the heuristic's plan and its gap are
/// the answer (`--exact` still runs CBC on the whole reduced program).
public enum ExactSearch {
    /// Why the exact search stopped (`exact_search` in JSON).
    public enum Stop: String, Codable, Sendable, CaseIterable {
        /// The plan is proven optimal.
        case proven
        /// The time limit.
        case timeLimit = "time_limit"
    }

    /// Why the exact search ran (`exact_search_trigger` in JSON).
    public enum Trigger: String, Codable, Sendable, CaseIterable {
        /// `--exact`.
        case requested
        /// At most `smallPlans` plans of K among the candidates.
        case smallInstance = "small_instance"
        /// After Lagrangian fixing at most `reducedCandidates` candidates were left free.
        case fewFreeCandidates = "few_free_candidates"
    }

    /// Free candidates (neither fixed out nor fixed in) up to which a default run solves the
    /// reduced program exactly.
    public static let reducedCandidates = 200
    /// `distance`: demand–candidate pairs up to which a default run builds the uncapped rows
    /// the exact search needs.
    public static let automaticPairs = 2_000_000

    /// Whether a reduced program is small enough to solve exactly by default.
    public static func isReducedSmall(excluded: [Bool], included: [Bool]) -> Bool {
        var free = 0
        for j in excluded.indices where !excluded[j] && !(j < included.count && included[j]) { free += 1 }
        return free <= reducedCandidates
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
    /// Why the exact search runs before any reduction: asked for or a small instance (nil: only
    /// if the reduction leaves few candidates).
    static func exactTrigger(_ problem: SitingProblem, parameters: SitingParameters) -> ExactSearch.Trigger? {
        if parameters.exact { return .requested }
        if ExactSearch.isSmall(candidates: problem.candidates.count, count: parameters.count ?? 0) { return .smallInstance }
        return nil
    }

    /// Seconds the exact search may take: the time limit, less what the run has taken so far
    /// when the search runs by the automatic rule (at least a millisecond).
    static func exactTimeLimit(_ parameters: SitingParameters, trigger: ExactSearch.Trigger) -> Double {
        guard trigger == .fewFreeCandidates, let started = parameters.started else { return parameters.timeLimit }
        return max(0.001, parameters.timeLimit - Date().timeIntervalSince(started))
    }
}
