import GridGeo

extension PartyNetwork {
    /// Result of linking households to central households in one community.
    public struct CentralLinks: Sendable, Hashable {
        /// Central households chosen per building.
        public var centres: [Int]
        /// Households of each building linked to a centre in the same building.
        public var linkedInBuilding: [Int]
        /// flows[i] = [(supplier building, households)] for households of i linked elsewhere.
        public var flows: [[(building: Int, households: Int)]]
        /// Households of each building left unlinked.
        public var unlinked: [Int]
        /// Households from other buildings linked to centres in each building.
        public var incoming: [Int]

        public static func == (a: CentralLinks, b: CentralLinks) -> Bool {
            a.centres == b.centres && a.linkedInBuilding == b.linkedInBuilding && a.unlinked == b.unlinked
                && a.incoming == b.incoming
        }
        public func hash(into h: inout Hasher) { h.combine(centres); h.combine(unlinked) }
    }

    /// Links every household to a party-member central household in its building, or in the
    /// nearest building within `reach` that has spare capacity.
    ///
    /// Building i has `candidates[i]` member households that may serve as central households
    /// (≤ `households[i]`); each links itself and up to `capacity` other households. A building
    /// first links its own households (min(h, m·(capacity+1))); the rest go to other buildings
    /// within `reach` with spare capacity (m·(capacity+1) minus their own), greedily by distance
    /// (ties by index), and then augmenting paths make the number of linked households maximal
    /// (a maximum flow in the network source → building → itself or a building within reach →
    /// sink, with capacity m·(capacity+1) at each building): no household that could be linked is
    /// left unlinked. Member households always stay linked in their own building (as possible
    /// centres they link themselves); an augmenting path may move a building's other households to
    /// a centre nearby, only when that lets more households be linked in all.
    /// Central households chosen in a building: ⌈(own linked + incoming) / (capacity+1)⌉.
    /// - Complexity: the greedy step O(n log n + E log E) for the E building pairs within reach;
    ///   each augmenting path a breadth-first search over those pairs.
    public static func linkCentralHouseholds(
        points: [Point], households: [Int], candidates: [Int],
        capacity: Int, reach: Double
    ) -> CentralLinks {
        var network = CentralHouseholdFlow(
            points: points, households: households, candidates: candidates,
            capacity: capacity, reach: reach)
        network.linkInBuilding()
        network.linkNearestFirst()
        network.augment()
        return network.links()
    }
}

/// The flow network of `PartyNetwork.linkCentralHouseholds`: households of building i linked to
/// central households of building j (j == i: in the building), each building able to link
/// `capacity + 1` households per central household it can have.
struct CentralHouseholdFlow {
    let points: [Point]
    let reach: Double
    /// Households per central household: itself and `capacity` others.
    let perCentre: Int
    /// Households each building's central households can link.
    let total: [Int]
    /// Member households, which stay linked in their own building (they link themselves).
    let pinned: [Int]
    /// flow[i][j]: households of i linked to centres in j; into[j][i] the same, by supplier.
    var flow: [[Int: Int]]
    var into: [[Int: Int]]
    /// Households of each building not linked yet, and each building's spare capacity.
    var need: [Int]
    var room: [Int]
    /// Buildings that can link households at all.
    let suppliers: [Int]
    /// The suppliers' k-d tree, built once step 2 finds households left (nil: none left, or no supplier).
    var supplierTree: KDTree? = nil
    /// Other buildings with centres within reach, nearest first, once computed.
    var withinReachCache: [[Int]?]

    init(points: [Point], households: [Int], candidates: [Int], capacity: Int, reach: Double) {
        let n = points.count
        self.points = points; self.reach = reach
        perCentre = capacity + 1
        total = (0..<n).map { min(candidates[$0], households[$0]) * (capacity + 1) }
        pinned = (0..<n).map { min(candidates[$0], households[$0]) }
        flow = Array(repeating: [:], count: n)
        into = Array(repeating: [:], count: n)
        need = households.map { max(0, $0) }
        room = total
        let total = total
        suppliers = (0..<n).filter { total[$0] > 0 }
        withinReachCache = [[Int]?](repeating: nil, count: n)
    }

    var count: Int { points.count }

    mutating func push(_ i: Int, _ j: Int, _ x: Int) {
        flow[i][j, default: 0] += x; into[j][i, default: 0] += x
        if flow[i][j] == 0 { flow[i][j] = nil; into[j][i] = nil }
    }

    /// Households of `i` that may move away from centres in `j` (member households stay home).
    func movable(_ i: Int, _ j: Int) -> Int { (flow[i][j] ?? 0) - (i == j ? pinned[i] : 0) }

    /// Other buildings with centres within reach of `i`, with their distances, nearest first (ties by index).
    func withinReach(_ i: Int) -> [(Double, Int)] {
        guard let supplierTree else { return [] }
        var list: [(Double, Int)] = []
        supplierTree.forEach(within: reach, of: points[i]) { j, d in if suppliers[j] != i { list.append((d, suppliers[j])) } }
        list.sort { $0 < $1 }
        return list
    }

    mutating func neighbours(_ i: Int) -> [Int] {
        if let cached = withinReachCache[i] { return cached }
        let list = withinReach(i).map(\.1)
        withinReachCache[i] = list
        return list
    }

    /// 1. Each building links its own households first.
    mutating func linkInBuilding() {
        for i in 0..<count {
            let x = min(need[i], room[i])
            if x > 0 { push(i, i, x); need[i] -= x; room[i] -= x }
        }
    }

    /// 2. The rest go to other buildings within reach with room, greedily by distance (ties by index).
    mutating func linkNearestFirst() {
        if need.contains(where: { $0 > 0 }) && !suppliers.isEmpty { supplierTree = KDTree(points: suppliers.map { points[$0] }) }
        var edges: [(d: Double, from: Int, to: Int)] = []
        for i in 0..<count where need[i] > 0 {
            let list = withinReach(i)
            withinReachCache[i] = list.map(\.1)
            for (d, s) in list { edges.append((d, i, s)) }
        }
        edges.sort { ($0.d, $0.from, $0.to) < ($1.d, $1.from, $1.to) }
        for e in edges where need[e.from] > 0 && room[e.to] > 0 {
            let x = min(need[e.from], room[e.to])
            push(e.from, e.to, x); need[e.from] -= x; room[e.to] -= x
        }
    }

    /// 3. Augmenting paths (maximum flow): building u with unlinked households → a building
    /// within reach (or u itself) → if that one is full, a building k whose households it links
    /// (k == it included) is re-linked elsewhere → … → a building with room.
    mutating func augment() {
        var changed = true
        while changed {
            changed = false
            for s in 0..<count where need[s] > 0 {
                if augmentingPath(from: s) { changed = true }
            }
        }
    }

    /// Finds one augmenting path from `start` and pushes along it; false when there is none.
    mutating func augmentingPath(from start: Int) -> Bool {
        var reachedFrom: [Int: Int] = [:]  // supplier → building that reached it
        var freedFrom: [Int: Int] = [start: -1]  // building → supplier it was freed from (-1 for start)
        var queue = [start]
        var found = -1
        var head = 0
        search: while head < queue.count {
            let u = queue[head]; head += 1
            for supplier in [u] + neighbours(u) where total[supplier] > 0 && reachedFrom[supplier] == nil {
                reachedFrom[supplier] = u
                if room[supplier] > 0 { found = supplier; break search }
                for back in into[supplier].keys.sorted() where freedFrom[back] == nil && movable(back, supplier) > 0 {
                    freedFrom[back] = supplier; queue.append(back)
                }
            }
        }
        guard found >= 0 else { return false }
        var amount = min(need[start], room[found])
        var supplier = found
        while true {
            let u = reachedFrom[supplier]!
            let previous = freedFrom[u]!
            if previous < 0 { break }
            amount = min(amount, movable(u, previous))
            supplier = previous
        }
        guard amount > 0 else { return false }
        supplier = found
        while true {
            let u = reachedFrom[supplier]!
            push(u, supplier, amount)
            let previous = freedFrom[u]!
            if previous < 0 { break }
            push(u, previous, -amount)
            supplier = previous
        }
        need[start] -= amount; room[found] -= amount
        return true
    }

    /// The links: households linked in each building and elsewhere, unlinked, incoming, and the
    /// central households each building needs: ⌈(own linked + incoming) / (capacity+1)⌉.
    func links() -> PartyNetwork.CentralLinks {
        let n = count
        let own = (0..<n).map { flow[$0][$0] ?? 0 }
        let incoming = (0..<n).map { j in into[j].reduce(0) { $0 + ($1.key == j ? 0 : $1.value) } }
        let centres = (0..<n).map { (own[$0] + incoming[$0] + perCentre - 1) / perCentre }
        let flows = (0..<n).map { i in
            flow[i].filter { $0.key != i && $0.value > 0 }.sorted { $0.key < $1.key }.map {
                (building: $0.key, households: $0.value)
            }
        }
        return PartyNetwork.CentralLinks(
            centres: centres, linkedInBuilding: own, flows: flows, unlinked: need, incoming: incoming)
    }
}
