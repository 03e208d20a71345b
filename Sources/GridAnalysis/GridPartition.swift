import GridGeo
import GridModel

/// Partition of each community's buildings into grids of `minHouseholds`–`maxHouseholds`
/// households (docs/standards.md grid.*).
///
/// Per community: a building above the maximum becomes a grid of its own (`grid.whole_buildings`);
/// a community below the minimum (or within the bounds) becomes one grid. The other buildings
/// are split per connected part of the building graph (`BuildingGraph`) into k grids, k chosen
/// among the feasible counts (⌈H/max⌉ … ⌊H/min⌋) so that H/k is nearest the middle of the
/// bounds (⌈H/max⌉ when none is feasible). The split: seeds from a Hilbert-curve split into
/// equal-household runs; capacity-bounded region growing over the graph from the seeds by
/// squared distance to the seed's centre (each grid grows only along graph edges, so it is
/// contiguous); Lloyd iterations (centres ← household-weighted centroids, grow again); then
/// single-building moves between adjacent grids that keep the source grid contiguous, first
/// to reduce the total distance outside the bounds, then to reduce the household-weighted sum
/// of squared distances to the grid centres. Buildings without households weigh 0.5 in the
/// geometry (not in the bounds) so that they join a nearby grid.
///
/// Communities are independent and run on `threads` threads; the result does not depend on it.
public enum GridPartition {
    /// Plans grids for the snapshot's communities, then gives each grid the party organization
    /// it can have (`PartyNetwork.organizeGrids`, with the rules of `standards`).
    /// - Complexity: per connected region of n buildings, O(n log n) for the building graph
    ///   (E = O(n) edges), then for each of at most 3 grid counts 4 growths of O(E log E) and at
    ///   most 40 repair passes over the n buildings, each accepted move checking contiguity in
    ///   O(size of the grid it leaves).
    public static func plan(
        _ snapshot: Snapshot, options: GridPartitionOptions,
        standards: PolicyStandards? = nil
    ) -> GridPlanResult {
        var buildingsByCommunity: [String: [Int]] = [:]
        for (i, b) in snapshot.buildings.enumerated() { buildingsByCommunity[b.communityId, default: []].append(i) }
        let communityIds = Array(Set(snapshot.communities.map(\.id)).union(buildingsByCommunity.keys)).sorted()
            .filter { options.communityIds?.contains($0) ?? true }
        let plans = planCommunities(
            communityIds, buildingsByCommunity: buildingsByCommunity, snapshot: snapshot, options: options)
        var result = mergePlans(
            plans, communityIds: communityIds, buildingsByCommunity: buildingsByCommunity,
            snapshot: snapshot, options: options)
        organize(&result, adjacency: adjacencyOfMergedPlans(plans), rules: PartyRules(standards: standards))
        return result
    }

    /// Each community's plan, computed on `options.threads` threads (chunks of communities);
    /// in the order of `communityIds` whatever the thread count.
    static func planCommunities(
        _ communityIds: [String], buildingsByCommunity: [String: [Int]], snapshot: Snapshot,
        options: GridPartitionOptions
    ) -> [CommunityPlan] {
        let existingGrids = Set(snapshot.grids.map(\.id))
        let threads = max(1, options.threads)
        return parallelMap(count: communityIds.count, chunks: threads == 1 ? 1 : threads * 8) { k in
            let communityId = communityIds[k]
            return planCommunity(
                communityId, indices: buildingsByCommunity[communityId] ?? [], snapshot: snapshot,
                options: options, existingGrids: existingGrids)
        }
    }

    /// The communities' plans as one result: grids in community order (kept grids keep their
    /// stored name), with a summary per community.
    static func mergePlans(
        _ plans: [CommunityPlan], communityIds: [String], buildingsByCommunity: [String: [Int]],
        snapshot: Snapshot, options: GridPartitionOptions
    ) -> GridPlanResult {
        let minimum = options.minHouseholds, maximum = options.maxHouseholds
        var names: [String: String] = [:]
        for c in snapshot.communities { names[c.id] = c.name }
        let existingNames = Dictionary(snapshot.grids.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var grids: [PlannedGrid] = []
        var violations: [GridViolation] = []
        var summaries: [CommunityGridSummary] = []
        var moved = 0
        for (plan, communityId) in zip(plans, communityIds) {
            for var grid in plan.grids {
                grid.name = grid.kept ? existingNames[grid.id] ?? nil : nil
                grids.append(grid)
            }
            violations += plan.violations
            moved += plan.moved
            let households = plan.grids.reduce(0) { $0 + $1.households }
            let within = plan.grids.filter { $0.households >= minimum && $0.households <= maximum }.count
            let compactness =
                households > 0
                ? plan.grids.reduce(0.0) { $0 + $1.compactnessM2 * Double($1.households) } / Double(households) : 0
            summaries.append(
                CommunityGridSummary(
                    id: communityId, name: names[communityId], buildings: buildingsByCommunity[communityId]?.count ?? 0,
                    households: households, grids: plan.grids.count, gridsWithinBounds: within, compactnessM2: compactness,
                    keptGrids: plan.grids.filter(\.kept).count, movedBuildings: plan.moved))
        }
        return GridPlanResult(
            minHouseholds: minimum, maxHouseholds: maximum, workingCRS: snapshot.metadata.workingCRS,
            method: options.method, grids: grids, violations: violations,
            communities: summaries, movedBuildings: options.keepExisting ? moved : nil,
            notes: [], applied: false)
    }

    /// The grid adjacency of the merged plans (indices into the merged grid list).
    static func adjacencyOfMergedPlans(_ plans: [CommunityPlan]) -> [[Int]] {
        var adjacency: [[Int]] = []
        var offset = 0
        for plan in plans {
            for neighbours in plan.adjacency { adjacency.append(neighbours.map { $0 + offset }) }
            offset += plan.grids.count
        }
        return adjacency
    }

    /// Fills each grid's organization and joint branch, adds the party violations and notes,
    /// and sorts the violations.
    static func organize(_ result: inout GridPlanResult, adjacency: [[Int]], rules: PartyRules) {
        let party = PartyNetwork.organizeGrids(
            result.grids.map {
                PartyNetwork.GridUnit(
                    id: $0.id, communityId: $0.communityId, formalMembers: $0.partyMembers,
                    members: $0.partyMembers + $0.probationaryMembers)
            },
            adjacency: adjacency, rules: rules)
        for (i, grid) in party.organizations.enumerated() {
            result.grids[i].organization = grid.organization
            result.grids[i].jointWith = grid.jointWith.isEmpty ? nil : grid.jointWith
        }
        result.violations += party.violations
        result.notes += party.notes.map { $0.text(.en) }
        result.noteTexts += party.notes
        result.violations.sort { ($0.communityId, $0.gridId ?? "", $0.rule) < ($1.communityId, $1.gridId ?? "", $1.rule) }
    }
}
