import Foundation
import GridAnalysis
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
        let a = c.area, cov = c.coverage, u = c.underserved
        var h = """
            <!DOCTYPE html>
            <html lang="zh-CN">
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
            <div class="meta">\(esc(c.datasetName)) · 工作坐标系 working CRS \(esc(c.workingCRS)) · 面积标准 standard \(num(a.standardM2Per100Households)) m² / 100 户 households (\(esc(a.rule.source))) · 覆盖半径 reach \(num(cov.radiusM)) m, street-level centers \(num(cov.reach["street"] ?? 0)) m</div>

            """
        // Headline figures.
        let t = a.total
        let per100 = t.figures.areaPer100
        let uncovered = cov.total.households - cov.total.coveredHouseholds
        let gapHouseholds = cov.gaps.reduce(0) { $0 + $1.households }
        h += "<section id=\"headline\" class=\"headline\">\n"
        h += figure("社区 communities", "\(t.communityCount)", detail: "\(thousands(t.figures.households)) 户 households")
        h += figure(
            "每百户服务面积 m² per 100 households", per100.map { num($0, 1) } ?? "–",
            detail: "标准 standard \(num(a.standardM2Per100Households))", state: per100.map { $0 >= a.standardM2Per100Households })
        h += figure(
            "达标社区 communities meeting the standard", "\(t.communitiesMeetingStandard) / \(t.communityCount)",
            state: t.communitiesMeetingStandard == t.communityCount)
        h += figure(
            "面积缺口 area deficit", "\(num(t.figures.deficit, 0)) m²", detail: "需要 required \(num(t.figures.requiredArea, 0)) m²",
            state: t.figures.deficit == 0)
        h += figure(
            "覆盖率 households covered", pct(cov.total.coverageRate),
            detail: "\(thousands(cov.total.coveredHouseholds)) / \(thousands(cov.total.households)) 户", state: uncovered == 0)
        h += figure(
            "服务空白区 gap neighbourhoods", "\(cov.gaps.count)", detail: "\(thousands(gapHouseholds)) 户 households",
            state: cov.gaps.isEmpty)
        h += figure("服务不足社区 under-served communities", "\(u.underservedCommunities)", state: u.underservedCommunities == 0)
        h += figure(
            "计入设施 counted facilities", "\(cov.total.countedFacilities)", detail: "\(t.facilityCount) in the area standard")
        h += "</section>\n"

        // The map.
        h += "<section class=\"map-section\">\n<h2>地图 Map</h2>\n<div class=\"map\">\n\(inlineSVG(c.mapSVG))</div>\n</section>\n"

        // Under-served communities.
        h += "<section id=\"underserved\">\n<h2>服务不足社区 Under-served communities</h2>\n"
        let under = u.communities.filter(\.underserved)
        if under.isEmpty {
            h += "<p class=\"note\">Every community meets the area standard and is fully covered.</p>\n"
        } else {
            h += table(
                ["#", "社区 community", "街道 street", "户 households", "m²/100户", "缺口 deficit m²", "覆盖率 coverage", "原因 reasons"],
                numeric: [0, 3, 4, 5, 6],
                rows: under.map { r in
                    [
                        "\(r.rank)", label(r.id, r.name), r.street ?? "", thousands(r.households), num(r.areaPer100Households, 1),
                        num(r.deficitM2, 1), pct(r.coverageRate), r.reasons.joined(separator: "; ")
                    ]
                })
        }
        h += "</section>\n"

        // Area deficits.
        h += "<section id=\"area\">\n<h2>面积标准 Area per 100 households</h2>\n"
        let short = a.communities.filter { !$0.meetsStandard }.sorted {
            ($0.figures.deficit, $1.id) > ($1.figures.deficit, $0.id)
        }
        h +=
            "<p class=\"note\">\(a.communities.count - short.count) of \(a.communities.count) communities meet \(num(a.standardM2Per100Households)) m² per 100 households; the \(short.count) below it, largest deficit first:</p>\n"
        h += table(
            ["社区 community", "户 households", "设施面积 facility m²", "m²/100户", "需要 required m²", "缺口 deficit m²"],
            numeric: [1, 2, 3, 4, 5], rowClass: "short",
            rows: short.map { r in
                [
                    label(r.id, r.name), thousands(r.figures.households), num(r.figures.facilityArea, 1),
                    r.figures.areaPer100.map { num($0, 1) } ?? "–", num(r.figures.requiredArea, 1), num(r.figures.deficit, 1)
                ]
            })
        h += "</section>\n"

        // Coverage.
        h += "<section id=\"coverage\">\n<h2>覆盖 Coverage within \(num(cov.radiusM)) m</h2>\n"
        h += table(
            ["社区 community", "户 households", "已覆盖 covered", "覆盖率 rate"], numeric: [1, 2, 3],
            rows: cov.communities.map { r in
                [
                    label(r.id, r.name ?? c.communityNames[r.id]), thousands(r.households), thousands(r.coveredHouseholds),
                    pct(r.coverageRate)
                ]
            })
        if !cov.gaps.isEmpty {
            h += "<h3>服务空白区 Gap neighbourhoods (the \(min(cov.gaps.count, 15)) largest of \(cov.gaps.count))</h3>\n"
            h += table(
                ["空白区 gap", "户 households", "楼栋 buildings", "社区 communities", "最近设施 nearest facility m"], numeric: [1, 2, 4],
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
        h += "<section id=\"siting\">\n<h2>选址建议 Proposed sites</h2>\n"
        if let sites = c.sites, !sites.isEmpty {
            h += table(
                ["#", "候选点 candidate", "社区 community", "新增覆盖 new households", "累计 cumulative", "覆盖率 rate after", "建议面积 m²"],
                numeric: [0, 3, 4, 5, 6],
                rows: sites.map { s in
                    [
                        "\(s.rank)", label(s.candidateId, s.name), s.communityId.map { label($0, c.communityNames[$0]) } ?? "",
                        thousands(s.newHouseholdsCovered), thousands(s.cumulativeCoveredHouseholds), pct(s.coverageRateAfter),
                        s.recommendedAreaM2.map { num($0, 0) } ?? ""
                    ]
                })
        } else {
            h += "<p class=\"note\">\(esc(c.sitesNote ?? "No siting list."))</p>\n"
        }
        h += "</section>\n"

        // Party coverage.
        h += "<section id=\"party\">\n<h2>党组织覆盖 Party coverage</h2>\n"
        if let p = c.party {
            let t = p.total.coverage
            h +=
                "<p class=\"note\">Grids with a party organization of their own or a joint one: \(t.gridsOrganized) of \(t.grids) (\(pct(t.organizationCoverageRate))); "
                + "households reached by a party group or a central household: \(thousands(t.coveredHouseholds)) of \(thousands(t.households)) (\(pct(t.workCoverageRate))); "
                + "\(thousands(t.partyGroups)) party groups, \(thousands(t.centralHouseholds)) central households; \(p.shortfalls.count) shortfalls (target 100% for both rates).</p>\n"
            h += table(
                [
                    "社区 community", "组织 organization", "网格 grids", "组织覆盖率 organization", "户 households", "工作覆盖率 work",
                    "党小组 groups", "中心户 central"
                ],
                numeric: [2, 3, 4, 5, 6, 7],
                rows: p.communities.map { r in
                    [
                        label(r.id, r.name ?? c.communityNames[r.id]), r.organization.rawValue,
                        "\(r.coverage.gridsOrganized) / \(r.coverage.grids)",
                        pct(r.coverage.organizationCoverageRate), thousands(r.coverage.households),
                        pct(r.coverage.workCoverageRate),
                        "\(r.coverage.partyGroups)", "\(r.coverage.centralHouseholds)"
                    ]
                })
        }
        if let comp = c.compliance, !comp.twoCoverage.isEmpty {
            h +=
                "<h3>单位 Units</h3>\n<p class=\"note\">Organization coverage and work coverage (两个覆盖) of the units, \(comp.year); \(comp.missingOrganizations.count) units should set up an organization of their own.</p>\n"
            h += table(
                ["单位类型 kind", "单位 units", "有组织 organized", "组织覆盖率", "工作覆盖 work covered", "工作覆盖率"], numeric: [1, 2, 3, 4, 5],
                rows: comp.twoCoverage.map { r in
                    [
                        r.kind.rawValue, "\(r.units)", "\(r.organized)", r.organizationCoverageRate.map(pct) ?? "–",
                        "\(r.workCovered)",
                        r.workCoverageRate.map(pct) ?? "–"
                    ]
                })
        }
        if c.party == nil && (c.compliance?.twoCoverage.isEmpty ?? true) {
            h += "<p class=\"note\">No party data in the store: party coverage cannot be shown.</p>\n"
        }
        h += "</section>\n"
        h +=
            "<footer>gridplan · \(esc(c.generatedAt)) · figures from <code>report area</code>, <code>coverage</code>, <code>report underserved</code>, <code>site</code>, <code>report party</code> and <code>report compliance</code> with default options.</footer>\n"
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
