import GridGeo
import GridModel

/// `--candidates generated`: building locations inside the gap neighbourhoods.
///
/// The gap neighbourhoods are those of the coverage analysis (`GapClusters`): single-linkage
/// clusters of uncovered buildings (households > 0, no counted facility in reach) at link
/// distance `radius / 2`, numbered G1, G2, … in the same order. Every building of a gap
/// becomes a candidate (id `gen-<building id>`, kind `building`), tagged with its gap's id.
public enum CandidateGeneration {
    /// Candidates at the uncovered buildings of `buildings` (`covered[i]` from the existing facilities).
    public static func gapCandidates(buildings: [Building], covered: [Bool], radius: Double) -> [SitingCandidate] {
        let members = GapClusters.uncoveredMembers(buildings: buildings, covered: covered)
        var out: [SitingCandidate] = []
        for (rank, gap) in GapClusters.rankedGroups(
            buildings: buildings, members: members,
            linkDistance: radius / 2
        ).enumerated() {
            let gapId = GapClusters.gapId(rank: rank)
            for i in gap {
                let b = buildings[i]
                out.append(
                    SitingCandidate(
                        id: "gen-" + b.id, name: b.name, kind: "building",
                        communityId: b.communityId, availableAreaM2: nil,
                        location: b.location, lonLat: b.lonLat,
                        source: .generated, gapId: gapId))
            }
        }
        return out
    }
}
