import GridModel

/// Which buildings make up a grid (from the store or from a plan).
public struct GridMembership: Sendable, Hashable {
    public var id: String
    public var communityId: String
    public var buildingIds: [String]
    public init(id: String, communityId: String, buildingIds: [String]) {
        self.id = id; self.communityId = communityId; self.buildingIds = buildingIds
    }

    /// The buildings of a planned grid.
    public init(_ grid: PlannedGrid) {
        self.init(id: grid.id, communityId: grid.communityId, buildingIds: grid.buildingIds)
    }

    /// The stored grids of a snapshot, from the buildings' grid ids (a grid no building names is
    /// left out), sorted by id, each grid's buildings sorted. A grid's community is the stored
    /// grid's, else that of its first building in snapshot order.
    public static func stored(in snapshot: Snapshot) -> [GridMembership] {
        var members: [String: [String]] = [:]
        var community: [String: String] = [:]
        for g in snapshot.grids { community[g.id] = g.communityId }
        for b in snapshot.buildings {
            guard let g = b.gridId, !g.isEmpty else { continue }
            members[g, default: []].append(b.id)
            if community[g] == nil { community[g] = b.communityId }
        }
        return members.keys.sorted().map {
            GridMembership(id: $0, communityId: community[$0]!, buildingIds: members[$0]!.sorted())
        }
    }
}

extension GridPlanResult {
    /// The buildings of each planned grid, in plan order.
    public var memberships: [GridMembership] { grids.map(GridMembership.init) }
}

extension PartyPlanResult {
    /// The buildings of each grid the party plan covered (its building reports), in grid order.
    public var memberships: [GridMembership] {
        var members: [String: [String]] = [:]
        for b in buildings { members[b.gridId, default: []].append(b.id) }
        return grids.map { GridMembership(id: $0.id, communityId: $0.communityId, buildingIds: members[$0.id] ?? []) }
    }
}
