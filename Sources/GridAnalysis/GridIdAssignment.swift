import GridGeo
import GridModel

extension GridPartition {
    /// The id of each draft: kept, absorbing and re-planned grids keep their stored id; the
    /// others are numbered in `GridNaming` order (west→east, north→south) after the largest
    /// kept number, skipping ids in use.
    ///
    /// With `keepExisting`, a re-planned grid first claims the stored id most of its buildings
    /// had, when no kept grid has it and the stored grid lay in this community only (largest
    /// overlap first): fewer buildings move. The claims are written to `drafts[...].previousId`.
    static func gridIds(
        _ community: CommunityBuildings, drafts: inout [GridDraft], centres: [Point], snapshot: Snapshot,
        options: GridPartitionOptions, existingGrids: Set<String>
    ) -> [String] {
        let communityId = community.communityId
        let buildings = community.buildings
        let order = GridNaming.order(
            centres: centres,
            tieKeys: drafts.map { draft in draft.members.map { buildings[$0].id }.min() ?? "" })
        let keptNumbers = drafts.compactMap(\.previousId).compactMap { GridNaming.number(of: $0, community: communityId) }
        let newCount = drafts.filter { $0.previousId == nil || !$0.kept }.count
        var next = (keptNumbers.max() ?? 0) + 1
        let totalNumbers = (keptNumbers.max() ?? 0) + newCount
        var used = Set(drafts.compactMap { $0.kept ? $0.previousId : nil })
        if options.keepExisting {
            claimStoredIds(community, drafts: &drafts, used: used, snapshot: snapshot)
            used = Set(drafts.compactMap(\.previousId))
            next =
                (drafts.compactMap(\.previousId).compactMap { GridNaming.number(of: $0, community: communityId) }.max() ?? 0) + 1
        }
        var ids = [String](repeating: "", count: drafts.count)
        for index in order {
            if let id = drafts[index].previousId { ids[index] = id; continue }
            var id = GridNaming.id(community: communityId, number: next, total: totalNumbers)
            while used.contains(id)
                || (options.keepExisting && existingGrids.contains(id)
                    && !drafts[index].members.allSatisfy({ buildings[$0].gridId == id }))
            {
                next += 1; id = GridNaming.id(community: communityId, number: next, total: totalNumbers)
            }
            next += 1
            ids[index] = id; used.insert(id)
        }
        return ids
    }

    /// Gives each draft without a stored id the stored id most of its buildings had, largest
    /// overlap first (ties: lower draft, then lower id), skipping ids in `used` and ids of
    /// grids with buildings in other communities.
    static func claimStoredIds(
        _ community: CommunityBuildings, drafts: inout [GridDraft], used: Set<String>,
        snapshot: Snapshot
    ) {
        var used = used
        var elsewhere = Set<String>()
        for b in snapshot.buildings where b.communityId != community.communityId {
            if let g = b.gridId { elsewhere.insert(g) }
        }
        var claims: [(overlap: Int, draft: Int, id: String)] = []
        for index in drafts.indices where drafts[index].previousId == nil {
            var overlap: [String: Int] = [:]
            for i in drafts[index].members {
                if let g = community.buildings[i].gridId, !g.isEmpty { overlap[g, default: 0] += 1 }
            }
            for (g, c) in overlap where !used.contains(g) && !elsewhere.contains(g) { claims.append((c, index, g)) }
        }
        claims.sort { ($0.overlap, $1.draft, $1.id) > ($1.overlap, $0.draft, $0.id) }
        for claim in claims where drafts[claim.draft].previousId == nil && !used.contains(claim.id) {
            drafts[claim.draft].previousId = claim.id; used.insert(claim.id)
        }
    }
}
