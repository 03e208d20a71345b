import GridGeo
import GridLocale

/// What a map shows on top of the district's communities, buildings and facilities.
/// Every figure is optional: the map draws what it is given. Geometry is in the working CRS (metres).
public struct MapOverlays: Sendable {
    /// A value per community id for the choropleth (area per 100 households or coverage rate).
    public var communityValues: [String: Double?] = [:]
    /// How to read `communityValues`.
    public var valueLegend: ChoroplethLegend? = nil
    /// Covered flag per building id (coloured dots); absent buildings are drawn neutral.
    public var buildingCovered: [String: Bool] = [:]
    /// Under-served neighbourhoods as outlines (convex hulls), with a label each.
    public var gapOutlines: [(label: String, ring: [Point])] = []
    /// Proposed sites, numbered by rank.
    public var sites: [(rank: Int, location: Point)] = []
    /// Grid boundaries, drawn as thin lines.
    public var gridBoundaries: [MultiPolygon] = []
    /// Draw the roads of the snapshot as thin grey lines (context).
    public var showRoads = true

    public init() {}
}

/// How the choropleth is coloured: a diverging scale around `threshold` (the standard).
public struct ChoroplethLegend: Sendable {
    public var title: String
    public var threshold: Double
    /// Values at or above `good` are darkest green; values at 0 darkest red.
    public var good: Double
    /// Words after the threshold's entry in the legend ("标准 standard"); nil when the threshold is no standard.
    public var thresholdLabel: String?
    /// Values above `good` occur (the legend's last entry reads "… +"); false for a rate capped at `good`.
    public var openEnded = true
    public var format: @Sendable (Double) -> String

    public init(
        title: String, threshold: Double, good: Double, thresholdLabel: String? = DocumentLanguage.both.text("map.standard"),
        format: @escaping @Sendable (Double) -> String
    ) {
        self.title = title; self.threshold = threshold; self.good = good; self.thresholdLabel = thresholdLabel;
        self.format = format
    }
}
