import Foundation
import GridModel

/// Travel costs from buildings to candidates and facilities, from any router (`--costs`):
/// rows `origin_id,destination_id,cost`, the cost in the unit of the reach (metres or
/// minutes). A pair missing from the table means "not reachable".
public struct CostTable: Sendable {
    /// origin (building id) → destination (candidate or facility id) → cost.
    public private(set) var costs: [String: [String: Double]] = [:]
    public var pairCount: Int { costs.values.reduce(0) { $0 + $1.count } }

    /// One row of the file as read: its line, and the three fields as text.
    public struct Row: Sendable {
        public var line: Int
        public var origin: String
        public var destination: String
        public var cost: String
        public init(line: Int, origin: String, destination: String, cost: String) {
            self.line = line; self.origin = origin; self.destination = destination; self.cost = cost
        }
    }

    /// Checks and collects the rows.
    /// - Throws: `UsageError` naming `source` and the line: an unknown building or destination
    ///   id, a cost that is not a number or is negative, a pair given twice, an empty table.
    public init(rows: [Row], source: String, buildingIds: Set<String>, destinationIds: Set<String>) throws {
        guard !rows.isEmpty else { throw UsageError(key: "usage.cost_table.1", ["source": "\(source)"]) }
        var firstLine: [String: [String: Int]] = [:]
        for row in rows {
            let place = "\(source) line \(row.line)"
            guard buildingIds.contains(row.origin) else {
                throw UsageError(key: "usage.cost_table.2", ["place": "\(place)", "origin": "\(row.origin)"])
            }
            guard destinationIds.contains(row.destination) else {
                throw UsageError(key: "usage.cost_table.destination", ["place": place, "destination": row.destination])
            }
            guard let cost = Double(row.cost.trimmingCharacters(in: .whitespaces)), cost.isFinite else {
                throw UsageError(key: "usage.cost_table.3", ["place": "\(place)", "cost": "\(row.cost)"])
            }
            guard cost >= 0 else { throw UsageError(key: "usage.cost_table.4", ["place": "\(place)", "cost": "\(row.cost)"]) }
            if let earlier = firstLine[row.origin]?[row.destination] {
                throw UsageError(
                    key: "usage.cost_table.5",
                    ["place": "\(place)", "origin": "\(row.origin)", "destination": "\(row.destination)", "earlier": "\(earlier)"]
                )
            }
            firstLine[row.origin, default: [:]][row.destination] = row.line
            costs[row.origin, default: [:]][row.destination] = cost
        }
    }

    /// The cost from a building to a destination, nil when not reachable.
    public func cost(from origin: String, to destination: String) -> Double? { costs[origin]?[destination] }
}
