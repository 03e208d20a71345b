import Foundation
import Testing
import GridGeo
import GridModel
@testable import GridAnalysis

private func snapshot(units: [OrganizationUnit] = [], records: ComplianceRecords = ComplianceRecords()) -> Snapshot {
    Snapshot(
        metadata: DatasetMetadata(name: "c", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4547"),
        communities: [
            Community(id: "C1", name: "东风社区", street: "东城街道"),
            Community(id: "C2", name: "西湖社区", street: "东城街道")
        ],
        units: units, records: records)
}

@Test func staffingThresholds() {
    let units = [
        OrganizationUnit(id: "U49", kind: .agency, staff: 49, communityId: "C1", partyWorkers: 0),  // ceil(0.98) = 1 → short 1
        OrganizationUnit(id: "U50", kind: .institution, staff: 50, communityId: "C1", partyWorkers: 1),  // 1 needed, has 1
        OrganizationUnit(id: "U51", kind: .agency, staff: 51, communityId: "C1", partyWorkers: 1),  // ceil(1.02) = 2 → short 1
        OrganizationUnit(id: "S100", kind: .soe, staff: 100, communityId: "C2", partyWorkers: 1),  // 1% of 100 = 1: meets
        OrganizationUnit(id: "S101", kind: .soe, staff: 101, communityId: "C2", partyWorkers: 1),  // ceil(1.01) = 2 → short 1
        OrganizationUnit(id: "S500", kind: .soe, staff: 500, communityId: "C2", partyWorkers: 2),  // 5 needed → 3 to assign
        OrganizationUnit(id: "N1", kind: .nonPublic, staff: 1000, communityId: "C2", partyWorkers: 0),  // no ratio for non-public
        OrganizationUnit(id: "U0", kind: .agency, staff: 0, partyWorkers: 0),  // nothing required
        OrganizationUnit(id: "UX", kind: .agency, staff: 80)  // workers unknown
    ]
    let r = Compliance.report(snapshot(units: units), ComplianceParameters(year: 2024))
    #expect(r.staffing.map(\.unitId) == ["S500", "S101", "U49", "U51"])
    let byId = Dictionary(uniqueKeysWithValues: r.staffing.map { ($0.unitId, $0) })
    #expect(byId["U49"]?.requiredWorkers == 1 && byId["U49"]?.workersToAssign == 1)
    #expect(byId["U51"]?.requiredWorkers == 2 && byId["S101"]?.workersToAssign == 1)
    #expect(byId["S500"]?.requiredWorkers == 5 && byId["S500"]?.workersToAssign == 3)
    #expect(r.staffingUnknownUnitIds == ["UX"])
    // Counts: C1 has U49 and U51 (2 workers to assign); C2 has S101 and S500 (4).
    let c1 = r.communities.first { $0.id == "C1" }!, c2 = r.communities.first { $0.id == "C2" }!
    #expect(c1.staffingShortfalls == 2 && c1.workersToAssign == 2)
    #expect(c2.staffingShortfalls == 2 && c2.workersToAssign == 4)
    #expect(r.total.workersToAssign == 6 && r.streets.count == 1 && r.streets[0].workersToAssign == 6)
    #expect(r.communities.first?.id == "C1")  // tie on findings → by id
}

@Test func requiredWorkersIsCeilingOfTheRatio() {
    // Independent integer arithmetic: ceil(staff × 2 / 100) and ceil(staff / 100).
    for staff in 0...2000 {
        #expect(Compliance.requiredWorkers(staff: staff, ratio: 0.02) == (staff * 2 + 99) / 100)
        #expect(Compliance.requiredWorkers(staff: staff, ratio: 0.01) == (staff + 99) / 100)
    }
}

@Test func organizationsAndTwoCoverage() {
    let units = [
        // must build
        OrganizationUnit(id: "A", kind: .nonPublic, staff: 30, communityId: "C1", partyMembers: 3, hasOrganization: false),
        // below 3
        OrganizationUnit(id: "B", kind: .nonPublic, staff: 30, communityId: "C1", partyMembers: 2, hasOrganization: false),
        OrganizationUnit(id: "C", kind: .nonPublic, staff: 30, communityId: "C1", partyMembers: 5, hasOrganization: true),
        OrganizationUnit(id: "D", kind: .nonPublic, staff: 30, communityId: "C2", partyMembers: 0, hasOrganization: false),
        OrganizationUnit(id: "E", kind: .socialOrg, staff: 5, communityId: "C2", partyMembers: 4)  // unknown: not listed
    ]
    let r = Compliance.report(snapshot(units: units), ComplianceParameters(year: 2024))
    #expect(r.missingOrganizations.map(\.unitId) == ["A"])
    let np = r.twoCoverage.first { $0.kind == .nonPublic }!, so = r.twoCoverage.first { $0.kind == .socialOrg }!
    // non-public: 4 units, 1 organized (C); work reaches A, B, C (members) but not D.
    #expect(np.units == 4 && np.organized == 1 && np.organizationCoverageRate == 0.25)
    #expect(np.workCovered == 3 && np.workCoverageRate == 0.75)
    #expect(so.units == 1 && so.organized == 0 && so.workCovered == 1)
}

@Test func contactDaysAtAndAroundThresholds() {
    let contacts = [
        ContactRecord(
            leaderId: "D14", role: .districtStanding, communityId: "C1", year: 2024, daysOnSite: 14, meetingsAttended: 2,
            lecturesGiven: 2),
        ContactRecord(
            leaderId: "D15", role: .districtStanding, communityId: "C1", year: 2024, daysOnSite: 15, meetingsAttended: 2,
            lecturesGiven: 2),
        ContactRecord(
            leaderId: "S19", role: .streetCommittee, communityId: "C2", year: 2024, daysOnSite: 19, meetingsAttended: 2,
            lecturesGiven: 2),
        ContactRecord(
            leaderId: "S20", role: .streetCommittee, communityId: "C2", year: 2024, daysOnSite: 20, meetingsAttended: 2,
            lecturesGiven: 2),
        ContactRecord(
            leaderId: "S20m", role: .streetCommittee, communityId: "C2", year: 2024, daysOnSite: 25, meetingsAttended: 1,
            lecturesGiven: 0),
        ContactRecord(
            leaderId: "OLD", role: .districtStanding, communityId: "C1", year: 2023, daysOnSite: 0, meetingsAttended: 0,
            lecturesGiven: 0)
    ]
    let r = Compliance.report(snapshot(records: ComplianceRecords(contacts: contacts)), ComplianceParameters(year: 2024))
    #expect(r.contactShortfalls.map(\.leaderId) == ["D14", "S19", "S20m"])
    let m = r.contactShortfalls.first { $0.leaderId == "S20m" }!
    #expect(m.daysShort == 0 && m.meetingsShort == 1 && m.lecturesShort == 2)
    #expect(r.contactShortfalls.first { $0.leaderId == "D14" }!.daysShort == 1)
}

@Test func trainingRatingsAndObservations() {
    let records = ComplianceRecords(
        secretaries: [
            Secretary(id: "S1", communityId: "C1", lastTrainingDate: "2024-05-01"),
            Secretary(id: "S2", communityId: "C1", lastTrainingDate: "2023-12-31"),
            Secretary(id: "S3", communityId: "C2", lastTrainingDate: nil)
        ],
        ratings: [
            RatingRecord(organizationId: "O1", communityId: "C1", year: 2023, stars: 3),
            RatingRecord(organizationId: "O1", communityId: "C1", year: 2024, stars: 2),  // 一般, down
            RatingRecord(organizationId: "O2", communityId: "C2", year: 2024, stars: 1),  // 较差, new
            RatingRecord(organizationId: "O3", communityId: "C2", year: 2023, stars: 2),
            RatingRecord(organizationId: "O3", communityId: "C2", year: 2024, stars: 3)
        ],  // 较好, up
        observations: ["2024-01-15", "2024-04-02", "2024-09-30", "2024-12-01"].map {
            ObservationRecord(organizationId: "O1", communityId: "C1", date: $0)
        }
            + ["2024-02-01", "2024-03-01", "2024-12-31"].map {
                ObservationRecord(organizationId: "O3", communityId: "C2", date: $0)
            }
            + [ObservationRecord(organizationId: "O4", communityId: "C2", date: "2023-06-01")])
    let s = snapshot(records: records)
    #expect(Compliance.latestYear(s.records) == 2024)
    let r = Compliance.report(s, ComplianceParameters(year: 2024))
    #expect(r.untrainedSecretaries.map(\.secretaryId) == ["S2", "S3"])
    #expect(r.lowRatings.map(\.organizationId) == ["O2", "O1"])
    #expect(r.lowRatings.map(\.level) == ["较差", "一般"] && r.lowRatings.map(\.move) == [.new, .down])
    #expect(r.lowRatings[1].previousStars == 3)
    #expect(r.ratingMoves == ["up": 1, "down": 1, "same": 0, "new": 1])
    // O1 has all four quarters; O3 misses Q2 and Q3; O2 (rated, never observed) misses all; O4 not active in 2024.
    #expect(r.missingObservations.map(\.organizationId) == ["O2", "O3"])
    #expect(r.missingObservations.first { $0.organizationId == "O3" }!.missingQuarters == [2, 3])
    #expect(r.missingObservations.first { $0.organizationId == "O2" }!.missingQuarters == [1, 2, 3, 4])
    #expect(r.total.findings == 2 + 2 + 2)
    #expect(r.communities.first { $0.id == "C2" }!.findings == 1 + 1 + 2)  // S3; O2 rating; O2, O3 observations
}
