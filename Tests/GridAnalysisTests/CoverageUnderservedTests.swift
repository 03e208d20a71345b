import Testing
import GridGeo
import GridModel
@testable import GridAnalysis

/// C1: 1,000 households, 100 m² counted → needs 300 m², 200 m² short, all covered.
/// C2: 100 households, 50 m² → meets the standard, but 40 households live out of reach.
/// C3: 100 households, 60 m², all covered → not under-served.
@Test func communitiesRankByDeficitThenUncoveredHouseholds() throws {
    let communities = ["C1", "C2", "C3"].map { Community(id: $0, name: "社区\($0)") }
    let buildings = [
        CovFixture.building("B1", 0, 0, hh: 1000, community: "C1"),
        CovFixture.building("B2", 5000, 0, hh: 60, community: "C2"),
        CovFixture.building("B3", 8000, 0, hh: 40, community: "C2"),
        CovFixture.building("B4", 10_000, 0, hh: 100, community: "C3")
    ]
    let facilities = [
        CovFixture.facility("F1", 10, 0, area: 100, community: "C1"),
        CovFixture.facility("F2", 5010, 0, area: 50, community: "C2"),
        CovFixture.facility("F3", 10_010, 0, area: 60, community: "C3"),
        CovFixture.facility("P", 8000, 10, kind: .pocketPark, area: 500, community: "C2")  // not counted
    ]
    let snap = CovFixture.snapshot(communities: communities, buildings: buildings, facilities: facilities)
    let sel = CovFixture.selection()
    let cov = try Coverage.analyze(snap, CoverageParameters(selection: sel))
    let r = Underserved.rank(snap, coverage: cov, selection: sel, standard: 30)
    #expect(r.communities.map(\.id) == ["C1", "C2", "C3"])
    #expect(r.communities.map(\.rank) == [1, 2, 3])
    let c1 = r.communities[0], c2 = r.communities[1], c3 = r.communities[2]
    #expect(c1.deficitM2 == 200 && c1.requiredAreaM2 == 300 && c1.areaPer100Households == 10)
    #expect(c1.reasons.count == 1 && c1.reasons[0].contains("200 m² short"))
    #expect(c2.deficitM2 == 0 && c2.uncoveredHouseholds == 40)
    #expect(c2.reasons.count == 1 && c2.reasons[0].hasPrefix("40 of 100 households"))
    #expect(!c3.underserved && c3.reasons.isEmpty)
    #expect(r.underservedCommunities == 2)
    // B3 (8000,0): the pocket park beside it does not count; F3 at 10,010 is the nearest
    #expect(r.gaps.count == 1 && r.gaps[0].id == "G1" && r.gaps[0].households == 40)
    #expect(r.gaps[0].reasons[0].contains("the nearest is 2010 m away"))
}

@Test func gapsInShortCommunitiesRankFirst() throws {
    let communities = ["C1", "C2"].map { Community(id: $0) }
    let buildings = [
        CovFixture.building("B1", 0, 0, hh: 50, community: "C1"),  // uncovered, C1 short
        CovFixture.building("B2", 20_000, 0, hh: 300, community: "C2")  // uncovered, C2 fine
    ]
    let facilities = [
        CovFixture.facility("F1", 3000, 0, area: 0, community: "C1"),
        CovFixture.facility("F2", 17_000, 0, area: 1000, community: "C2")
    ]
    let snap = CovFixture.snapshot(communities: communities, buildings: buildings, facilities: facilities)
    let sel = CovFixture.selection()
    let cov = try Coverage.analyze(snap, CoverageParameters(selection: sel))
    #expect(cov.gaps.map(\.households) == [300, 50])  // coverage lists by households
    let r = Underserved.rank(snap, coverage: cov, selection: sel, standard: 30)
    #expect(r.gaps.map(\.households) == [50, 300])  // the ranking puts the short community first
    #expect(r.gaps[0].communityDeficitM2 == 15)
    #expect(r.gaps[0].reasons.contains { $0.contains("short of the area standard by 15 m²") })
}
