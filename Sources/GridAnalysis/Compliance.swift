import Foundation
import GridGeo
import GridModel

/// Thresholds of the compliance checks (docs/standards.md: staff.*, party.branch, training.secretary,
/// contact.*, rating.levels, observe.quarterly), read from the standards file by the caller.
public struct ComplianceParameters: Sendable {
    public var year: Int
    /// Full-time party workers per staff in agencies and public institutions (staff.agency, 0.02).
    public var agencyRatio: Double = 0.02
    /// Full-time party workers per employee in state-owned enterprises (staff.soe, 0.01).
    public var soeRatio: Double = 0.01
    /// Formal members from which a unit should have an organization of its own (party.branch, 3).
    public var branchMinimum: Int = 3
    public var districtDays = 15, districtMeetings = 2, districtLectures = 2
    public var streetDays = 20, streetMeetings = 2, streetLectures = 2
    /// Ratings at or below this many stars are flagged (2 = 一般, 1 = 较差).
    public var lowStars = 2

    public init(year: Int) { self.year = year }
}

public enum Compliance {
    /// The latest year any record names (contacts, ratings, observations, trainings), or nil.
    public static func latestYear(_ r: ComplianceRecords) -> Int? {
        var years = r.contacts.map(\.year) + r.ratings.map(\.year)
        years += r.observations.compactMap { year(of: $0.date) }
        years += r.secretaries.compactMap { $0.lastTrainingDate.flatMap(year(of:)) }
        return years.max()
    }

    static func year(of date: String) -> Int? { Int(date.prefix(4)) }
    static func quarter(of date: String) -> Int? {
        let parts = date.split(separator: "-")
        guard parts.count >= 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        return (m - 1) / 3 + 1
    }

    /// ceil(ratio × staff), robust to the binary representation of the ratio (0.02 × 50 = 1).
    public static func requiredWorkers(staff: Int, ratio: Double) -> Int {
        Int((Double(staff) * ratio - 1e-9).rounded(.up))
    }

    static let levels = [5: "优秀", 4: "良好", 3: "较好", 2: "一般", 1: "较差"]

    /// Runs every check for `p.year`.
    ///
    /// A secretary counts as trained when the last training date falls in the year or later.
    /// Organizations checked for observations: every organization that has a rating or an
    /// observation in the year.
    public static func report(_ s: Snapshot, _ p: ComplianceParameters) -> ComplianceReport {
        let units = unitChecks(s.units, p)
        let untrained = untrainedSecretaries(s.records, year: p.year)
        let contacts = contactShortfalls(s.records, p)
        let ratings = ratingChecks(s.records, p)
        let missingObs = missingObservations(s.records, year: p.year, rated: ratings.rated)
        var communities = Dictionary(
            uniqueKeysWithValues: s.communities.map { ($0.id, ComplianceCounts(id: $0.id, name: $0.name, street: $0.street)) })
        func bump(_ cid: String?, _ f: (inout ComplianceCounts) -> Void) {
            let key = cid ?? ""
            if communities[key] == nil { communities[key] = ComplianceCounts(id: cid) }  // nil: no community
            f(&communities[key]!)
        }
        for x in units.staffing {
            bump(x.communityId) {
                $0.staffingShortfalls += 1; $0.workersToAssign += x.workersToAssign
            }
        }
        for x in units.missingOrganizations { bump(x.communityId) { $0.missingOrganizations += 1 } }
        for x in untrained { bump(x.communityId) { $0.untrainedSecretaries += 1 } }
        for x in contacts { bump(x.communityId) { $0.contactShortfalls += 1 } }
        for x in ratings.low { bump(x.communityId) { $0.lowRatings += 1 } }
        for x in missingObs { bump(x.communityId) { $0.missingObservations += 1 } }
        let rows = communities.values.sorted { ($0.findings, $1.id ?? "") > ($1.findings, $0.id ?? "") }
        var streets: [String: ComplianceCounts] = [:]
        var total = ComplianceCounts()
        for r in rows {
            let key = r.street ?? ""
            streets[key, default: ComplianceCounts(street: r.street)].add(r)
            total.add(r)
        }
        return ComplianceReport(
            year: p.year,
            staffing: units.staffing.sorted { ($0.workersToAssign, $1.unitId) > ($1.workersToAssign, $0.unitId) },
            staffingUnknownUnitIds: units.unknown.sorted(),
            missingOrganizations: units.missingOrganizations.sorted { $0.unitId < $1.unitId },
            twoCoverage: twoCoverage(s.units), untrainedSecretaries: untrained.sorted { $0.secretaryId < $1.secretaryId },
            contactShortfalls: contacts.sorted { ($0.leaderId, $0.communityId) < ($1.leaderId, $1.communityId) },
            lowRatings: ratings.low.sorted { ($0.stars, $0.organizationId) < ($1.stars, $1.organizationId) },
            ratingMoves: ratings.moves,
            missingObservations: missingObs.sorted { $0.organizationId < $1.organizationId },
            communities: rows,
            streets: streets.values.sorted { ($0.findings, $1.street ?? "") > ($1.findings, $0.street ?? "") },
            total: total)
    }

    /// Units below their party-worker ratio (and those whose workers are unknown), and units with
    /// enough party members and no organization of their own.
    static func unitChecks(_ units: [OrganizationUnit], _ p: ComplianceParameters)
        -> (staffing: [StaffingShortfall], unknown: [String], missingOrganizations: [MissingOrganization])
    {
        var staffing: [StaffingShortfall] = [], unknown: [String] = [], missingOrg: [MissingOrganization] = []
        for u in units {
            let ratio: Double?
            switch u.kind {
            case .agency, .institution: ratio = p.agencyRatio
            case .soe: ratio = p.soeRatio
            default: ratio = nil
            }
            if let ratio {
                if let w = u.partyWorkers {
                    let need = requiredWorkers(staff: u.staff, ratio: ratio)
                    if w < need {
                        staffing.append(
                            StaffingShortfall(
                                unitId: u.id, name: u.name, kind: u.kind, communityId: u.communityId,
                                staff: u.staff, partyWorkers: w, requiredWorkers: need, workersToAssign: need - w))
                    }
                } else {
                    unknown.append(u.id)
                }
            }
            if let m = u.partyMembers, m >= p.branchMinimum, u.hasOrganization == false {
                missingOrg.append(
                    MissingOrganization(
                        unitId: u.id, name: u.name, kind: u.kind,
                        communityId: u.communityId, partyMembers: m))
            }
        }
        return (staffing, unknown, missingOrg)
    }

    /// Organization and work coverage (两个覆盖) of non-public units and social organizations.
    static func twoCoverage(_ units: [OrganizationUnit]) -> [TwoCoverage] {
        [UnitKind.nonPublic, .socialOrg].map { kind -> TwoCoverage in
            let us = units.filter { $0.kind == kind }
            let organized = us.filter { $0.hasOrganization == true }.count
            let work = us.filter { $0.hasOrganization == true || ($0.partyMembers ?? 0) > 0 || ($0.partyWorkers ?? 0) > 0 }.count
            return TwoCoverage(
                kind: kind, units: us.count, organized: organized, workCovered: work,
                organizationCoverageRate: us.isEmpty ? nil : Double(organized) / Double(us.count),
                workCoverageRate: us.isEmpty ? nil : Double(work) / Double(us.count))
        }
    }

    /// Secretaries without a training in `year` or later.
    static func untrainedSecretaries(_ records: ComplianceRecords, year inYear: Int) -> [UntrainedSecretary] {
        records.secretaries.filter { sec in
            guard let d = sec.lastTrainingDate, let y = year(of: d) else { return true }
            return y < inYear
        }.map {
            UntrainedSecretary(
                secretaryId: $0.id, name: $0.name, communityId: $0.communityId, lastTrainingDate: $0.lastTrainingDate)
        }
    }

    /// Leaders short of the days, meetings or lectures their role demands in the year.
    static func contactShortfalls(_ records: ComplianceRecords, _ p: ComplianceParameters) -> [ContactShortfall] {
        records.contacts.filter { $0.year == p.year }.compactMap { c -> ContactShortfall? in
            let (d, m, l) =
                c.role == .districtStanding
                ? (p.districtDays, p.districtMeetings, p.districtLectures)
                : (p.streetDays, p.streetMeetings, p.streetLectures)
            let short = (max(0, d - c.daysOnSite), max(0, m - c.meetingsAttended), max(0, l - c.lecturesGiven))
            guard short.0 + short.1 + short.2 > 0 else { return nil }
            return ContactShortfall(
                leaderId: c.leaderId, name: c.name, role: c.role, communityId: c.communityId,
                days: c.daysOnSite, meetings: c.meetingsAttended, lectures: c.lecturesGiven,
                daysShort: short.0, meetingsShort: short.1, lecturesShort: short.2)
        }
    }

    /// The year's ratings (the lowest when an organization is rated twice) against the year
    /// before: the moves of all, the organizations rated low, and the year's ratings by organization.
    static func ratingChecks(_ records: ComplianceRecords, _ p: ComplianceParameters)
        -> (moves: [String: Int], low: [LowRating], rated: [String: RatingRecord])
    {
        func ratings(_ y: Int) -> [String: RatingRecord] {
            Dictionary(
                records.ratings.filter { $0.year == y }.map { ($0.organizationId, $0) },
                uniquingKeysWith: { a, b in a.stars <= b.stars ? a : b })
        }
        let now = ratings(p.year), before = ratings(p.year - 1)
        var moves = Dictionary(uniqueKeysWithValues: RatingMove.allCases.map { ($0.rawValue, 0) })
        var low: [LowRating] = []
        for (id, r) in now {
            let prev = before[id]?.stars
            let move = prev.map { RatingMove(stars: r.stars, previousStars: $0) } ?? .new
            moves[move.rawValue, default: 0] += 1
            if r.stars <= p.lowStars {
                low.append(
                    LowRating(
                        organizationId: id, communityId: r.communityId ?? before[id]?.communityId, stars: r.stars,
                        level: levels[r.stars] ?? "\(r.stars)", previousStars: prev, move: move))
            }
        }
        return (moves, low, now)
    }

    /// Organizations (observed or rated in `year`) without an observation in some quarter.
    static func missingObservations(
        _ records: ComplianceRecords, year inYear: Int,
        rated: [String: RatingRecord]
    ) -> [MissingObservation] {
        var quarters: [String: Set<Int>] = [:], orgCommunity: [String: String] = [:]
        for o in records.observations where year(of: o.date) == inYear {
            if let q = quarter(of: o.date) { quarters[o.organizationId, default: []].insert(q) }
            if let c = o.communityId { orgCommunity[o.organizationId] = c }
        }
        for r in rated.values {
            if quarters[r.organizationId] == nil { quarters[r.organizationId] = [] }
            if let c = r.communityId, orgCommunity[r.organizationId] == nil { orgCommunity[r.organizationId] = c }
        }
        return quarters.compactMap { id, qs -> MissingObservation? in
            let missing = (1...4).filter { !qs.contains($0) }
            return missing.isEmpty
                ? nil : MissingObservation(organizationId: id, communityId: orgCommunity[id], missingQuarters: missing)
        }
    }
}
