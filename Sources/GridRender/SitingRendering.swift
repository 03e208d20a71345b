import Foundation
import GridAnalysis
import GridGeo
import GridLocale

/// Table, CSV and GeoJSON renderings of a siting list.
public enum SitingRendering {
    static func num(_ x: Double?, _ places: Int) -> String {
        guard let x, x.isFinite else { return "" }
        return String(format: "%.\(places)f", x)
    }

    /// The list as an aligned table with a summary above it.
    public static func table(_ r: SitingResult, _ l: Language = .en) -> String {
        var out = l.tr(
            "table.site.head",
            [
                "objective": r.objective.rawValue, "radius": num(r.radiusM, 0),
                "method": TableValues.name("method", r.method.rawValue, l)
            ])
        if let crs = r.workingCrs { out += l.tr("table.site.head.crs", ["crs": crs]) }
        out += "\n"
        let total = Double(max(r.totalHouseholds, 1))
        func pct(_ n: Int) -> String { num(100 * Double(n) / total, 1) }
        out +=
            l.tr(
                "table.site.households",
                [
                    "total": String(r.totalHouseholds), "before": String(r.coveredHouseholdsBefore),
                    "before_pct": pct(r.coveredHouseholdsBefore), "after": String(r.coveredHouseholdsAfter),
                    "after_pct": pct(r.coveredHouseholdsAfter), "bound": String(r.upperBoundHouseholds),
                    "bound_pct": pct(r.upperBoundHouseholds)
                ]) + "\n"
        out +=
            l.tr(
                "table.site.counts",
                ["candidates": String(r.candidateCount), "sites": String(r.sites.count), "swaps": String(r.swaps)])
            + "\n"
        out += certificateLine(r, l)
        if let before = r.meanDistanceBeforeM, let after = r.meanDistanceAfterM {
            out += l.tr("table.site.mean_distance", ["before": num(before, 1), "after": num(after, 1)]) + "\n"
        } else if let after = r.meanDistanceAfterM {
            out += l.tr("table.site.mean_distance_after", ["after": num(after, 1)]) + "\n"
        }
        if let after = r.maxDistanceAfterM {
            let unit = r.method == .costs ? "" : " m"
            let ids = r.farthestBuildingIds ?? []
            let shown = ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", … (\(ids.count))" : "")
            out +=
                l.tr(
                    "siting.center.line",
                    [
                        "before": r.maxDistanceBeforeM.map { num($0, 1) + unit } ?? "∞", "after": num(after, 1) + unit,
                        "buildings": shown
                    ])
                + "\n"
        }
        if r.capacity != nil {
            out +=
                l.tr(
                    "siting.capacity.line",
                    [
                        "unserved": String(r.unservedForLackOfAreaHouseholds ?? 0),
                        "existing": String(r.existingAssignedHouseholds ?? 0)
                    ]) + "\n"
        }
        if let u = r.unreachedHouseholdsAfter, u > 0, r.objective != .center {
            out +=
                l.tr("table.site.unreached", ["households": String(u), "buildings": String(r.unreachedBuildingIds?.count ?? 0)])
                + "\n"
        }
        if let needed = r.sitesNeededForFullCover, needed > r.sites.count {
            out += l.tr("table.site.full_cover", ["needed": String(needed), "listed": String(r.sites.count)]) + "\n"
        }
        if let u = r.uncoverableBuildingIds, !u.isEmpty {
            out +=
                l.tr("table.site.uncoverable", ["buildings": String(u.count), "households": String(r.uncoverableHouseholds ?? 0)])
                + "\n"
        }
        let hasInput = r.sites.contains { $0.inputCrsLon != nil }
        var columns = ["rank", "candidate", "name", "kind", "community", "lon", "lat"]
        if hasInput { columns += ["input_lon", "input_lat"] }
        columns += ["new_hh", "cumulative", "rate", "area_m2", "available_m2", "enough"]
        let rightAligned: Set = [
            "rank", "lon", "lat", "input_lon", "input_lat", "new_hh", "cumulative", "rate", "area_m2", "available_m2"
        ]
        var headers = columns.map { l.tr("table.site.column.\($0)") }
        var alignments: [TextTable.Alignment] = columns.map { rightAligned.contains($0) ? .right : .left }
        if r.capacity != nil {
            headers += ["assigned", "capacity", "utilisation"].map { l.tr("siting.column.\($0)") }
            alignments += [.right, .right, .right]
        }
        var t = TextTable(headers: headers, alignments: alignments)
        let yes = l.tr("common.yes"), no = l.tr("common.no")
        for s in r.sites {
            var row = [
                String(s.rank), s.candidateId, s.name ?? "", s.kind.map { TableValues.name("kind", $0, l) } ?? "",
                s.communityId ?? "",
                num(s.lon, 6), num(s.lat, 6)
            ]
            if hasInput { row += [num(s.inputCrsLon, 6), num(s.inputCrsLat, 6)] }
            row += [
                String(s.newHouseholdsCovered), String(s.cumulativeCoveredHouseholds),
                num(100 * s.coverageRateAfter, 1) + "%", num(s.recommendedAreaM2, 1),
                num(s.availableAreaM2, 1), s.areaSufficient.map { $0 ? yes : no } ?? ""
            ]
            if r.capacity != nil {
                row += [
                    s.householdsAssigned.map(String.init) ?? "", s.capacityHouseholds.map(String.init) ?? "",
                    s.utilisation.map { num(100 * $0, 1) + "%" } ?? ""
                ]
            }
            t.append(row)
        }
        return out + t.render()
    }

    /// "proven optimal" or "within X.X% of optimal" with the bound; empty without a certificate.
    /// Never says "optimal" unless proven.
    static func certificateLine(_ r: SitingResult, _ l: Language = .en) -> String {
        guard let proven = r.provenOptimal, let gap = r.optimalityGap else { return "" }
        let bound =
            r.lowerBoundMaxDistanceM.map { l.tr("siting.center.bound", ["bound": num($0, 1)]) }
            ?? r.lowerBoundWeightedDistanceM.map { l.tr("table.site.bound.lower", ["value": num($0, 1)]) }
            ?? l.tr("table.site.bound.upper", ["value": String(r.upperBoundHouseholds)])
        if proven { return l.tr("table.site.proven", ["bound": bound]) + "\n" }
        let percent = 100 * gap
        let shown = percent < 0.05 ? "<0.1" : num(percent, 1)
        return l.tr("table.site.not_proven", ["gap": shown, "bound": bound]) + "\n"
    }

    static let csvHeader = [
        "rank", "candidate_id", "name", "kind", "source", "gap_id", "community_id", "lon", "lat",
        "input_crs_lon", "input_crs_lat", "new_households_covered", "cumulative_covered_households",
        "coverage_rate_after", "recommended_area_m2", "available_area_m2", "area_sufficient",
        "weighted_distance_reduction_m"
    ]

    /// One row per site.
    public static func csv(_ r: SitingResult) -> String {
        var w = CSVWriter(header: csvHeader)
        for s in r.sites {
            w.appendRow([
                String(s.rank), s.candidateId, s.name ?? "", s.kind ?? "", s.source.rawValue, s.gapId ?? "",
                s.communityId ?? "", num(s.lon, 7), num(s.lat, 7), num(s.inputCrsLon, 7), num(s.inputCrsLat, 7),
                String(s.newHouseholdsCovered), String(s.cumulativeCoveredHouseholds),
                num(s.coverageRateAfter, 4), num(s.recommendedAreaM2, 1), num(s.availableAreaM2, 1),
                s.areaSufficient.map { $0 ? "true" : "false" } ?? "", num(s.weightedDistanceReductionM, 1)
            ])
        }
        return w.text
    }

    /// One point feature per site (WGS84 lon/lat).
    public static func geojson(_ r: SitingResult) -> String {
        var g = GeoJSONWriter(name: "sites")
        for s in r.sites {
            g.add(
                geometry: .point(Point(s.lon, s.lat)),
                properties: [
                    ("rank", .int(s.rank)), ("candidate_id", .string(s.candidateId)), ("name", .string(s.name)),
                    ("kind", .string(s.kind)), ("source", .string(s.source.rawValue)), ("gap_id", .string(s.gapId)),
                    ("community_id", .string(s.communityId)),
                    ("new_households_covered", .int(s.newHouseholdsCovered)),
                    ("cumulative_covered_households", .int(s.cumulativeCoveredHouseholds)),
                    ("coverage_rate_after", .double(s.coverageRateAfter, places: 4)),
                    ("recommended_area_m2", .double(s.recommendedAreaM2, places: 1)),
                    ("available_area_m2", .double(s.availableAreaM2, places: 1)),
                    ("area_sufficient", .bool(s.areaSufficient)),
                    ("input_crs_lon", .double(s.inputCrsLon, places: 7)), ("input_crs_lat", .double(s.inputCrsLat, places: 7)),
                    ("objective", .string(r.objective.rawValue)), ("radius_m", .double(r.radiusM, places: 1))
                ])
        }
        return g.finish()
    }
}
