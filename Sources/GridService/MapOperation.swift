import Foundation
import GridAnalysis
import GridGeo
import GridModel
import GridRender
import GridStore

/// Options of `gridplan map` (JSON-RPC `map`).
public struct MapOptions: Codable, Sendable {
    /// `area` (default: communities shaded by area per 100 households), `coverage` (by coverage
    /// rate), `grids` (grid boundaries over neutral communities) or `sites` (proposed sites).
    public var theme: String?
    /// Where to write the SVG; without it the RPC result carries the SVG text.
    public var out: String?
    /// Coverage reach of community- and grid-level facilities, metres (default reach.default).
    public var radius: Double?
    /// Title printed on the map (default: the dataset's name and the theme).
    public var title: String?
    /// Width of the drawing in pixels (default 1200).
    public var width: Double?
    /// Proposed sites to draw, from `site --count N` (default 10; 0 draws none).
    public var sites: Int?
    /// A standards file replacing `seeds/standards.json`.
    public var standards: String?

    public init(theme: String? = nil, out: String? = nil, radius: Double? = nil, title: String? = nil,
                width: Double? = nil, sites: Int? = nil, standards: String? = nil) {
        self.theme = theme; self.out = out; self.radius = radius; self.title = title
        self.width = width; self.sites = sites; self.standards = standards
    }
}

/// What a map shows; the SVG itself when it was not written to a file.
public struct MapResult: Codable, Sendable {
    public var theme: String
    public var path: String?
    public var svg: String?
    public var communities: Int
    public var buildings: Int
    public var facilities: Int
    public var gaps: Int
    public var sites: Int
    public var grids: Int
    public var workingCRS: String
    /// Things the map could not show and why.
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case theme, path, svg, communities, buildings, facilities, gaps, sites, grids, notes
        case workingCRS = "working_crs"
    }
}

/// The themes of `gridplan map`.
public enum MapTheme: String, CaseIterable, Sendable {
    case area, coverage, grids, sites
}

extension ServiceContext {
    /// Draws the district as one SVG map; writes it to `out` when given.
    public func map(_ options: MapOptions) throws -> MapResult {
        var result = try mapDrawing(options)
        if let out = options.out {
            try OutputFile.write(result.svg ?? "", to: out, option: "--out", what: "the map")
            result.path = out
            result.svg = nil
        }
        return result
    }

    /// The map's SVG text (in `svg`) and what it shows.
    public func mapDrawing(_ options: MapOptions) throws -> MapResult {
        let themeName = options.theme ?? "area"
        guard let theme = MapTheme(rawValue: themeName.lowercased()) else {
            throw UsageError("--theme: unknown theme '\(themeName)' (expected \(MapTheme.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let w = options.width, !(w.isFinite && w >= 400 && w <= 10_000) {
            throw UsageError("--width: \(w) is not a drawing width (expected 400 to 10000 pixels)")
        }
        if let n = options.sites, !(0...99).contains(n) {
            throw UsageError("--sites: \(n) is not a number of sites to draw (expected 0 to 99)")
        }
        let standards = try ProjectResources.loadStandards(path: options.standards)
        let snapshot = try snapshot(layers: StoreLayer.all.subtracting([.households, .units, .records]))
        progress.report(stage: "map", done: 0, total: 3)
        let siting = theme == .grids ? nil : proposedSites(count: options.sites ?? 10, radius: options.radius, standards: options.standards)
        let sites = try MapBuilder.sitesInWorkingCRS(siting?.sites.map { (rank: $0.rank, lon: $0.lon, lat: $0.lat) } ?? [],
                                                     workingCRS: snapshot.metadata.workingCRS)
        let built = try MapBuilder.overlays(snapshot: snapshot, standards: standards, theme: theme,
                                            radius: options.radius, standardsPath: options.standards, sites: sites)
        progress.report(stage: "map", done: 2, total: 3)
        for n in built.notes { note("note: \(n)") }
        let name = snapshot.metadata.name.isEmpty ? "gridplan" : snapshot.metadata.name
        let title = options.title ?? "\(name) · \(built.themeTitle)"
        let svg = MapSVG.render(snapshot: snapshot, overlays: built.overlays, title: title, subtitle: built.subtitle,
                                width: options.width ?? 1200)
        progress.report(stage: "map", done: 3, total: 3)
        return MapResult(theme: theme.rawValue, path: nil, svg: svg,
                         communities: snapshot.communities.filter { $0.boundary != nil }.count,
                         buildings: snapshot.buildings.count, facilities: snapshot.facilities.count,
                         gaps: built.overlays.gapOutlines.count, sites: built.overlays.sites.count,
                         grids: built.overlays.gridBoundaries.count, workingCRS: snapshot.metadata.workingCRS,
                         notes: built.notes)
    }

    /// The siting list (`site --count count`, objective cover) for maps and the report; nil when
    /// `count` is 0 or the analysis cannot run on this store (said in a note).
    func proposedSites(count: Int, radius: Double?, standards: String?) -> SitingResult? {
        guard count > 0 else { return nil }
        do {
            return try site(SitingOptions(count: count, radius: radius, standards: standards))
        } catch {
            note("note: no proposed sites: \((error as? UsageError)?.message ?? "\(error)")")
            return nil
        }
    }
}

/// Builds the overlays of a map theme from the area and coverage results.
public enum MapBuilder {
    public struct Built: Sendable {
        public var overlays: MapOverlays
        public var themeTitle: String
        public var subtitle: String
        public var notes: [String]
        public var area: AreaReport
        public var coverage: CoverageResult
    }

    /// Runs the area report and coverage with default options (coverage at `radius`) and turns
    /// them into map overlays for `theme`.
    public static func overlays(snapshot: Snapshot, standards: PolicyStandards, theme: MapTheme,
                                radius: Double?, standardsPath: String?, sites: [(rank: Int, location: Point)] = []) throws -> Built {
        let areaParameters = try AreaReportOptions.parameters(AreaReportOptions(), standards: standards)
        let area = AreaStandard.report(snapshot, areaParameters)
        let coverageParameters = try CoverageOptions(radius: radius, standards: standardsPath).parameters(standards: standards)
        let coverage = try Coverage.analyze(snapshot, coverageParameters)
        return build(snapshot: snapshot, theme: theme, area: area, coverage: coverage, sites: sites)
    }

    /// The overlays of `theme` from results already computed.
    public static func build(snapshot: Snapshot, theme: MapTheme, area: AreaReport, coverage: CoverageResult,
                             sites: [(rank: Int, location: Point)] = []) -> Built {
        var o = MapOverlays()
        var notes: [String] = []
        for b in coverage.buildings { o.buildingCovered[b.id] = b.covered }
        o.gapOutlines = gapOutlines(snapshot: snapshot, gaps: coverage.gaps)
        o.gridBoundaries = snapshot.grids.compactMap(\.boundary)
        if theme != .grids { o.sites = sites }
        let standard = area.standardM2Per100Households
        let themeTitle: String
        switch theme {
        case .area:
            themeTitle = "每百户服务面积 Service area per 100 households"
            for c in area.communities { o.communityValues[c.id] = c.figures.areaPer100 }
            o.valueLegend = ChoroplethLegend(title: "m² / 100户 households", threshold: standard, good: max(2 * standard, standard + 1),
                                             thresholdLabel: "标准 standard") { v in String(format: "%.0f m²", v) }
        case .coverage:
            themeTitle = "服务覆盖率 Coverage rate"
            for c in coverage.communities { o.communityValues[c.id] = c.households > 0 ? c.coverageRate : nil }
            o.valueLegend = ChoroplethLegend(title: "覆盖率 coverage rate", threshold: 0.8, good: 1.0, thresholdLabel: nil) { v in
                String(format: "%.0f%%", v * 100)
            }
            o.valueLegend?.openEnded = false
        case .grids:
            themeTitle = "网格 Grids"
            if o.gridBoundaries.isEmpty {
                notes.append("the store has no grids yet (run `gridplan grids plan --apply`); the map shows none")
            }
        case .sites:
            themeTitle = "建议新址 Proposed sites"
            for c in area.communities { o.communityValues[c.id] = c.figures.areaPer100 }
            o.valueLegend = ChoroplethLegend(title: "m² / 100户 households", threshold: standard, good: max(2 * standard, standard + 1),
                                             thresholdLabel: "标准 standard") { v in String(format: "%.0f m²", v) }
            if sites.isEmpty {
                notes.append("no proposed sites to draw (every household is covered, or the store has no candidates)")
            }
        }
        let covered = String(format: "%.1f%%", coverage.total.coverageRate * 100)
        let subtitle = "标准 standard \(String(format: "%g", standard)) m²/100户 · 覆盖 covered \(covered) within "
            + "\(Int(coverage.radiusM)) m (street centers \(Int(coverage.reach["street"] ?? 0)) m) · "
            + "\(coverage.gaps.count) 空白区 gaps · \(snapshot.metadata.workingCRS)"
        return Built(overlays: o, themeTitle: themeTitle, subtitle: subtitle, notes: notes, area: area, coverage: coverage)
    }

    /// Sites given in longitude/latitude (as the siting list gives them), placed in the working CRS for the map.
    public static func sitesInWorkingCRS(_ sites: [(rank: Int, lon: Double, lat: Double)], workingCRS: String) throws -> [(rank: Int, location: Point)] {
        guard !sites.isEmpty else { return [] }
        let t = try CoordinateTransformer(from: .wgs84, to: CoordinateSystem(parsing: workingCRS))
        return try sites.map { (rank: $0.rank, location: try t.transform(Point($0.lon, $0.lat))) }
    }

    /// Convex hulls of the gap neighbourhoods in the working CRS (a small square around a
    /// cluster of one or two buildings so it stays visible).
    static func gapOutlines(snapshot: Snapshot, gaps: [GapCluster]) -> [(label: String, ring: [Point])] {
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
                ring = [Point(box.minX, box.minY), Point(box.maxX, box.minY), Point(box.maxX, box.maxY), Point(box.minX, box.maxY)]
            }
            ring.append(ring[0])
            out.append((label: "\(g.id): \(g.households) 户 households, \(g.buildings) 栋 buildings", ring: ring))
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
