import GridGeo
import GridModel

/// A gap neighbourhood: uncovered buildings within the link distance of one another.
public struct GapCluster: Codable, Sendable, Hashable {
    /// `G1`, `G2`, … in the order of the list (most households first).
    public var id: String
    public var buildingIds: [String]
    public var households: Int
    public var buildings: Int
    /// Mean position of the buildings (WGS84).
    public var lon: Double
    public var lat: Double
    public var communityIds: [String]
    /// Distance from the cluster's nearest building to the nearest counted facility, metres
    /// (nil when none is known, as beyond the network cutoff).
    public var nearestFacilityDistanceM: Double?
    /// Convex hull of the buildings as a closed [lon, lat] ring (fewer than 4 positions when
    /// the cluster has fewer than 3 distinct points).
    public var hull: [[Double]]

    enum CodingKeys: String, CodingKey {
        case id, households, buildings, lon, lat, hull
        case buildingIds = "building_ids"
        case communityIds = "community_ids"
        case nearestFacilityDistanceM = "nearest_facility_distance_m"
    }
}

/// Union-find with path halving and union by size.
struct UnionFind {
    var parent: [Int32]
    var size: [Int32]
    init(_ n: Int) { parent = (0..<Int32(n)).map { $0 }; size = Array(repeating: 1, count: n) }
    mutating func find(_ x: Int) -> Int {
        var x = x
        while Int(parent[x]) != x { parent[x] = parent[Int(parent[x])]; x = Int(parent[x]) }
        return x
    }
    mutating func union(_ a: Int, _ b: Int) {
        var ra = find(a), rb = find(b)
        if ra == rb { return }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = Int32(ra); size[ra] += size[rb]
    }
}

/// Single-linkage clustering of uncovered buildings into gap neighbourhoods.
public enum GapClusters {
    /// Groups of indices into `points` such that two points closer than or at `linkDistance`
    /// share a group (single linkage: the transitive closure). Each group is sorted; groups are
    /// ordered by their first index.
    ///
    /// - Complexity: O(n log n + P α(n)) with P pairs within the link distance (k-d tree radius
    ///   queries, union-find).
    public static func clusters(_ points: [Point], linkDistance: Double) -> [[Int]] {
        guard !points.isEmpty else { return [] }
        let tree = KDTree(points: points)
        var uf = UnionFind(points.count)
        for i in points.indices {
            tree.forEach(within: linkDistance, of: points[i]) { j, _ in if j > i { uf.union(i, j) } }
        }
        var groups: [Int: [Int]] = [:]
        for i in points.indices { groups[uf.find(i), default: []].append(i) }
        return groups.values.sorted { $0[0] < $1[0] }
    }

    /// Indices into `buildings` of the buildings a gap can hold: not `covered` and with households.
    public static func uncoveredMembers(buildings: [Building], covered: [Bool]) -> [Int] {
        buildings.indices.filter { !covered[$0] && buildings[$0].households > 0 }
    }

    /// The gap neighbourhoods of the buildings at `members` (indices into `buildings`) as groups
    /// of indices into `buildings`, each sorted by building id, in gap order: most households
    /// first (ties: more buildings, then the lowest building id). Group `k` is gap `G(k+1)`.
    public static func rankedGroups(buildings: [Building], members: [Int], linkDistance: Double) -> [[Int]] {
        let groups = clusters(members.map { buildings[$0].location }, linkDistance: linkDistance)
        var ranked = groups.map { g -> (members: [Int], households: Int) in
            let idx = g.map { members[$0] }.sorted { buildings[$0].id < buildings[$1].id }
            return (idx, idx.reduce(0) { $0 + buildings[$1].households })
        }
        ranked.sort { a, b in
            if a.households != b.households { return a.households > b.households }
            if a.members.count != b.members.count { return a.members.count > b.members.count }
            return buildings[a.members[0]].id < buildings[b.members[0]].id
        }
        return ranked.map(\.members)
    }

    /// The id of the gap at `rank` (0-based) of `rankedGroups`: `G1`, `G2`, ….
    public static func gapId(rank: Int) -> String { "G\(rank + 1)" }

    /// Gap neighbourhoods of the buildings at `members` (indices into `buildings`), in the order
    /// and with the ids of `rankedGroups`.
    public static func gaps(
        buildings: [Building], members: [Int], distances: [FacilityDistances]? = nil,
        linkDistance: Double
    ) -> [GapCluster] {
        rankedGroups(buildings: buildings, members: members, linkDistance: linkDistance).enumerated().map { rank, idx in
            let n = Double(idx.count)
            let hull = ConvexHull.indices(idx.map { buildings[$0].location }).map { buildings[idx[$0]].lonLat }
            var ring = hull.map { [$0.x, $0.y] }
            if let first = ring.first, ring.count >= 3 { ring.append(first) }
            var nearest: Double? = nil
            if let distances {
                let m = idx.map { distances[$0].nearestDistance }.min() ?? .infinity
                if m.isFinite { nearest = rounded(m, 1) }
            }
            return GapCluster(
                id: gapId(rank: rank), buildingIds: idx.map { buildings[$0].id },
                households: idx.reduce(0) { $0 + buildings[$1].households }, buildings: idx.count,
                lon: idx.reduce(0) { $0 + buildings[$1].lonLat.x } / n,
                lat: idx.reduce(0) { $0 + buildings[$1].lonLat.y } / n,
                communityIds: Array(Set(idx.map { buildings[$0].communityId })).sorted(),
                nearestFacilityDistanceM: nearest, hull: ring)
        }
    }
}
