import Foundation
import GridGeo
import GridModel

/// `gridplan report area`: the usable facility area per 100 households of each community, grid
/// and street against the standard (`AreaReport`).
public enum AreaStandard {
    /// Computes the report.
    ///
    /// Households: each community's buildings (a community id used by buildings but missing
    /// from the community list still gets a row). Area: the counted facilities (`selection`),
    /// attributed by `parameters.allocation` (see `AreaAllocation`); a facility outside every
    /// community (no or an unknown `community_id`) is reported as `unallocated_area_m2` and
    /// enters no figure. Required = households × standard / 100; deficit = max(0, required − area);
    /// a community with 0 households requires nothing and has no per-100 value (null).
    ///
    /// - Complexity: O(b + f + c log c) by community; O(b log b + f (√b + k)) by reach.
    public static func report(_ snapshot: Snapshot, _ p: AreaStandardParameters) -> AreaReport {
        let standard = p.rule.value
        // Communities: the listed ones, plus ids only buildings name.
        var communities = snapshot.communities
        var known = Set(communities.map(\.id))
        let households = snapshot.householdsByCommunity()
        for id in households.keys.sorted() where !known.contains(id) {
            known.insert(id)
            communities.append(Community(id: id))
        }

        let alloc = AreaAllocation.allocate(
            facilities: snapshot.facilities, buildings: snapshot.buildings,
            buildingKey: { $0.communityId },
            ownKey: { f in f.communityId.flatMap { known.contains($0) ? $0 : nil } },
            method: p.allocation, selection: p.selection)

        func figures(households h: Int, area: Double) -> AreaFigures {
            let required = Double(h) * standard / 100
            return AreaFigures(
                households: h, facilityArea: area, requiredArea: required,
                deficit: AreaFigures.shortfall(required: required, area: area))
        }

        let allRows = communities.map { c in
            AreaCommunityRow(
                id: c.id, name: c.name, street: c.street,
                facilityCount: alloc.facilityCountByKey[c.id] ?? 0,
                figures: figures(households: households[c.id] ?? 0, area: alloc.areaByKey[c.id] ?? 0))
        }

        func aggregate(_ rows: [AreaCommunityRow], street: String?) -> AreaAggregateRow {
            var f = AreaFigures(households: 0, facilityArea: 0, requiredArea: 0, deficit: 0)
            for r in rows {
                f.households += r.figures.households
                f.facilityArea += r.figures.facilityArea
                f.requiredArea += r.figures.requiredArea
                f.deficit += r.figures.deficit
            }
            return AreaAggregateRow(
                street: street, communityCount: rows.count,
                communitiesMeetingStandard: rows.filter(\.meetsStandard).count,
                facilityCount: rows.reduce(0) { $0 + $1.facilityCount }, figures: f)
        }

        let byStreet = Dictionary(grouping: allRows, by: \.street)
        let streets = byStreet.map { aggregate($0.value, street: $0.key) }.sorted {
            ($0.figures.deficit, $1.street ?? "") > ($1.figures.deficit, $0.street ?? "")
        }
        let rows = allRows.filter { !p.shortOnly || !$0.meetsStandard }.sorted {
            ($0.figures.deficit, $1.id) > ($1.figures.deficit, $0.id)
        }

        var gridRows: [AreaGridRow]? = nil
        if p.byGrid {
            gridRows = gridReport(snapshot, p, figures: figures).filter { !p.shortOnly || !$0.meetsStandard }
        }

        let selection = p.selection
        return AreaReport(
            standardM2Per100Households: standard, rule: p.rule, areaBasis: p.areaBasis, allocation: p.allocation,
            reachRadius: p.allocation == .reach ? selection.radius : nil,
            streetReach: p.allocation == .reach ? max(selection.streetReach, selection.radius) : nil,
            workingCRS: snapshot.metadata.workingCRS,
            countedKinds: selection.countedKinds.map(\.rawValue).sorted(),
            countsEmbeddedOthers: selection.countEmbeddedOthers,
            communities: rows, streets: streets, grids: gridRows, total: aggregate(allRows, street: nil),
            unallocatedArea: alloc.unallocatedArea, unallocatedFacilityIds: alloc.unallocatedFacilityIds,
            reachFallbackFacilityIds: alloc.reachFallbackFacilityIds, shortOnly: p.shortOnly)
    }

    /// Per-grid figures: households of the buildings with that `grid_id`; a facility belongs
    /// to the grid whose boundary contains it (a grid of its own community first), else to the
    /// grid of the nearest building of its community; by reach, shares follow the households in
    /// reach per grid (buildings without a grid do not weigh).
    static func gridReport(
        _ snapshot: Snapshot, _ p: AreaStandardParameters,
        figures: (Int, Double) -> AreaFigures
    ) -> [AreaGridRow] {
        var grids = snapshot.grids
        var known = Set(grids.map(\.id))
        var households: [String: Int] = [:]
        for b in snapshot.buildings {
            guard let g = b.gridId else { continue }
            households[g, default: 0] += b.households
            if !known.contains(g) { known.insert(g); grids.append(Grid(id: g, communityId: b.communityId)) }
        }
        let buildingsByCommunity = Dictionary(grouping: snapshot.buildings.filter { $0.gridId != nil }, by: \.communityId)
        func ownGrid(_ f: Facility) -> String? {
            let candidates = grids.filter { $0.boundary != nil }
                .sorted { ($0.communityId == f.communityId ? 0 : 1, $0.id) < ($1.communityId == f.communityId ? 0 : 1, $1.id) }
            if let g = candidates.first(where: { $0.boundary!.contains(f.location) }) { return g.id }
            guard let cid = f.communityId, let communityBuildings = buildingsByCommunity[cid] else { return nil }
            return communityBuildings.min {
                ($0.location.squaredDistance(to: f.location), $0.id) < ($1.location.squaredDistance(to: f.location), $1.id)
            }?.gridId
        }
        let alloc = AreaAllocation.allocate(
            facilities: snapshot.facilities, buildings: snapshot.buildings,
            buildingKey: { $0.gridId }, ownKey: ownGrid,
            method: p.allocation, selection: p.selection)
        return grids.map { g in
            AreaGridRow(
                id: g.id, communityId: g.communityId, name: g.name,
                facilityCount: alloc.facilityCountByKey[g.id] ?? 0,
                figures: figures(households[g.id] ?? 0, alloc.areaByKey[g.id] ?? 0))
        }.sorted { ($0.figures.deficit, $1.id) > ($1.figures.deficit, $0.id) }
    }
}
