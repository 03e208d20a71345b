import GridGeo
import GridLocale
import GridModel

/// The party network over grids and buildings: grid branches and joint branches, community-level
/// organization, building party groups and party-member central households, with the
/// organization coverage rate and the work coverage rate (docs/standards.md party.*).
public enum PartyNetwork {
    /// The party network over `grids` (each building in one grid; buildings in no grid are
    /// reported as a shortfall-free grid of their own named `<community>-UNGRIDDED`).
    ///
    /// Central households: with household rows, the member households (formal or probationary
    /// members > 0) of a building are its candidates; with counts only, a building has
    /// min(formal members, households) candidates (one member household per formal member assumed).
    /// Each links its own household and up to `householdsPerCenter` others, in its building first,
    /// then in the nearest buildings of the same community within `reach` (`linkCentralHouseholds`).
    /// Communities run concurrently; the result does not depend on the thread count.
    public static func plan(
        _ snapshot: Snapshot, grids: [GridMembership], options: PartyNetworkOptions,
        rules baseRules: PartyRules, gridSource: PartyGridSource
    ) -> PartyPlanResult {
        var rules = baseRules
        if let perCentre = options.householdsPerCenter { rules.centralHousehold = perCentre }
        let layout = PartyGridLayout(snapshot: snapshot, grids: grids, communityIds: options.communityIds)
        var householdRows: [String: [Household]] = [:]
        for h in snapshot.households { householdRows[h.buildingId, default: []].append(h) }
        let context = CommunityPartyContext(
            snapshot: snapshot, layout: layout, householdRows: householdRows,
            rules: rules, options: options)
        let communityIds = Array(Set(layout.grids.map(\.communityId))).sorted()
            .filter { options.communityIds?.contains($0) ?? true }
        let parts = parallelMap(count: communityIds.count, chunks: 16) { k in
            communityParty(communityIds[k], context: context)
        }
        var merged = CommunityParty()
        for part in parts { merged.add(part) }

        let units = gridUnits(layout.grids, snapshot: snapshot, buildingIndex: layout.buildingIndex)
        var adjacency = [Set<Int>](repeating: [], count: layout.grids.count)
        for (a, b) in merged.adjacency { adjacency[a].insert(b) }
        let organizations = organizeGrids(units, adjacency: adjacency.map { $0.sorted() }, rules: rules)
        var shortfalls = merged.shortfalls
        let gridReports = gridReports(
            layout, units: units, organizations: organizations.organizations,
            stats: merged.stats, snapshot: snapshot, shortfalls: &shortfalls)
        let (communities, total) = communityReports(gridReports, communityIds: communityIds, snapshot: snapshot, rules: rules)
        shortfalls.sort {
            ($0.communityId, $0.gridId ?? "", $0.buildingId ?? "", $0.kind.rawValue)
                < ($1.communityId, $1.gridId ?? "", $1.buildingId ?? "", $1.kind.rawValue)
        }
        var notes = organizations.notes
        if layout.hasUngridded {
            notes.append(LocalText("note.ungridded"))
        }
        var result = PartyPlanResult(
            workingCRS: snapshot.metadata.workingCRS, rules: rules, householdsPerCenter: rules.centralHousehold,
            reachM: options.reach, gridSource: gridSource,
            candidateBasis: snapshot.households.isEmpty ? .buildingCounts : .households,
            grids: gridReports, communities: communities, total: total,
            partyGroups: merged.groups, buildings: merged.buildings,
            centralHouseholds: options.includeHouseholds ? merged.central : nil,
            shortfalls: shortfalls, violations: organizations.violations, notes: notes.map { $0.text(.en) })
        result.noteTexts = notes
        return result
    }

    /// Each grid's formal members and all members, as the organization rules see them.
    static func gridUnits(_ grids: [GridMembership], snapshot: Snapshot, buildingIndex: [String: Int]) -> [GridUnit] {
        grids.map { grid in
            let indices = grid.buildingIds.compactMap { buildingIndex[$0] }
            return GridUnit(
                id: grid.id, communityId: grid.communityId,
                formalMembers: indices.reduce(0) { $0 + snapshot.buildings[$1].partyMembers },
                members: indices.reduce(0) {
                    $0 + snapshot.buildings[$1].partyMembers + snapshot.buildings[$1].probationaryMembers
                })
        }
    }

    /// One report per grid, and a `grid_without_organization` shortfall for each grid without one.
    static func gridReports(
        _ layout: PartyGridLayout, units: [GridUnit], organizations: [GridOrganization],
        stats: [Int: GridPartyCounts], snapshot: Snapshot,
        shortfalls: inout [PartyShortfall]
    ) -> [PartyGridReport] {
        var reports: [PartyGridReport] = []
        for (position, grid) in layout.grids.enumerated() {
            let indices = grid.buildingIds.compactMap { layout.buildingIndex[$0] }
            let households = indices.reduce(0) { $0 + max(0, snapshot.buildings[$1].households) }
            let organization = organizations[position]
            let organized = organization.organization != .none
            let counts = stats[position] ?? GridPartyCounts()
            let unit = units[position]
            reports.append(
                PartyGridReport(
                    id: grid.id, communityId: grid.communityId, households: households, partyMembers: unit.formalMembers,
                    probationaryMembers: unit.members - unit.formalMembers, organization: organization.organization,
                    jointWith: organization.jointWith.isEmpty ? nil : organization.jointWith, partyGroups: counts.groups,
                    centralHouseholds: counts.centres, linkedHouseholds: counts.linked, coveredHouseholds: counts.covered,
                    organizationCoverageRate: organized ? 1 : 0,
                    workCoverageRate: households > 0 ? Double(counts.covered) / Double(households) : 1))
            if !organized {
                shortfalls.append(
                    PartyShortfall(
                        kind: .gridWithoutOrganization, communityId: grid.communityId, gridId: grid.id,
                        buildingId: nil, households: households,
                        detail: LocalText("shortfall.no_organization", ["members": String(unit.formalMembers)])))
            }
        }
        return reports
    }

    /// The coverage of each community (its grids summed) with its organization, and the total.
    static func communityReports(
        _ grids: [PartyGridReport], communityIds: [String], snapshot: Snapshot,
        rules: PartyRules
    ) -> (communities: [PartyCommunityReport], total: PartyTotal) {
        var byCommunity: [String: PartyCoverage] = [:]
        for grid in grids { byCommunity[grid.communityId, default: .zero].add(PartyCoverage(grid: grid)) }
        let names = Dictionary(snapshot.communities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var communities: [PartyCommunityReport] = []
        var total = PartyCoverage.zero
        var byOrganization: [String: Int] = [:]
        for communityId in communityIds {
            guard let coverage = byCommunity[communityId] else { continue }
            let organization = rules.communityOrganization(members: coverage.partyMembers + coverage.probationaryMembers)
            communities.append(
                PartyCommunityReport(
                    id: communityId, name: names[communityId] ?? nil,
                    organization: organization, coverage: coverage))
            byOrganization[organization.rawValue, default: 0] += 1
            total.add(coverage)
        }
        total.finish()
        return (
            communities, PartyTotal(communities: communities.count, communitiesByOrganization: byOrganization, coverage: total)
        )
    }
}

/// The grids a party plan runs on: the given grids of the selected communities, plus one
/// `<community>-UNGRIDDED` pseudo-grid per community for its buildings in no grid, sorted by
/// community then id.
struct PartyGridLayout: Sendable {
    var grids: [GridMembership]
    /// Index of each grid in `grids`, by id.
    var position: [String: Int]
    /// Grid id of each snapshot building (nil: not in a selected community).
    var gridOfBuilding: [String?]
    /// Snapshot index of each building id.
    var buildingIndex: [String: Int]
    /// Snapshot indices of the buildings in a grid, by community.
    var buildingsByCommunity: [String: [Int]]
    var hasUngridded: Bool

    init(snapshot: Snapshot, grids: [GridMembership], communityIds: Set<String>?) {
        buildingIndex = Dictionary(snapshot.buildings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        gridOfBuilding = [String?](repeating: nil, count: snapshot.buildings.count)
        var selected = grids.filter { communityIds == nil || communityIds!.contains($0.communityId) }
        for g in selected { for b in g.buildingIds { if let i = buildingIndex[b] { gridOfBuilding[i] = g.id } } }
        var ungridded: [String: [String]] = [:]
        for (i, b) in snapshot.buildings.enumerated() where gridOfBuilding[i] == nil {
            if let only = communityIds, !only.contains(b.communityId) { continue }
            ungridded[b.communityId, default: []].append(b.id)
        }
        for (communityId, ids) in ungridded.sorted(by: { $0.key < $1.key }) {
            let id = communityId + "-UNGRIDDED"
            selected.append(GridMembership(id: id, communityId: communityId, buildingIds: ids))
            for b in ids { gridOfBuilding[buildingIndex[b]!] = id }
        }
        selected.sort { ($0.communityId, $0.id) < ($1.communityId, $1.id) }
        self.grids = selected
        position = Dictionary(selected.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        hasUngridded = !ungridded.isEmpty
        var byCommunity: [String: [Int]] = [:]
        for (i, b) in snapshot.buildings.enumerated() where gridOfBuilding[i] != nil {
            byCommunity[b.communityId, default: []].append(i)
        }
        buildingsByCommunity = byCommunity
    }
}

extension PartyCoverage {
    /// The coverage of one grid.
    init(grid: PartyGridReport) {
        self.init(
            grids: 1, gridsOrganized: grid.organization != .none ? 1 : 0, organizationCoverageRate: 0,
            households: grid.households, coveredHouseholds: grid.coveredHouseholds,
            linkedHouseholds: grid.linkedHouseholds, unlinkedHouseholds: grid.households - grid.linkedHouseholds,
            workCoverageRate: 0, partyMembers: grid.partyMembers, probationaryMembers: grid.probationaryMembers,
            partyGroups: grid.partyGroups, centralHouseholds: grid.centralHouseholds)
        finish()
    }
}
