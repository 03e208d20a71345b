/// What a siting list optimizes (`--objective`).
public enum SitingObjective: String, Codable, Sendable, CaseIterable {
    /// Maximal covering location: K sites bringing the most uncovered households within reach.
    case cover
    /// Set covering: the fewest sites reaching every building any candidate can reach.
    case all
    /// p-median: minimize household-weighted distance to the nearest center, existing and new.
    case distance
    /// p-center: minimize the largest distance from a household-bearing building to its
    /// nearest center, existing and new.
    case center
}
