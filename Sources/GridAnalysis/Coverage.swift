import GridGeo
import GridModel

/// How distances from buildings to facilities are measured.
public enum CoverageMethod: String, Codable, Sendable, CaseIterable {
    /// Straight line in the working CRS.
    case euclidean
    /// Along the walking network built from the imported roads (plus the access legs).
    case network
    /// Costs from a router's table (`--costs`).
    case costs
}

/// What `Coverage.analyze` needs besides the snapshot.
public struct CoverageParameters: Sendable {
    /// Counted facilities and the reach of each one.
    public var selection: FacilitySelection
    public var method: CoverageMethod
    /// Single-linkage distance of gap clusters, metres (default: half the radius).
    public var linkDistance: Double?
    /// Accessibility (2SFCA / E2SFCA) to compute alongside, or nil for none.
    public var accessibility: AccessibilityMethod?
    /// Area standard accessibility reads against, m² per 100 households (area.per100).
    public var areaStandard: Double
    /// The router's cost table when `method` is `costs` (`coverage --costs`).
    public var costs: CostTable? = nil

    public init(
        selection: FacilitySelection, method: CoverageMethod = .euclidean,
        linkDistance: Double? = nil, accessibility: AccessibilityMethod? = nil, areaStandard: Double = 30
    ) {
        self.selection = selection; self.method = method
        self.linkDistance = linkDistance; self.accessibility = accessibility; self.areaStandard = areaStandard
    }
}

/// Distance to the nearest service facility, coverage rates and gap neighbourhoods.
public enum Coverage {
    /// Runs the whole coverage analysis.
    ///
    /// - Complexity: Euclidean O((N + M) log M) for N buildings and M counted facilities (one
    ///   k-d tree per reach level, one nearest query per building and level); network
    ///   O(E log E) to build the graph plus two multi-source Dijkstra runs bounded by the cutoff.
    /// - Throws: `UsageError` when the network method is asked for and there are no walkable roads.
    public static func analyze(_ snapshot: Snapshot, _ parameters: CoverageParameters) throws -> CoverageResult {
        let sel = parameters.selection
        let facilities = snapshot.facilities
        let buildings = snapshot.buildings
        var unreachable: [String]? = nil
        var unattached: [String]? = nil
        var access: [Double]? = nil
        var walking: (network: WalkingNetwork, attachments: [WalkingNetwork.Attachment?])? = nil
        let distances: [FacilityDistances]
        switch parameters.method {
        case .costs:
            guard let costs = parameters.costs else { throw UsageError(key: "usage.coverage.1") }
            distances = costDistances(buildings: buildings, facilities: facilities, selection: sel, costs: costs)
        case .euclidean:
            distances = euclidean(buildings: buildings.map(\.location), facilities: facilities, selection: sel)
        case .network:
            let network = WalkingNetwork(roads: snapshot.roads)
            guard network.edgeCount > 0 else {
                throw UsageError(key: "usage.siting_analysis.1")
            }
            let r = networkDistances(
                network: network, buildings: buildings.map(\.location),
                facilities: facilities, selection: sel)
            distances = r.distances
            access = r.buildingAccess
            walking = (network, r.buildingAttachments)
            unreachable = r.unreachableBuildings.map { buildings[$0].id }
            unattached = r.unattachedFacilities.map { facilities[$0].id }.sorted()
        }

        var accessSummary: AccessibilitySummary? = nil
        var scores: [Double]? = nil
        if let m = parameters.accessibility {
            let a = Accessibility.analyze(
                snapshot, selection: sel, method: m, standard: parameters.areaStandard,
                network: walking?.network, buildingAttachments: walking?.attachments, costs: parameters.costs)
            accessSummary = a.summary
            scores = a.buildingScores
        }

        var rows: [BuildingCoverage] = []
        rows.reserveCapacity(buildings.count)
        for i in buildings.indices {
            let d = distances[i]
            let b = buildings[i]
            rows.append(
                BuildingCoverage(
                    id: b.id, communityId: b.communityId, gridId: b.gridId, households: b.households,
                    nearestFacilityId: d.nearest >= 0 ? facilities[Int(d.nearest)].id : nil,
                    distanceM: d.nearest >= 0 ? rounded(d.nearestDistance, 1) : nil,
                    covered: d.covered,
                    coveringFacilityId: d.covering >= 0 ? facilities[Int(d.covering)].id : nil,
                    coveringDistanceM: d.covering >= 0 ? rounded(d.coveringDistance, 1) : nil,
                    accessDistanceM: access.flatMap { $0[i].isFinite ? rounded($0[i], 1) : nil },
                    accessibilityM2Per100Households: scores.map { rounded($0[i], 2) },
                    lon: b.lonLat.x, lat: b.lonLat.y))
        }

        let covered = distances.map(\.covered)
        let link = parameters.linkDistance ?? sel.radius / 2
        let gapIndices = GapClusters.uncoveredMembers(buildings: buildings, covered: covered)
        let gaps = GapClusters.gaps(
            buildings: buildings, members: gapIndices, distances: distances,
            linkDistance: link)

        var reach: [String: Double] = [:]
        for level in FacilityLevel.allCases {
            reach[level.rawValue] = sel.reach(level: level)
        }
        let rates = Self.rates(snapshot, covered: covered)
        return CoverageResult(
            radiusM: sel.radius, method: parameters.method, workingCRS: snapshot.metadata.workingCRS,
            reach: reach, linkM: link, buildings: rows,
            communities: rates.communities, streets: rates.streets, grids: rates.grids,
            total: CoverageTotal(
                households: rates.total.households, coveredHouseholds: rates.total.coveredHouseholds,
                coverageRate: rates.total.coverageRate, buildings: rates.total.buildings,
                coveredBuildings: rates.total.coveredBuildings,
                countedFacilities: sel.countedIndices(facilities).count),
            gaps: gaps, unreachableBuildingIds: unreachable, unattachedFacilityIds: unattached,
            accessibility: accessSummary)
    }

    /// Counted facilities grouped by reach (ascending), each group's indices sorted by facility id
    /// so that k-d tree ties (lower index) are ties by id.
    static func reachGroups(_ facilities: [Facility], _ sel: FacilitySelection) -> [(reach: Double, members: [Int])] {
        var groups: [Double: [Int]] = [:]
        for i in sel.countedIndices(facilities) { groups[sel.reach(of: facilities[i]), default: []].append(i) }
        return groups.keys.sorted().map { r in
            (r, groups[r]!.sorted { (facilities[$0].id, $0) < (facilities[$1].id, $1) })
        }
    }

    /// Nearest counted facility and nearest covering facility of each point, straight line.
    ///
    /// One k-d tree per reach level; a point is covered when the nearest facility of some level
    /// lies within that level's reach. Ties break by facility id.
    /// - Complexity: O((N + M) log M) expected.
    public static func euclidean(
        buildings points: [Point], facilities: [Facility],
        selection: FacilitySelection
    ) -> [FacilityDistances] {
        let groups = reachGroups(facilities, selection)
        let trees = groups.map { g in KDTree(points: g.members.map { facilities[$0].location }) }
        return parallelMap(count: points.count, chunks: points.count < 20_000 ? 1 : 16) { i in
            var d = FacilityDistances()
            for (g, tree) in trees.enumerated() {
                guard let (k, dist) = tree.nearest(to: points[i]) else { continue }
                let f = groups[g].members[k]
                if better(dist, f, than: d.nearestDistance, d.nearest, facilities) {
                    d.nearest = Int32(f); d.nearestDistance = dist
                }
                if dist <= groups[g].reach && better(dist, f, than: d.coveringDistance, d.covering, facilities) {
                    d.covering = Int32(f); d.coveringDistance = dist
                }
            }
            return d
        }
    }

    @inline(__always)
    static func better(_ d: Double, _ f: Int, than bestD: Double, _ best: Int32, _ facilities: [Facility]) -> Bool {
        if best < 0 { return true }
        if d != bestD { return d < bestD }
        return facilities[f].id < facilities[Int(best)].id
    }

    /// What the network method found besides the distances.
    public struct NetworkDistances: Sendable {
        public var distances: [FacilityDistances]
        /// Straight-line distance from each building to the network (infinity when unreachable).
        public var buildingAccess: [Double]
        public var unreachableBuildings: [Int]
        public var unattachedFacilities: [Int]
        /// Where each building joins the network (nil beyond the largest reach from every road).
        public var buildingAttachments: [WalkingNetwork.Attachment?]
    }

    /// Nearest and covering facilities along the walking network: one multi-source Dijkstra per
    /// reach level (cutoff = the largest reach), distance = building access + path + facility access.
    /// Buildings and facilities farther than the largest reach from every road are reported.
    public static func networkDistances(
        network: WalkingNetwork, buildings points: [Point], facilities: [Facility],
        selection: FacilitySelection
    ) -> NetworkDistances {
        let groups = reachGroups(facilities, selection)
        let cutoff = groups.map(\.reach).max() ?? selection.radius
        var unattached: [Int] = []
        // Attach facilities.
        var facilityAttach: [Int: WalkingNetwork.Attachment] = [:]
        for g in groups {
            for f in g.members {
                if let a = network.attach(facilities[f].location, maxDistance: cutoff) {
                    facilityAttach[f] = a
                } else {
                    unattached.append(f)
                }
            }
        }
        // Attach buildings.
        let buildingAttach = network.attachAll(points, maxDistance: cutoff)
        var out = [FacilityDistances](repeating: FacilityDistances(), count: points.count)
        let unreachable = points.indices.filter { buildingAttach[$0] == nil }
        for g in groups {
            var sources: [WalkingNetwork.Source] = []
            var onEdge: [Int32: [(f: Int, t: Double, access: Double)]] = [:]
            // label = rank of the facility in the id-sorted group, so ties at a node break by id
            for (rank, f) in g.members.enumerated() {
                guard let a = facilityAttach[f] else { continue }
                let len = network.edgeLength[Int(a.edge)]
                sources.append(.init(node: network.edgeA[Int(a.edge)], distance: a.distance + a.t * len, label: Int32(rank)))
                sources.append(
                    .init(node: network.edgeB[Int(a.edge)], distance: a.distance + (1 - a.t) * len, label: Int32(rank)))
                onEdge[a.edge, default: []].append((f, a.t, a.distance))
            }
            let sp = network.shortestPaths(from: sources, cutoff: cutoff)
            for i in points.indices {
                guard let a = buildingAttach[i] else { continue }
                let e = Int(a.edge), len = network.edgeLength[e]
                var bestD = Double.infinity, bestF = -1
                func offer(_ d: Double, _ f: Int) {
                    if d < bestD || (d == bestD && bestF >= 0 && facilities[f].id < facilities[bestF].id) { bestD = d; bestF = f }
                }
                let u = Int(network.edgeA[e]), v = Int(network.edgeB[e])
                if sp.label[u] >= 0 { offer(a.distance + a.t * len + sp.distance[u], g.members[Int(sp.label[u])]) }
                if sp.label[v] >= 0 { offer(a.distance + (1 - a.t) * len + sp.distance[v], g.members[Int(sp.label[v])]) }
                if let same = onEdge[a.edge] {
                    for s in same { offer(a.distance + abs(a.t - s.t) * len + s.access, s.f) }
                }
                guard bestF >= 0, bestD <= cutoff else { continue }
                var d = out[i]
                if better(bestD, bestF, than: d.nearestDistance, d.nearest, facilities) {
                    d.nearest = Int32(bestF); d.nearestDistance = bestD
                }
                if bestD <= g.reach && better(bestD, bestF, than: d.coveringDistance, d.covering, facilities) {
                    d.covering = Int32(bestF); d.coveringDistance = bestD
                }
                out[i] = d
            }
        }
        return NetworkDistances(
            distances: out, buildingAccess: buildingAttach.map { $0?.distance ?? .infinity },
            unreachableBuildings: unreachable, unattachedFacilities: unattached,
            buildingAttachments: buildingAttach)
    }

    /// Coverage rates per community, street and grid, and the total.
    static func rates(_ s: Snapshot, covered: [Bool])
        -> (communities: [CoverageRate], streets: [CoverageRate], grids: [CoverageRate], total: CoverageRate)
    {
        struct Acc {
            var hh = 0, chh = 0, b = 0, cb = 0
            mutating func merge(_ o: Acc) { hh += o.hh; chh += o.chh; b += o.b; cb += o.cb }
        }
        var byCommunity: [String: Acc] = [:], byGrid: [String: Acc] = [:], byStreet: [String: Acc] = [:]
        var total = Acc()
        let street = Dictionary(s.communities.map { ($0.id, $0.street) }, uniquingKeysWith: { a, _ in a })
        let gridCommunity = Dictionary(s.grids.map { ($0.id, $0.communityId) }, uniquingKeysWith: { a, _ in a })
        // Buildings come community by community (and grid by grid): a run of one (community,
        // grid) is summed first and reaches the dictionaries once.
        var runCommunity: String? = nil, runGrid: String? = nil
        var run = Acc()
        func flush() {
            guard let c = runCommunity else { return }
            byCommunity[c, default: Acc()].merge(run)
            if let g = runGrid { byGrid[g, default: Acc()].merge(run) }
            if let st = street[c] ?? nil { byStreet[st, default: Acc()].merge(run) }
            total.merge(run)
        }
        let buildings = s.buildings
        for i in buildings.indices {
            let c = buildings[i].communityId, g = buildings[i].gridId
            if c != runCommunity || g != runGrid {
                flush()
                runCommunity = c; runGrid = g; run = Acc()
            }
            let hh = buildings[i].households
            run.hh += hh; run.b += 1
            if covered[i] { run.chh += hh; run.cb += 1 }
        }
        flush()
        func rate(_ id: String, _ name: String?, _ community: String?, _ a: Acc) -> CoverageRate {
            CoverageRate(
                id: id, name: name, communityId: community, households: a.hh, coveredHouseholds: a.chh,
                coverageRate: a.hh > 0 ? rounded(Double(a.chh) / Double(a.hh), 4) : 0,
                buildings: a.b, coveredBuildings: a.cb)
        }
        var communities = s.communities.map { rate($0.id, $0.name, nil, byCommunity[$0.id] ?? Acc()) }
        let known = Set(s.communities.map(\.id))
        communities += byCommunity.keys.filter { !known.contains($0) }.map { rate($0, nil, nil, byCommunity[$0]!) }
        communities.sort { $0.id < $1.id }
        var grids = s.grids.map { rate($0.id, $0.name, $0.communityId, byGrid[$0.id] ?? Acc()) }
        let knownGrids = Set(s.grids.map(\.id))
        grids += byGrid.keys.filter { !knownGrids.contains($0) }.map { rate($0, nil, gridCommunity[$0], byGrid[$0]!) }
        grids.sort { $0.id < $1.id }
        let streets = byStreet.keys.sorted().map { rate($0, $0, nil, byStreet[$0]!) }
        return (communities, streets, grids, rate("total", nil, nil, total))
    }
}
