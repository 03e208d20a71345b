import Foundation
import GridAnalysis
import GridGeo
import GridLocale

/// Table, CSV and GeoJSON of the under-served ranking.
public enum UnderservedRendering {
    /// The under-served communities and the largest gaps, each with its reasons.
    public static func table(_ r: UnderservedResult, maxGaps: Int = 20, _ l: Language = .en) -> String {
        var out =
            l.tr(
                "table.underserved.head",
                [
                    "underserved": String(r.underservedCommunities), "communities": String(r.communities.count),
                    "standard": CoverageRendering.num(r.standardM2Per100Households), "radius": CoverageRendering.num(r.radiusM),
                    "method": TableValues.name("method", r.method.rawValue, l), "crs": r.workingCRS
                ]) + "\n"
        func reasons(_ texts: [LocalText], _ english: [String]) -> String {
            // A result decoded from JSON has only the English reasons.
            texts.isEmpty ? english.joined(separator: "; ") : texts.map { $0.text(l) }.joined(separator: l == .zh ? "；" : "; ")
        }
        var t = TextTable(
            headers: ["rank", "community", "name", "households", "deficit_m2", "uncovered", "access", "reasons"].map {
                l.tr("table.underserved.column.\($0)")
            },
            alignments: [.right, .left, .left, .right, .right, .right, .right, .left])
        for c in r.communities where c.underserved {
            t.append([
                String(c.rank), c.id, c.name ?? "", String(c.households), CoverageRendering.num(c.deficitM2),
                String(c.uncoveredHouseholds), c.accessibilityM2Per100Households.map { String(format: "%.2f", $0) } ?? "",
                reasons(c.reasonTexts, c.reasons)
            ])
        }
        out += "\n" + t.render()
        if !r.gaps.isEmpty {
            var g = TextTable(
                headers: ["rank", "gap", "households", "lon", "lat", "reasons"].map { l.tr("table.underserved.column.\($0)") },
                alignments: [.right, .left, .right, .right, .right, .left])
            for gap in r.gaps.prefix(maxGaps) {
                g.append([
                    String(gap.rank), gap.id, String(gap.households), String(format: "%.6f", gap.lon),
                    String(format: "%.6f", gap.lat), reasons(gap.reasonTexts, gap.reasons)
                ])
            }
            out +=
                "\n" + l.tr("table.underserved.gaps", ["count": String(r.gaps.count)])
                + (r.gaps.count > maxGaps ? l.tr("table.underserved.gaps.first", ["max": String(maxGaps)]) : "") + "\n"
                + g.render()
        }
        return out
    }

    /// One row per community, then one per gap (`kind` column tells which).
    public static func csv(_ r: UnderservedResult) -> String {
        var w = CSVWriter(header: [
            "kind", "rank", "id", "households", "deficit_m2", "uncovered_households",
            "accessibility_m2_per_100_households", "lon", "lat", "community_ids", "reasons"
        ])
        for c in r.communities {
            w.appendRow([
                "community", String(c.rank), c.id, String(c.households), String(c.deficitM2), String(c.uncoveredHouseholds),
                c.accessibilityM2Per100Households.map { String($0) } ?? "", "", "", c.id, c.reasons.joined(separator: "; ")
            ])
        }
        for g in r.gaps {
            w.appendRow([
                "gap", String(g.rank), g.id, String(g.households), String(g.communityDeficitM2), String(g.households),
                "", String(g.lon), String(g.lat), g.communityIds.joined(separator: " "), g.reasons.joined(separator: "; ")
            ])
        }
        return w.text
    }

    /// Gap neighbourhoods as points with rank and reasons.
    public static func geojson(_ r: UnderservedResult) -> String {
        var w = GeoJSONWriter(name: "underserved")
        for g in r.gaps {
            w.add(
                geometry: .point(Point(g.lon, g.lat)),
                properties: [
                    ("layer", .string("gap")), ("rank", .int(g.rank)), ("id", .string(g.id)), ("households", .int(g.households)),
                    ("community_ids", .strings(g.communityIds)),
                    ("community_deficit_m2", .double(g.communityDeficitM2, places: 1)),
                    ("reasons", .strings(g.reasons))
                ])
        }
        return w.finish()
    }
}
