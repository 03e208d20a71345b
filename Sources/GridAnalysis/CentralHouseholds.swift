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
            a.centres == b.centres && a.linkedInBuilding == b.linkedInBuilding && a.unlinked == b.unlinked && a.incoming == b.incoming
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
    public static func linkCentralHouseholds(points: [Point], households: [Int], candidates: [Int],
                                             capacity: Int, reach: Double) -> CentralLinks {
        let n = points.count
        let per = capacity + 1
        let total = (0..<n).map { min(candidates[$0], households[$0]) * per }   // households each building's centres can link
        // flow[i][j]: households of i linked to centres in j (j == i: in the building).
        var flow: [[Int: Int]] = Array(repeating: [:], count: n)
        var into: [[Int: Int]] = Array(repeating: [:], count: n)
        var need = households.map { max(0, $0) }, room = total
        func push(_ i: Int, _ j: Int, _ x: Int) {
            flow[i][j, default: 0] += x; into[j][i, default: 0] += x
            if flow[i][j] == 0 { flow[i][j] = nil; into[j][i] = nil }
        }
        // 1. in the building
        for i in 0..<n {
            let x = min(need[i], room[i])
            if x > 0 { push(i, i, x); need[i] -= x; room[i] -= x }
        }
        // 2. other buildings within reach, greedily by distance (ties by index)
        let suppliers = (0..<n).filter { total[$0] > 0 }
        var adjacencyCache = [[Int]?](repeating: nil, count: n)   // other buildings with centres within reach, nearest first
        let tree = need.contains(where: { $0 > 0 }) && !suppliers.isEmpty ? KDTree(points: suppliers.map { points[$0] }) : nil
        func within(_ i: Int) -> [(Double, Int)] {
            guard let tree else { return [] }
            var list: [(Double, Int)] = []
            tree.forEach(within: reach, of: points[i]) { j, d in if suppliers[j] != i { list.append((d, suppliers[j])) } }
            list.sort { $0 < $1 }
            return list
        }
        func adjacency(_ i: Int) -> [Int] {
            if let a = adjacencyCache[i] { return a }
            let a = within(i).map(\.1)
            adjacencyCache[i] = a
            return a
        }
        var edges: [(d: Double, from: Int, to: Int)] = []
        for i in 0..<n where need[i] > 0 {
            let list = within(i)
            adjacencyCache[i] = list.map(\.1)
            for (d, s) in list { edges.append((d, i, s)) }
        }
        edges.sort { ($0.d, $0.from, $0.to) < ($1.d, $1.from, $1.to) }
        for e in edges where need[e.from] > 0 && room[e.to] > 0 {
            let x = min(need[e.from], room[e.to])
            push(e.from, e.to, x); need[e.from] -= x; room[e.to] -= x
        }
        // The central households themselves stay linked in their building (they link themselves).
        let pinned = (0..<n).map { min(candidates[$0], households[$0]) }
        func movable(_ i: Int, _ j: Int) -> Int { (flow[i][j] ?? 0) - (i == j ? pinned[i] : 0) }
        // 3. augmenting paths (maximum flow): building u with unlinked households → a building
        // sup within reach (or u itself) → if sup is full, a building k whose households sup links
        // (k == sup included) is re-linked elsewhere → … → a building with room.
        var changed = true
        while changed {
            changed = false
            for s in 0..<n where need[s] > 0 {
                var prevShort: [Int: Int] = [:]       // supplier → building that reached it
                var prevSupplier: [Int: Int] = [s: -1] // building → supplier it was freed from (-1 for s)
                var queue = [s]
                var found = -1
                var qi = 0
                bfs: while qi < queue.count {
                    let u = queue[qi]; qi += 1
                    for sup in [u] + adjacency(u) where total[sup] > 0 && prevShort[sup] == nil {
                        prevShort[sup] = u
                        if room[sup] > 0 { found = sup; break bfs }
                        for back in into[sup].keys.sorted() where prevSupplier[back] == nil && movable(back, sup) > 0 {
                            prevSupplier[back] = sup; queue.append(back)
                        }
                    }
                }
                guard found >= 0 else { continue }
                var amount = min(need[s], room[found])
                var sup = found
                while true {
                    let u = prevShort[sup]!
                    let p = prevSupplier[u]!
                    if p < 0 { break }
                    amount = min(amount, movable(u, p))
                    sup = p
                }
                guard amount > 0 else { continue }
                sup = found
                while true {
                    let u = prevShort[sup]!
                    push(u, sup, amount)
                    let p = prevSupplier[u]!
                    if p < 0 { break }
                    push(u, p, -amount)
                    sup = p
                }
                need[s] -= amount; room[found] -= amount
                changed = true
            }
        }
        let own = (0..<n).map { flow[$0][$0] ?? 0 }
        let incoming = (0..<n).map { j in into[j].reduce(0) { $0 + ($1.key == j ? 0 : $1.value) } }
        let centres = (0..<n).map { (own[$0] + incoming[$0] + per - 1) / per }
        let flows = (0..<n).map { i in flow[i].filter { $0.key != i && $0.value > 0 }.sorted { $0.key < $1.key }.map { (building: $0.key, households: $0.value) } }
        return CentralLinks(centres: centres, linkedInBuilding: own, flows: flows, unlinked: need, incoming: incoming)
    }
}
