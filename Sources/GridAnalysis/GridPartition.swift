import Dispatch
import GridGeo
import GridModel

/// How buildings are split into grids.
public enum GridPlanMethod: String, Codable, Sendable, CaseIterable {
    /// Seeded capacity-bounded region growing over the building graph, Lloyd iterations,
    /// then repair moves keeping contiguity (the default).
    case regionGrowing = "region_growing"
    /// Baseline: buildings ordered along a Hilbert curve, cut into runs of equal households
    /// (no contiguity guarantee); for comparisons only.
    case hilbertSplit = "hilbert_split"
}

/// Options of a grid plan (docs/standards.md grid.*).
public struct GridPartitionOptions: Sendable {
    public var minHouseholds: Int
    public var maxHouseholds: Int
    /// Plan only these communities (nil: all).
    public var communityIds: Set<String>?
    /// Keep existing grids that satisfy the rules; re-plan only the rest.
    public var keepExisting: Bool
    /// Longest edge of the building graph kept before joining components, metres.
    public var maxEdgeLength: Double
    public var method: GridPlanMethod
    /// Worker threads for communities (results are the same for any count).
    public var threads: Int

    public init(minHouseholds: Int = 300, maxHouseholds: Int = 500, communityIds: Set<String>? = nil,
                keepExisting: Bool = false, maxEdgeLength: Double = 250, method: GridPlanMethod = .regionGrowing,
                threads: Int = 2) {
        self.minHouseholds = minHouseholds; self.maxHouseholds = maxHouseholds
        self.communityIds = communityIds; self.keepExisting = keepExisting
        self.maxEdgeLength = maxEdgeLength; self.method = method; self.threads = threads
    }
}

/// A longitude/latitude pair in results.
public struct LonLat: Codable, Sendable, Hashable {
    public var lon: Double
    public var lat: Double
    public init(lon: Double, lat: Double) { self.lon = lon; self.lat = lat }
}

/// One planned grid (docs/data-format.md §3 `grids[]`, plus extra fields).
public struct PlannedGrid: Codable, Sendable, Hashable {
    public var id: String
    public var communityId: String
    public var name: String?
    public var buildingIds: [String]
    public var households: Int
    /// Formal party members.
    public var partyMembers: Int
    public var probationaryMembers: Int
    /// `branch_committee`, `branch`, `joint_branch` or `none` (PartyNetwork).
    public var organization: String
    /// The other grids of a joint branch.
    public var jointWith: [String]?
    /// Household-weighted mean squared distance of the grid's buildings to its centre, m².
    public var compactnessM2: Double
    /// Household-weighted centre.
    public var centroid: LonLat
    /// True when the grid was kept as it was (`--keep-existing`).
    public var kept: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, households, organization, centroid, kept
        case communityId = "community_id", buildingIds = "building_ids", partyMembers = "party_members"
        case probationaryMembers = "probationary_members", jointWith = "joint_with", compactnessM2 = "compactness_m2"
    }
}

/// A rule a plan could not meet (docs/data-format.md §3 `violations[]`).
public struct GridViolation: Codable, Sendable, Hashable {
    public var gridId: String?
    public var communityId: String
    /// Rule id from the standards (`grid.households`, `grid.whole_buildings`, `party.joint_branch`, ...).
    public var rule: String
    public var detail: String

    public init(gridId: String?, communityId: String, rule: String, detail: String) {
        self.gridId = gridId; self.communityId = communityId; self.rule = rule; self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case rule, detail
        case gridId = "grid_id", communityId = "community_id"
    }
}

/// Per-community summary of a plan.
public struct CommunityGridSummary: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    public var buildings: Int
    public var households: Int
    public var grids: Int
    public var gridsWithinBounds: Int
    /// Household-weighted mean squared distance to the grid centres over the community, m².
    public var compactnessM2: Double
    public var keptGrids: Int
    public var movedBuildings: Int

    enum CodingKeys: String, CodingKey {
        case id, name, buildings, households, grids
        case gridsWithinBounds = "grids_within_bounds", compactnessM2 = "compactness_m2"
        case keptGrids = "kept_grids", movedBuildings = "moved_buildings"
    }
}

/// The result of `gridplan grids plan` (docs/data-format.md §3).
public struct GridPlanResult: Codable, Sendable {
    public var minHouseholds: Int
    public var maxHouseholds: Int
    public var workingCRS: String
    public var method: String
    public var grids: [PlannedGrid]
    public var violations: [GridViolation]
    public var communities: [CommunityGridSummary]
    /// Buildings whose grid changed (with `--keep-existing`; nil otherwise).
    public var movedBuildings: Int?
    /// Advice that is not a violation (grids with more than 50 members, ...).
    public var notes: [String]
    /// Whether the plan was written to the store.
    public var applied: Bool

    enum CodingKeys: String, CodingKey {
        case grids, violations, communities, method, notes, applied
        case minHouseholds = "min_households", maxHouseholds = "max_households", workingCRS = "working_crs"
        case movedBuildings = "moved_buildings"
    }

    /// Share of grids whose households are within the bounds.
    public var shareWithinBounds: Double {
        grids.isEmpty ? 1 : Double(grids.filter { $0.households >= minHouseholds && $0.households <= maxHouseholds }.count) / Double(grids.count)
    }

    /// Household-weighted mean squared distance to the grid centre over all grids, m².
    public var meanCompactnessM2: Double {
        let h = grids.reduce(0) { $0 + $1.households }
        guard h > 0 else { return 0 }
        return grids.reduce(0.0) { $0 + $1.compactnessM2 * Double($1.households) } / Double(h)
    }
}

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
    /// Plans grids for the snapshot's communities.
    /// - Parameter organize: fills `organization`/`jointWith` and adds violations; the party
    ///   network supplies it (`PartyNetwork.organizeGrids`).
    public static func plan(_ snapshot: Snapshot, options: GridPartitionOptions,
                            standards: PolicyStandards? = nil) -> GridPlanResult {
        let L = options.minHouseholds, U = options.maxHouseholds
        // Group buildings by community.
        var byCommunity: [String: [Int]] = [:]
        for (i, b) in snapshot.buildings.enumerated() { byCommunity[b.communityId, default: []].append(i) }
        var names: [String: String] = [:]
        for c in snapshot.communities { names[c.id] = c.name }
        var allIds = Array(Set(snapshot.communities.map(\.id)).union(byCommunity.keys)).sorted()
        if let only = options.communityIds { allIds = allIds.filter { only.contains($0) } }
        let ids = allIds
        let members = byCommunity
        let existingGrids = Set(snapshot.grids.map(\.id))
        let existingNames = Dictionary(snapshot.grids.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })

        let slots = Slots<CommunityPlan>(count: ids.count)
        let threads = max(1, options.threads)
        let chunk = max(1, (ids.count + threads * 8 - 1) / (threads * 8))
        let chunks = (ids.count + chunk - 1) / chunk
        let run: @Sendable (Int) -> Void = { c in
            for k in (c * chunk)..<min(ids.count, (c + 1) * chunk) {
                let cid = ids[k]
                slots.set(k, planCommunity(cid, indices: members[cid] ?? [], snapshot: snapshot,
                                           options: options, existingGrids: existingGrids))
            }
        }
        if threads == 1 || chunks == 1 {
            for c in 0..<chunks { run(c) }
        } else {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: run)
        }

        var grids: [PlannedGrid] = []
        var violations: [GridViolation] = []
        var summaries: [CommunityGridSummary] = []
        var moved = 0
        var adjacency: [[Int]] = []
        for (k, cid) in ids.enumerated() {
            guard let plan = slots.get(k) else { continue }
            let offset = grids.count
            for var g in plan.grids {
                g.name = g.kept ? existingNames[g.id] ?? nil : nil
                grids.append(g)
            }
            for a in plan.adjacency { adjacency.append(a.map { $0 + offset }) }
            violations += plan.violations
            moved += plan.moved
            let h = plan.grids.reduce(0) { $0 + $1.households }
            let within = plan.grids.filter { $0.households >= L && $0.households <= U }.count
            let comp = h > 0 ? plan.grids.reduce(0.0) { $0 + $1.compactnessM2 * Double($1.households) } / Double(h) : 0
            summaries.append(CommunityGridSummary(
                id: cid, name: names[cid], buildings: byCommunity[cid]?.count ?? 0, households: h,
                grids: plan.grids.count, gridsWithinBounds: within, compactnessM2: comp,
                keptGrids: plan.grids.filter(\.kept).count, movedBuildings: plan.moved))
        }
        var result = GridPlanResult(minHouseholds: L, maxHouseholds: U, workingCRS: snapshot.metadata.workingCRS,
                                    method: options.method.rawValue, grids: grids, violations: violations,
                                    communities: summaries, movedBuildings: options.keepExisting ? moved : nil,
                                    notes: [], applied: false)
        let party = PartyNetwork.organizeGrids(
            grids.map { PartyNetwork.GridUnit(id: $0.id, communityId: $0.communityId, formalMembers: $0.partyMembers,
                                              members: $0.partyMembers + $0.probationaryMembers) },
            adjacency: adjacency, rules: PartyRules(standards: standards))
        for (i, o) in party.organizations.enumerated() {
            result.grids[i].organization = o.organization.rawValue
            result.grids[i].jointWith = o.jointWith.isEmpty ? nil : o.jointWith
        }
        result.violations += party.violations
        result.notes += party.notes
        result.violations.sort { ($0.communityId, $0.gridId ?? "", $0.rule) < ($1.communityId, $1.gridId ?? "", $1.rule) }
        return result
    }

    // MARK: - one community

    struct CommunityPlan: Sendable {
        var grids: [PlannedGrid]
        var violations: [GridViolation]
        var moved: Int
        /// Adjacent grids (indices into `grids`) over the building graph.
        var adjacency: [[Int]]
    }

    static func planCommunity(_ cid: String, indices: [Int], snapshot: Snapshot, options: GridPartitionOptions,
                              existingGrids: Set<String>) -> CommunityPlan {
        let L = options.minHouseholds, U = options.maxHouseholds
        // Buildings in id order (determinism whatever the snapshot order).
        let idx = indices.sorted { snapshot.buildings[$0].id < snapshot.buildings[$1].id }
        let n = idx.count
        if n == 0 { return CommunityPlan(grids: [], violations: [], moved: 0, adjacency: []) }
        let bs = idx.map { snapshot.buildings[$0] }
        let box = BoundingBox(points: bs.map(\.location))
        let origin = box.center
        let pts = bs.map { Point($0.location.x - origin.x, $0.location.y - origin.y) }
        let h = bs.map { max(0, $0.households) }
        let w = h.map { $0 > 0 ? Double($0) : 0.5 }
        let graph = BuildingGraph(points: pts, maxEdgeLength: options.maxEdgeLength)
        let total = h.reduce(0, +)
        var violations: [GridViolation] = []

        var groups: [[Int]] = []          // local indices
        var kept: [Bool] = []
        var keptIds: [String?] = []
        var fixed = [Bool](repeating: false, count: n)

        // Kept grids.
        if options.keepExisting {
            var byGrid: [String: [Int]] = [:]
            for (i, b) in bs.enumerated() { if let g = b.gridId, !g.isEmpty { byGrid[g, default: []].append(i) } }
            // A grid whose buildings are partly in another community is not valid here.
            var elsewhere = Set<String>()
            for b in snapshot.buildings where b.communityId != cid { if let g = b.gridId, byGrid[g] != nil { elsewhere.insert(g) } }
            for g in byGrid.keys.sorted() where !elsewhere.contains(g) {
                let m = byGrid[g]!
                let hh = m.reduce(0) { $0 + h[$1] }
                let ok = (hh >= L && hh <= U) || (m.count == 1 && hh > U) || (m.count == n && total < L)
                if ok && graph.isConnected(m) {
                    groups.append(m); kept.append(true); keptIds.append(g)
                    for i in m { fixed[i] = true }
                }
            }
        }
        // Whole community as one grid.
        if !fixed.contains(true) && total <= U {
            groups.append(Array(0..<n)); kept.append(false); keptIds.append(nil)
        } else {
            // Buildings above the maximum: grids of their own.
            for i in 0..<n where !fixed[i] && h[i] > U {
                groups.append([i]); kept.append(false); keptIds.append(nil); fixed[i] = true
            }
            let rest = (0..<n).filter { !fixed[$0] }
            for comp in graph.components(of: rest) {
                let hc = comp.reduce(0) { $0 + h[$1] }
                if hc < L {
                    // Absorb into an adjacent kept grid that stays within the bounds.
                    var target: Int? = nil
                    let inComp = Set(comp)
                    var bestLoad = Int.max
                    for (gi, g) in groups.enumerated() where kept[gi] {
                        let load = g.reduce(0) { $0 + h[$1] }
                        guard load + hc <= U, load < bestLoad, g.count > 1 || load <= U else { continue }
                        if g.contains(where: { v in graph.neighbors[v].contains(where: inComp.contains) }) {
                            target = gi; bestLoad = load
                        }
                    }
                    if let t = target { groups[t] += comp; kept[t] = false; continue }
                }
                for part in partitionRegion(comp, graph: graph, pts: pts, w: w, h: h, L: L, U: U, method: options.method) {
                    groups.append(part); kept.append(false); keptIds.append(nil)
                }
            }
        }

        // Names: kept ids stay; the others numbered west→east, north→south after the largest kept number.
        let centres = groups.map { g -> Point in centre(of: g, pts: pts, h: h) }
        let orderAll = GridNaming.order(centres: centres, tieKeys: groups.map { g in g.map { bs[$0].id }.min() ?? "" })
        var gridIds = [String](repeating: "", count: groups.count)
        let keptNumbers = keptIds.compactMap { $0 }.compactMap { GridNaming.number(of: $0, community: cid) }
        let newCount = groups.indices.filter { keptIds[$0] == nil || !kept[$0] }.count
        var next = (keptNumbers.max() ?? 0) + 1
        let totalNumbers = (keptNumbers.max() ?? 0) + newCount
        var used = Set(keptIds.enumerated().compactMap { kept[$0.offset] ? $0.element : nil })
        if options.keepExisting {
            // A re-planned grid takes the old id most of its buildings had, when no kept grid has it
            // and the old grid lay in this community only (largest overlap first): fewer moves.
            var elsewhere = Set<String>()
            for b in snapshot.buildings where b.communityId != cid { if let g = b.gridId { elsewhere.insert(g) } }
            var claims: [(overlap: Int, group: Int, id: String)] = []
            for gi in groups.indices where keptIds[gi] == nil {
                var count: [String: Int] = [:]
                for i in groups[gi] { if let g = bs[i].gridId, !g.isEmpty { count[g, default: 0] += 1 } }
                for (g, c) in count where !used.contains(g) && !elsewhere.contains(g) { claims.append((c, gi, g)) }
            }
            claims.sort { ($0.overlap, $1.group, $1.id) > ($1.overlap, $0.group, $0.id) }
            for c in claims where keptIds[c.group] == nil && !used.contains(c.id) {
                keptIds[c.group] = c.id; used.insert(c.id)
            }
            used = Set(keptIds.compactMap { $0 })
            next = (keptIds.compactMap { $0 }.compactMap { GridNaming.number(of: $0, community: cid) }.max() ?? 0) + 1
        }
        for gi in orderAll {
            if kept[gi], let id = keptIds[gi] { gridIds[gi] = id; continue }
            if let id = keptIds[gi] { gridIds[gi] = id; continue }   // an absorbing or re-planned grid keeps its old id
            var id = GridNaming.id(community: cid, number: next, total: totalNumbers)
            while used.contains(id) || (options.keepExisting && existingGrids.contains(id) && !groups[gi].allSatisfy({ bs[$0].gridId == id })) {
                next += 1; id = GridNaming.id(community: cid, number: next, total: totalNumbers)
            }
            next += 1
            gridIds[gi] = id; used.insert(id)
        }

        // Grids in id order.
        let order = groups.indices.sorted { gridIds[$0] < gridIds[$1] }
        var label = [Int](repeating: 0, count: n)
        var out: [PlannedGrid] = []
        var moved = 0
        for (pos, gi) in order.enumerated() {
            let g = groups[gi].sorted { bs[$0].id < bs[$1].id }
            for i in g { label[i] = pos }
            let hh = g.reduce(0) { $0 + h[$1] }
            let c = centres[gi]
            let comp = hh > 0 ? g.reduce(0.0) { $0 + Double(h[$1]) * pts[$1].squaredDistance(to: c) } / Double(hh) : 0
            var lon = 0.0, lat = 0.0, ws = 0.0
            for i in g { let wi = hh > 0 ? Double(h[i]) : 1; lon += wi * bs[i].lonLat.x; lat += wi * bs[i].lonLat.y; ws += wi }
            let id = gridIds[gi]
            if options.keepExisting { moved += g.filter { bs[$0].gridId != nil && bs[$0].gridId != id }.count }
            out.append(PlannedGrid(id: id, communityId: cid, name: nil, buildingIds: g.map { bs[$0].id },
                                   households: hh, partyMembers: g.reduce(0) { $0 + bs[$1].partyMembers },
                                   probationaryMembers: g.reduce(0) { $0 + bs[$1].probationaryMembers },
                                   organization: PartyOrganization.none.rawValue, jointWith: nil,
                                   compactnessM2: comp, centroid: LonLat(lon: lon / ws, lat: lat / ws), kept: kept[gi]))
            if g.count == 1 && hh > U {
                violations.append(GridViolation(gridId: id, communityId: cid, rule: "grid.whole_buildings",
                    detail: "building \(bs[g[0]].id) has \(hh) households, above the maximum \(U): a grid of its own"))
            } else if g.count == n && total < L {
                violations.append(GridViolation(gridId: id, communityId: cid, rule: "grid.households",
                    detail: "community has \(total) households, below the minimum \(L): one grid"))
            } else if hh < L || hh > U {
                let splittable = h.enumerated().filter { $0.element <= U }.reduce(0) { $0 + $1.element }
                let why = (splittable + U - 1) / U > (L > 0 ? splittable / L : Int.max)
                    ? "no whole number of grids of \(L)–\(U) fits the community's \(splittable) households"
                    : "the bounds cannot all be met with whole buildings in this community"
                violations.append(GridViolation(gridId: id, communityId: cid, rule: "grid.households",
                    detail: "\(hh) households, outside \(L)–\(U): " + why))
            }
        }
        var adj = [Set<Int>](repeating: [], count: out.count)
        for v in 0..<n { for u in graph.neighbors[v] where label[u] != label[v] { adj[label[v]].insert(label[u]) } }
        return CommunityPlan(grids: out, violations: violations, moved: moved, adjacency: adj.map { $0.sorted() })
    }

    static func centre(of g: [Int], pts: [Point], h: [Int]) -> Point {
        var sx = 0.0, sy = 0.0, sw = 0.0
        let hh = g.reduce(0) { $0 + h[$1] }
        for i in g { let wi = hh > 0 ? Double(h[i]) : 1; sx += wi * pts[i].x; sy += wi * pts[i].y; sw += wi }
        return sw > 0 ? Point(sx / sw, sy / sw) : Point(0, 0)
    }

    // MARK: - partition of one connected region

    /// The grid count for H households: feasible counts first, nearest the middle of the bounds.
    static func gridCounts(_ H: Int, L: Int, U: Int) -> [Int] {
        guard H > U else { return [1] }
        let lo = (H + U - 1) / U, hi = L > 0 ? H / L : lo
        if lo > hi { return [lo] }
        let mid = Double(L + U) / 2
        return Array(lo...hi).sorted { (abs(Double(H) / Double($0) - mid), $0) < (abs(Double(H) / Double($1) - mid), $1) }
    }

    /// Splits the connected `region` (local indices) into grids.
    static func partitionRegion(_ region: [Int], graph: BuildingGraph, pts: [Point], w: [Double], h: [Int],
                                L: Int, U: Int, method: GridPlanMethod) -> [[Int]] {
        let H = region.reduce(0) { $0 + h[$1] }
        let counts = gridCounts(H, L: L, U: U)
        if counts == [1] { return [region] }
        var best: (viol: Int, sse: Double, groups: [[Int]])? = nil
        for k in counts.prefix(3) {
            let groups: [[Int]]
            switch method {
            case .hilbertSplit: groups = hilbertSplit(region, k: k, pts: pts, h: h)
            case .regionGrowing:
                var s = RegionSolver(region: region, k: k, graph: graph, pts: pts, w: w, h: h, L: L, U: U)
                groups = s.solve()
            }
            let viol = groups.reduce(0) { acc, g in
                let x = g.reduce(0) { $0 + h[$1] }; return acc + max(0, L - x) + max(0, x - U)
            }
            let sse = groups.reduce(0.0) { acc, g in
                let c = centre(of: g, pts: pts, h: h)
                return acc + g.reduce(0.0) { $0 + w[$1] * pts[$1].squaredDistance(to: c) }
            }
            if best == nil || viol < best!.viol || (viol == best!.viol && sse < best!.sse) { best = (viol, sse, groups) }
            if viol == 0 { break }
        }
        return best!.groups
    }

    /// The baseline: Hilbert order cut into k runs of about equal households.
    static func hilbertSplit(_ region: [Int], k: Int, pts: [Point], h: [Int]) -> [[Int]] {
        let box = BoundingBox(points: region.map { pts[$0] })
        let span = max(box.width, box.height, 1e-9)
        let c = box.center
        let order = region.map { (Delaunay.hilbert(Point(pts[$0].x - c.x, pts[$0].y - c.y), span), $0) }.sorted { $0 < $1 }.map(\.1)
        let H = region.reduce(0) { $0 + h[$1] }
        var groups = [[Int]](repeating: [], count: k)
        var acc = 0
        for i in order {
            // the run whose share of H the building's middle falls in
            let mid = Double(acc) + Double(h[i]) / 2
            let g = H > 0 ? min(k - 1, Int(mid * Double(k) / Double(H))) : 0
            groups[g].append(i); acc += h[i]
        }
        return groups.filter { !$0.isEmpty }
    }
}

/// Region growing + Lloyd + repair on one connected region.
struct RegionSolver {
    let region: [Int]
    let k: Int
    let graph: BuildingGraph
    let pts: [Point]
    let w: [Double]
    let h: [Int]
    let L: Int, U: Int
    var label: [Int]
    var inRegion: [Bool]

    init(region: [Int], k: Int, graph: BuildingGraph, pts: [Point], w: [Double], h: [Int], L: Int, U: Int) {
        self.region = region; self.k = k; self.graph = graph; self.pts = pts; self.w = w; self.h = h
        self.L = L; self.U = U
        label = [Int](repeating: -1, count: pts.count)
        inRegion = [Bool](repeating: false, count: pts.count)
        for i in region { inRegion[i] = true }
    }

    mutating func solve() -> [[Int]] {
        let seeds = GridPartition.hilbertSplit(region, k: k, pts: pts, h: h).map { GridPartition.centre(of: $0, pts: pts, h: h) }
        var centres = seeds
        var bestLabel: [Int] = []
        var bestScore = (Int.max, Double.infinity)
        for _ in 0..<4 {
            grow(centres)
            let s = score()
            if s.0 < bestScore.0 || (s.0 == bestScore.0 && s.1 < bestScore.1 - 1e-9) { bestScore = s; bestLabel = label }
            centres = groupCentres()
        }
        label = bestLabel
        repair()
        var groups = [[Int]](repeating: [], count: k)
        for i in region { groups[label[i]].append(i) }
        return groups.filter { !$0.isEmpty }
    }

    func groupCentres() -> [Point] {
        var sx = [Double](repeating: 0, count: k), sy = sx, sw = sx
        for i in region { let g = label[i]; sx[g] += w[i] * pts[i].x; sy[g] += w[i] * pts[i].y; sw[g] += w[i] }
        return (0..<k).map { sw[$0] > 0 ? Point(sx[$0] / sw[$0], sy[$0] / sw[$0]) : Point(0, 0) }
    }

    func score() -> (Int, Double) {
        var load = [Int](repeating: 0, count: k)
        for i in region { load[label[i]] += h[i] }
        let viol = load.reduce(0) { $0 + max(0, L - $1) + max(0, $1 - U) }
        let c = groupCentres()
        let sse = region.reduce(0.0) { $0 + w[$1] * pts[$1].squaredDistance(to: c[label[$1]]) }
        return (viol, sse)
    }

    /// Capacity-bounded growth from the building nearest each centre, by squared distance to the centre.
    mutating func grow(_ centres: [Point]) {
        for i in region { label[i] = -1 }
        let H = region.reduce(0) { $0 + h[$1] }
        let target = Double(H) / Double(k)
        let cap = target <= Double(U) ? min(Double(U), target * 1.08) : target * 1.08
        var load = [Int](repeating: 0, count: k)
        var heap = BinaryHeap<GrowthEntry>()
        for g in 0..<k {
            var best = -1, bd = Double.infinity
            for i in region where label[i] < 0 {
                let d = pts[i].squaredDistance(to: centres[g])
                if d < bd { bd = d; best = i }
            }
            guard best >= 0 else { continue }
            label[best] = g; load[g] += h[best]
            for u in graph.neighbors[best] where inRegion[u] && label[u] < 0 {
                heap.push(GrowthEntry(key: pts[u].squaredDistance(to: centres[g]), vertex: u, grid: g))
            }
        }
        while let entry = heap.pop() {
            let v = entry.vertex, g = entry.grid
            if label[v] >= 0 { continue }
            if Double(load[g] + h[v]) > cap { continue }
            label[v] = g; load[g] += h[v]
            for u in graph.neighbors[v] where inRegion[u] && label[u] < 0 {
                heap.push(GrowthEntry(key: pts[u].squaredDistance(to: centres[g]), vertex: u, grid: g))
            }
        }
        // Leftovers: to the adjacent grid with the least load (repeat until all placed).
        var pending = region.filter { label[$0] < 0 }
        while !pending.isEmpty {
            var rest: [Int] = []
            var progressed = false
            for v in pending {
                var bestG = -1
                for u in graph.neighbors[v] where inRegion[u] && label[u] >= 0 {
                    let g = label[u]
                    if bestG < 0 || load[g] < load[bestG] || (load[g] == load[bestG] && g < bestG) { bestG = g }
                }
                if bestG >= 0 { label[v] = bestG; load[bestG] += h[v]; progressed = true } else { rest.append(v) }
            }
            if !progressed { for v in rest { label[v] = 0 }; break }   // unreachable for a connected region
            pending = rest
        }
    }

    /// Single-building moves between adjacent grids keeping the source contiguous.
    mutating func repair() {
        var load = [Int](repeating: 0, count: k)
        var sw = [Double](repeating: 0, count: k), sx = sw, sy = sw, sq = sw
        var members = [[Int]](repeating: [], count: k)
        for i in region {
            let g = label[i]
            load[g] += h[i]; sw[g] += w[i]; sx[g] += w[i] * pts[i].x; sy[g] += w[i] * pts[i].y
            sq[g] += w[i] * (pts[i].x * pts[i].x + pts[i].y * pts[i].y)
            members[g].append(i)
        }
        func sse(_ W: Double, _ X: Double, _ Y: Double, _ Q: Double) -> Double { W > 0 ? Q - (X * X + Y * Y) / W : 0 }
        func viol(_ x: Int) -> Int { max(0, L - x) + max(0, x - U) }
        var mark = [Int](repeating: 0, count: pts.count)
        var stamp = 0
        func connectedWithout(_ g: Int, _ v: Int) -> Bool {
            let m = members[g]
            guard m.count > 1 else { return false }
            stamp += 1
            let start = m[0] == v ? m[1] : m[0]
            var stack = [start]; mark[start] = stamp
            var seen = 1
            while let x = stack.popLast() {
                for u in graph.neighbors[x] where u != v && inRegion[u] && label[u] == g && mark[u] != stamp {
                    mark[u] = stamp; seen += 1; stack.append(u)
                }
            }
            return seen == m.count - 1
        }
        for _ in 0..<40 {
            var improved = false
            for v in region {
                let a = label[v]
                var cand = Set<Int>()
                for u in graph.neighbors[v] where inRegion[u] && label[u] != a { cand.insert(label[u]) }
                if cand.isEmpty { continue }
                let px = pts[v].x, py = pts[v].y, pq = px * px + py * py, wv = w[v]
                let oldA = sse(sw[a], sx[a], sy[a], sq[a])
                let newA = sse(sw[a] - wv, sx[a] - wv * px, sy[a] - wv * py, sq[a] - wv * pq)
                var best: (dv: Int, ds: Double, g: Int)? = nil
                for b in cand.sorted() {
                    let dv = viol(load[a] - h[v]) + viol(load[b] + h[v]) - viol(load[a]) - viol(load[b])
                    let ds = newA - oldA + sse(sw[b] + wv, sx[b] + wv * px, sy[b] + wv * py, sq[b] + wv * pq)
                        - sse(sw[b], sx[b], sy[b], sq[b])
                    guard dv < 0 || (dv == 0 && ds < -1e-6 * max(1, abs(oldA))) else { continue }
                    if best == nil || dv < best!.dv || (dv == best!.dv && ds < best!.ds) { best = (dv, ds, b) }
                }
                guard let mv = best, connectedWithout(a, v) else { continue }
                let b = mv.g
                label[v] = b
                load[a] -= h[v]; load[b] += h[v]
                sw[a] -= wv; sx[a] -= wv * px; sy[a] -= wv * py; sq[a] -= wv * pq
                sw[b] += wv; sx[b] += wv * px; sy[b] += wv * py; sq[b] += wv * pq
                members[a].removeAll { $0 == v }; members[b].append(v)
                improved = true
            }
            if !improved { break }
        }
    }
}

/// A grid-growth heap entry: smaller key first, ties by vertex then grid.
struct GrowthEntry: HeapOrdered {
    var key: Double
    var vertex: Int
    var grid: Int

    @inline(__always) static func precedes(_ a: GrowthEntry, _ b: GrowthEntry) -> Bool {
        a.key != b.key ? a.key < b.key : (a.vertex != b.vertex ? a.vertex < b.vertex : a.grid < b.grid)
    }
}

/// Write-once result slots filled from several threads (each index written by one thread).
final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let base: UnsafeMutablePointer<T?>
    init(count: Int) {
        storage = []
        base = UnsafeMutablePointer<T?>.allocate(capacity: max(1, count))
        base.initialize(repeating: nil, count: max(1, count))
        capacity = max(1, count)
    }
    private let capacity: Int
    func set(_ i: Int, _ value: T) { base[i] = value }
    func get(_ i: Int) -> T? { base[i] }
    deinit { base.deinitialize(count: capacity); base.deallocate() }
}
