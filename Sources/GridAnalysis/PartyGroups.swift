extension PartyNetwork {
    /// Building party groups of one grid: a building with ≥ `group` members (formal and
    /// probationary) of whom ≥ `groupMinFormal` formal forms a group; buildings with fewer join
    /// adjacent member buildings of the same grid (most members first, at most 5 buildings) until
    /// the group qualifies; a set that cannot qualify joins an adjacent group, else stays without.
    /// - Parameters:
    ///   - buildings: local indices of the grid's buildings.
    ///   - members/formal: per local index.
    ///   - neighbors: the building graph (local indices).
    /// - Returns: groups as lists of local indices, each sorted, groups ordered by first index.
    public static func partyGroups(
        buildings: [Int], members: [Int], formal: [Int], neighbors: [[Int]],
        rules: PartyRules
    ) -> [[Int]] {
        let inGrid = Set(buildings)
        let withMembers = buildings.filter { members[$0] > 0 }
        var groupOf: [Int: Int] = [:]
        var groups: [[Int]] = []
        func qualifies(_ m: Int, _ f: Int) -> Bool { m >= rules.group && f >= rules.groupMinFormal }
        for b in withMembers.sorted() where qualifies(members[b], formal[b]) {
            groupOf[b] = groups.count; groups.append([b])
        }
        let rest = withMembers.filter { groupOf[$0] == nil }.sorted {
            (members[$0], formal[$0], -$0) > (members[$1], formal[$1], -$1)
        }
        var leftovers: [[Int]] = []
        var taken = Set<Int>()
        for s in rest where !taken.contains(s) {
            var g = [s]; taken.insert(s)
            var m = members[s], f = formal[s]
            while !qualifies(m, f) && g.count < 5 {
                var best = -1
                for x in g {
                    for y in neighbors[x] where inGrid.contains(y) && members[y] > 0 && groupOf[y] == nil && !taken.contains(y) {
                        if best < 0 || (members[y], formal[y], -y) > (members[best], formal[best], -best) { best = y }
                    }
                }
                if best < 0 { break }
                g.append(best); taken.insert(best); m += members[best]; f += formal[best]
            }
            if qualifies(m, f) { for x in g { groupOf[x] = groups.count }; groups.append(g) } else { leftovers.append(g) }
        }
        for g in leftovers {
            var target: Int? = nil
            for x in g {
                for y in neighbors[x] where inGrid.contains(y) {
                    if let t = groupOf[y], target == nil || t < target! { target = t }
                }
            }
            if let t = target { groups[t] += g; for x in g { groupOf[x] = t } }
        }
        return groups.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}
