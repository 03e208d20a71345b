import Foundation
import GridAnalysis
import GridGeo
import GridLocale
import GridModel

/// Renderings of `party plan` (the network per grid) and `report party` (coverage rates and
/// shortfalls): aligned tables, CSV and GeoJSON of grid polygons with their figures.
/// JSON is `ResultEncoding.json(result)` for both.
public enum PartyRendering {
    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    static func preamble(_ r: PartyPlanResult, _ l: Language) -> String {
        let on: String
        switch r.gridSource {
        case .store: on = l.tr("table.party.on.store")
        case .storeAndPlanned: on = l.tr("table.party.on.store_and_planned")
        default: on = l.tr("table.party.on.planned")
        }
        return l.tr(
            r.candidateBasis == .households ? "table.party.preamble.households" : "table.party.preamble.counts",
            [
                "on": on, "branch": String(r.rules.branch), "committee": String(r.rules.committee),
                "joint": String(r.rules.jointMaxUnits), "group": String(r.rules.group),
                "group_formal": String(r.rules.groupMinFormal), "per_center": String(r.householdsPerCenter),
                "reach": String(Int(r.reachM))
            ]) + "\n"
    }

    static func columns(_ names: [String], _ l: Language) -> [String] { names.map { l.tr("table.party.column.\($0)") } }

    /// `party plan`: one row per grid, then communities.
    public static func planTable(_ r: PartyPlanResult, _ l: Language = .en) -> String {
        var out = preamble(r, l) + "\n"
        var t = TextTable(
            headers: columns(
                [
                    "grid", "community", "households", "members", "organization", "joint_with", "groups",
                    "central", "linked", "work_coverage"
                ], l),
            alignments: [.left, .left, .right, .right, .left, .left, .right, .right, .right, .right])
        for g in r.grids {
            t.append([
                g.id, g.communityId, String(g.households),
                g.probationaryMembers > 0 ? "\(g.partyMembers)+\(g.probationaryMembers)" : String(g.partyMembers),
                GridPlanRendering.organizationLabel(g.organization.rawValue, l),
                (g.jointWith ?? []).joined(separator: ","), String(g.partyGroups), String(g.centralHouseholds),
                String(g.linkedHouseholds), percent(g.workCoverageRate)
            ])
        }
        out += t.render() + "\n" + communityTable(r, l)
        out += "\n" + l.tr("table.party.shortfall_count", ["count": String(r.shortfalls.count)]) + "\n"
        out += GridPlanRendering.notesText(r.notes(l), l)
        return out
    }

    static func communityTable(_ r: PartyPlanResult, _ l: Language) -> String {
        var c = TextTable(
            headers: columns(
                [
                    "community", "name", "organization", "members", "grids", "organized", "org_coverage",
                    "households", "covered", "work_coverage", "groups", "central"
                ], l),
            alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right])
        func row(_ id: String, _ name: String, _ org: String, _ v: PartyCoverage) -> [String] {
            [
                id, name, org, v.probationaryMembers > 0 ? "\(v.partyMembers)+\(v.probationaryMembers)" : String(v.partyMembers),
                String(v.grids), String(v.gridsOrganized), percent(v.organizationCoverageRate), String(v.households),
                String(v.coveredHouseholds), percent(v.workCoverageRate), String(v.partyGroups), String(v.centralHouseholds)
            ]
        }
        for x in r.communities {
            c.append(row(x.id, x.name ?? "", GridPlanRendering.organizationLabel(x.organization.rawValue, l), x.coverage))
        }
        c.append(row(l.tr("table.party.total"), "", "", r.total.coverage))
        return l.tr("table.party.communities") + "\n" + c.render()
    }

    /// `report party`: coverage rates per community and district, grids below 100%, every shortfall.
    public static func reportTable(_ r: PartyPlanResult, _ l: Language = .en) -> String {
        var out = preamble(r, l) + "\n" + communityTable(r, l)
        let below = r.grids.filter { $0.organizationCoverageRate < 1 || $0.workCoverageRate < 1 }
        if !below.isEmpty {
            var t = TextTable(
                headers: columns(
                    ["grid", "community", "organization", "org_coverage", "households", "covered", "work_coverage"], l),
                alignments: [.left, .left, .left, .right, .right, .right, .right])
            for g in below {
                t.append([
                    g.id, g.communityId,
                    l == .zh ? GridPlanRendering.organizationName(g.organization.rawValue) : g.organization.rawValue,
                    percent(g.organizationCoverageRate), String(g.households), String(g.coveredHouseholds),
                    percent(g.workCoverageRate)
                ])
            }
            out +=
                "\n" + l.tr("table.party.below", ["count": String(below.count), "grids": String(r.grids.count)]) + "\n"
                + t.render()
        }
        if r.shortfalls.isEmpty {
            out += "\n" + l.tr("table.party.no_shortfalls") + "\n"
        } else {
            var s = TextTable(
                headers: columns(["kind", "community", "grid", "building", "households", "detail"], l),
                alignments: [.left, .left, .left, .left, .right, .left])
            for x in r.shortfalls {
                s.append([
                    l == .zh ? l.tr("shortfall.kind.\(x.kind.rawValue)") : x.kind.rawValue, x.communityId, x.gridId ?? "",
                    x.buildingId ?? "", String(x.households), x.detail(l)
                ])
            }
            out += "\n" + l.tr("table.party.shortfalls", ["count": String(r.shortfalls.count)]) + "\n" + s.render()
        }
        out += GridPlanRendering.notesText(r.notes(l), l)
        return out
    }

    /// `party plan` CSV: one row per grid.
    public static func planCSV(_ r: PartyPlanResult) -> String {
        var w = CSVWriter(header: [
            "grid_id", "community_id", "households", "party_members", "probationary_members", "organization",
            "joint_with", "party_groups", "central_households", "linked_households", "covered_households",
            "organization_coverage_rate", "work_coverage_rate"
        ])
        for g in r.grids {
            w.appendRow([
                g.id, g.communityId, String(g.households), String(g.partyMembers), String(g.probationaryMembers),
                g.organization.rawValue, (g.jointWith ?? []).joined(separator: ";"), String(g.partyGroups),
                String(g.centralHouseholds), String(g.linkedHouseholds), String(g.coveredHouseholds),
                String(format: "%.4f", g.organizationCoverageRate), String(format: "%.4f", g.workCoverageRate)
            ])
        }
        return w.text
    }

    /// `report party` CSV: one row per grid, community and the district (`level` column).
    public static func reportCSV(_ r: PartyPlanResult) -> String {
        var w = CSVWriter(header: [
            "level", "id", "community_id", "organization", "grids", "grids_organized", "organization_coverage_rate",
            "households", "covered_households", "unlinked_households", "work_coverage_rate", "shortfalls"
        ])
        let shortfalls = Dictionary(grouping: r.shortfalls, by: { $0.gridId ?? "" })
        let byCommunity = Dictionary(grouping: r.shortfalls, by: \.communityId)
        for g in r.grids {
            w.appendRow([
                "grid", g.id, g.communityId, g.organization.rawValue, "1", g.organizationCoverageRate == 1 ? "1" : "0",
                String(format: "%.4f", g.organizationCoverageRate), String(g.households), String(g.coveredHouseholds),
                String(g.households - g.linkedHouseholds), String(format: "%.4f", g.workCoverageRate),
                String(shortfalls[g.id]?.count ?? 0)
            ])
        }
        func add(_ level: String, _ id: String, _ community: String, _ org: String, _ v: PartyCoverage, _ n: Int) {
            w.appendRow([
                level, id, community, org, String(v.grids), String(v.gridsOrganized),
                String(format: "%.4f", v.organizationCoverageRate),
                String(v.households), String(v.coveredHouseholds), String(v.unlinkedHouseholds),
                String(format: "%.4f", v.workCoverageRate), String(n)
            ])
        }
        for c in r.communities {
            add("community", c.id, c.id, c.organization.rawValue, c.coverage, byCommunity[c.id]?.count ?? 0)
        }
        add("district", "total", "", "", r.total.coverage, r.shortfalls.count)
        return w.text
    }

    /// Grid polygons (longitude/latitude) with the party figures.
    public static func geojson(_ r: PartyPlanResult, polygons: [String: MultiPolygon]) -> String {
        var w = GeoJSONWriter(name: "party_network")
        let shortfalls = Dictionary(grouping: r.shortfalls, by: { $0.gridId ?? "" })
        for g in r.grids {
            w.add(
                geometry: polygons[g.id].map { .multiPolygon($0) },
                properties: [
                    ("id", .string(g.id)), ("community_id", .string(g.communityId)), ("households", .int(g.households)),
                    ("party_members", .int(g.partyMembers)), ("probationary_members", .int(g.probationaryMembers)),
                    ("organization", .string(g.organization.rawValue)), ("joint_with", .strings(g.jointWith ?? [])),
                    ("party_groups", .int(g.partyGroups)), ("central_households", .int(g.centralHouseholds)),
                    ("linked_households", .int(g.linkedHouseholds)), ("covered_households", .int(g.coveredHouseholds)),
                    ("organization_coverage_rate", .double(g.organizationCoverageRate, places: 4)),
                    ("work_coverage_rate", .double(g.workCoverageRate, places: 4)),
                    ("shortfalls", .int(shortfalls[g.id]?.count ?? 0))
                ])
        }
        return w.finish()
    }
}
