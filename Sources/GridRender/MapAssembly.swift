import Foundation
import GridAnalysis
import GridGeo
import GridLocale
import GridModel

/// The themes of `gridplan map` (and of the report's map).
public enum MapTheme: String, CaseIterable, Codable, Sendable {
    case area, coverage, grids, sites
}

/// Assembles a map's overlays (choropleth values, legend, gaps, grids, sites) for a theme from
/// the area and coverage results.
public enum MapAssembly {
    /// The overlays of one theme, its titles, and the results they were made from.
    public struct Built: Sendable {
        public var overlays: MapOverlays
        public var themeTitle: String
        public var subtitle: String
        /// In English (the map result's `notes`, the same in every language).
        public var notes: [String]
        /// The same notes as catalogue texts, for the terminal in the reader's language.
        public var noteTexts: [LocalText] = []
        public var area: AreaReport
        public var coverage: CoverageResult
    }

    /// The overlays of `theme` from results already computed.
    public static func build(
        snapshot: Snapshot, theme: MapTheme, area: AreaReport, coverage: CoverageResult,
        sites: [(rank: Int, location: Point)] = [], language: DocumentLanguage = .both
    ) -> Built {
        let d = language
        var o = MapOverlays()
        var notes: [LocalText] = []
        for b in coverage.buildings { o.buildingCovered[b.id] = b.covered }
        o.gapOutlines = gapOutlines(snapshot: snapshot, gaps: coverage.gaps, language: d)
        o.gridBoundaries = snapshot.grids.compactMap(\.boundary)
        if theme != .grids { o.sites = sites }
        let standard = area.standardM2Per100Households
        /// Communities shaded by m² per 100 households against the standard (the area and sites themes).
        func shadeByAreaPer100() {
            for c in area.communities { o.communityValues[c.id] = c.figures.areaPer100 }
            o.valueLegend = ChoroplethLegend(
                title: d.text("map.legend.per100"), threshold: standard, good: max(2 * standard, standard + 1),
                thresholdLabel: d.text("map.standard")
            ) { v in String(format: "%.0f m²", v) }
        }
        let themeTitle: String
        switch theme {
        case .area:
            themeTitle = d.text("map.theme.area")
            shadeByAreaPer100()
        case .coverage:
            themeTitle = d.text("map.theme.coverage")
            for c in coverage.communities { o.communityValues[c.id] = c.households > 0 ? c.coverageRate : nil }
            o.valueLegend = ChoroplethLegend(title: d.text("map.legend.coverage"), threshold: 0.8, good: 1.0, thresholdLabel: nil)
            { v in
                String(format: "%.0f%%", v * 100)
            }
            o.valueLegend?.openEnded = false
        case .grids:
            themeTitle = d.text("map.theme.grids")
            if o.gridBoundaries.isEmpty {
                notes.append(LocalText("map.note.no_grids"))
            }
        case .sites:
            themeTitle = d.text("map.theme.sites")
            shadeByAreaPer100()
            if sites.isEmpty {
                notes.append(LocalText("map.note.no_sites"))
            }
        }
        let covered = String(format: "%.1f%%", coverage.total.coverageRate * 100)
        let subtitle = [
            d.text("map.subtitle.standard", ["standard": String(format: "%g", standard)]),
            d.text(
                "map.subtitle.covered",
                [
                    "covered": covered, "radius": String(Int(coverage.radiusM)),
                    "street": String(Int(coverage.reach["street"] ?? 0))
                ]),
            d.text("map.subtitle.gaps", ["gaps": String(coverage.gaps.count)]), snapshot.metadata.workingCRS
        ].joined(separator: " · ")
        var built = Built(
            overlays: o, themeTitle: themeTitle, subtitle: subtitle, notes: notes.map { $0.text(.en) }, area: area,
            coverage: coverage)
        built.noteTexts = notes
        return built
    }

    /// Convex hulls of the gap neighbourhoods in the working CRS (a small square around a
    /// cluster of one or two buildings so it stays visible).
    static func gapOutlines(snapshot: Snapshot, gaps: [GapCluster], language: DocumentLanguage = .both)
        -> [(label: String, ring: [Point])]
    {
        let location = Dictionary(snapshot.buildings.map { ($0.id, $0.location) }, uniquingKeysWith: { a, _ in a })
        var out: [(label: String, ring: [Point])] = []
        for g in gaps {
            let pts = g.buildingIds.compactMap { location[$0] }
            guard !pts.isEmpty else { continue }
            let hull = ConvexHull.indices(pts).map { pts[$0] }
            var ring: [Point]
            if hull.count >= 3 {
                ring = expand(hull, by: 15)
            } else {
                let box = BoundingBox(points: pts).expanded(by: 25)
                ring = [
                    Point(box.minX, box.minY), Point(box.maxX, box.minY), Point(box.maxX, box.maxY), Point(box.minX, box.maxY)
                ]
            }
            ring.append(ring[0])
            out.append(
                (
                    label: "\(g.id): "
                        + language.text("map.gap", ["households": String(g.households), "buildings": String(g.buildings)]),
                    ring: ring
                ))
        }
        return out
    }

    /// Pushes every vertex of a convex ring `d` metres away from its centre (a margin around the dots).
    static func expand(_ ring: [Point], by d: Double) -> [Point] {
        let cx = ring.reduce(0) { $0 + $1.x } / Double(ring.count), cy = ring.reduce(0) { $0 + $1.y } / Double(ring.count)
        return ring.map { p in
            let dx = p.x - cx, dy = p.y - cy, len = max((dx * dx + dy * dy).squareRoot(), 1e-9)
            return Point(p.x + dx / len * d, p.y + dy / len * d)
        }
    }
}
