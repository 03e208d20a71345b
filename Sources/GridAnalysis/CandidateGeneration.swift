import GridGeo
import GridModel

/// `--candidates generated`: building locations inside the gap neighbourhoods.
///
/// A gap neighbourhood is a single-linkage cluster of uncovered buildings (households > 0,
/// no counted facility in reach) at link distance `radius / 2`: two uncovered buildings at
/// most that far apart are in the same gap. Every building of a gap becomes a candidate
/// (id `gen-<building id>`, kind `building`), tagged with its gap's id. Gaps are numbered
/// G1, G2, … by households descending, then smallest building id.
///
/// (A private version of the gap clustering; the coverage analysis has its own, to be unified.)
public enum CandidateGeneration {
    /// A gap: indices into the `buildings` given, sorted by building id.
    struct Gap { var id: String; var members: [Int]; var households: Int }

    /// Candidates at the uncovered buildings of `buildings` (`covered[i]` from the existing facilities).
    public static func gapCandidates(buildings: [Building], covered: [Bool], radius: Double) -> [SitingCandidate] {
        var out: [SitingCandidate] = []
        for gap in gaps(buildings: buildings, covered: covered, link: radius / 2) {
            for i in gap.members {
                let b = buildings[i]
                out.append(SitingCandidate(id: "gen-" + b.id, name: b.name, kind: "building",
                                           communityId: b.communityId, availableAreaM2: nil,
                                           location: b.location, lonLat: b.lonLat,
                                           source: .generated, gapId: gap.id))
            }
        }
        return out
    }

    static func gaps(buildings: [Building], covered: [Bool], link: Double) -> [Gap] {
        let pool = buildings.indices.filter { !covered[$0] && buildings[$0].households > 0 }
        guard !pool.isEmpty else { return [] }
        var parent = Array(0..<pool.count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        let tree = KDTree(points: pool.map { buildings[$0].location })
        for (k, i) in pool.enumerated() {
            tree.forEach(within: link, of: buildings[i].location) { other, _ in
                guard other > k else { return }
                let a = find(k), b = find(other)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for k in pool.indices { groups[find(k), default: []].append(pool[k]) }
        var gaps = groups.values.map { members -> Gap in
            let sorted = members.sorted { buildings[$0].id < buildings[$1].id }
            return Gap(id: "", members: sorted, households: sorted.reduce(0) { $0 + buildings[$1].households })
        }
        gaps.sort { a, b in
            a.households != b.households ? a.households > b.households
                : buildings[a.members[0]].id < buildings[b.members[0]].id
        }
        for k in gaps.indices { gaps[k].id = "G\(k + 1)" }
        return gaps
    }
}
