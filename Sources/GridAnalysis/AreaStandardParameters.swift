/// The rule a report applied, as the standards file names it.
public struct AppliedRule: Codable, Sendable, Hashable {
    public var id: String
    public var value: Double
    public var unit: String
    public var source: String

    public init(id: String, value: Double, unit: String, source: String) {
        self.id = id; self.value = value; self.unit = unit; self.source = source
    }
}

/// Options of the area-standard analysis (already validated by the caller).
public struct AreaStandardParameters: Sendable {
    /// The rule applied; its `value` is the required m² per 100 households (≥ 0).
    public var rule: AppliedRule
    /// Which facilities count and how far each reaches.
    public var selection: FacilitySelection
    public var allocation: AreaAllocationMethod
    /// `usable` (使用面积), as the standards file states (area.basis).
    public var areaBasis: String
    /// Also report per grid (buildings' `grid_id`).
    public var byGrid: Bool
    /// List only the communities (and grids) below the standard; streets and the total still cover all.
    public var shortOnly: Bool

    public init(
        rule: AppliedRule, selection: FacilitySelection, allocation: AreaAllocationMethod = .community,
        areaBasis: String = "usable", byGrid: Bool = false, shortOnly: Bool = false
    ) {
        self.rule = rule; self.selection = selection; self.allocation = allocation
        self.areaBasis = areaBasis; self.byGrid = byGrid; self.shortOnly = shortOnly
    }
}
