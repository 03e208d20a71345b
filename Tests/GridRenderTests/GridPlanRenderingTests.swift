import Foundation
import GridAnalysis
import GridGeo
import GridModel
import Testing
@testable import GridRender

/// A two-community snapshot on a 40 m lattice (households 60 each, 2 formal members).
private func gridsSnapshot() -> Snapshot {
    var buildings: [Building] = []
    for (c, name) in ["东风社区", "Zeta"].enumerated() {
        for i in 0..<4 {
            for j in 0..<5 {
                let x = Double(c * 1000 + i * 40), y = Double(j * 40)
                buildings.append(
                    Building(
                        id: "C\(c)-B\(i)\(j)", communityId: "C\(c)", households: 60, partyMembers: 2,
                        location: Point(x, y), lonLat: Point(116 + x / 85_000, 39 + y / 111_000)))
            }
        }
        _ = name
    }
    return Snapshot(
        metadata: DatasetMetadata(name: "t", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4547"),
        communities: [Community(id: "C0", name: "东风社区"), Community(id: "C1", name: "Zeta")], buildings: buildings)
}

@Test func gridPlanRenderingsCarryEveryGrid() throws {
    let s = gridsSnapshot()
    let plan = GridPartition.plan(s, options: GridPartitionOptions())
    #expect(plan.grids.count == 6)  // 1,200 households per community → 3 grids of 400
    let csv = GridPlanRendering.csv(plan).split(separator: "\n")
    #expect(csv.count == plan.grids.count + 1)
    #expect(csv[0].hasPrefix("id,community_id,name,buildings,households"))
    let json = try JSONSerialization.jsonObject(with: Data(ResultEncoding.json(plan).utf8)) as! [String: Any]
    #expect(json["min_households"] as? Int == 300 && json["max_households"] as? Int == 500)
    let first = (json["grids"] as! [[String: Any]])[0]
    for key in ["id", "community_id", "building_ids", "households", "party_members", "organization", "compactness_m2", "centroid"]
    {
        #expect(first[key] != nil, "missing \(key)")
    }
    #expect(json["violations"] is [Any])
    let members = plan.memberships
    let polys = GridPolygons.polygons(s, grids: members).mapValues { $0.map { Point(116 + $0.x / 85_000, 39 + $0.y / 111_000) } }
    let geo =
        try JSONSerialization.jsonObject(with: Data(GridPlanRendering.geojson(plan, polygons: polys).utf8)) as! [String: Any]
    let features = geo["features"] as! [[String: Any]]
    #expect(features.count == plan.grids.count)
    #expect(features.allSatisfy { ($0["geometry"] as! [String: Any])["type"] as? String == "MultiPolygon" })
    let table = GridPlanRendering.table(plan)
    for g in plan.grids { #expect(table.contains(g.id)) }
    #expect(table.contains("东风社区"))
}

@Test func partyRenderingsReportCoverage() throws {
    let s = gridsSnapshot()
    let plan = GridPartition.plan(s, options: GridPartitionOptions())
    let members = plan.memberships
    let r = PartyNetwork.plan(s, grids: members, options: PartyNetworkOptions(), rules: PartyRules(), gridSource: .store)
    // ≥ 7 formal members per grid → branch committee; pairs of adjacent buildings (2 + 2 members) form
    // party groups, so every household is covered; 2 central households per building link 22 of its
    // 60 households and every building's centres are full: 38 unlinked in each of the 40 buildings
    #expect(r.grids.allSatisfy { $0.organization == .branchCommittee })
    #expect(r.total.coverage.workCoverageRate == 1)
    #expect(r.total.coverage.linkedHouseholds == 40 * 22)
    #expect(r.shortfalls.count == 40 && r.shortfalls.allSatisfy { $0.kind == .householdsUnlinked && $0.households == 38 })
    let report = PartyRendering.reportCSV(r).split(separator: "\n")
    #expect(report.count == 1 + r.grids.count + r.communities.count + 1)
    #expect(report.last!.hasPrefix("district,total"))
    let json = try JSONSerialization.jsonObject(with: Data(ResultEncoding.json(r).utf8)) as! [String: Any]
    #expect(json["central_households"] == nil)  // household ids only with --include-households
    #expect(PartyRendering.reportTable(r).contains("Shortfalls (40)"))
    #expect(PartyRendering.planCSV(r).split(separator: "\n").count == r.grids.count + 1)
}
