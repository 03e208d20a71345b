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
    public static func table(_ r: SitingResult) -> String {
        var out = "objective \(r.objective.rawValue), radius \(num(r.radiusM, 0)) m, \(r.method.rawValue)"
        if let crs = r.workingCrs { out += ", working CRS \(crs)" }
        out += "\n"
        let total = Double(max(r.totalHouseholds, 1))
        out +=
            "households \(r.totalHouseholds); covered before \(r.coveredHouseholdsBefore) (\(num(100 * Double(r.coveredHouseholdsBefore) / total, 1))%), "
        out += "after \(r.coveredHouseholdsAfter) (\(num(100 * Double(r.coveredHouseholdsAfter) / total, 1))%); "
        out += "upper bound \(r.upperBoundHouseholds) (\(num(100 * Double(r.upperBoundHouseholds) / total, 1))%)\n"
        out += "\(r.candidateCount) candidates, \(r.sites.count) sites, \(r.swaps) swaps\n"
        out += certificateLine(r)
        if let before = r.meanDistanceBeforeM, let after = r.meanDistanceAfterM {
            out += "mean distance to the nearest center: \(num(before, 1)) m → \(num(after, 1)) m\n"
        } else if let after = r.meanDistanceAfterM {
            out += "mean distance to the nearest center after: \(num(after, 1)) m\n"
        }
        if let after = r.maxDistanceAfterM {
            let unit = r.method == .costs ? "" : " m"
            let ids = r.farthestBuildingIds ?? []
            let shown = ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", … (\(ids.count))" : "")
            out +=
                Catalogue.text(
                    "siting.center.line", .en,
                    [
                        "before": r.maxDistanceBeforeM.map { num($0, 1) + unit } ?? "∞", "after": num(after, 1) + unit,
                        "buildings": shown
                    ])
                + "\n"
        }
        if r.capacity != nil {
            out +=
                Catalogue.text(
                    "siting.capacity.line", .en,
                    [
                        "unserved": String(r.unservedForLackOfAreaHouseholds ?? 0),
                        "existing": String(r.existingAssignedHouseholds ?? 0)
                    ]) + "\n"
        }
        if let u = r.unreachedHouseholdsAfter, u > 0, r.objective != .center {
            out +=
                "\(u) households (\(r.unreachedBuildingIds?.count ?? 0) buildings) cannot walk to any center, existing or new "
                + "(another part of the network); left out of the mean\n"
        }
        if let needed = r.sitesNeededForFullCover, needed > r.sites.count {
            out += "the full cover needs \(needed) sites; listing the first \(r.sites.count)\n"
        }
        if let u = r.uncoverableBuildingIds, !u.isEmpty {
            out +=
                "\(u.count) uncovered buildings (\(r.uncoverableHouseholds ?? 0) households) are out of every candidate's reach\n"
        }
        let hasInput = r.sites.contains { $0.inputCrsLon != nil }
        var headers = ["rank", "candidate", "name", "kind", "community", "lon", "lat"]
        if hasInput { headers += ["input lon", "input lat"] }
        headers += ["new hh", "cumulative", "rate", "area m²", "available m²", "enough"]
        let capacityColumns = [
            Catalogue.text("siting.column.assigned", .en), Catalogue.text("siting.column.capacity", .en),
            Catalogue.text("siting.column.utilisation", .en)
        ]
        if r.capacity != nil { headers += capacityColumns }
        var t = TextTable(
            headers: headers,
            alignments: headers.map {
                ["rank", "lon", "lat", "input lon", "input lat", "new hh", "cumulative", "rate", "area m²", "available m²"]
                    .contains($0) || capacityColumns.contains($0) ? .right : .left
            })
        for s in r.sites {
            var row = [
                String(s.rank), s.candidateId, s.name ?? "", s.kind ?? "", s.communityId ?? "",
                num(s.lon, 6), num(s.lat, 6)
            ]
            if hasInput { row += [num(s.inputCrsLon, 6), num(s.inputCrsLat, 6)] }
            row += [
                String(s.newHouseholdsCovered), String(s.cumulativeCoveredHouseholds),
                num(100 * s.coverageRateAfter, 1) + "%", num(s.recommendedAreaM2, 1),
                num(s.availableAreaM2, 1), s.areaSufficient.map { $0 ? "yes" : "no" } ?? ""
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
    static func certificateLine(_ r: SitingResult) -> String {
        guard let proven = r.provenOptimal, let gap = r.optimalityGap else { return "" }
        let bound =
            r.lowerBoundMaxDistanceM.map { Catalogue.text("siting.center.bound", .en, ["bound": num($0, 1)]) }
            ?? r.lowerBoundWeightedDistanceM.map { "lower bound \(num($0, 1)) household-m" }
            ?? "upper bound \(r.upperBoundHouseholds) households"
        if proven { return "plan: proven optimal (\(bound))\n" }
        let percent = 100 * gap
        let shown = percent < 0.05 ? "<0.1" : num(percent, 1)
        return "plan: within \(shown)% of optimal, not proven (\(bound))\n"
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
