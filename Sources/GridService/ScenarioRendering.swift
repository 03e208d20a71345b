import Foundation
import GridAnalysis
import GridLocale
import GridRender

/// The scenario results as tables, Chinese first (the planner's language), English on request.
enum ScenarioRendering {
    static func number(_ v: Double?, _ places: Int = 2) -> String {
        guard let v else { return "-" }
        return String(format: "%.\(places)f", v)
    }

    /// A value's name in `l` (`value.kind.party_mass_station`), the value itself in English.
    static func value(_ group: String, _ raw: String, _ l: Language) -> String {
        l == .en || !Catalogue.has("value.\(group).\(raw)") ? raw : l.tr("value.\(group).\(raw)")
    }

    static func percent(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }

    static func signed(_ v: Double, _ places: Int = 2) -> String {
        (v > 0 ? "+" : "") + String(format: "%.\(places)f", v == 0 ? 0 : v)
    }

    static func signed(_ v: Int) -> String { v > 0 ? "+\(v)" : String(v) }

    /// The summaries of two states and their change, one line per figure.
    static func summaryTable(_ s: ScenarioSideBySide, first: String, second: String, _ l: Language) -> String {
        var t = TextTable(
            headers: [l.tr("scenarios.column.figure"), first, second, l.tr("scenarios.column.change")],
            alignments: [.left, .right, .right, .right])
        let a = s.first, b = s.second, d = s.change
        t.append([l.tr("scenarios.figure.households"), String(a.households), String(b.households), signed(d.households)])
        t.append([
            l.tr("scenarios.figure.covered"), String(a.householdsCovered), String(b.householdsCovered),
            signed(d.householdsCovered)
        ])
        t.append([
            l.tr("scenarios.figure.coverage_rate"), percent(a.coverageRate), percent(b.coverageRate),
            signed(d.coverageRate * 100, 1) + "%"
        ])
        t.append([
            l.tr("scenarios.figure.meeting"), "\(a.communitiesMeeting)/\(a.communities)",
            "\(b.communitiesMeeting)/\(b.communities)",
            signed(d.communitiesMeeting)
        ])
        t.append([
            l.tr("scenarios.figure.deficit"), number(a.totalDeficitM2), number(b.totalDeficitM2), signed(d.totalDeficitM2)
        ])
        t.append([l.tr("scenarios.figure.per100"), number(a.per100), number(b.per100), d.per100.map { signed($0) } ?? "-"])
        return t.render()
    }

    /// The communities whose figures differ between the two states (all of them with `all`);
    /// `sides` name the states in the headers.
    static func communityTable(_ s: ScenarioSideBySide, all: Bool, sides: (String, String), _ l: Language) -> String {
        let rows = s.communities.filter { all || $0.first != $0.second }
        guard !rows.isEmpty else { return l.tr("scenarios.no_community_change") + "\n" }
        var headers = ["id", "name", "households"].map { l.tr("scenarios.column.\($0)") }
        for column in ["area", "per100", "deficit", "covered"] {
            for side in [sides.0, sides.1] { headers.append(l.tr("scenarios.column.\(column)_side", ["side": side])) }
        }
        var t = TextTable(headers: headers, alignments: [.left, .left] + Array(repeating: .right, count: 9))
        for r in rows {
            t.append([
                r.communityId, r.name ?? "", String(r.households), number(r.first.areaM2), number(r.second.areaM2),
                number(r.first.per100), number(r.second.per100), number(r.first.deficitM2), number(r.second.deficitM2),
                String(r.first.coveredHouseholds), String(r.second.coveredHouseholds)
            ])
        }
        return t.render()
    }

    static func facilityTable(_ rows: [ScenarioFacilityRow], _ l: Language) -> String {
        guard !rows.isEmpty else { return "" }
        var t = TextTable(
            headers: ["facility", "change", "kind", "name", "community", "area"].map { l.tr("scenarios.column.\($0)") },
            alignments: [.left, .left, .left, .left, .left, .right])
        for r in rows {
            t.append([
                r.id, l.tr("scenarios.change.\(r.change)"), value("kind", r.kind, l), r.name ?? "",
                r.communityId ?? l.tr("scenarios.outside"), number(r.usableAreaM2)
            ])
        }
        return t.render()
    }

    static func buildingsLine(_ s: ScenarioSideBySide, _ l: Language) -> String {
        let gained = s.buildingsChanged.filter(\.coveredSecond), lost = s.buildingsChanged.filter { !$0.coveredSecond }
        return l.tr(
            "scenarios.buildings_changed",
            [
                "gained": String(gained.count), "gained_households": String(gained.reduce(0) { $0 + $1.households }),
                "lost": String(lost.count), "lost_households": String(lost.reduce(0) { $0 + $1.households })
            ]) + "\n"
    }

    static func settingsLine(_ s: ScenarioSettings, _ l: Language) -> String {
        l.tr(
            "scenarios.settings",
            [
                "radius": number(s.radiusM, 0), "method": value("method", s.method, l),
                "standard": number(s.standardM2Per100Households, 0), "allocation": s.allocation
            ]) + "\n"
    }

    static func evaluation(_ r: ScenarioEvaluation, _ l: Language) -> String {
        var out = ""
        if let rec = r.record {
            out += l.tr("scenarios.head.named", ["name": rec.name, "edits": String(r.editCount)]) + "\n"
            if let note = rec.note, !note.isEmpty { out += l.tr("scenarios.head.note", ["note": note]) + "\n" }
            if let applied = rec.appliedAt { out += l.tr("scenarios.head.applied", ["at": applied]) + "\n" }
        } else {
            out += l.tr("scenarios.head.evaluate", ["edits": String(r.editCount)]) + "\n"
        }
        out += settingsLine(r.settings, l) + "\n"
        out += summaryTable(r.sides, first: l.tr("scenarios.column.base"), second: l.tr("scenarios.column.scenario"), l)
        out += "\n" + communityTable(r.sides, all: false, sides: (l.tr("scenarios.side.before"), l.tr("scenarios.side.after")), l)
        let facilities = facilityTable(r.facilities, l)
        if !facilities.isEmpty { out += "\n" + facilities }
        out += "\n" + buildingsLine(r.sides, l)
        return out
    }

    static func list(_ rows: [ScenarioRecordView], store: String, _ l: Language) -> String {
        guard !rows.isEmpty else { return l.tr("scenarios.none", ["store": store]) + "\n" }
        var t = TextTable(
            headers: ["name", "edits", "note", "updated", "applied"].map { l.tr("scenarios.column.\($0)") },
            alignments: [.left, .right, .left, .left, .left])
        for r in rows {
            t.append([r.name, String(r.edits.arrayValue?.count ?? 0), r.note ?? "", r.updatedAt, r.appliedAt ?? ""])
        }
        return t.render()
    }

    static func comparison(_ r: ScenarioComparison, _ l: Language) -> String {
        var out = l.tr("scenarios.head.compare", ["a": r.a, "b": r.b]) + "\n"
        out += settingsLine(r.settings, l) + "\n"
        out += summaryTable(r.sides, first: r.a, second: r.b, l)
        out += "\n" + communityTable(r.sides, all: false, sides: (r.a, r.b), l)
        out += "\n" + buildingsLine(r.sides, l)
        return out
    }

    static func application(_ r: ScenarioApplication, store: String, _ l: Language) -> String {
        let counts = [
            "name": r.name, "store": store, "added": String(r.added), "updated": String(r.updated), "removed": String(r.removed)
        ]
        var out = l.tr(r.dryRun ? "scenarios.apply_preview" : "scenarios.applied", counts) + "\n"
        let table = facilityTable(r.facilitiesChanged, l)
        if !table.isEmpty { out += "\n" + table }
        return out
    }
}
