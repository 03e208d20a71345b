import Foundation
import GridGeo
import GridModel
import Testing
@testable import GridAnalysis
import TestSupport

// `site --costs`: a cost table from any router in place of straight-line distances.

/// Every building-with-households → candidate and → facility pair at its straight-line distance.
private func straightLineTable(_ snap: Snapshot) throws -> CostTable {
    var rows: [CostTable.Row] = []
    let buildings = snap.buildings.filter { $0.households > 0 }
    var line = 1
    for b in buildings {
        for (id, p) in snap.candidates.map({ ($0.id, $0.location) }) + snap.facilities.map({ ($0.id, $0.location) }) {
            line += 1
            rows.append(.init(line: line, origin: b.id, destination: id, cost: String(b.location.distance(to: p))))
        }
    }
    return try CostTable(
        rows: rows, source: "costs.csv", buildingIds: Set(buildings.map(\.id)),
        destinationIds: Set(snap.candidates.map(\.id) + snap.facilities.map(\.id)))
}

@Test(arguments: Array(UInt64(60)...UInt64(63)))
func straightLineCostsGiveTheSamePlans(seed: UInt64) throws {
    let snap = randomSitingSnapshot(seed: seed, buildings: 160, candidates: 14, facilities: 2, side: 2_500)
    let table = try straightLineTable(snap)
    for (objective, count) in [(SitingObjective.cover, 3), (.distance, 3), (.all, nil), (.center, 3)] {
        let plain = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(objective, count: count))
        var withCosts = sitingParameters(objective, count: count)
        withCosts.costs = table
        let costed = try SitingAnalysis.run(snapshot: snap, parameters: withCosts)
        #expect(costed.method == .costs)
        if objective == .center {
            // equally good plans may differ; the largest distance and its proof may not
            let a = try #require(costed.maxDistanceAfterM), b = try #require(plain.maxDistanceAfterM)
            #expect(abs(a - b) <= 0.2, "seed \(seed)")
            #expect(costed.provenOptimal == true && plain.provenOptimal == true)
            continue
        }
        #expect(costed.sites.map(\.candidateId) == plain.sites.map(\.candidateId), "seed \(seed) \(objective)")
        #expect(costed.coveredHouseholdsBefore == plain.coveredHouseholdsBefore)
        #expect(costed.coveredHouseholdsAfter == plain.coveredHouseholdsAfter)
        #expect(costed.method == .costs)
        if objective == .distance {
            let a = try #require(costed.weightedDistanceAfterM), b = try #require(plain.weightedDistanceAfterM)
            #expect(abs(a - b) <= 0.2)
        }
    }
}

@Test func missingPairsAreUnreachable() throws {
    let snap = randomSitingSnapshot(seed: 70, buildings: 80, candidates: 6, facilities: 1, side: 2_000)
    let buildings = snap.buildings.filter { $0.households > 0 }
    // only candidate K01 reaches anyone, and only the first ten buildings
    let rows = buildings.prefix(10).enumerated().map {
        CostTable.Row(line: $0.offset + 2, origin: $0.element.id, destination: "K01", cost: "100")
    }
    let table = try CostTable(rows: rows, source: "costs.csv", buildingIds: Set(buildings.map(\.id)), destinationIds: ["K01"])
    var parameters = sitingParameters(.cover, count: 2)
    parameters.costs = table
    let r = try SitingAnalysis.run(snapshot: snap, parameters: parameters)
    #expect(r.coveredHouseholdsBefore == 0)  // no facility pair in the table: nothing covered before
    #expect(r.sites.map(\.candidateId) == ["K01"])
    #expect(r.coveredHouseholdsAfter == buildings.prefix(10).reduce(0) { $0 + $1.households })
}

@Test func badCostTablesNameTheProblem() {
    func table(_ rows: [(String, String, String)]) throws -> CostTable {
        try CostTable(
            rows: rows.enumerated().map {
                .init(line: $0.offset + 2, origin: $0.element.0, destination: $0.element.1, cost: $0.element.2)
            },
            source: "costs.csv", buildingIds: ["B1", "B2"], destinationIds: ["K1", "F1"])
    }
    func message(_ rows: [(String, String, String)]) -> String {
        do { _ = try table(rows); return "" } catch { return "\(error)" }
    }
    #expect(message([]).contains("costs.csv: the cost table has no rows"))
    #expect(message([("B9", "K1", "3")]).contains("costs.csv line 2: origin_id 'B9'"))
    #expect(message([("B1", "K9", "3")]).contains("costs.csv line 2: destination_id 'K9'"))
    #expect(message([("B1", "K1", "abc")]).contains("costs.csv line 2: cost 'abc' is not a number"))
    #expect(message([("B1", "K1", "-1")]).contains("costs.csv line 2: cost -1 is negative"))
    #expect(
        message([("B1", "K1", "3"), ("B2", "F1", "4"), ("B1", "K1", "5")])
            .contains("costs.csv line 4: the pair (B1, K1) is already given on line 2"))
    #expect(message([("B1", "K1", "3"), ("B2", "F1", "4")]).isEmpty)
}

@Test(arguments: Array(UInt64(64)...UInt64(66)))
func straightLineCostsGiveTheSameCoverageAndAccessibility(seed: UInt64) throws {
    let snap = randomSitingSnapshot(seed: seed, buildings: 160, candidates: 4, facilities: 4, side: 2_000, streetFacility: true)
    let table = try straightLineTable(snap)
    let selection = FacilitySelection(countedKinds: [.partyMassCenter, .partyMassStation], radius: 400, streetReach: 1_000)
    for method in AccessibilityMethod.allCases {
        let plain = try Coverage.analyze(snap, CoverageParameters(selection: selection, accessibility: method))
        var p = CoverageParameters(selection: selection, method: .costs, accessibility: method)
        p.costs = table
        let costed = try Coverage.analyze(snap, p)
        #expect(costed.method == .costs)
        for (a, b) in zip(plain.buildings, costed.buildings) where a.households > 0 {
            #expect(a.covered == b.covered, "\(a.id)")
            #expect(a.nearestFacilityId == b.nearestFacilityId && a.distanceM == b.distanceM)
            #expect(a.coveringFacilityId == b.coveringFacilityId)
            let x = try #require(a.accessibilityM2Per100Households), y = try #require(b.accessibilityM2Per100Households)
            #expect(abs(x - y) <= 0.011, "\(a.id)")
        }
        #expect(plain.total.coveredHouseholds == costed.total.coveredHouseholds)
        #expect(plain.total.coveredHouseholds > 0 && plain.total.coveredHouseholds < plain.total.households)
        let pa = try #require(plain.accessibility), ca = try #require(costed.accessibility)
        #expect(ca.distance == .costs)
        #expect(abs(pa.totalM2Per100Households - ca.totalM2Per100Households) <= 0.011)
    }
}

@Test func coverageByCostsTreatsMissingPairsAsUnreachable() throws {
    let snap = randomSitingSnapshot(seed: 67, buildings: 40, candidates: 2, facilities: 2, side: 600)
    let buildings = snap.buildings.filter { $0.households > 0 }
    // one building reaches F0 at 10 (covered), the rest are not in the table
    let table = try CostTable(
        rows: [.init(line: 2, origin: buildings[0].id, destination: "F0", cost: "10")], source: "costs.csv",
        buildingIds: Set(buildings.map(\.id)), destinationIds: Set(snap.facilities.map(\.id)))
    var p = CoverageParameters(
        selection: FacilitySelection(countedKinds: [.partyMassCenter, .partyMassStation], radius: 400, streetReach: 1_000),
        method: .costs)
    p.costs = table
    let r = try Coverage.analyze(snap, p)
    #expect(r.total.coveredHouseholds == buildings[0].households)
    #expect(r.buildings.filter(\.covered).map(\.id) == [buildings[0].id])
    #expect(r.buildings.first { $0.id == buildings[0].id }?.distanceM == 10)
}
