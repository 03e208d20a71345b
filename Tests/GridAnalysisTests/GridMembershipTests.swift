import Testing
import TestSupport
import GridGeo
import GridModel
@testable import GridAnalysis

@Test func storedMembershipsComeFromTheBuildingsGridIds() {
    func building(_ id: String, _ community: String, _ grid: String?) -> Building {
        Building(id: id, communityId: community, gridId: grid, households: 10, location: Point(0, 0), lonLat: Point(116, 40))
    }
    let snapshot = Snapshot(
        metadata: DatasetMetadata(name: "t", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4548"),
        grids: [Grid(id: "G2", communityId: "K")],
        buildings: [
            building("B3", "C", "G1"), building("B1", "C", "G1"), building("B2", "X", "G2"),
            building("B4", "C", nil), building("B5", "C", "")
        ])
    let stored = GridMembership.stored(in: snapshot)
    #expect(stored.count == 2)
    // sorted by id, buildings sorted; the stored grid's community wins over its buildings'
    #expect(
        stored == [
            GridMembership(id: "G1", communityId: "C", buildingIds: ["B1", "B3"]),
            GridMembership(id: "G2", communityId: "K", buildingIds: ["B2"])
        ])
}

@Test func planAndPartyMembershipsListTheSameBuildings() {
    var rng = SeededGenerator(seed: 20)
    let snapshot = GridsFixtures.snapshot(
        GridsFixtures.randomCommunity("C1", buildings: 60, origin: Point(0, 0), using: &rng)
            + GridsFixtures.randomCommunity("C2", buildings: 40, origin: Point(900, 0), using: &rng))
    let plan = GridPartition.plan(snapshot, options: GridPartitionOptions())
    #expect(plan.memberships.map(\.id) == plan.grids.map(\.id))
    #expect(plan.memberships.map(\.buildingIds) == plan.grids.map(\.buildingIds))
    let party = PartyNetwork.plan(
        snapshot, grids: plan.memberships, options: PartyNetworkOptions(), rules: PartyRules(),
        gridSource: .planned)
    let byId = Dictionary(uniqueKeysWithValues: party.memberships.map { ($0.id, Set($0.buildingIds)) })
    for grid in plan.grids { #expect(byId[grid.id] == Set(grid.buildingIds)) }
}
