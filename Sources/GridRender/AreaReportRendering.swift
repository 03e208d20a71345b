import Foundation
import GridAnalysis
import GridGeo
import GridLocale
import GridModel

/// Renderings of `report area`: an aligned table, CSV, and GeoJSON of the community (or grid)
/// polygons carrying the figures (a choropleth in QGIS). JSON is `ResultEncoding.json(report)`.
public enum AreaReportRendering {
    static func m2(_ x: Double) -> String { String(format: "%.2f", rounded(x, 2)) }
    static func per100(_ f: AreaFigures) -> String { f.areaPer100.map { String(format: "%.2f", rounded($0, 2)) } ?? "-" }

    /// The header lines: rule, basis, counted kinds, allocation, CRS.
    static func preamble(_ r: AreaReport, _ l: Language = .en) -> [String] {
        var lines = [
            l.tr(
                "table.area.standard",
                [
                    "standard": numberText(r.standardM2Per100Households),
                    "basis": l == .en ? r.areaBasis : TableValues.name("basis", r.areaBasis, l), "rule": r.rule.id,
                    "unit": l == .en ? r.rule.unit : l.tr("table.area.unit"), "source": Self.ruleSource(r.rule.source, l)
                ]),
            l.tr(
                r.countsEmbeddedOthers ? "table.area.counted_kinds.embedded" : "table.area.counted_kinds.only",
                ["kinds": r.countedKinds.map { TableValues.name("kind", $0, l) }.joined(separator: l == .en ? ", " : "、")])
        ]
        var alloc = l.tr("table.area.allocation", ["allocation": r.allocation.rawValue])
        if r.allocation == .reach, let radius = r.reachRadius, let street = r.streetReach {
            let reach = ["radius": numberText(radius), "street": numberText(street)]
            alloc +=
                r.reachFallbackFacilityIds.isEmpty
                ? l.tr("table.area.allocation.reach", reach)
                : l.tr(
                    "table.area.allocation.reach_fallback",
                    reach.merging(["ids": r.reachFallbackFacilityIds.joined(separator: ", ")]) { a, _ in a })
        }
        lines.append(alloc + l.tr("table.area.working_crs", ["crs": r.workingCRS]))
        return lines
    }

    static func numberText(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%.2f", x)
    }

    /// An aligned table (Chinese names line up): communities by deficit, then streets and the total.
    public static func table(_ r: AreaReport, _ l: Language = .en) -> String {
        var out = preamble(r, l).joined(separator: "\n") + "\n\n"
        let yes = l.tr("table.area.meets.yes"), no = l.tr("table.area.meets.no")
        let right: [TextTable.Alignment] = [.left, .left, .left, .right, .right, .right, .right, .right, .right, .left]
        var t = TextTable(
            headers: [
                "id", "name", "street", "households", "facilities", "area_m2",
                "per100", "required_m2", "deficit_m2", "meets"
            ].map { l.tr("table.area.column.\($0)") }, alignments: right)
        for c in r.communities {
            t.append([
                c.id, c.name ?? "", c.street ?? "", String(c.figures.households), String(c.facilityCount),
                m2(c.figures.facilityArea), per100(c.figures), m2(c.figures.requiredArea),
                m2(c.figures.deficit), c.meetsStandard ? yes : no
            ])
        }
        out +=
            l.tr(r.shortOnly ? "table.area.title.communities_short" : "table.area.title.communities") + "\n" + t.render()

        if let grids = r.grids {
            var g = TextTable(
                headers: [
                    "grid", "community", "name", "households", "facilities", "area_m2",
                    "per100", "required_m2", "deficit_m2", "meets"
                ].map { l.tr("table.area.column.\($0)") }, alignments: right)
            for row in grids {
                g.append([
                    row.id, row.communityId ?? "", row.name ?? "", String(row.figures.households),
                    String(row.facilityCount), m2(row.figures.facilityArea), per100(row.figures),
                    m2(row.figures.requiredArea), m2(row.figures.deficit), row.meetsStandard ? yes : no
                ])
            }
            out += "\n" + l.tr("table.area.title.grids") + "\n" + g.render()
        }

        var s = TextTable(
            headers: [
                "street", "communities", "meeting", "households", "area_m2", "per100",
                "required_m2", "deficit_m2", "net_deficit_m2"
            ].map { l.tr("table.area.column.\($0)") },
            alignments: [.left, .right, .right, .right, .right, .right, .right, .right, .right])
        func add(_ label: String, _ a: AreaAggregateRow) {
            s.append([
                label, String(a.communityCount), String(a.communitiesMeetingStandard), String(a.figures.households),
                m2(a.figures.facilityArea), per100(a.figures), m2(a.figures.requiredArea),
                m2(a.figures.deficit), m2(a.figures.netDeficit)
            ])
        }
        for a in r.streets { add(a.street ?? l.tr("table.area.no_street"), a) }
        add(l.tr("table.area.total"), r.total)
        out += "\n" + l.tr("table.area.title.streets") + "\n" + s.render()
        if r.unallocatedArea > 0 || !r.unallocatedFacilityIds.isEmpty {
            out +=
                "\n"
                + l.tr(
                    "table.area.unallocated",
                    ["area": m2(r.unallocatedArea), "ids": r.unallocatedFacilityIds.joined(separator: ", ")]) + "\n"
        }
        return out
    }

    static let csvHeader = [
        "level", "id", "name", "street", "community_id", "households", "facility_count",
        "facility_area_m2", "area_per_100_households", "required_area_m2", "deficit_m2",
        "meets_standard", "communities_meeting_standard", "net_deficit_m2"
    ]

    /// One CSV table: community rows, then grid rows (`--by grid`), street rows and a total row.
    public static func csv(_ r: AreaReport) -> String {
        var w = CSVWriter(header: csvHeader)
        func tail(_ f: AreaFigures) -> [String] {
            [m2(f.facilityArea), f.areaPer100.map { m2($0) } ?? "", m2(f.requiredArea), m2(f.deficit)]
        }
        for c in r.communities {
            w.appendRow(
                [
                    "community", c.id, c.name ?? "", c.street ?? "", c.id, String(c.figures.households),
                    String(c.facilityCount)
                ] + tail(c.figures) + [String(c.meetsStandard), "", ""])
        }
        for g in r.grids ?? [] {
            w.appendRow(
                [
                    "grid", g.id, g.name ?? "", "", g.communityId ?? "", String(g.figures.households),
                    String(g.facilityCount)
                ] + tail(g.figures) + [String(g.meetsStandard), "", ""])
        }
        for s in r.streets {
            w.appendRow(
                [
                    "street", s.street ?? "", "", s.street ?? "", "", String(s.figures.households),
                    String(s.facilityCount)
                ] + tail(s.figures)
                    + ["", String(s.communitiesMeetingStandard), m2(s.figures.netDeficit)])
        }
        let t = r.total
        w.appendRow(
            ["total", "", "", "", "", String(t.figures.households), String(t.facilityCount)] + tail(t.figures)
                + ["", String(t.communitiesMeetingStandard), m2(t.figures.netDeficit)])
        return w.text
    }

    /// A FeatureCollection of the listed communities' polygons (of the grids with `--by grid`),
    /// lon/lat WGS84, each carrying the report's figures (null geometry when no boundary is known).
    public static func geojson(_ r: AreaReport, communities: [Community], grids: [Grid]) -> String {
        var w = GeoJSONWriter(name: r.grids == nil ? "area_by_community" : "area_by_grid")
        func figures(_ f: AreaFigures, count: Int, meets: Bool) -> [(String, GeoJSONWriter.Value)] {
            [
                ("households", .int(f.households)), ("facility_count", .int(count)),
                ("facility_area_m2", .double(f.facilityArea, places: 2)),
                ("area_per_100_households", .double(f.areaPer100, places: 2)),
                ("required_area_m2", .double(f.requiredArea, places: 2)),
                ("deficit_m2", .double(f.deficit, places: 2)), ("meets_standard", .bool(meets)),
                ("standard_m2_per_100_households", .double(r.standardM2Per100Households, places: 2))
            ]
        }
        if let gridRows = r.grids {
            let shapes = Dictionary(grids.map { ($0.id, $0.boundaryLonLat) }, uniquingKeysWith: { a, _ in a })
            for g in gridRows {
                w.add(
                    geometry: (shapes[g.id] ?? nil).map { .multiPolygon($0) },
                    properties: [("id", .string(g.id)), ("community_id", .string(g.communityId)), ("name", .string(g.name))]
                        + figures(g.figures, count: g.facilityCount, meets: g.meetsStandard))
            }
        } else {
            let shapes = Dictionary(communities.map { ($0.id, $0.boundaryLonLat) }, uniquingKeysWith: { a, _ in a })
            for c in r.communities {
                w.add(
                    geometry: (shapes[c.id] ?? nil).map { .multiPolygon($0) },
                    properties: [("id", .string(c.id)), ("name", .string(c.name)), ("street", .string(c.street))]
                        + figures(c.figures, count: c.facilityCount, meets: c.meetsStandard))
            }
        }
        return w.finish()
    }

    /// Where the applied standard comes from: the standards file's own source as written, or
    /// gridplan's default or the command line in `l`.
    static func ruleSource(_ source: String, _ l: Language) -> String {
        switch source {
        case "gridplan default": l.tr("table.area.source.default")
        case "command line (--standard)": l.tr("table.area.source.command_line")
        default: source
        }
    }
}
