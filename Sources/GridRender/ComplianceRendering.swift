import Foundation
import GridAnalysis
import GridLocale

/// Renderings of `report compliance`: a table of each finding list and the counts, or CSV of the counts.
public enum ComplianceRendering {
    static func rate(_ x: Double?) -> String { x.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }

    /// An enumerated value: the contract's name in English, its Chinese name in Chinese.
    static func value(_ group: String, _ raw: String, _ l: Language) -> String {
        l == .en ? raw : l.tr("value.\(group).\(raw)")
    }

    public static func table(_ r: ComplianceReport, _ l: Language = .en) -> String {
        var out = l.tr("table.compliance.head", ["year": String(r.year)]) + "\n"
        func section(_ key: String, _ t: TextTable, _ arguments: [String: String] = [:]) {
            out +=
                "\n" + l.tr("table.compliance.section", ["title": l.tr(key, arguments), "count": String(t.rows.count)]) + "\n"
                + (t.rows.isEmpty ? l.tr("table.compliance.none") + "\n" : t.render())
        }
        func table(_ columns: [String], _ alignments: [TextTable.Alignment]? = nil) -> TextTable {
            TextTable(headers: columns.map { l.tr("table.compliance.column.\($0)") }, alignments: alignments)
        }
        var t = table(
            ["unit", "name", "kind", "community", "staff", "workers", "required", "to_assign"],
            [.left, .left, .left, .left, .right, .right, .right, .right])
        for x in r.staffing {
            t.append([
                x.unitId, x.name ?? "", value("unit_kind", x.kind.rawValue, l), x.communityId ?? "", String(x.staff),
                String(x.partyWorkers), String(x.requiredWorkers), String(x.workersToAssign)
            ])
        }
        section("table.compliance.staffing", t)
        t = table(["unit", "name", "kind", "community", "party_members"], [.left, .left, .left, .left, .right])
        for x in r.missingOrganizations {
            t.append([
                x.unitId, x.name ?? "", value("unit_kind", x.kind.rawValue, l), x.communityId ?? "", String(x.partyMembers)
            ])
        }
        section("table.compliance.missing_organizations", t)
        t = table(
            ["kind", "units", "organized", "organization_coverage", "work_covered", "work_coverage"],
            [.left, .right, .right, .right, .right, .right])
        for x in r.twoCoverage {
            t.append([
                value("unit_kind", x.kind.rawValue, l), String(x.units), String(x.organized), rate(x.organizationCoverageRate),
                String(x.workCovered), rate(x.workCoverageRate)
            ])
        }
        section("table.compliance.two_coverages", t)
        t = table(["secretary", "name", "community", "last_training"])
        for x in r.untrainedSecretaries {
            t.append([x.secretaryId, x.name ?? "", x.communityId, x.lastTrainingDate ?? l.tr("table.compliance.never")])
        }
        section("table.compliance.untrained", t, ["year": String(r.year)])
        t = table(
            ["leader", "name", "role", "community", "days", "meetings", "lectures", "days_short"],
            [.left, .left, .left, .left, .right, .right, .right, .right])
        for x in r.contactShortfalls {
            t.append([
                x.leaderId, x.name ?? "", value("role", x.role.rawValue, l), x.communityId, String(x.days), String(x.meetings),
                String(x.lectures), String(x.daysShort)
            ])
        }
        section("table.compliance.contacts", t)
        t = table(["organization", "community", "rating", "last_year", "move"])
        for x in r.lowRatings {
            t.append([
                x.organizationId, x.communityId ?? "", x.level, x.previousStars.map(String.init) ?? "-",
                value("move", x.move.rawValue, l)
            ])
        }
        section("table.compliance.low_ratings", t)
        out +=
            l.tr(
                "table.compliance.moves",
                [
                    "moves": ["up", "down", "same", "new"].map { "\(value("move", $0, l)) \(r.ratingMoves[$0] ?? 0)" }
                        .joined(separator: l == .zh ? "，" : ", ")
                ]) + "\n"
        t = table(["organization", "community", "quarters"])
        for x in r.missingObservations {
            t.append([
                x.organizationId, x.communityId ?? "",
                x.missingQuarters.map { l.tr("table.compliance.quarter", ["n": String($0)]) }.joined(separator: " ")
            ])
        }
        section("table.compliance.observations", t)
        t = table(
            [
                "community", "name", "street", "staffing", "to_assign", "no_org", "untrained",
                "contacts", "low_rated", "no_observation", "findings"
            ],
            [.left, .left, .left, .right, .right, .right, .right, .right, .right, .right, .right])
        func add(_ label: String, _ name: String, _ street: String, _ c: ComplianceCounts) {
            t.append([
                label, name, street, String(c.staffingShortfalls), String(c.workersToAssign), String(c.missingOrganizations),
                String(c.untrainedSecretaries), String(c.contactShortfalls), String(c.lowRatings),
                String(c.missingObservations), String(c.findings)
            ])
        }
        for c in r.communities { add(c.id ?? l.tr("table.compliance.no_community"), c.name ?? "", c.street ?? "", c) }
        for s in r.streets { add(l.tr("table.compliance.street"), "", s.street ?? l.tr("table.area.no_street"), s) }
        add(l.tr("table.area.total"), "", "", r.total)
        section("table.compliance.findings", t)
        return out
    }

    public static func csv(_ r: ComplianceReport) -> String {
        var w = CSVWriter(header: [
            "level", "id", "name", "street", "staffing_shortfalls", "workers_to_assign",
            "missing_organizations", "untrained_secretaries", "contact_shortfalls",
            "low_ratings", "missing_observations", "findings"
        ])
        func row(_ level: String, _ c: ComplianceCounts) {
            w.appendRow([
                level, c.id ?? "", c.name ?? "", c.street ?? "", String(c.staffingShortfalls), String(c.workersToAssign),
                String(c.missingOrganizations), String(c.untrainedSecretaries), String(c.contactShortfalls),
                String(c.lowRatings), String(c.missingObservations), String(c.findings)
            ])
        }
        for c in r.communities { row("community", c) }
        for s in r.streets { row("street", s) }
        row("total", r.total)
        return w.text
    }
}
