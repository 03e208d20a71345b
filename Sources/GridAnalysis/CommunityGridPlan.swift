import GridGeo
import GridLocale
import GridModel

/// One community's buildings as the grid planner and the party plan see them: in id order (so
/// that a plan does not depend on the snapshot's order), at positions relative to the centre of
/// their bounding box, with their building graph.
struct CommunityBuildings {
    let communityId: String
    let buildings: [Building]
    /// Positions relative to the centre of the community's bounding box.
    let points: [Point]
    /// Households per building (negative counts read as 0).
    let households: [Int]
    /// Geometric weight: the households, or 0.5 for a building without any (so that it joins a nearby grid).
    let weights: [Double]
    let graph: BuildingGraph
    let totalHouseholds: Int

    init(communityId: String, indices: [Int], snapshot: Snapshot, maxEdgeLength: Double) {
        self.communityId = communityId
        buildings = indices.sorted { snapshot.buildings[$0].id < snapshot.buildings[$1].id }.map { snapshot.buildings[$0] }
        let origin = BoundingBox(points: buildings.map(\.location)).center
        points = buildings.map { Point($0.location.x - origin.x, $0.location.y - origin.y) }
        households = buildings.map { max(0, $0.households) }
        weights = households.map { $0 > 0 ? Double($0) : 0.5 }
        graph = BuildingGraph(points: points, maxEdgeLength: maxEdgeLength)
        totalHouseholds = households.reduce(0, +)
    }

    var count: Int { buildings.count }

    func households(of members: [Int]) -> Int { members.reduce(0) { $0 + households[$1] } }
}

/// A grid while the community is planned: its buildings (local indices), whether it is an
/// existing grid kept as it was, and the stored id it keeps (kept, absorbing or re-planned grids).
struct GridDraft {
    var members: [Int]
    var kept: Bool
    var previousId: String?
}

extension GridPartition {
    /// One community's grids, violations, moved buildings and grid adjacency.
    struct CommunityPlan: Sendable {
        var grids: [PlannedGrid]
        var violations: [GridViolation]
        var moved: Int
        /// Adjacent grids (indices into `grids`) over the building graph.
        var adjacency: [[Int]]
    }

    /// Plans one community: kept grids (`keepExisting`), then grids for the other buildings, then
    /// ids, then the planned grids with their violations.
    static func planCommunity(
        _ communityId: String, indices: [Int], snapshot: Snapshot, options: GridPartitionOptions,
        existingGrids: Set<String>
    ) -> CommunityPlan {
        if indices.isEmpty { return CommunityPlan(grids: [], violations: [], moved: 0, adjacency: []) }
        let community = CommunityBuildings(
            communityId: communityId, indices: indices, snapshot: snapshot,
            maxEdgeLength: options.maxEdgeLength)
        var fixed = [Bool](repeating: false, count: community.count)
        var drafts = options.keepExisting ? keptGrids(community, snapshot: snapshot, options: options, fixed: &fixed) : []
        addNewGrids(community, options: options, to: &drafts, fixed: &fixed)
        let centres = drafts.map { centre(of: $0.members, points: community.points, households: community.households) }
        let ids = gridIds(
            community, drafts: &drafts, centres: centres, snapshot: snapshot, options: options,
            existingGrids: existingGrids)
        return assemble(community, drafts: drafts, ids: ids, centres: centres, options: options)
    }

    /// The stored grids of the community that already satisfy the rules and are contiguous
    /// (a grid with buildings in another community is not valid here); their buildings are fixed.
    static func keptGrids(
        _ community: CommunityBuildings, snapshot: Snapshot, options: GridPartitionOptions,
        fixed: inout [Bool]
    ) -> [GridDraft] {
        let minimum = options.minHouseholds, maximum = options.maxHouseholds
        var membersByGrid: [String: [Int]] = [:]
        for (i, b) in community.buildings.enumerated() {
            if let g = b.gridId, !g.isEmpty { membersByGrid[g, default: []].append(i) }
        }
        var elsewhere = Set<String>()
        for b in snapshot.buildings where b.communityId != community.communityId {
            if let g = b.gridId, membersByGrid[g] != nil { elsewhere.insert(g) }
        }
        var drafts: [GridDraft] = []
        for gridId in membersByGrid.keys.sorted() where !elsewhere.contains(gridId) {
            let members = membersByGrid[gridId]!
            let households = community.households(of: members)
            let valid =
                (households >= minimum && households <= maximum)
                || (members.count == 1 && households > maximum)
                || (members.count == community.count && community.totalHouseholds < minimum)
            if valid && community.graph.isConnected(members) {
                drafts.append(GridDraft(members: members, kept: true, previousId: gridId))
                for i in members { fixed[i] = true }
            }
        }
        return drafts
    }

    /// Adds grids for the buildings not fixed yet: the whole community when nothing is kept and
    /// it fits below the maximum; else a grid per building above the maximum, and per connected
    /// part of the rest either an absorption into an adjacent kept grid (a part below the minimum,
    /// when the kept grid stays within the bounds) or a partition into grids (`partitionRegion`).
    static func addNewGrids(
        _ community: CommunityBuildings, options: GridPartitionOptions, to drafts: inout [GridDraft],
        fixed: inout [Bool]
    ) {
        let minimum = options.minHouseholds, maximum = options.maxHouseholds
        let h = community.households
        if !fixed.contains(true) && community.totalHouseholds <= maximum {
            drafts.append(GridDraft(members: Array(0..<community.count), kept: false, previousId: nil))
            return
        }
        for i in 0..<community.count where !fixed[i] && h[i] > maximum {
            drafts.append(GridDraft(members: [i], kept: false, previousId: nil)); fixed[i] = true
        }
        let rest = (0..<community.count).filter { !fixed[$0] }
        for component in community.graph.components(of: rest) {
            if community.households(of: component) < minimum,
                let target = absorbingGrid(for: component, among: drafts, community: community, maximum: maximum)
            {
                drafts[target].members += component; drafts[target].kept = false
                continue
            }
            for part in partitionRegion(
                component, graph: community.graph, pts: community.points, w: community.weights,
                h: h, minHouseholds: minimum, maxHouseholds: maximum, method: options.method)
            {
                drafts.append(GridDraft(members: part, kept: false, previousId: nil))
            }
        }
    }

    /// The kept grid adjacent to `component` with the least households that stays within the
    /// maximum with it (the first such in draft order), or nil.
    static func absorbingGrid(
        for component: [Int], among drafts: [GridDraft], community: CommunityBuildings,
        maximum: Int
    ) -> Int? {
        let componentHouseholds = community.households(of: component)
        let inComponent = Set(component)
        var target: Int? = nil
        var targetLoad = Int.max
        for (index, draft) in drafts.enumerated() where draft.kept {
            let load = community.households(of: draft.members)
            guard load + componentHouseholds <= maximum, load < targetLoad, draft.members.count > 1 || load <= maximum else {
                continue
            }
            if draft.members.contains(where: { v in community.graph.neighbors[v].contains(where: inComponent.contains) }) {
                target = index; targetLoad = load
            }
        }
        return target
    }
}

extension GridPartition {
    /// The community's planned grids in id order, with their violations, the buildings whose
    /// grid changed (`keepExisting`) and the grid adjacency over the building graph.
    static func assemble(
        _ community: CommunityBuildings, drafts: [GridDraft], ids: [String], centres: [Point],
        options: GridPartitionOptions
    ) -> CommunityPlan {
        let buildings = community.buildings, h = community.households
        var gridOfBuilding = [Int](repeating: 0, count: community.count)
        var grids: [PlannedGrid] = []
        var violations: [GridViolation] = []
        var moved = 0
        for (position, index) in drafts.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() {
            let members = drafts[index].members.sorted { buildings[$0].id < buildings[$1].id }
            for i in members { gridOfBuilding[i] = position }
            let households = community.households(of: members)
            let centre = centres[index]
            let compactness =
                households > 0
                ? members.reduce(0.0) { $0 + Double(h[$1]) * community.points[$1].squaredDistance(to: centre) }
                    / Double(households) : 0
            var lon = 0.0, lat = 0.0, weightSum = 0.0
            for i in members {
                let weight = households > 0 ? Double(h[i]) : 1
                lon += weight * buildings[i].lonLat.x; lat += weight * buildings[i].lonLat.y; weightSum += weight
            }
            let id = ids[index]
            if options.keepExisting {
                moved += members.filter { buildings[$0].gridId != nil && buildings[$0].gridId != id }.count
            }
            grids.append(
                PlannedGrid(
                    id: id, communityId: community.communityId, name: nil, buildingIds: members.map { buildings[$0].id },
                    households: households, partyMembers: members.reduce(0) { $0 + buildings[$1].partyMembers },
                    probationaryMembers: members.reduce(0) { $0 + buildings[$1].probationaryMembers },
                    organization: .none, jointWith: nil, compactnessM2: compactness,
                    centroid: LonLat(lon: lon / weightSum, lat: lat / weightSum), kept: drafts[index].kept))
            if let violation = boundsViolation(community, gridId: id, members: members, households: households, options: options)
            {
                violations.append(violation)
            }
        }
        var adjacency = [Set<Int>](repeating: [], count: grids.count)
        for v in 0..<community.count {
            for u in community.graph.neighbors[v] where gridOfBuilding[u] != gridOfBuilding[v] {
                adjacency[gridOfBuilding[v]].insert(gridOfBuilding[u])
            }
        }
        return CommunityPlan(grids: grids, violations: violations, moved: moved, adjacency: adjacency.map { $0.sorted() })
    }

    /// The rule a grid of `members` breaks, if any: `grid.whole_buildings` for one building above
    /// the maximum, `grid.households` for a whole community below the minimum or a grid outside the bounds.
    static func boundsViolation(
        _ community: CommunityBuildings, gridId: String, members: [Int], households: Int,
        options: GridPartitionOptions
    ) -> GridViolation? {
        let minimum = options.minHouseholds, maximum = options.maxHouseholds
        let communityId = community.communityId, total = community.totalHouseholds
        if members.count == 1 && households > maximum {
            return GridViolation(
                gridId: gridId, communityId: communityId, rule: "grid.whole_buildings",
                detail: LocalText(
                    "violation.building_above",
                    ["building": community.buildings[members[0]].id, "households": String(households), "maximum": String(maximum)]
                )
            )
        } else if members.count == community.count && total < minimum {
            return GridViolation(
                gridId: gridId, communityId: communityId, rule: "grid.households",
                detail: LocalText("violation.community_below", ["households": String(total), "minimum": String(minimum)]))
        } else if households < minimum || households > maximum {
            let splittable = community.households.filter { $0 <= maximum }.reduce(0, +)
            let noWholeNumber = (splittable + maximum - 1) / maximum > (minimum > 0 ? splittable / minimum : Int.max)
            return GridViolation(
                gridId: gridId, communityId: communityId, rule: "grid.households",
                detail: LocalText(
                    noWholeNumber ? "violation.outside.no_whole_number" : "violation.outside.whole_buildings",
                    [
                        "households": String(households), "minimum": String(minimum), "maximum": String(maximum),
                        "splittable": String(splittable)
                    ]))
        }
        return nil
    }
}
