import Testing
import GridGeo
import GridModel
@testable import GridAnalysis
import TestSupport

// MARK: - oracles written independently of the implementation

/// Brute-force Delaunay edges of points in general position: an edge belongs to a triangle whose
/// circumcircle holds no other point.
private func bruteDelaunayEdges(_ p: [Point]) -> Set<[Int]> {
    var out = Set<[Int]>()
    let n = p.count
    for i in 0..<n {
        for j in (i + 1)..<n {
            for k in (j + 1)..<n {
                let a = p[i], b = p[j], c = p[k]
                let d = 2 * (a.x * (b.y - c.y) + b.x * (c.y - a.y) + c.x * (a.y - b.y))
                if abs(d) < 1e-12 { continue }
                let a2 = a.x * a.x + a.y * a.y, b2 = b.x * b.x + b.y * b.y, c2 = c.x * c.x + c.y * c.y
                let ux = (a2 * (b.y - c.y) + b2 * (c.y - a.y) + c2 * (a.y - b.y)) / d
                let uy = (a2 * (c.x - b.x) + b2 * (a.x - c.x) + c2 * (b.x - a.x)) / d
                let r2 = (a.x - ux) * (a.x - ux) + (a.y - uy) * (a.y - uy)
                var empty = true
                for m in 0..<n where m != i && m != j && m != k {
                    if (p[m].x - ux) * (p[m].x - ux) + (p[m].y - uy) * (p[m].y - uy) < r2 * (1 - 1e-9) { empty = false; break }
                }
                if empty { out.insert([i, j]); out.insert([i, k]); out.insert([j, k]) }
            }
        }
    }
    return out
}

/// Whether `members` is connected using only edges of `adj` between members (plain BFS).
private func connected(_ members: [Int], _ adj: [[Int]]) -> Bool {
    guard let s = members.first else { return true }
    let set = Set(members)
    var seen: Set<Int> = [s]
    var queue = [s]
    while let v = queue.popLast() {
        for u in adj[v] where set.contains(u) && !seen.contains(u) { seen.insert(u); queue.append(u) }
    }
    return seen.count == set.count
}

/// Checks every invariant of a plan against the snapshot; returns the number of grids checked.
@discardableResult
private func checkPlan(_ r: GridPlanResult, _ s: Snapshot, minHouseholds: Int, maxHouseholds: Int) -> Int {
    let byId = Dictionary(uniqueKeysWithValues: s.buildings.map { ($0.id, $0) })
    // every building in exactly one grid
    var count: [String: Int] = [:]
    for g in r.grids { for b in g.buildingIds { count[b, default: 0] += 1 } }
    #expect(count.count == s.buildings.count)
    #expect(count.values.allSatisfy { $0 == 1 })
    #expect(Set(r.grids.map(\.id)).count == r.grids.count)
    let violating = Set(r.violations.filter { $0.rule.hasPrefix("grid.") }.compactMap(\.gridId))
    for community in Set(s.buildings.map(\.communityId)) {
        let bs = s.buildings.filter { $0.communityId == community }.sorted { $0.id < $1.id }
        let local = Dictionary(uniqueKeysWithValues: bs.enumerated().map { ($1.id, $0) })
        let box = BoundingBox(points: bs.map(\.location))
        let graph = BuildingGraph(points: bs.map { Point($0.location.x - box.center.x, $0.location.y - box.center.y) })
        let grids = r.grids.filter { $0.communityId == community }
        for g in grids {
            // one community, households summed right, contiguous
            #expect(g.buildingIds.allSatisfy { byId[$0]!.communityId == community })
            #expect(g.households == g.buildingIds.reduce(0) { $0 + byId[$1]!.households })
            #expect(connected(g.buildingIds.map { local[$0]! }, graph.neighbors), "grid \(g.id) not contiguous")
            // bounds, or a reported violation
            if g.households < minHouseholds || g.households > maxHouseholds {
                #expect(violating.contains(g.id), "grid \(g.id) out of bounds without violation")
            }
            if g.households > maxHouseholds && g.buildingIds.count > 1 {
                Issue.record("grid \(g.id) above the maximum with several buildings")
            }
        }
        // ids: numbered 1…k in west→east, north→south order (the rule of GridNaming, recomputed here)
        let centres: [Point] = grids.map { g in
            let hh = g.households
            var x = 0.0, y = 0.0, w = 0.0
            for id in g.buildingIds {
                let b = byId[id]!; let wi = hh > 0 ? Double(b.households) : 1; x += wi * b.location.x; y += wi * b.location.y;
                w += wi
            }
            return Point(x / w, y / w)
        }
        let k = grids.count
        let cb = BoundingBox(points: centres)
        let rows = max(1, Int((Double(k) * max(cb.height, 1) / max(cb.width, 1)).squareRoot().rounded()))
        let bh = cb.height / Double(rows)
        let bands = centres.map { bh > 0 ? min(rows - 1, Int((cb.maxY - $0.y) / bh)) : 0 }
        for i in 0..<k {
            for j in 0..<k where i != j {
                let before = bands[i] < bands[j] || (bands[i] == bands[j] && centres[i].x < centres[j].x)
                if before { #expect(grids[i].id < grids[j].id, "\(grids[i].id) should come before \(grids[j].id)") }
            }
        }
        let expectedIds = (1...max(k, 1)).prefix(k).map { n -> String in
            let s = String(n); return community + "-G" + (s.count < 2 ? "0" + s : s)
        }
        #expect(grids.map(\.id).sorted() == expectedIds)
    }
    return r.grids.count
}

// MARK: - building graph

@Test(arguments: [3, 10, 40, 90])
func delaunayMatchesBruteForce(count: Int) {
    var rng = SeededGenerator(seed: UInt64(count) * 31)
    let pts = (0..<count).map { _ in Point(Double.random(in: 0..<1000, using: &rng), Double.random(in: 0..<1000, using: &rng)) }
    let got = Set(Delaunay.edges(pts)!.map { [$0.0, $0.1] })
    #expect(got == bruteDelaunayEdges(pts))
}

@Test func graphOnALatticeWithDuplicatesIsConnectedAndCapped() {
    // cocircular points everywhere, a duplicate and a far-away pair
    var pts: [Point] = []
    for i in 0..<12 { for j in 0..<12 { pts.append(Point(Double(i) * 30, Double(j) * 30)) } }
    pts.append(Point(0, 0))
    pts.append(Point(5000, 5000)); pts.append(Point(5020, 5000))
    let g = BuildingGraph(points: pts, maxEdgeLength: 100)
    #expect(g.usedDelaunay)
    #expect(g.isConnected(Array(pts.indices)))
    var long = 0
    for v in pts.indices { for u in g.neighbors[v] where u > v && pts[u].distance(to: pts[v]) > 100 { long += 1 } }
    #expect(long == 1)  // exactly one joining edge between the two components
    #expect(g.neighbors[pts.count - 3].contains(0))  // the duplicate is joined to its twin
    // a lattice point has its 4 axis neighbours
    #expect(Set(g.neighbors[13]).isSuperset(of: [1, 12, 14, 25]))
}

// MARK: - partition invariants

@Test(arguments: [1, 2, 3, 4, 5, 6])
func planInvariantsOnRandomCommunities(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    var buildings: [Building] = []
    for c in 0..<3 {
        let n = Int.random(in: 5...120, using: &rng)
        buildings += GridsFixtures.randomCommunity("C\(seed)\(c)", buildings: n, origin: Point(Double(c) * 1000, 0), using: &rng)
    }
    let s = GridsFixtures.snapshot(buildings.shuffled(using: &rng))
    let r = GridPartition.plan(s, options: GridPartitionOptions(minHouseholds: 300, maxHouseholds: 500))
    checkPlan(r, s, minHouseholds: 300, maxHouseholds: 500)
    // the same with one thread
    let r1 = GridPartition.plan(s, options: GridPartitionOptions(threads: 1))
    #expect(r1.grids == r.grids)
}

@Test func mostGridsWithinBoundsAndBetterThanTheBaseline() {
    var rng = SeededGenerator(seed: 99)
    var buildings: [Building] = []
    for c in 0..<12 {
        buildings += GridsFixtures.randomCommunity(
            "K\(c)", buildings: 90, origin: Point(Double(c % 4) * 1000, Double(c / 4) * 1000), using: &rng)
    }
    let s = GridsFixtures.snapshot(buildings)
    let r = GridPartition.plan(s, options: GridPartitionOptions())
    let base = GridPartition.plan(s, options: GridPartitionOptions(method: .hilbertSplit))
    // grids that can be within the bounds (not a lone building above the maximum)
    func share(_ r: GridPlanResult) -> Double {
        let splittable = r.grids.filter { !($0.buildingIds.count == 1 && $0.households > 500) }
        return Double(splittable.filter { $0.households >= 300 && $0.households <= 500 }.count) / Double(splittable.count)
    }
    #expect(share(r) >= 0.95)
    #expect(share(r) >= share(base))
    #expect(r.meanCompactnessM2 < base.meanCompactnessM2)
    checkPlan(r, s, minHouseholds: 300, maxHouseholds: 500)
}

@Test func oversizedBuildingAndSmallCommunity() {
    let b = [
        GridsFixtures.building("A1", "A", 0, 0, households: 120),
        GridsFixtures.building("A2", "A", 40, 0, households: 90),
        GridsFixtures.building("B1", "B", 0, 0, households: 650),
        GridsFixtures.building("B2", "B", 50, 0, households: 200),
        GridsFixtures.building("B3", "B", 100, 0, households: 180),
        GridsFixtures.building("B4", "B", 150, 0, households: 0)
    ]
    let s = GridsFixtures.snapshot(b)
    let r = GridPartition.plan(s, options: GridPartitionOptions())
    checkPlan(r, s, minHouseholds: 300, maxHouseholds: 500)
    let a = r.grids.filter { $0.communityId == "A" }
    #expect(a.count == 1 && a[0].households == 210)
    #expect(r.violations.contains { $0.gridId == a[0].id && $0.rule == "grid.households" })
    let big = r.grids.first { $0.buildingIds == ["B1"] }
    #expect(big != nil)
    #expect(r.violations.contains { $0.gridId == big?.id && $0.rule == "grid.whole_buildings" })
    #expect(r.grids.filter { $0.communityId == "B" }.count == 2)
    #expect(r.grids.contains { Set($0.buildingIds) == ["B2", "B3", "B4"] && $0.households == 380 })
}

@Test func gridCountsPreferTheMiddleOfTheBounds() {
    #expect(GridPartition.gridCounts(450, minHouseholds: 300, maxHouseholds: 500) == [1])
    #expect(GridPartition.gridCounts(1200, minHouseholds: 300, maxHouseholds: 500).first == 3)  // 400 each
    #expect(GridPartition.gridCounts(550, minHouseholds: 300, maxHouseholds: 500) == [2])  // infeasible: stay under the maximum
    for H in stride(from: 501, to: 5000, by: 37) {
        let k = GridPartition.gridCounts(H, minHouseholds: 300, maxHouseholds: 500).first!
        if (H + 499) / 500 <= H / 300 { #expect(k * 300 <= H && H <= k * 500) }
    }
}

// MARK: - keep existing

private func applied(_ r: GridPlanResult, to s: Snapshot) -> Snapshot {
    var s = s
    var gridOf: [String: String] = [:]
    for g in r.grids { for b in g.buildingIds { gridOf[b] = g.id } }
    for i in s.buildings.indices { s.buildings[i].gridId = gridOf[s.buildings[i].id] }
    s.grids = r.grids.map { Grid(id: $0.id, communityId: $0.communityId) }
    return s
}

@Test(arguments: [11, 12, 13])
func keepingAValidPlanMovesNothing(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    var b = GridsFixtures.randomCommunity("S", buildings: 100, origin: Point(0, 0), using: &rng)
    // plus communities whose bounds cannot all be met (750 households in three buildings) and one below the minimum
    b += [
        GridsFixtures.building("X1", "X", 0, 0, households: 250), GridsFixtures.building("X2", "X", 50, 0, households: 250),
        GridsFixtures.building("X3", "X", 100, 0, households: 250), GridsFixtures.building("Y1", "Y", 0, 0, households: 120)
    ]
    let s0 = GridsFixtures.snapshot(b)
    let r0 = GridPartition.plan(s0, options: GridPartitionOptions())
    let s1 = applied(r0, to: s0)
    let r1 = GridPartition.plan(s1, options: GridPartitionOptions(keepExisting: true))
    #expect(r0.violations.contains { $0.communityId == "X" && $0.rule == "grid.households" })
    #expect(r1.movedBuildings == 0)
    #expect(r1.grids.map(\.id) == r0.grids.map(\.id))
    let valid = r0.grids.filter { g in
        g.households >= 300 && g.households <= 500 || (g.buildingIds.count == 1 && g.households > 500) || g.communityId == "Y"
    }
    #expect(r1.grids.filter(\.kept).count == valid.count)
    #expect(Set(r1.grids.map { Set($0.buildingIds) }) == Set(r0.grids.map { Set($0.buildingIds) }))
}

@Test func keepExistingReplansOnlyBrokenGrids() {
    var rng = SeededGenerator(seed: 21)
    let b = GridsFixtures.randomCommunity("T", buildings: 120, origin: Point(0, 0), using: &rng)
    let s0 = GridsFixtures.snapshot(b)
    let r0 = GridPartition.plan(s0, options: GridPartitionOptions())
    var s1 = applied(r0, to: s0)
    // break one multi-building grid: all its buildings lose their grid
    guard let broken = r0.grids.first(where: { $0.buildingIds.count > 2 && $0.households >= 300 && $0.households <= 500 }) else {
        Issue.record("no grid to break"); return
    }
    for i in s1.buildings.indices where s1.buildings[i].gridId == broken.id { s1.buildings[i].gridId = nil }
    let r1 = GridPartition.plan(s1, options: GridPartitionOptions(keepExisting: true))
    let untouched = r0.grids.filter {
        $0.id != broken.id && (($0.households >= 300 && $0.households <= 500) || $0.buildingIds.count == 1)
    }
    for g in untouched {
        #expect(r1.grids.contains { $0.id == g.id && Set($0.buildingIds).isSuperset(of: g.buildingIds) })
    }
    #expect(r1.movedBuildings == 0)  // the broken grid's buildings had no grid: they moved nowhere
    var count: [String: Int] = [:]
    for g in r1.grids { for x in g.buildingIds { count[x, default: 0] += 1 } }
    #expect(count.count == b.count && count.values.allSatisfy { $0 == 1 })
}

// MARK: - grid polygons

@Test(arguments: [5, 6, 7])
func voronoiCellsTileTheCommunityAndMergePerGrid(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    // an L-shaped community (not convex) with a hole
    let outer = [Point(0, 0), Point(1000, 0), Point(1000, 400), Point(400, 400), Point(400, 1000), Point(0, 1000), Point(0, 0)]
    let hole = [Point(100, 100), Point(200, 100), Point(200, 200), Point(100, 200), Point(100, 100)]
    let boundary = MultiPolygon([Polygon(exterior: outer, holes: [hole])])
    var b: [Building] = []
    while b.count < 80 {
        let p = Point(Double.random(in: 0..<1000, using: &rng), Double.random(in: 0..<1000, using: &rng))
        if boundary.contains(p) {
            b.append(
                GridsFixtures.building("B\(b.count + 100)", "L", p.x, p.y, households: Int.random(in: 20...120, using: &rng)))
        }
    }
    b.append(GridsFixtures.building("B999", "L", b[0].location.x, b[0].location.y, households: 10))  // duplicate point
    var s = GridsFixtures.snapshot(b)
    s.communities[0].boundary = boundary
    let cells = GridPolygons.voronoiCells(points: b.map(\.location), clip: boundary)
    let total = cells.reduce(0.0) { $0 + $1.area }
    #expect(abs(total - boundary.area) < 1e-6 * boundary.area)
    for (i, c) in cells.enumerated() where i < 80 {
        #expect(c.contains(b[i].location))
        // the cell holds points nearer to its building than to any other (checked on random probes)
        for _ in 0..<5 {
            let q = Point(Double.random(in: 0..<1000, using: &rng), Double.random(in: 0..<1000, using: &rng))
            if c.contains(q) {
                let d = q.distance(to: b[i].location)
                #expect(b.allSatisfy { q.distance(to: $0.location) >= d - 1e-6 })
            }
        }
    }
    #expect(cells[80].polygons.isEmpty)  // the duplicate shares its twin's cell
    let plan = GridPartition.plan(s, options: GridPartitionOptions())
    let members = plan.memberships
    let polys = GridPolygons.polygons(s, grids: members)
    #expect(polys.count == plan.grids.count)
    let merged = polys.values.reduce(0.0) { $0 + $1.area }
    #expect(abs(merged - boundary.area) < 1e-6 * boundary.area)
    // merging removed the shared edges: fewer parts than cells
    #expect(polys.values.reduce(0) { $0 + $1.polygons.count } < 80)
    #expect(polys.values.reduce(0) { $0 + $1.polygons.count } <= plan.grids.count + 3)
    // The hole, once: a hole ring of the grid around it, or notches where it straddles grids
    // (a hole may not share an edge with its exterior); either way no grid covers it.
    let holeRings = polys.values.reduce(0) { $0 + $1.polygons.reduce(0) { $0 + $1.holes.count } }
    let gridsAtHole = Set(
        cells.enumerated().filter {
            $0.element.polygons.contains { p in
                hole.dropLast().contains { corner in p.exterior.contains { $0.distance(to: corner) < 1e-6 } }
            }
        }
        .compactMap { i, _ in members.first { $0.buildingIds.contains(b[i].id) }?.id })
    #expect(holeRings == (gridsAtHole.count == 1 ? 1 : 0))
    #expect(!polys.values.contains { $0.contains(Point(150, 150)) })
}
