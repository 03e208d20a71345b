import Testing
import GridGeo
import GridModel
@testable import GridAnalysis

/// Siting's existing service and the coverage analysis read one measurement
/// (`SitingProblem.existingService` over `Coverage.euclidean`); both against brute force.
@Test(arguments: [3, 4, 5])
func existingServiceMatchesBruteForce(seed: UInt64) {
    let snapshot = randomSitingSnapshot(seed: seed, buildings: 300, candidates: 0, facilities: 6, streetFacility: true)
    let selection = FacilitySelection(countedKinds: [.partyMassCenter, .partyMassStation], radius: 400, streetReach: 1_000)
    let oracle = SitingOracle(snapshot: snapshot, radius: 400)
    let state = SitingProblem.existingService(
        buildings: snapshot.buildings, facilities: snapshot.facilities, selection: selection)
    let coverage = Coverage.euclidean(
        buildings: snapshot.buildings.map(\.location), facilities: snapshot.facilities,
        selection: selection)
    #expect(state.covered.contains(true) && state.covered.contains(false))
    for (i, building) in snapshot.buildings.enumerated() {
        let nearest = oracle.counted.map { $0.location.distance(to: building.location) }.min() ?? .infinity
        #expect(state.covered[i] == oracle.coveredBefore(building))
        #expect(state.distance[i] == nearest)
        #expect(coverage[i].covered == state.covered[i] && coverage[i].nearestDistance == state.distance[i])
    }
}
