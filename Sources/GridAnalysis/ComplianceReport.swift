import Foundation
import GridGeo
import GridModel

/// A unit below its full-time party-worker ratio.
public struct StaffingShortfall: Codable, Sendable, Hashable {
    public var unitId: String, name: String?, kind: UnitKind, communityId: String?
    public var staff: Int, partyWorkers: Int, requiredWorkers: Int
    /// ceil(ratio × staff) − workers.
    public var workersToAssign: Int
    enum CodingKeys: String, CodingKey {
        case name, kind, staff
        case unitId = "unit_id", communityId = "community_id", partyWorkers = "party_workers"
        case requiredWorkers = "required_workers", workersToAssign = "workers_to_assign"
    }
}

/// A unit with enough party members and no organization of its own (应建未建).
public struct MissingOrganization: Codable, Sendable, Hashable {
    public var unitId: String, name: String?, kind: UnitKind, communityId: String?, partyMembers: Int
    enum CodingKeys: String, CodingKey {
        case name, kind
        case unitId = "unit_id", communityId = "community_id", partyMembers = "party_members"
    }
}

/// Organization and work coverage (两个覆盖) of one kind of unit.
public struct TwoCoverage: Codable, Sendable, Hashable {
    public var kind: UnitKind
    public var units: Int
    /// Units with an organization of their own.
    public var organized: Int
    /// Units with an organization, a party member or a party worker (party work reaches them).
    public var workCovered: Int
    /// nil when there are no units of the kind.
    public var organizationCoverageRate: Double?
    public var workCoverageRate: Double?
    enum CodingKeys: String, CodingKey {
        case kind, units, organized
        case workCovered = "work_covered"
        case organizationCoverageRate = "organization_coverage_rate"
        case workCoverageRate = "work_coverage_rate"
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind); try c.encode(units, forKey: .units)
        try c.encode(organized, forKey: .organized); try c.encode(workCovered, forKey: .workCovered)
        try c.encode(organizationCoverageRate.map { rounded($0, 4) }, forKey: .organizationCoverageRate)
        try c.encode(workCoverageRate.map { rounded($0, 4) }, forKey: .workCoverageRate)
    }
}

/// A secretary not trained at district level or above in the year.
public struct UntrainedSecretary: Codable, Sendable, Hashable {
    public var secretaryId: String, name: String?, communityId: String
    public var lastTrainingDate: String?
    enum CodingKeys: String, CodingKey {
        case name
        case secretaryId = "secretary_id", communityId = "community_id", lastTrainingDate = "last_training_date"
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(secretaryId, forKey: .secretaryId); try c.encode(name, forKey: .name)
        try c.encode(communityId, forKey: .communityId); try c.encode(lastTrainingDate, forKey: .lastTrainingDate)
    }
}

/// A leader short of the contact-point demands in the year.
public struct ContactShortfall: Codable, Sendable, Hashable {
    public var leaderId: String, name: String?, role: ContactRole, communityId: String
    public var days: Int, meetings: Int, lectures: Int
    public var daysShort: Int, meetingsShort: Int, lecturesShort: Int
    enum CodingKeys: String, CodingKey {
        case name, role, days, meetings, lectures
        case leaderId = "leader_id", communityId = "community_id"
        case daysShort = "days_short", meetingsShort = "meetings_short", lecturesShort = "lectures_short"
    }
}

/// How an organization's rating moved since the year before.
public enum RatingMove: String, Codable, Sendable, CaseIterable {
    case up, down, same
    /// No rating the year before.
    case new

    /// The move from `previousStars` to `stars`.
    public init(stars: Int, previousStars: Int) {
        self = stars > previousStars ? .up : stars < previousStars ? .down : .same
    }
}

/// An organization rated 一般 or 较差 in the year, with last year's rating.
public struct LowRating: Codable, Sendable, Hashable {
    public var organizationId: String, communityId: String?
    public var stars: Int, level: String
    public var previousStars: Int?
    public var move: RatingMove
    enum CodingKeys: String, CodingKey {
        case stars, level, move
        case organizationId = "organization_id", communityId = "community_id", previousStars = "previous_stars"
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(organizationId, forKey: .organizationId); try c.encode(communityId, forKey: .communityId)
        try c.encode(stars, forKey: .stars); try c.encode(level, forKey: .level)
        try c.encode(previousStars, forKey: .previousStars); try c.encode(move, forKey: .move)
    }
}

/// An organization without an observation visit in some quarter of the year.
public struct MissingObservation: Codable, Sendable, Hashable {
    public var organizationId: String, communityId: String?
    /// Quarters 1–4 without an observation.
    public var missingQuarters: [Int]
    enum CodingKeys: String, CodingKey {
        case organizationId = "organization_id", communityId = "community_id", missingQuarters = "missing_quarters"
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(organizationId, forKey: .organizationId); try c.encode(communityId, forKey: .communityId)
        try c.encode(missingQuarters, forKey: .missingQuarters)
    }
}

/// Counts of findings in one community, one street or the whole district.
public struct ComplianceCounts: Codable, Sendable, Hashable {
    public var id: String?
    public var name: String?
    public var street: String?
    public var staffingShortfalls = 0, workersToAssign = 0, missingOrganizations = 0
    public var untrainedSecretaries = 0, contactShortfalls = 0, lowRatings = 0, missingObservations = 0
    public var findings: Int {
        staffingShortfalls + missingOrganizations + untrainedSecretaries + contactShortfalls + lowRatings + missingObservations
    }
    enum CodingKeys: String, CodingKey {
        case id, name, street, findings
        case staffingShortfalls = "staffing_shortfalls", workersToAssign = "workers_to_assign"
        case missingOrganizations = "missing_organizations", untrainedSecretaries = "untrained_secretaries"
        case contactShortfalls = "contact_shortfalls", lowRatings = "low_ratings"
        case missingObservations = "missing_observations"
    }
    public init(id: String? = nil, name: String? = nil, street: String? = nil) {
        self.id = id; self.name = name; self.street = street
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id); name = try c.decodeIfPresent(String.self, forKey: .name)
        street = try c.decodeIfPresent(String.self, forKey: .street)
        staffingShortfalls = try c.decode(Int.self, forKey: .staffingShortfalls)
        workersToAssign = try c.decode(Int.self, forKey: .workersToAssign)
        missingOrganizations = try c.decode(Int.self, forKey: .missingOrganizations)
        untrainedSecretaries = try c.decode(Int.self, forKey: .untrainedSecretaries)
        contactShortfalls = try c.decode(Int.self, forKey: .contactShortfalls)
        lowRatings = try c.decode(Int.self, forKey: .lowRatings)
        missingObservations = try c.decode(Int.self, forKey: .missingObservations)
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id); try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(street, forKey: .street)
        try c.encode(staffingShortfalls, forKey: .staffingShortfalls); try c.encode(workersToAssign, forKey: .workersToAssign)
        try c.encode(missingOrganizations, forKey: .missingOrganizations)
        try c.encode(untrainedSecretaries, forKey: .untrainedSecretaries)
        try c.encode(contactShortfalls, forKey: .contactShortfalls); try c.encode(lowRatings, forKey: .lowRatings)
        try c.encode(missingObservations, forKey: .missingObservations); try c.encode(findings, forKey: .findings)
    }
    mutating func add(_ o: ComplianceCounts) {
        staffingShortfalls += o.staffingShortfalls; workersToAssign += o.workersToAssign
        missingOrganizations += o.missingOrganizations; untrainedSecretaries += o.untrainedSecretaries
        contactShortfalls += o.contactShortfalls; lowRatings += o.lowRatings; missingObservations += o.missingObservations
    }
}

/// `gridplan report compliance`: the work plan's checkable demands for one year.
public struct ComplianceReport: Codable, Sendable {
    public var year: Int
    public var staffing: [StaffingShortfall]
    /// Units whose party-worker count is not given (not judged).
    public var staffingUnknownUnitIds: [String]
    public var missingOrganizations: [MissingOrganization]
    public var twoCoverage: [TwoCoverage]
    public var untrainedSecretaries: [UntrainedSecretary]
    public var contactShortfalls: [ContactShortfall]
    public var lowRatings: [LowRating]
    /// Year-on-year moves of all organizations rated in the year: up, down, same, new.
    public var ratingMoves: [String: Int]
    public var missingObservations: [MissingObservation]
    /// Per community (findings descending, then id), per street, and in total.
    public var communities: [ComplianceCounts]
    public var streets: [ComplianceCounts]
    public var total: ComplianceCounts
    enum CodingKeys: String, CodingKey {
        case year, staffing, communities, streets, total
        case staffingUnknownUnitIds = "staffing_unknown_unit_ids"
        case missingOrganizations = "missing_organizations", twoCoverage = "two_coverage"
        case untrainedSecretaries = "untrained_secretaries", contactShortfalls = "contact_shortfalls"
        case lowRatings = "low_ratings", ratingMoves = "rating_moves", missingObservations = "missing_observations"
    }
}
