import GridGeo

extension SitingAnalysis {
    /// `distance`: relative gaps at most this small count as proven (distances are stored as
    /// 32-bit floats); `cover` is proven only when the plan meets the integer bound exactly.
    static let gapTolerance = PMedianLagrangianBound.provenTolerance

    /// Fills the certificate of a result: for `cover` the gap between the newly covered
    /// households and the bound on them; for `distance` the lower bound on the weighted distance
    /// after (lowered by 1e-7 relative for the 32-bit storage of distances, then rounded down
    /// to 0.1 m) and the gap to it. `all` gets no certificate (nil keys).
    static func certify(_ result: inout SitingResult, distanceLowerBound: Double?) {
        switch result.objective {
        case .cover:
            let bound = result.upperBoundHouseholds - result.coveredHouseholdsBefore
            let plan = result.coveredHouseholdsAfter - result.coveredHouseholdsBefore
            let gap = bound > 0 ? Double(bound - plan) / Double(bound) : 0
            setGap(&result, gap, proven: plan >= bound)
        case .distance:
            guard let lower = distanceLowerBound, let after = result.weightedDistanceAfterM, after.isFinite else { return }
            let bound = lower.isFinite ? max(0, ((lower * (1 - 1e-7)) * 10).rounded(.down) / 10) : 0
            result.lowerBoundWeightedDistanceM = bound
            let gap = after > 0 ? max(0, after - bound) / after : 0
            setGap(&result, gap, proven: gap <= gapTolerance)
        case .center:
            guard let after = result.maxDistanceAfterM, let lower = result.lowerBoundMaxDistanceM else { return }
            let proven = result.exactSearch == .proven
            setGap(&result, after > 0 ? max(0, after - lower) / after : 0, proven: proven)
        case .all:
            return
        }
    }

    /// The gap rounded to 6 decimals (at least 0.000001 when not proven), 0 when proven.
    static func setGap(_ result: inout SitingResult, _ gap: Double, proven: Bool) {
        result.optimalityGap = proven ? 0 : max(rounded(gap, 6), 0.000001)
        result.provenOptimal = proven
    }
}
