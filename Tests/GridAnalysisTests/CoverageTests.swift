import Testing
import GridGeo
import GridModel
@testable import GridAnalysis
import TestSupport

/// Brute-force oracle: every counted facility, nearest by (distance, id); covered when some
/// facility lies within its own reach (street level 1,000 m, others the radius).
private func bruteCoverage(_ b: Building, _ fs: [Facility], radius: Double)
    -> (nearest: String?, d: Double, covering: String?, cd: Double)
{
    let counted = fs.filter { $0.kind == .partyMassCenter || $0.kind == .partyMassStation || $0.embedded }
    var nearest: (Double, String)? = nil
    var covering: (Double, String)? = nil
    for f in counted {
        let d = b.location.distance(to: f.location)
        let reach = (f.level == .street || f.level == .district) ? 1000.0 : radius
        if nearest == nil || (d, f.id) < nearest! { nearest = (d, f.id) }
        if d <= reach && (covering == nil || (d, f.id) < covering!) { covering = (d, f.id) }
    }
    return (nearest?.1, nearest?.0 ?? .infinity, covering?.1, covering?.0 ?? .infinity)
}

@Test(arguments: [1, 2, 3, 4, 5])
func coverageMatchesBruteForceNearest(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed) &* 7919)
    let kinds = FacilityKind.allCases
    let levels: [FacilityLevel?] = [nil, .street, .community, .grid, .district]
    let nf = [0, 1, 5, 40, 120][seed - 1]
    let facilities = (0..<nf).map { i in
        CovFixture.facility(
            "F\(String(format: "%03d", (i * 37) % 1000))", Double.random(in: 0..<4000, using: &rng).rounded(),
            Double.random(in: 0..<4000, using: &rng).rounded(),
            kind: kinds.randomElement(using: &rng)!, level: levels.randomElement(using: &rng)!,
            embedded: Bool.random(using: &rng))
    }
    let communities = ["C1", "C2", "C3"]
    let buildings = (0..<700).map { i in
        CovFixture.building(
            "B\(i)", Double.random(in: -200..<4200, using: &rng), Double.random(in: -200..<4200, using: &rng),
            hh: Int.random(in: 0..<80, using: &rng), community: communities.randomElement(using: &rng)!)
    }
    let radius = [300.0, 500, 800][seed % 3]
    let snap = CovFixture.snapshot(
        communities: communities.map { Community(id: $0, street: $0 == "C3" ? "S2" : "S1") },
        buildings: buildings, facilities: facilities)
    let result = try Coverage.analyze(snap, CoverageParameters(selection: CovFixture.selection(radius: radius)))
    #expect(result.buildings.count == buildings.count)
    var hh: [String: (Int, Int)] = [:]
    for (b, row) in zip(buildings, result.buildings) {
        let o = bruteCoverage(b, facilities, radius: radius)
        #expect(row.id == b.id)
        #expect(row.nearestFacilityId == o.nearest)
        #expect(row.covered == (o.covering != nil))
        #expect(row.coveringFacilityId == o.covering)
        if o.nearest != nil { #expect(row.distanceM == (o.d * 10).rounded() / 10) } else { #expect(row.distanceM == nil) }
        hh[b.communityId, default: (0, 0)].0 += b.households
        if o.covering != nil { hh[b.communityId, default: (0, 0)].1 += b.households }
    }
    for c in result.communities {
        #expect(c.households == hh[c.id]?.0 ?? 0)
        #expect(c.coveredHouseholds == hh[c.id]?.1 ?? 0)
    }
    let s1 = result.streets.first { $0.id == "S1" }!
    #expect(s1.households == (hh["C1"]?.0 ?? 0) + (hh["C2"]?.0 ?? 0))
    #expect(result.total.coveredHouseholds == hh.values.reduce(0) { $0 + $1.1 })
    #expect(result.total.households == buildings.reduce(0) { $0 + $1.households })
}

@Test func streetLevelCenterCoversBeyondNearerStation() throws {
    // The station 600 m away is the nearest but out of its 500 m reach; the street-level center
    // 900 m away reaches 1,000 m and covers.
    let snap = CovFixture.snapshot(
        buildings: [CovFixture.building("B1", 0, 0), CovFixture.building("B2", -1500, 0)],
        facilities: [
            CovFixture.facility("F1", 600, 0, level: .community),
            CovFixture.facility("F2", 0, 900, kind: .partyMassCenter, level: .street)
        ])
    let r = try Coverage.analyze(snap, CoverageParameters(selection: CovFixture.selection()))
    let b1 = r.buildings[0]
    #expect(b1.nearestFacilityId == "F1")
    #expect(b1.distanceM == 600)
    #expect(b1.covered)
    #expect(b1.coveringFacilityId == "F2")
    #expect(b1.coveringDistanceM == 900)
    #expect(!r.buildings[1].covered)
    #expect(r.reach["street"] == 1000 && r.reach["community"] == 500)
    #expect(r.total.coverageRate == 0.5)
}

@Test func uncountedKindsAreIgnoredUnlessEmbedded() throws {
    let snap = CovFixture.snapshot(
        buildings: [CovFixture.building("B1", 0, 0)],
        facilities: [
            CovFixture.facility("P", 10, 0, kind: .pocketPark),
            CovFixture.facility("Q", 300, 0, kind: .cityStudy, embedded: true),
            CovFixture.facility("S", 200, 0, kind: .other)
        ])
    let r = try Coverage.analyze(snap, CoverageParameters(selection: CovFixture.selection()))
    #expect(r.buildings[0].nearestFacilityId == "Q")
    #expect(r.total.countedFacilities == 1)
}

@Test func equalDistancesBreakByFacilityId() throws {
    let snap = CovFixture.snapshot(
        buildings: [CovFixture.building("B1", 0, 0)],
        facilities: [
            CovFixture.facility("F9", 100, 0), CovFixture.facility("F2", -100, 0),
            CovFixture.facility("F5", 0, 100, level: .street)
        ])
    let r = try Coverage.analyze(snap, CoverageParameters(selection: CovFixture.selection()))
    #expect(r.buildings[0].nearestFacilityId == "F2")
    #expect(r.buildings[0].coveringFacilityId == "F2")
}

@Test func noCountedFacilityLeavesEveryBuildingUncoveredInOneGap() throws {
    let snap = CovFixture.snapshot(
        buildings: [
            CovFixture.building("B1", 0, 0, hh: 5), CovFixture.building("B2", 100, 0, hh: 7),
            CovFixture.building("B3", 10_000, 0, hh: 0)
        ],
        facilities: [])
    let r = try Coverage.analyze(snap, CoverageParameters(selection: CovFixture.selection()))
    #expect(r.buildings.allSatisfy { !$0.covered && $0.nearestFacilityId == nil })
    #expect(r.total.coverageRate == 0)
    // the building without households is no gap
    #expect(r.gaps.map(\.buildingIds) == [["B1", "B2"]])
    #expect(r.gaps[0].households == 12)
    #expect(r.linkM == 250)
}
