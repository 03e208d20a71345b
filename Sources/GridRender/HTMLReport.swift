import Foundation
import GridAnalysis
import GridLocale
import GridModel

/// One proposed site in the report's siting list (filled from the siting result when available).
public struct ReportSite: Sendable, Hashable {
    public var rank: Int
    public var candidateId: String
    public var name: String?
    public var communityId: String?
    public var newHouseholdsCovered: Int
    public var cumulativeCoveredHouseholds: Int
    public var coverageRateAfter: Double
    public var recommendedAreaM2: Double?

    public init(
        rank: Int, candidateId: String, name: String? = nil, communityId: String? = nil, newHouseholdsCovered: Int,
        cumulativeCoveredHouseholds: Int, coverageRateAfter: Double, recommendedAreaM2: Double? = nil
    ) {
        self.rank = rank; self.candidateId = candidateId; self.name = name; self.communityId = communityId
        self.newHouseholdsCovered = newHouseholdsCovered; self.cumulativeCoveredHouseholds = cumulativeCoveredHouseholds
        self.coverageRateAfter = coverageRateAfter; self.recommendedAreaM2 = recommendedAreaM2
    }
}

/// Everything the planning report shows.
public struct HTMLReportContent: Sendable {
    public var title: String
    public var datasetName: String
    public var workingCRS: String
    /// When the report was made (printed in the footer).
    public var generatedAt: String
    public var communityNames: [String: String]
    public var area: AreaReport
    public var coverage: CoverageResult
    public var underserved: UnderservedResult
    /// Party organization coverage (两个覆盖) from the compliance report; nil when there are no units.
    public var compliance: ComplianceReport?
    /// The siting list; nil when the siting analysis is not available (`sitesNote` says why).
    public var sites: [ReportSite]?
    public var sitesNote: String?
    /// The map, an SVG document (its XML declaration is dropped when inlined).
    public var mapSVG: String
    /// Party organization and work coverage of grids and households (`report party`); nil when not available.
    public var party: PartyPlanResult?
    /// Both languages side by side (the default), or one (`--lang`).
    public var language: DocumentLanguage = .both

    public init(
        title: String, datasetName: String, workingCRS: String, generatedAt: String, communityNames: [String: String],
        area: AreaReport, coverage: CoverageResult, underserved: UnderservedResult, compliance: ComplianceReport?,
        sites: [ReportSite]?, sitesNote: String?, mapSVG: String, party: PartyPlanResult? = nil
    ) {
        self.title = title; self.datasetName = datasetName; self.workingCRS = workingCRS; self.generatedAt = generatedAt
        self.communityNames = communityNames; self.area = area; self.coverage = coverage; self.underserved = underserved
        self.compliance = compliance; self.sites = sites; self.sitesNote = sitesNote; self.mapSVG = mapSVG
        self.party = party
    }
}

/// The planning report as one self-contained offline HTML page: inline CSS, the map as inline
/// SVG, no script, no external resource; prints on A4.
public enum HTMLReport {
    /// Stylesheet: screen and print (A4 portrait, table headers repeated, rows kept whole).
    static let css = """
        :root { --ink: #2d3436; --muted: #636e72; --line: #dfe6e9; --bad: #c0392b; --good: #1e8449; }
        * { box-sizing: border-box; }
        body { font-family: \(MapSVG.fontFamily); color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 24px; line-height: 1.45; }
        h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
        .meta { color: var(--muted); font-size: 13px; margin-bottom: 16px; }
        .headline { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; }
        .figure { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
        .figure .value { font-size: 22px; font-weight: bold; }
        .figure .label { font-size: 12px; color: var(--muted); }
        .figure.bad .value { color: var(--bad); } .figure.good .value { color: var(--good); }
        .map svg { width: 100%; height: auto; display: block; border: 1px solid var(--line); }
        table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #f5f6fa; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.short td { color: var(--bad); }
        .note { color: var(--muted); font-size: 12.5px; }
        footer { margin-top: 32px; color: var(--muted); font-size: 11px; }
        @page { size: A4; margin: 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11px; }
          .headline { grid-template-columns: repeat(4, 1fr); }
          h2 { break-after: avoid; }
          section.map-section, .headline { break-inside: avoid; }
          .map svg { max-height: 240mm; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
        }
        """

    public static func render(_ c: HTMLReportContent) -> String {
        let d = c.language
        let a = c.area, cov = c.coverage, u = c.underserved
        var h = """
            <!DOCTYPE html>
            <html lang="\(d.single == .en && d != .both ? "en" : "zh-CN")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(c.title))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <h1>\(esc(c.title))</h1>
            <div class="meta">\(esc(c.datasetName)) · \(esc(d.text("html.meta.crs", ["crs": c.workingCRS]))) · \(esc(d.text("html.meta.standard", ["standard": num(a.standardM2Per100Households), "source": a.rule.source]))) · \(esc(d.text("html.meta.reach", ["radius": num(cov.radiusM), "street": num(cov.reach["street"] ?? 0)])))</div>

            """
        // Headline figures.
        let t = a.total
        let per100 = t.figures.areaPer100
        let uncovered = cov.total.households - cov.total.coveredHouseholds
        let gapHouseholds = cov.gaps.reduce(0) { $0 + $1.households }
        h += "<section id=\"headline\" class=\"headline\">\n"
        h += figure(
            d.text("html.communities"), "\(t.communityCount)",
            detail: "\(thousands(t.figures.households)) " + d.text("html.unit.households"))
        h += figure(
            d.text("html.m_per_100_households"), per100.map { num($0, 1) } ?? "–",
            detail: d.text("html.word.standard") + " \(num(a.standardM2Per100Households))",
            state: per100.map { $0 >= a.standardM2Per100Households })
        h += figure(
            d.text("html.communities_meeting_the_standard"), "\(t.communitiesMeetingStandard) / \(t.communityCount)",
            state: t.communitiesMeetingStandard == t.communityCount)
        h += figure(
            d.text("html.area_deficit"), "\(num(t.figures.deficit, 0)) m²",
            detail: d.text("html.word.required") + " \(num(t.figures.requiredArea, 0)) m²",
            state: t.figures.deficit == 0)
        h += figure(
            d.text("html.households_covered"), pct(cov.total.coverageRate),
            detail: "\(thousands(cov.total.coveredHouseholds)) / "
                + "\(thousands(cov.total.households)) " + d.text("html.unit.households"), state: uncovered == 0)
        h += figure(
            d.text("html.gap_neighbourhoods"), "\(cov.gaps.count)",
            detail: "\(thousands(gapHouseholds)) " + d.text("html.unit.households"),
            state: cov.gaps.isEmpty)
        h += figure(d.text("html.under_served_communities"), "\(u.underservedCommunities)", state: u.underservedCommunities == 0)
        h += figure(
            d.text("html.counted_facilities"), "\(cov.total.countedFacilities)",
            detail: d.text("html.detail.in_standard", ["n": String(t.facilityCount)]))
        h += "</section>\n"

        // The map.
        h +=
            "<section class=\"map-section\">\n<h2>\(esc(d.text("html.h.map")))</h2>\n<div class=\"map\">\n\(inlineSVG(c.mapSVG))</div>\n</section>\n"

        // Under-served communities.
        h += "<section id=\"underserved\">\n<h2>\(esc(d.text("html.under_served_communities")))</h2>\n"
        let under = u.communities.filter(\.underserved)
        if under.isEmpty {
            h += "<p class=\"note\">\(esc(d.text("html.all_served")))</p>\n"
        } else {
            h += table(
                [
                    "#", d.text("html.community"), d.text("html.street"), d.text("html.households"), d.text("html.per100"),
                    d.text("html.deficit_m"), d.text("html.coverage"), d.text("html.reasons")
                ],
                numeric: [0, 3, 4, 5, 6],
                rows: under.map { r in
                    [
                        "\(r.rank)", label(r.id, r.name), r.street ?? "", thousands(r.households), num(r.areaPer100Households, 1),
                        num(r.deficitM2, 1), pct(r.coverageRate),
                        d == .both || r.reasonTexts.isEmpty
                            ? r.reasons.joined(separator: "; ") : r.reasonTexts.map { $0.text(d.single) }.joined(separator: "; ")
                    ]
                })
        }
        h += "</section>\n"

        // Area deficits.
        h += "<section id=\"area\">\n<h2>\(esc(d.text("html.h.area")))</h2>\n"
        let short = a.communities.filter { !$0.meetsStandard }.sorted {
            ($0.figures.deficit, $1.id) > ($1.figures.deficit, $0.id)
        }
        h +=
            "<p class=\"note\">"
            + esc(
                d.text(
                    "html.area_note",
                    [
                        "meeting": String(a.communities.count - short.count), "communities": String(a.communities.count),
                        "standard": num(a.standardM2Per100Households), "short": String(short.count)
                    ])) + "</p>\n"
        h += table(
            [
                d.text("html.community"), d.text("html.households"), d.text("html.facility_m"), d.text("html.per100"),
                d.text("html.required_m"), d.text("html.deficit_m")
            ],
            numeric: [1, 2, 3, 4, 5], rowClass: "short",
            rows: short.map { r in
                [
                    label(r.id, r.name), thousands(r.figures.households), num(r.figures.facilityArea, 1),
                    r.figures.areaPer100.map { num($0, 1) } ?? "–", num(r.figures.requiredArea, 1), num(r.figures.deficit, 1)
                ]
            })
        h += "</section>\n"

        // Coverage.
        h += "<section id=\"coverage\">\n<h2>\(esc(d.text("html.h.coverage", ["radius": num(cov.radiusM)])))</h2>\n"
        h += table(
            [d.text("html.community"), d.text("html.households"), d.text("html.covered"), d.text("html.rate")],
            numeric: [1, 2, 3],
            rows: cov.communities.map { r in
                [
                    label(r.id, r.name ?? c.communityNames[r.id]), thousands(r.households), thousands(r.coveredHouseholds),
                    pct(r.coverageRate)
                ]
            })
        if !cov.gaps.isEmpty {
            h +=
                "<h3>\(esc(d.text("html.h.gaps", ["shown": String(min(cov.gaps.count, 15)), "count": String(cov.gaps.count)])))</h3>\n"
            h += table(
                [
                    d.text("html.gap"), d.text("html.households"), d.text("html.buildings"), d.text("html.communities"),
                    d.text("html.nearest_facility_m")
                ], numeric: [1, 2, 4],
                rows: cov.gaps.prefix(15).map { g in
                    [
                        g.id, thousands(g.households), "\(g.buildings)",
                        g.communityIds.map { label($0, c.communityNames[$0]) }.joined(separator: ", "),
                        g.nearestFacilityDistanceM.map { num($0, 0) } ?? "–"
                    ]
                })
        }
        h += "</section>\n"

        // Siting.
        h += "<section id=\"siting\">\n<h2>\(esc(d.text("html.h.sites")))</h2>\n"
        if let sites = c.sites, !sites.isEmpty {
            h += table(
                [
                    "#", d.text("html.candidate"), d.text("html.community"), d.text("html.new_households"),
                    d.text("html.cumulative"), d.text("html.rate_after"), d.text("html.m")
                ],
                numeric: [0, 3, 4, 5, 6],
                rows: sites.map { s in
                    [
                        "\(s.rank)", label(s.candidateId, s.name), s.communityId.map { label($0, c.communityNames[$0]) } ?? "",
                        thousands(s.newHouseholdsCovered), thousands(s.cumulativeCoveredHouseholds), pct(s.coverageRateAfter),
                        s.recommendedAreaM2.map { num($0, 0) } ?? ""
                    ]
                })
        } else {
            h += "<p class=\"note\">\(esc(c.sitesNote ?? d.text("html.no_sites")))</p>\n"
        }
        h += "</section>\n"

        // Party coverage.
        h += "<section id=\"party\">\n<h2>\(esc(d.text("html.h.party")))</h2>\n"
        if let p = c.party {
            let t = p.total.coverage
            let arguments = [
                "organized": String(t.gridsOrganized), "grids": String(t.grids), "org_rate": pct(t.organizationCoverageRate),
                "covered": thousands(t.coveredHouseholds), "households": thousands(t.households),
                "work_rate": pct(t.workCoverageRate), "groups": thousands(t.partyGroups),
                "central": thousands(t.centralHouseholds), "shortfalls": String(p.shortfalls.count)
            ]
            h += "<p class=\"note\">\(esc(d.text("html.party_note", arguments)))</p>\n"
            h += table(
                [
                    d.text("html.community"), d.text("html.organization"), d.text("html.grids"), d.text("html.organization_2"),
                    d.text("html.households"), d.text("html.work"),
                    d.text("html.groups"), d.text("html.central")
                ],
                numeric: [2, 3, 4, 5, 6, 7],
                rows: p.communities.map { r in
                    [
                        label(r.id, r.name ?? c.communityNames[r.id]),
                        d.text("html.org.\(r.organization.rawValue)"),
                        "\(r.coverage.gridsOrganized) / \(r.coverage.grids)",
                        pct(r.coverage.organizationCoverageRate), thousands(r.coverage.households),
                        pct(r.coverage.workCoverageRate),
                        "\(r.coverage.partyGroups)", "\(r.coverage.centralHouseholds)"
                    ]
                })
        }
        if let comp = c.compliance, !comp.twoCoverage.isEmpty {
            h +=
                "<h3>\(esc(d.text("html.units")))</h3>\n<p class=\"note\">"
                + esc(
                    d.text(
                        "html.units_note",
                        ["year": String(comp.year), "missing": String(comp.missingOrganizations.count)])) + "</p>\n"
            h += table(
                [
                    d.text("html.kind"), d.text("html.units"), d.text("html.organized"), d.text("html.organization_2"),
                    d.text("html.work_covered"), d.text("html.work")
                ], numeric: [1, 2, 3, 4, 5],
                rows: comp.twoCoverage.map { r in
                    [
                        d.single == .zh && d != .both ? d.text("value.unit_kind.\(r.kind.rawValue)") : r.kind.rawValue,
                        "\(r.units)", "\(r.organized)", r.organizationCoverageRate.map(pct) ?? "–",
                        "\(r.workCovered)",
                        r.workCoverageRate.map(pct) ?? "–"
                    ]
                })
        }
        if c.party == nil && (c.compliance?.twoCoverage.isEmpty ?? true) {
            h += "<p class=\"note\">\(esc(d.text("html.no_party")))</p>\n"
        }
        h += "</section>\n"
        h +=
            "<footer>gridplan · \(esc(c.generatedAt)) · \(esc(d.text("html.footer")))</footer>\n"
        h += "</body>\n</html>\n"
        return h
    }

    /// The SVG without its XML declaration, for inlining in HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.range(of: "?>") else { return svg }
        return String(svg[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }

    static func figure(_ label: String, _ value: String, detail: String? = nil, state: Bool? = nil) -> String {
        let cls = state.map { $0 ? " good" : " bad" } ?? ""
        return "<div class=\"figure\(cls)\"><div class=\"value\">\(esc(value))</div><div class=\"label\">\(esc(label))</div>"
            + (detail.map { "<div class=\"label\">\(esc($0))</div>" } ?? "") + "</div>\n"
    }

    static func table(_ headers: [String], numeric: Set<Int> = [], rowClass: String? = nil, rows: [[String]]) -> String {
        var s = "<table>\n<thead><tr>"
        for (i, hd) in headers.enumerated() { s += "<th\(numeric.contains(i) ? " class=\"num\"" : "")>\(esc(hd))</th>" }
        s += "</tr></thead>\n<tbody>\n"
        for r in rows {
            s += "<tr\(rowClass.map { " class=\"\($0)\"" } ?? "")>"
            for (i, cell) in r.enumerated() { s += "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(esc(cell))</td>" }
            s += "</tr>\n"
        }
        return s + "</tbody>\n</table>\n"
    }

    static func label(_ id: String, _ name: String?) -> String {
        guard let name, !name.isEmpty, name != id else { return id }
        return "\(name) (\(id))"
    }

    static func esc(_ s: String) -> String { MapSVG.escape(s) }
    /// `x` with `places` decimals and thousands separators (1,234.5).
    static func num(_ x: Double, _ places: Int = 0) -> String {
        guard x.isFinite else { return "–" }
        let text = String(format: "%.\(places)f", abs(x))
        let parts = text.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0])
        var grouped = ""
        while digits.count > 3 { grouped = "," + String(digits.suffix(3)) + grouped; digits.removeLast(3) }
        grouped = String(digits) + grouped
        let negative = x < 0 && text.contains(where: { $0 != "0" && $0 != "." })
        return (negative ? "-" : "") + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }
    static func thousands(_ n: Int) -> String { num(Double(n), 0) }
    static func pct(_ r: Double) -> String { String(format: "%.1f%%", r * 100) }
}
