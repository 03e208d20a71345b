import Foundation
import GridAnalysis

import GridGeo
import GridLocale
import GridModel

/// Table, CSV and GeoJSON of a coverage result (JSON is `ResultEncoding.json`).
public enum CoverageRendering {
    static func pct(_ rate: Double) -> String { String(format: "%.1f%%", rate * 100) }
    static func num(_ x: Double?) -> String {
        guard let x else { return "" }
        return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%.1f", x)
    }

    /// Summary, rates per community and street, the largest gaps and accessibility.
    public static func table(_ r: CoverageResult, maxGaps: Int = 20, _ l: Language = .en) -> String {
        var out =
            l.tr(
                "table.coverage.head",
                [
                    "method": TableValues.name("method", r.method.rawValue, l), "radius": num(r.radiusM),
                    "street": num(r.reach["street"]),
                    "crs": r.workingCRS
                ]) + "\n"
        out +=
            l.tr(
                "table.coverage.total",
                [
                    "covered": String(r.total.coveredHouseholds), "households": String(r.total.households),
                    "rate": pct(r.total.coverageRate), "covered_buildings": String(r.total.coveredBuildings),
                    "buildings": String(r.total.buildings), "facilities": String(r.total.countedFacilities)
                ]) + "\n"
        if let u = r.unreachableBuildingIds, !u.isEmpty {
            out +=
                l.tr(
                    "table.coverage.unreachable",
                    ["count": String(u.count), "ids": u.prefix(10).joined(separator: ", ") + (u.count > 10 ? ", ..." : "")])
                + "\n"
        }
        let access = Dictionary(
            (r.accessibility?.communities ?? []).map { ($0.id, $0.m2Per100Households) }, uniquingKeysWith: { a, _ in a })
        var columns = ["community", "name", "households", "covered", "rate"]
        if r.accessibility != nil { columns.append("access") }
        var t = TextTable(
            headers: columns.map { l.tr("table.coverage.column.\($0)") },
            alignments: [.left, .left, .right, .right, .right, .right])
        for c in r.communities {
            var row = [c.id, c.name ?? "", String(c.households), String(c.coveredHouseholds), pct(c.coverageRate)]
            if r.accessibility != nil { row.append(access[c.id].map { String(format: "%.2f", $0) } ?? "") }
            t.append(row)
        }
        out += "\n" + t.render()
        if !r.streets.isEmpty {
            var s = TextTable(
                headers: ["street", "households", "covered", "rate"].map { l.tr("table.coverage.column.\($0)") },
                alignments: [.left, .right, .right, .right])
            for c in r.streets { s.append([c.id, String(c.households), String(c.coveredHouseholds), pct(c.coverageRate)]) }
            out += "\n" + s.render()
        }
        if !r.gaps.isEmpty {
            var g = TextTable(
                headers: ["gap", "households", "buildings", "lon", "lat", "communities"].map {
                    l.tr("table.coverage.column.\($0)")
                },
                alignments: [.left, .right, .right, .right, .right, .left])
            for gap in r.gaps.prefix(maxGaps) {
                g.append([
                    gap.id, String(gap.households), String(gap.buildings), String(format: "%.6f", gap.lon),
                    String(format: "%.6f", gap.lat), gap.communityIds.joined(separator: ",")
                ])
            }
            out +=
                "\n" + l.tr("table.coverage.gaps", ["link": num(r.linkM), "count": String(r.gaps.count)])
                + (r.gaps.count > maxGaps ? l.tr("table.coverage.gaps.largest", ["max": String(maxGaps)]) : "") + "\n"
                + g.render()
        }
        if let a = r.accessibility {
            out +=
                "\n"
                + l.tr(
                    "table.coverage.accessibility",
                    [
                        "method": a.method.rawValue, "total": String(format: "%.2f", a.totalM2Per100Households),
                        "standard": num(a.standardM2Per100Households), "catchment": Self.catchment(a, l)
                    ]) + "\n"
        }
        return out
    }

    /// The catchment in words: the result's own English text, or the same facts in `l`.
    static func catchment(_ a: AccessibilitySummary, _ l: Language) -> String {
        guard l != .en else { return a.catchment }
        let street = Int(a.catchmentM[FacilityLevel.street.rawValue] ?? 0)
        let others = Int(a.catchmentM[FacilityLevel.community.rawValue] ?? 0)
        let how =
            switch a.distance {
            case .costs: "table.coverage.catchment.costs"
            case .network: "table.coverage.catchment.network"
            default: "table.coverage.catchment.straight"
            }
        return l.tr("table.coverage.catchment", ["street": "\(street)", "others": "\(others)"]) + l.tr(how)
            + (a.method == .gaussian ? l.tr("table.coverage.catchment.gaussian") : "")
    }

    /// One row per building.
    public static func csv(_ r: CoverageResult) -> String {
        var w = CSVWriter(header: [
            "id", "community_id", "grid_id", "households", "nearest_facility_id", "distance_m", "covered",
            "covering_facility_id", "covering_distance_m", "access_distance_m",
            "accessibility_m2_per_100_households", "lon", "lat"
        ])
        for b in r.buildings {
            w.appendRow([
                b.id, b.communityId, b.gridId ?? "", String(b.households), b.nearestFacilityId ?? "",
                b.distanceM.map { String($0) } ?? "", b.covered ? "true" : "false", b.coveringFacilityId ?? "",
                b.coveringDistanceM.map { String($0) } ?? "", b.accessDistanceM.map { String($0) } ?? "",
                b.accessibilityM2Per100Households.map { String($0) } ?? "",
                String(b.lon), String(b.lat)
            ])
        }
        return w.text
    }

    /// Buildings (points with distance and covered flag), gap neighbourhoods as points and as hull polygons.
    /// Every feature has a `layer` property: `building`, `gap` or `gap_hull`.
    public static func geojson(_ r: CoverageResult) -> String {
        var w = GeoJSONWriter(name: "coverage")
        for b in r.buildings {
            w.add(
                geometry: .point(Point(b.lon, b.lat)),
                properties: [
                    ("layer", .string("building")), ("id", .string(b.id)), ("community_id", .string(b.communityId)),
                    ("households", .int(b.households)), ("nearest_facility_id", .string(b.nearestFacilityId)),
                    ("distance_m", .double(b.distanceM, places: 1)), ("covered", .bool(b.covered)),
                    ("covering_facility_id", .string(b.coveringFacilityId))
                ])
        }
        for g in r.gaps {
            let props: [(String, GeoJSONWriter.Value)] = [
                ("id", .string(g.id)), ("households", .int(g.households)), ("buildings", .int(g.buildings)),
                ("community_ids", .strings(g.communityIds)),
                ("nearest_facility_distance_m", .double(g.nearestFacilityDistanceM, places: 1))
            ]
            w.add(geometry: .point(Point(g.lon, g.lat)), properties: [("layer", .string("gap"))] + props)
            if g.hull.count >= 4 {
                let ring = g.hull.map { Point($0[0], $0[1]) }
                w.add(geometry: .polygon(Polygon(exterior: ring)), properties: [("layer", .string("gap_hull"))] + props)
            }
        }
        return w.finish()
    }
}
