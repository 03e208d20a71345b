/// A community party secretary and the last district-level training (secretaries.csv).
public struct Secretary: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var communityId: String
    /// ISO date `YYYY-MM-DD` of the last training at district level or above, nil when never.
    public var lastTrainingDate: String?
    public init(id: String, name: String? = nil, communityId: String, lastTrainingDate: String? = nil) {
        self.id = id; self.name = name; self.communityId = communityId; self.lastTrainingDate = lastTrainingDate
    }
}

/// Role of a leader with a grassroots contact point (contacts.csv).
public enum ContactRole: String, Codable, Sendable, CaseIterable {
    case districtStanding = "district_standing"  // 区委常委
    case streetCommittee = "street_committee"  // 街道党工委委员
}

/// A leader's year at a contact point (contacts.csv).
public struct ContactRecord: Sendable, Hashable {
    public var leaderId: String
    public var name: String?
    public var role: ContactRole
    public var communityId: String
    public var year: Int
    public var daysOnSite: Int
    public var meetingsAttended: Int
    public var lecturesGiven: Int
    public init(
        leaderId: String, name: String? = nil, role: ContactRole, communityId: String, year: Int,
        daysOnSite: Int, meetingsAttended: Int, lecturesGiven: Int
    ) {
        self.leaderId = leaderId; self.name = name; self.role = role; self.communityId = communityId
        self.year = year; self.daysOnSite = daysOnSite; self.meetingsAttended = meetingsAttended
        self.lecturesGiven = lecturesGiven
    }
}

/// A star rating of a grassroots organization (ratings.csv): 5 = 优秀 ... 1 = 较差.
public struct RatingRecord: Sendable, Hashable {
    public var organizationId: String
    public var communityId: String?
    public var year: Int
    public var stars: Int
    public init(organizationId: String, communityId: String? = nil, year: Int, stars: Int) {
        self.organizationId = organizationId; self.communityId = communityId; self.year = year; self.stars = stars
    }
}

/// An observation visit taken part in (observations.csv).
public struct ObservationRecord: Sendable, Hashable {
    public var organizationId: String
    public var communityId: String?
    /// ISO date `YYYY-MM-DD`.
    public var date: String
    public init(organizationId: String, communityId: String? = nil, date: String) {
        self.organizationId = organizationId; self.communityId = communityId; self.date = date
    }
}

/// The work plan's non-spatial records, all optional.
public struct ComplianceRecords: Sendable, Hashable {
    public var secretaries: [Secretary]
    public var contacts: [ContactRecord]
    public var ratings: [RatingRecord]
    public var observations: [ObservationRecord]
    public init(
        secretaries: [Secretary] = [], contacts: [ContactRecord] = [], ratings: [RatingRecord] = [],
        observations: [ObservationRecord] = []
    ) {
        self.secretaries = secretaries; self.contacts = contacts; self.ratings = ratings
        self.observations = observations
    }
    public var isEmpty: Bool { secretaries.isEmpty && contacts.isEmpty && ratings.isEmpty && observations.isEmpty }
}
