import Foundation
import GridLocale
import GridAnalysis
import GridGeo
import GridModel
import GridRender
import GridStore

/// Options of `gridplan map` (JSON-RPC `map`).
public struct MapOptions: OperationOptions {
    /// What shades the communities.
    public var theme: MapTheme
    /// Where to write the SVG; without it (or with `-`) the result carries the SVG text.
    public var out: String?
    /// Coverage reach of community- and grid-level facilities, metres (default reach.default).
    public var radius: Double?
    /// Title printed on the map (default: the dataset's name and the theme).
    public var title: String?
    /// Width of the drawing in pixels (default 1200).
    public var width: Double?
    /// Proposed sites to draw, from `site --count N` (0 draws none).
    public var sites: Int
    /// A standards file replacing `seeds/standards.json`.
    public var standards: String?

    public init(
        theme: MapTheme = .area, out: String? = nil, radius: Double? = nil, title: String? = nil,
        width: Double? = nil, sites: Int = 10, standards: String? = nil
    ) {
        self.theme = theme; self.out = out; self.radius = radius; self.title = title
        self.width = width; self.sites = sites; self.standards = standards
    }

    public static let fields: [OptionField] = [
        OptionField(
            "out", .text, help: "The SVG file to write (- for stdout; over JSON-RPC, leave it out to get the SVG in the result).",
            valueName: "file", requirement: .commandLine),
        SharedFields.theme,
        SharedFields.radius,
        OptionField(
            "title", .text, help: "Title printed on the map (default: the dataset's name and the theme).", valueName: "text"),
        OptionField("width", .number, help: "Width of the drawing in pixels (400 to 10000; default 1200).", valueName: "px"),
        SharedFields.sites,
        SharedFields.standards
    ]

    public init(_ v: OptionValues) throws {
        self.init(
            theme: try v.choice("theme", MapTheme.self) ?? .area, out: try v.outputPath("out"), radius: try v.number("radius"),
            title: try v.text("title"), width: try v.number("width"), sites: try v.integer("sites") ?? 10,
            standards: try v.text("standards"))
    }
}

/// What a map shows; the SVG itself when it was not written to a file.
public struct MapResult: Codable, Sendable {
    public var theme: MapTheme
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

extension ServiceContext {
    /// Draws the district as one SVG map; writes it to `out` when given.
    public func map(_ options: MapOptions) throws -> MapResult {
        var result = try mapDrawing(options)
        if let out = options.out {
            try OutputFile.write(result.svg ?? "", to: out, option: "--out", what: LocalText("output.map"))
            result.path = out
            result.svg = nil
        }
        return result
    }

    /// The map's SVG text (in `svg`) and what it shows.
    public func mapDrawing(_ options: MapOptions) throws -> MapResult {
        let theme = options.theme
        if let w = options.width, !(w.isFinite && w >= 400 && w <= 10_000) {
            throw UsageError(key: "usage.map_operation.1", ["w": "\(w.optionText)"])
        }
        if !(0...99).contains(options.sites) {
            throw UsageError(key: "usage.map_operation.2", ["sites": "\(options.sites)"])
        }
        let standards = try ProjectResources.loadStandards(path: options.standards)
        let snapshot = try snapshot(layers: StoreLayer.all.subtracting([.households, .units, .records]))
        progress.report(stage: LocalText("progress.stage.map"), done: 0, total: 3)
        let siting =
            theme == .grids ? nil : proposedSites(count: options.sites, radius: options.radius, standards: options.standards)
        let sites = try MapBuilder.sitesInWorkingCRS(
            siting?.sites.map { (rank: $0.rank, lon: $0.lon, lat: $0.lat) } ?? [],
            workingCRS: snapshot.metadata.workingCRS)
        let built = try MapBuilder.overlays(
            snapshot: snapshot, standards: standards, theme: theme,
            radius: options.radius, standardsPath: options.standards, sites: sites, language: documentLanguage)
        progress.report(stage: LocalText("progress.stage.map"), done: 2, total: 3)
        for n in built.noteTexts { note(language.tr("note.prefix", ["note": n.text(language)])) }
        let name = snapshot.metadata.name.isEmpty ? "gridplan" : snapshot.metadata.name
        let title = options.title ?? "\(name) · \(built.themeTitle)"
        let svg = MapSVG.render(
            snapshot: snapshot, overlays: built.overlays, title: title, subtitle: built.subtitle,
            width: options.width ?? 1200, language: documentLanguage)
        progress.report(stage: LocalText("progress.stage.map"), done: 3, total: 3)
        return MapResult(
            theme: theme, path: nil, svg: svg,
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
            note(language.tr("note.no_sites", ["reason": ErrorClassification.describe(error, language)]))
            return nil
        }
    }
}

/// Builds the overlays of a map theme from the area and coverage results.
public enum MapBuilder {
    /// Runs the area report and coverage with default options (coverage at `radius`) and turns
    /// them into map overlays for `theme`.
    public static func overlays(
        snapshot: Snapshot, standards: PolicyStandards, theme: MapTheme,
        radius: Double?, standardsPath: String?, sites: [(rank: Int, location: Point)] = [],
        language: DocumentLanguage = .both
    ) throws -> MapAssembly.Built {
        let areaParameters = try AreaReportOptions.parameters(AreaReportOptions(), standards: standards)
        let area = AreaStandard.report(snapshot, areaParameters)
        let coverageParameters = try CoverageOptions(radius: radius, standards: standardsPath).parameters(standards: standards)
        let coverage = try Coverage.analyze(snapshot, coverageParameters)
        return MapAssembly.build(
            snapshot: snapshot, theme: theme, area: area, coverage: coverage, sites: sites, language: language)
    }

    /// Sites given in longitude/latitude (as the siting list gives them), placed in the working CRS for the map.
    public static func sitesInWorkingCRS(_ sites: [(rank: Int, lon: Double, lat: Double)], workingCRS: String) throws -> [(
        rank: Int, location: Point
    )] {
        guard !sites.isEmpty else { return [] }
        let t = try CoordinateTransformer(from: .wgs84, to: CoordinateSystem(parsing: workingCRS))
        return try sites.map { (rank: $0.rank, location: try t.transform(Point($0.lon, $0.lat))) }
    }
}
