import Foundation
import GridAnalysis

/// Renderings of `report compliance`: a table of each finding list and the counts, or CSV of the counts.
public enum ComplianceRendering {
    static func rate(_ x: Double?) -> String { x.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }

    public static func table(_ r: ComplianceReport) -> String {
        var out = "Compliance for \(r.year)\n"
        func section(_ title: String, _ t: TextTable) {
            out += "\n\(title) (\(t.rows.count))\n" + (t.rows.isEmpty ? "none\n" : t.render())
        }
        var t = TextTable(
            headers: ["unit", "name", "kind", "community", "staff", "workers", "required", "to assign"],
            alignments: [.left, .left, .left, .left, .right, .right, .right, .right])
        for x in r.staffing {
            t.append([
                x.unitId, x.name ?? "", x.kind.rawValue, x.communityId ?? "", String(x.staff), String(x.partyWorkers),
                String(x.requiredWorkers), String(x.workersToAssign)
            ])
        }
        section("Full-time party workers below 2% (agencies, institutions) / 1% (SOEs)", t)
        t = TextTable(
            headers: ["unit", "name", "kind", "community", "party members"],
            alignments: [.left, .left, .left, .left, .right])
        for x in r.missingOrganizations {
            t.append([x.unitId, x.name ?? "", x.kind.rawValue, x.communityId ?? "", String(x.partyMembers)])
        }
        section("Units with 3 or more party members and no organization", t)
        t = TextTable(
            headers: ["kind", "units", "organized", "organization coverage", "work covered", "work coverage"],
            alignments: [.left, .right, .right, .right, .right, .right])
        for x in r.twoCoverage {
            t.append([
                x.kind.rawValue, String(x.units), String(x.organized), rate(x.organizationCoverageRate),
                String(x.workCovered), rate(x.workCoverageRate)
            ])
        }
        section("Two coverages", t)
        t = TextTable(headers: ["secretary", "name", "community", "last training"])
        for x in r.untrainedSecretaries { t.append([x.secretaryId, x.name ?? "", x.communityId, x.lastTrainingDate ?? "never"]) }
        section("Secretaries not trained in \(r.year)", t)
        t = TextTable(
            headers: ["leader", "name", "role", "community", "days", "meetings", "lectures", "days short"],
            alignments: [.left, .left, .left, .left, .right, .right, .right, .right])
        for x in r.contactShortfalls {
            t.append([
                x.leaderId, x.name ?? "", x.role.rawValue, x.communityId, String(x.days), String(x.meetings),
                String(x.lectures), String(x.daysShort)
            ])
        }
        section("Leaders short at their contact points", t)
        t = TextTable(headers: ["organization", "community", "rating", "last year", "move"])
        for x in r.lowRatings {
            t.append([x.organizationId, x.communityId ?? "", x.level, x.previousStars.map(String.init) ?? "-", x.move.rawValue])
        }
        section("Organizations rated 一般 or 较差", t)
        out +=
            "Rating moves: " + ["up", "down", "same", "new"].map { "\($0) \(r.ratingMoves[$0] ?? 0)" }.joined(separator: ", ")
            + "\n"
        t = TextTable(headers: ["organization", "community", "quarters without observation"])
        for x in r.missingObservations {
            t.append([x.organizationId, x.communityId ?? "", x.missingQuarters.map { "Q\($0)" }.joined(separator: " ")])
        }
        section("Organizations missing a quarterly observation", t)
        t = TextTable(
            headers: [
                "community", "name", "street", "staffing", "to assign", "no org", "untrained",
                "contacts", "low rated", "no observation", "findings"
            ],
            alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right, .right, .right])
        func add(_ label: String, _ name: String, _ street: String, _ c: ComplianceCounts) {
            t.append([
                label, name, street, String(c.staffingShortfalls), String(c.workersToAssign), String(c.missingOrganizations),
                String(c.untrainedSecretaries), String(c.contactShortfalls), String(c.lowRatings),
                String(c.missingObservations), String(c.findings)
            ])
        }
        for c in r.communities { add(c.id ?? "(none)", c.name ?? "", c.street ?? "", c) }
        for s in r.streets { add("street", "", s.street ?? "(no street)", s) }
        add("total", "", "", r.total)
        section("Findings per community, street and total", t)
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
