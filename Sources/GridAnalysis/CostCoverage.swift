import GridModel

extension Coverage {
    /// Nearest counted facility and nearest covering facility of each building by a router's
    /// cost table (`coverage --costs`): a building is covered when some counted facility's cost
    /// is within that facility's reach; a pair missing from the table is unreachable. Ties break
    /// by facility id. Buildings the table does not list (no households) reach nothing.
    /// - Complexity: O(N + P) for P table rows.
    public static func costDistances(
        buildings: [Building], facilities: [Facility], selection: FacilitySelection, costs: CostTable
    ) -> [FacilityDistances] {
        var index: [String: Int] = [:]
        for f in selection.countedIndices(facilities) { index[facilities[f].id] = f }
        return buildings.map { b in
            var out = FacilityDistances()
            for (destination, cost) in (costs.costs[b.id] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let f = index[destination] else { continue }
                if cost < out.nearestDistance { out.nearest = Int32(f); out.nearestDistance = cost }
                if cost <= selection.reach(of: facilities[f]) && cost < out.coveringDistance {
                    out.covering = Int32(f); out.coveringDistance = cost
                }
            }
            return out
        }
    }
}

extension Accessibility {
    /// The catchment pairs of a cost table: row j (counted facility j, in `counted` order) lists
    /// the buildings whose cost to it is within `catchment[j]`, ascending by building index.
    public static func costPairs(
        buildings: [Building], facilities: [Facility], counted: [Int], catchment: [Double], costs: CostTable
    ) -> ReachRows {
        var row: [String: Int] = [:]
        for (j, f) in counted.enumerated() { row[facilities[f].id] = j }
        var lists = [[(Int32, Double)]](repeating: [], count: counted.count)
        for (k, b) in buildings.enumerated() {
            for (destination, cost) in costs.costs[b.id] ?? [:] {
                if let j = row[destination], cost <= catchment[j] { lists[j].append((Int32(k), cost)) }
            }
        }
        var pairs = ReachRows()
        for list in lists {
            for (k, d) in list.sorted(by: { $0.0 < $1.0 }) { pairs.items.append(k); pairs.distances.append(d) }
            pairs.offsets.append(pairs.items.count)
        }
        return pairs
    }
}
