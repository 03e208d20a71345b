import GridModel

extension PartyNetwork {
    /// Which household each central household links (household rows only).
    static func householdLinks(buildings: [Building], rows: [String: [Household]], links: CentralLinks, perCentre: Int)
        -> [CentralHouseholdReport]
    {
        let n = buildings.count
        // Households of each building: centres first (most members, then id), the others by id.
        var centreIds = [[String]](repeating: [], count: n)
        var ownLinked = [[String]](repeating: [], count: n)
        var outgoing = [[String]](repeating: [], count: n)
        for v in 0..<n {
            let r = rows[buildings[v].id] ?? []
            let cands = r.filter { $0.partyMembers + $0.probationaryMembers > 0 }
                .sorted { ($0.partyMembers + $0.probationaryMembers, $1.id) > ($1.partyMembers + $1.probationaryMembers, $0.id) }
            centreIds[v] = cands.prefix(links.centres[v]).map(\.id)
            let isCentre = Set(centreIds[v])
            // member households that are not centres stay in their building (pinned), then the others by id
            let memberIds = Set(cands.map(\.id))
            let others =
                cands.map(\.id).filter { !isCentre.contains($0) }
                + r.map(\.id).filter { !memberIds.contains($0) }.sorted()
            let k = max(0, links.linkedInBuilding[v] - centreIds[v].count)
            ownLinked[v] = Array(others.prefix(k))
            outgoing[v] = Array(others.dropFirst(k))
        }
        var incoming = [[String]](repeating: [], count: n)
        for v in 0..<n {
            var rest = outgoing[v][...]
            for f in links.flows[v] {
                incoming[f.building] += rest.prefix(f.households)
                rest = rest.dropFirst(f.households)
            }
        }
        var out: [CentralHouseholdReport] = []
        for v in 0..<n where !centreIds[v].isEmpty {
            var queue = (ownLinked[v] + incoming[v])[...]
            for c in centreIds[v] {
                out.append(
                    CentralHouseholdReport(
                        householdId: c, buildingId: buildings[v].id, linkedHouseholdIds: Array(queue.prefix(perCentre))))
                queue = queue.dropFirst(perCentre)
            }
        }
        return out
    }
}
