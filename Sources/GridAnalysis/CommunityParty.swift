import GridGeo
import GridLocale
import GridModel

/// Party groups, central households and links counted in one grid.
struct GridPartyCounts: Sendable {
    var groups = 0
    var centres = 0
    var linked = 0
    var covered = 0

    mutating func add(_ other: GridPartyCounts) {
        groups += other.groups; centres += other.centres; linked += other.linked; covered += other.covered
    }
}

/// One community's share of the party plan, computed on a worker thread.
struct CommunityParty: Sendable {
    /// Pairs of adjacent grids (positions in `PartyGridLayout.grids`) over the building graph.
    var adjacency: [(Int, Int)] = []
    var groups: [PartyGroupReport] = []
    var buildings: [PartyBuildingReport] = []
    var central: [CentralHouseholdReport] = []
    var shortfalls: [PartyShortfall] = []
    /// Counts by grid position.
    var stats: [Int: GridPartyCounts] = [:]

    /// Appends another community's share.
    mutating func add(_ other: CommunityParty) {
        adjacency += other.adjacency
        groups += other.groups
        buildings += other.buildings
        central += other.central
        shortfalls += other.shortfalls
        for (position, counts) in other.stats { stats[position, default: GridPartyCounts()].add(counts) }
    }
}

/// What every community's share of the party plan reads.
struct CommunityPartyContext: Sendable {
    var snapshot: Snapshot
    var layout: PartyGridLayout
    /// Household rows by building id.
    var householdRows: [String: [Household]]
    var rules: PartyRules
    var options: PartyNetworkOptions
}

/// One community's buildings as the party plan sees them: those in a grid, in id order, at
/// positions relative to the community's centre (`CommunityBuildings`), with their grid and members.
struct CommunityPartyBuildings {
    let local: CommunityBuildings
    /// Position of each building's grid in `PartyGridLayout.grids`.
    let gridPosition: [Int]
    /// Formal and probationary members per building.
    let members: [Int]
    let formalMembers: [Int]

    init(communityId: String, context: CommunityPartyContext) {
        let layout = context.layout
        local = CommunityBuildings(
            communityId: communityId, indices: layout.buildingsByCommunity[communityId] ?? [],
            snapshot: context.snapshot, maxEdgeLength: context.options.maxEdgeLength)
        gridPosition = local.buildings.map { layout.position[layout.gridOfBuilding[layout.buildingIndex[$0.id]!]!]! }
        members = local.buildings.map { $0.partyMembers + $0.probationaryMembers }
        formalMembers = local.buildings.map(\.partyMembers)
    }

    var buildings: [Building] { local.buildings }
    var points: [Point] { local.points }
    var households: [Int] { local.households }
    var graph: BuildingGraph { local.graph }
    var count: Int { local.count }
}

extension PartyNetwork {
    /// One community's grid adjacency, party groups, central households, building reports and
    /// building shortfalls.
    static func communityParty(_ communityId: String, context: CommunityPartyContext) -> CommunityParty {
        var part = CommunityParty()
        let community = CommunityPartyBuildings(communityId: communityId, context: context)
        guard community.count > 0 else { return part }
        for v in 0..<community.count {
            for u in community.graph.neighbors[v] where community.gridPosition[u] != community.gridPosition[v] {
                part.adjacency.append((community.gridPosition[v], community.gridPosition[u]))
            }
        }
        let groupOfBuilding = addPartyGroups(community, communityId: communityId, context: context, to: &part)
        let candidates = centralHouseholdCandidates(community, householdRows: context.householdRows)
        let perCentre = context.rules.centralHousehold
        let links = linkCentralHouseholds(
            points: community.points, households: community.households, candidates: candidates,
            capacity: perCentre, reach: context.options.reach)
        addBuildingReports(
            community, communityId: communityId, groupOfBuilding: groupOfBuilding, candidates: candidates,
            links: links, context: context, to: &part)
        if context.options.includeHouseholds && !context.snapshot.households.isEmpty {
            part.central += householdLinks(
                buildings: community.buildings, rows: context.householdRows, links: links,
                perCentre: perCentre)
        }
        return part
    }

    /// The party groups of each grid of the community, named `<grid>-P01`, …; returns each
    /// building's group id (nil: in no group).
    static func addPartyGroups(
        _ community: CommunityPartyBuildings, communityId: String, context: CommunityPartyContext,
        to part: inout CommunityParty
    ) -> [String?] {
        let grids = context.layout.grids
        var groupOfBuilding = [String?](repeating: nil, count: community.count)
        var buildingsByGrid: [Int: [Int]] = [:]
        for v in 0..<community.count { buildingsByGrid[community.gridPosition[v], default: []].append(v) }
        for gridPosition in buildingsByGrid.keys.sorted() {
            let groups = partyGroups(
                buildings: buildingsByGrid[gridPosition]!, members: community.members,
                formal: community.formalMembers, neighbors: community.graph.neighbors, rules: context.rules)
            let gridId = grids[gridPosition].id
            for (k, group) in groups.enumerated() {
                let id = gridId + "-P" + (k + 1 < 10 ? "0" : "") + String(k + 1)
                for v in group { groupOfBuilding[v] = id }
                part.groups.append(
                    PartyGroupReport(
                        id: id, gridId: gridId, communityId: communityId, buildingIds: group.map { community.buildings[$0].id },
                        members: group.reduce(0) { $0 + community.members[$1] },
                        formalMembers: group.reduce(0) { $0 + community.formalMembers[$1] },
                        households: group.reduce(0) { $0 + community.buildings[$1].households }))
                part.stats[gridPosition, default: GridPartyCounts()].groups += 1
            }
        }
        return groupOfBuilding
    }

    /// Member households that may serve as central households, per building: with household
    /// rows, those with members; with counts only, one per formal member (at most the households).
    static func centralHouseholdCandidates(_ community: CommunityPartyBuildings, householdRows: [String: [Household]]) -> [Int] {
        community.buildings.enumerated().map { v, building in
            if let rows = householdRows[building.id], !rows.isEmpty {
                return min(community.households[v], rows.filter { $0.partyMembers + $0.probationaryMembers > 0 }.count)
            }
            return min(building.partyMembers, community.households[v])
        }
    }

    /// One report per building, the grid counts, and a shortfall for each building with
    /// households left unlinked.
    static func addBuildingReports(
        _ community: CommunityPartyBuildings, communityId: String, groupOfBuilding: [String?],
        candidates: [Int], links: CentralLinks, context: CommunityPartyContext,
        to part: inout CommunityParty
    ) {
        let grids = context.layout.grids
        let points = community.points
        let candidateTree = KDTree(points: (0..<community.count).filter { candidates[$0] > 0 }.map { points[$0] })
        for v in 0..<community.count {
            let linkedElsewhere = links.flows[v].reduce(0) { $0 + $1.households }
            let linked = links.linkedInBuilding[v] + linkedElsewhere
            let covered = groupOfBuilding[v] != nil ? community.households[v] : linked
            let gridPosition = community.gridPosition[v]
            part.stats[gridPosition, default: GridPartyCounts()].add(
                GridPartyCounts(groups: 0, centres: links.centres[v], linked: linked, covered: covered))
            let building = community.buildings[v]
            part.buildings.append(
                PartyBuildingReport(
                    id: building.id, gridId: grids[gridPosition].id, communityId: communityId,
                    households: community.households[v],
                    members: community.members[v], formalMembers: community.formalMembers[v], candidateHouseholds: candidates[v],
                    centralHouseholds: links.centres[v], linkedInBuilding: links.linkedInBuilding[v],
                    linkedElsewhere: links.flows[v].map {
                        LinkedBuilding(
                            buildingId: community.buildings[$0.building].id, households: $0.households,
                            distanceM: rounded(points[v].distance(to: points[$0.building]), 1))
                    },
                    incomingHouseholds: links.incoming[v], unlinkedHouseholds: links.unlinked[v], partyGroup: groupOfBuilding[v],
                    lon: building.lonLat.x, lat: building.lonLat.y))
            if links.unlinked[v] > 0 {
                part.shortfalls.append(
                    unlinkedShortfall(
                        building, communityId: communityId, gridId: grids[gridPosition].id,
                        unlinked: links.unlinked[v], hasCandidates: candidates[v] > 0,
                        nearestCandidate: candidateTree.nearest(to: points[v]),
                        context: context))
            }
        }
    }

    /// The shortfall of a building with `unlinked` households: no member household within reach
    /// (none in the building either), or the central households within reach are full.
    static func unlinkedShortfall(
        _ building: Building, communityId: String, gridId: String, unlinked: Int,
        hasCandidates: Bool, nearestCandidate: (index: Int, distance: Double)?,
        context: CommunityPartyContext
    ) -> PartyShortfall {
        let reach = context.options.reach
        if !hasCandidates && (nearestCandidate == nil || nearestCandidate!.distance > reach) {
            return PartyShortfall(
                kind: .buildingWithoutMemberInReach, communityId: communityId, gridId: gridId,
                buildingId: building.id, households: unlinked,
                detail: nearestCandidate.map {
                    LocalText(
                        "shortfall.no_member_nearest",
                        ["reach": String(Int(reach)), "nearest": String(Int($0.distance.rounded()))])
                } ?? LocalText("shortfall.no_member", ["reach": String(Int(reach))]))
        }
        return PartyShortfall(
            kind: .householdsUnlinked, communityId: communityId, gridId: gridId,
            buildingId: building.id, households: unlinked,
            detail: LocalText(
                "shortfall.unlinked",
                ["households": String(unlinked), "reach": String(Int(reach)), "each": String(context.rules.centralHousehold)]))
    }
}
