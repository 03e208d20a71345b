/// How buildings are split into grids.
public enum GridPlanMethod: String, Codable, Sendable, CaseIterable {
    /// Seeded capacity-bounded region growing over the building graph, Lloyd iterations,
    /// then repair moves keeping contiguity (the default).
    case regionGrowing = "region_growing"
    /// Baseline: buildings ordered along a Hilbert curve, cut into runs of equal households
    /// (no contiguity guarantee); for comparisons only.
    case hilbertSplit = "hilbert_split"
}
