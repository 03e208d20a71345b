import Foundation
import GridAnalysis
import GridGeo
import GridLocale
import GridModel

/// Renderings of `grids plan`: an aligned table, CSV (one row per grid), and GeoJSON of the grid
/// polygons with their figures. JSON is `ResultEncoding.json(result)`.
public enum GridPlanRendering {
    static func organizationName(_ o: String) -> String {
        switch o {
        case "branch_committee": return "支部委员会"
        case "branch": return "党支部"
        case "joint_branch": return "联合党支部"
        case "general_branch": return "党总支"
        case "base_committee": return "基层党委"
        default: return "无"
        }
    }

    /// Root-mean-square distance to the grid centre, metres (the square root of compactness_m2).
    static func rms(_ m2: Double) -> String { String(Int(m2.squareRoot().rounded())) }

    /// The organization's Chinese name and its contract value (`党支部 branch`); in Chinese the name only.
    static func organizationLabel(_ o: String, _ l: Language) -> String {
        l == .zh ? organizationName(o) : organizationName(o) + " " + o
    }

    public static func table(_ r: GridPlanResult, _ l: Language = .en) -> String {
        var out =
            l.tr(
                "table.grids.head",
                [
                    "min": String(r.minHouseholds), "max": String(r.maxHouseholds), "method": r.method.rawValue,
                    "crs": r.workingCRS
                ]) + "\n"
        out += l.tr(r.applied ? "table.grids.applied" : "table.grids.not_applied") + "\n"
        out += "\n"
        var t = TextTable(
            headers: ["grid", "community", "buildings", "households", "members", "organization", "joint_with", "rms", "kept"]
                .map { l.tr("table.grids.column.\($0)") },
            alignments: [.left, .left, .right, .right, .right, .left, .left, .right, .left])
        let names = Dictionary(r.communities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for g in r.grids {
            let community = (names[g.communityId] ?? nil).map { "\(g.communityId) \($0)" } ?? g.communityId
            t.append([
                g.id, community, String(g.buildingIds.count), String(g.households),
                g.probationaryMembers > 0 ? "\(g.partyMembers)+\(g.probationaryMembers)" : String(g.partyMembers),
                organizationLabel(g.organization.rawValue, l),
                (g.jointWith ?? []).joined(separator: ","),
                rms(g.compactnessM2), g.kept ? l.tr("common.yes") : ""
            ])
        }
        out += t.render()
        var c = TextTable(
            headers: ["community", "name", "buildings", "households", "grids", "within", "rms", "kept", "moved"].map {
                l.tr("table.grids.column.\($0)")
            },
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right])
        for s in r.communities {
            c.append([
                s.id, s.name ?? "", String(s.buildings), String(s.households), String(s.grids), String(s.gridsWithinBounds),
                rms(s.compactnessM2), String(s.keptGrids), String(s.movedBuildings)
            ])
        }
        out += "\n" + l.tr("table.grids.communities") + "\n" + c.render()
        let within = r.grids.filter { $0.households >= r.minHouseholds && $0.households <= r.maxHouseholds }.count
        out +=
            "\n"
            + l.tr(
                "table.grids.summary",
                [
                    "grids": String(r.grids.count), "within": String(within), "min": String(r.minHouseholds),
                    "max": String(r.maxHouseholds), "rms": String(format: "%.0f", r.meanCompactnessM2.squareRoot())
                ])
        if let moved = r.movedBuildings { out += l.tr("table.grids.moved", ["moved": String(moved)]) }
        out += "\n"
        if !r.violations.isEmpty {
            var v = TextTable(headers: ["grid", "community", "rule", "detail"].map { l.tr("table.grids.column.\($0)") })
            for x in r.violations { v.append([x.gridId ?? "", x.communityId, x.rule, x.detail(l)]) }
            out += "\n" + l.tr("table.grids.violations", ["count": String(r.violations.count)]) + "\n" + v.render()
        }
        out += notesText(r.notes(l), l)
        return out
    }

    /// The notes under a table, one a line; empty when there are none.
    static func notesText(_ notes: [String], _ l: Language) -> String {
        notes.isEmpty ? "" : "\n" + l.tr("table.notes") + "\n" + notes.map { "- " + $0 }.joined(separator: "\n") + "\n"
    }

    public static func csv(_ r: GridPlanResult) -> String {
        var w = CSVWriter(header: [
            "id", "community_id", "name", "buildings", "households", "party_members", "probationary_members",
            "organization", "joint_with", "compactness_m2", "lon", "lat", "kept", "building_ids"
        ])
        for g in r.grids {
            w.appendRow([
                g.id, g.communityId, g.name ?? "", String(g.buildingIds.count), String(g.households), String(g.partyMembers),
                String(g.probationaryMembers), g.organization.rawValue, (g.jointWith ?? []).joined(separator: ";"),
                String(format: "%.1f", g.compactnessM2), String(format: "%.7f", g.centroid.lon),
                String(format: "%.7f", g.centroid.lat), g.kept ? "true" : "false", g.buildingIds.joined(separator: ";")
            ])
        }
        return w.text
    }

    /// Grid polygons (longitude/latitude) with their figures; a grid without a polygon is its centre point.
    public static func geojson(_ r: GridPlanResult, polygons: [String: MultiPolygon]) -> String {
        var w = GeoJSONWriter(name: "grids")
        let violations = Dictionary(grouping: r.violations.filter { $0.gridId != nil }, by: { $0.gridId! })
        for g in r.grids {
            let geometry: GeoJSONGeometry =
                polygons[g.id].map { .multiPolygon($0) } ?? .point(Point(g.centroid.lon, g.centroid.lat))
            w.add(
                geometry: geometry,
                properties: [
                    ("id", .string(g.id)), ("community_id", .string(g.communityId)), ("name", .string(g.name)),
                    ("buildings", .int(g.buildingIds.count)), ("households", .int(g.households)),
                    ("party_members", .int(g.partyMembers)), ("probationary_members", .int(g.probationaryMembers)),
                    ("organization", .string(g.organization.rawValue)), ("joint_with", .strings(g.jointWith ?? [])),
                    ("compactness_m2", .double(g.compactnessM2, places: 1)),
                    ("within_bounds", .bool(g.households >= r.minHouseholds && g.households <= r.maxHouseholds)),
                    ("kept", .bool(g.kept)), ("violations", .strings((violations[g.id] ?? []).map(\.rule)))
                ])
        }
        return w.finish()
    }
}
