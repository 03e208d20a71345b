import Foundation
import GridLocale
import GridAnalysis
import GridModel
import GridRender

/// Options of `gridplan report html --out FILE` ≡ `gridplan report --html FILE` (JSON-RPC `report.html`).
public struct HTMLReportOptions: OperationOptions {
    /// Where to write the page; without it (or with `-`) the result carries the HTML text.
    public var out: String?
    /// Coverage reach of community- and grid-level facilities, metres (default reach.default).
    public var radius: Double?
    /// Map theme.
    public var theme: MapTheme
    /// Page title (default: the dataset's name and 规划报告 planning report).
    public var title: String?
    /// Length of the siting list (`site --count`; 0 leaves it out).
    public var sites: Int
    /// A standards file replacing `seeds/standards.json`.
    public var standards: String?

    public init(
        out: String? = nil, radius: Double? = nil, theme: MapTheme = .area, title: String? = nil, sites: Int = 10,
        standards: String? = nil
    ) {
        self.out = out; self.radius = radius; self.theme = theme; self.title = title; self.sites = sites;
        self.standards = standards
    }

    public static let fields: [OptionField] = [
        OptionField(
            "out", .text,
            help: "The HTML file to write (- for stdout; over JSON-RPC, leave it out to get the HTML in the result).",
            valueName: "file", requirement: .commandLine, aliases: ["html"]),
        SharedFields.radius,
        SharedFields.theme.help("What shades the communities on the report's map."),
        OptionField(
            "title", .text, help: "Page title (default: the dataset's name and 规划报告 planning report).", valueName: "text"),
        SharedFields.sites.help("Length of the siting list (`gridplan site --count`; 0 leaves it out)."),
        SharedFields.standards
    ]

    public init(_ v: OptionValues) throws {
        self.init(
            out: try v.outputPath("out"), radius: try v.number("radius"), theme: try v.choice("theme", MapTheme.self) ?? .area,
            title: try v.text("title"), sites: try v.integer("sites") ?? 10, standards: try v.text("standards"))
    }
}

/// What the report holds; the HTML itself when it was not written to a file.
public struct HTMLReportResult: Codable, Sendable {
    public var path: String?
    public var html: String?
    public var bytes: Int
    public var communities: Int
    public var underservedCommunities: Int
    public var coverageRate: Double
    /// In English (the same in every language).
    public var notes: [String]
    /// The same notes as catalogue texts, for the terminal in the reader's language (not encoded).
    public var noteTexts: [LocalText] = []
    enum CodingKeys: String, CodingKey {
        case path, html, bytes, communities, notes
        case underservedCommunities = "underserved_communities"
        case coverageRate = "coverage_rate"
    }
}

extension ServiceContext {
    /// The planning report: headline figures, the map, under-served communities, area deficits,
    /// coverage, the siting list (when available) and party coverage, as one offline HTML page.
    public func htmlReport(_ options: HTMLReportOptions) throws -> HTMLReportResult {
        let theme = options.theme
        if !(0...99).contains(options.sites) {
            throw UsageError(key: "usage.htmlreport_operation.1", ["sites": "\(options.sites)"])
        }
        let standards = try ProjectResources.loadStandards(path: options.standards)
        let snapshot = try snapshot()
        progress.report(stage: LocalText("progress.stage.report"), done: 0, total: 4)
        let siting = proposedSites(count: options.sites, radius: options.radius, standards: options.standards)
        let sitePoints = try MapBuilder.sitesInWorkingCRS(
            siting?.sites.map { (rank: $0.rank, lon: $0.lon, lat: $0.lat) } ?? [],
            workingCRS: snapshot.metadata.workingCRS)
        let built = try MapBuilder.overlays(
            snapshot: snapshot, standards: standards, theme: theme,
            radius: options.radius, standardsPath: options.standards, sites: sitePoints, language: documentLanguage)
        progress.report(stage: LocalText("progress.stage.report"), done: 1, total: 4)
        // The same ranking as `report underserved` (accessibility included).
        let underserved = try self.underserved(UnderservedOptions(radius: options.radius, standards: options.standards))
        progress.report(stage: LocalText("progress.stage.report"), done: 2, total: 4)
        var compliance: ComplianceReport? = nil
        if !snapshot.units.isEmpty {
            let year = Compliance.latestYear(snapshot.records) ?? Calendar(identifier: .gregorian).component(.year, from: Date())
            compliance = Compliance.report(snapshot, ComplianceOptions.parameters(year: year, standards: standards))
        }
        // Party coverage of grids and households (`report party`); a store without buildings has none.
        var party: PartyPlanResult? = nil
        do { party = try planParty(PartyPlanOptions(standards: options.standards)) } catch {
            note(language.tr("note.no_party", ["reason": ErrorClassification.describe(error, language)]))
        }
        let notes = built.notes
        let sitesNote =
            documentLanguage.text(
                options.sites == 0
                    ? "html.sites.left_out" : siting == nil ? "html.sites.unavailable" : "html.sites.none")
        let name = snapshot.metadata.name.isEmpty ? "gridplan" : snapshot.metadata.name
        let title = options.title ?? "\(name) " + documentLanguage.text("html.title")
        let svg = MapSVG.render(
            snapshot: snapshot, overlays: built.overlays, title: "\(name) · \(built.themeTitle)",
            subtitle: built.subtitle, width: 1200, language: documentLanguage)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        let content = HTMLReportContent(
            title: title, datasetName: name, workingCRS: snapshot.metadata.workingCRS,
            generatedAt: formatter.string(from: Date()) + " UTC",
            communityNames: Dictionary(
                snapshot.communities.compactMap { c in c.name.map { (c.id, $0) } }, uniquingKeysWith: { a, _ in a }),
            area: built.area, coverage: built.coverage, underserved: underserved, compliance: compliance,
            sites: siting.map { r in
                r.sites.map { s in
                    ReportSite(
                        rank: s.rank, candidateId: s.candidateId, name: s.name, communityId: s.communityId,
                        newHouseholdsCovered: s.newHouseholdsCovered, cumulativeCoveredHouseholds: s.cumulativeCoveredHouseholds,
                        coverageRateAfter: s.coverageRateAfter, recommendedAreaM2: s.recommendedAreaM2)
                }
            },
            sitesNote: sitesNote, mapSVG: svg, party: party)
        var document = content
        document.language = documentLanguage
        let html = HTMLReport.render(document)
        progress.report(stage: LocalText("progress.stage.report"), done: 4, total: 4)
        var result = HTMLReportResult(
            path: nil, html: html, bytes: html.utf8.count, communities: built.area.communities.count,
            underservedCommunities: underserved.underservedCommunities,
            coverageRate: built.coverage.total.coverageRate, notes: notes)
        result.noteTexts = built.noteTexts
        if let out = options.out {
            try OutputFile.write(html, to: out, option: "--html", what: LocalText("output.report"))
            result.path = out
            result.html = nil
        }
        return result
    }
}
