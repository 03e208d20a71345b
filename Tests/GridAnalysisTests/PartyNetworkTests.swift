import Testing
import GridGeo
import GridModel
@testable import GridAnalysis
import TestSupport

// MARK: - organization thresholds

@Test(arguments: [(2, PartyOrganization.none), (3, .branch), (6, .branch), (7, .branchCommittee), (49, .branchCommittee)])
func gridOrganizationThresholds(formal: Int, expected: PartyOrganization) {
    // a lone grid: nothing to join, so fewer than 3 formal members means no organization
    let r = PartyNetwork.organizeGrids(
        [.init(id: "G1", communityId: "C", formalMembers: formal, members: formal)],
        adjacency: [[]], rules: PartyRules())
    #expect(r.organizations[0].organization == expected)
    #expect(r.violations.isEmpty == (expected != .none))
}

@Test(arguments: [
    (2, CommunityOrganization.branch), (49, .branch), (50, .generalBranch), (99, .generalBranch), (100, .baseCommittee)
])
func communityOrganizationThresholds(members: Int, expected: CommunityOrganization) {
    #expect(PartyRules().communityOrganization(members: members) == expected)
}

@Test func rulesComeFromTheStandardsFile() {
    let s = PolicyStandards(
        source: "t",
        rules: [
            PolicyRule(id: "party.branch", value: 4, unit: "", description: "", source: ""),
            PolicyRule(id: "party.central_household", value: 6, unit: "", description: "", source: "")
        ])
    let r = PartyRules(standards: s)
    #expect(r.branch == 4 && r.centralHousehold == 6 && r.committee == 7)
    #expect(r.ownOrganization(formal: 3) == nil)
}

@Test func gridsWithMoreThanFiftyMembersGetANoteNotAViolation() {
    let r = PartyNetwork.organizeGrids(
        [.init(id: "G1", communityId: "C", formalMembers: 45, members: 51)], adjacency: [[]], rules: PartyRules())
    #expect(r.organizations[0].organization == .branchCommittee)
    #expect(r.violations.isEmpty)
    #expect(r.notes.count == 1)
}

// MARK: - joint branches

/// Checks the joint-branch rules on any instance: every joint branch is connected over the
/// adjacency, has at most 5 grids and ≥ 3 formal members; grids with ≥ 3 of their own keep a branch
/// unless they host short grids.
private func checkJoint(_ units: [PartyNetwork.GridUnit], _ adj: [[Int]], _ orgs: [PartyNetwork.GridOrganization]) {
    let index = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1.id, $0) })
    for (i, o) in orgs.enumerated() {
        switch o.organization {
        case .jointBranch:
            let members = [i] + o.jointWith.map { index[$0]! }
            #expect(members.count <= 5 && members.count >= 2)
            #expect(members.reduce(0) { $0 + units[$1].formalMembers } >= 3)
            // connected
            var seen: Set<Int> = [i], stack = [i]
            while let v = stack.popLast() {
                for u in adj[v] where members.contains(u) && !seen.contains(u) { seen.insert(u); stack.append(u) }
            }
            #expect(seen.count == members.count)
            for m in members { #expect(orgs[m].organization == .jointBranch) }
        case .branch: #expect(units[i].formalMembers >= 3 && units[i].formalMembers < 7)
        case .branchCommittee: #expect(units[i].formalMembers >= 7)
        case .none: #expect(units[i].formalMembers < 3)
        }
    }
}

@Test func shortGridsFormJointBranchesOfAtMostFive() {
    // a path of grids: 1 1 1 | 0 0 0 0 0 0 | 5 with the zeros in the middle
    let formal = [1, 1, 1, 0, 0, 0, 0, 0, 0, 5]
    let units = formal.enumerated().map { PartyNetwork.GridUnit(id: "G\($0)", communityId: "C", formalMembers: $1, members: $1) }
    let adj = (0..<formal.count).map { i in [i - 1, i + 1].filter { $0 >= 0 && $0 < formal.count } }
    let r = PartyNetwork.organizeGrids(units, adjacency: adj, rules: PartyRules())
    checkJoint(units, adj, r.organizations)
    #expect(r.organizations[0].organization == .jointBranch)
    #expect(Set(r.organizations[0].jointWith) == ["G1", "G2"])
    // the six zero grids cannot all join the 5-member grid's branch (5 grids at most)
    #expect(r.organizations.contains { $0.organization == .none })
    #expect(r.violations.allSatisfy { $0.rule == "party.joint_branch" })
    #expect(r.violations.count == r.organizations.filter { $0.organization == .none }.count)
}

@Test(arguments: [1, 2, 3, 4, 5])
func jointBranchRulesOnRandomAdjacency(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    let n = 30
    let units = (0..<n).map {
        PartyNetwork.GridUnit(
            id: "G\($0 < 10 ? "0" : "")\($0)", communityId: $0 < 20 ? "A" : "B",
            formalMembers: Int.random(in: 0...8, using: &rng), members: 0)
    }
    var adj = [[Int]](repeating: [], count: n)
    for _ in 0..<45 {
        let a = Int.random(in: 0..<n, using: &rng), b = Int.random(in: 0..<n, using: &rng)
        if a != b { adj[a].append(b); adj[b].append(a) }
    }
    let r = PartyNetwork.organizeGrids(units, adjacency: adj, rules: PartyRules())
    checkJoint(units, adj, r.organizations)
    // joint branches never cross communities
    for (i, o) in r.organizations.enumerated() {
        for j in o.jointWith { #expect(units.first { $0.id == j }!.communityId == units[i].communityId) }
    }
}

// MARK: - central households

/// Maximum number of households that can be linked, by Edmonds–Karp on the explicit network,
/// independent of the implementation: making every member household of building j a central
/// household links those m_j households (themselves) and gives room for m_j·capacity others;
/// the other h_i − m_i households of building i flow source → i → (i or j within reach) → sink.
private func maxLinkable(points: [Point], households: [Int], candidates: [Int], capacity: Int, reach: Double) -> Int {
    let n = points.count
    let source = 2 * n, sink = 2 * n + 1, nodeCount = 2 * n + 2
    var cap = [[Int]](repeating: [Int](repeating: 0, count: nodeCount), count: nodeCount)
    var pinned = 0
    for i in 0..<n {
        let m = min(candidates[i], households[i])
        pinned += m
        cap[source][i] = households[i] - m
        cap[n + i][sink] = m * capacity
        for j in 0..<n where i == j || points[i].distance(to: points[j]) <= reach { cap[i][n + j] = Int.max / 4 }
    }
    var flow = 0
    while true {
        var prev = [Int](repeating: -1, count: nodeCount)
        prev[source] = source
        var queue = [source]
        var qi = 0
        while qi < queue.count && prev[sink] < 0 {
            let u = queue[qi]; qi += 1
            for v in 0..<nodeCount where prev[v] < 0 && cap[u][v] > 0 { prev[v] = u; queue.append(v) }
        }
        if prev[sink] < 0 { break }
        var a = Int.max, v = sink
        while v != source { a = min(a, cap[prev[v]][v]); v = prev[v] }
        v = sink
        while v != source { cap[prev[v]][v] -= a; cap[v][prev[v]] += a; v = prev[v] }
        flow += a
    }
    return pinned + flow
}

@Test(arguments: Array(1...200))
func centralHouseholdsRespectCapacityAndLinkAllThatCanBeLinked(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &* 7919)
    let n = Int.random(in: 1...9, using: &rng)
    let points = (0..<n).map { _ in Point(Double.random(in: 0...600, using: &rng), Double.random(in: 0...600, using: &rng)) }
    let households = (0..<n).map { _ in Int.random(in: 0...40, using: &rng) }
    let candidates = households.map { Int.random(in: 0...min($0, 3), using: &rng) }
    let capacity = Int.random(in: 1...10, using: &rng)
    let reach = Double.random(in: 50...400, using: &rng)
    let r = PartyNetwork.linkCentralHouseholds(
        points: points, households: households, candidates: candidates,
        capacity: capacity, reach: reach)
    var linked = 0
    for i in 0..<n {
        let out = r.flows[i].reduce(0) { $0 + $1.households }
        #expect(r.linkedInBuilding[i] + out + r.unlinked[i] == households[i])
        // capacity: each centre links itself and at most `capacity` others
        #expect(r.centres[i] <= candidates[i])
        #expect(r.linkedInBuilding[i] + r.incoming[i] <= r.centres[i] * (capacity + 1))
        #expect(r.linkedInBuilding[i] + r.incoming[i] > (r.centres[i] - 1) * (capacity + 1))  // no idle centre
        #expect(r.linkedInBuilding[i] >= min(candidates[i], households[i]))  // centres link themselves
        for f in r.flows[i] { #expect(points[i].distance(to: points[f.building]) <= reach && f.building != i) }
        linked += r.linkedInBuilding[i] + out
    }
    let incoming = (0..<n).map { j in
        (0..<n).reduce(0) { $0 + r.flows[$1].filter { $0.building == j }.reduce(0) { $0 + $1.households } }
    }
    #expect(incoming == r.incoming)
    #expect(
        linked == maxLinkable(points: points, households: households, candidates: candidates, capacity: capacity, reach: reach))
}

@Test func greedyAloneWouldStrandAHousehold() {
    // A (deficit 5) reaches only S1; B (deficit 5) reaches S1 (nearer) and S2. Greedy by distance
    // sends B to S1 and strands A; the augmenting step must fix it.
    let points = [Point(0, 0), Point(100, 0), Point(60, 0), Point(190, 0)]  // A, B, S1, S2
    let households = [5, 5, 10, 10]
    // S1, S2: 3 centres of capacity 4 → 15 households each, 10 of their own: room for 5
    let r = PartyNetwork.linkCentralHouseholds(
        points: points, households: households, candidates: [0, 0, 3, 3],
        capacity: 4, reach: 95)
    #expect(r.unlinked == [0, 0, 0, 0])
    #expect(r.flows[0].map(\.building) == [2])
    #expect(r.flows[1].map(\.building) == [3])
}

@Test func countsOnlyBasisOneCandidatePerFormalMember() {
    let b = [
        GridsFixtures.building("B1", "C", 0, 0, households: 30, formal: 2),  // 2 candidates → 22 own linked
        GridsFixtures.building("B2", "C", 100, 0, households: 10, formal: 0),  // 8 from B2 can go to B1? B1 full
        GridsFixtures.building("B3", "C", 5000, 0, households: 5, formal: 0)  // out of reach
    ]
    let s = GridsFixtures.snapshot(b)
    let grids = [GridMembership(id: "C-G01", communityId: "C", buildingIds: ["B1", "B2", "B3"])]
    let r = PartyNetwork.plan(s, grids: grids, options: PartyNetworkOptions(), rules: PartyRules(), gridSource: .store)
    let byId = Dictionary(uniqueKeysWithValues: r.buildings.map { ($0.id, $0) })
    #expect(byId["B1"]!.candidateHouseholds == 2)
    #expect(byId["B1"]!.centralHouseholds == 2)
    #expect(byId["B1"]!.linkedInBuilding == 22)
    #expect(byId["B1"]!.unlinkedHouseholds == 8)
    #expect(byId["B2"]!.unlinkedHouseholds == 10)
    #expect(r.shortfalls.contains { $0.kind == .buildingWithoutMemberInReach && $0.buildingId == "B3" })
    #expect(r.shortfalls.contains { $0.kind == .householdsUnlinked && $0.buildingId == "B2" })
    #expect(r.shortfalls.contains { $0.kind == .gridWithoutOrganization })  // 2 formal members, no neighbour
    #expect(r.total.coverage.linkedHouseholds == 22)
    #expect(r.total.coverage.organizationCoverageRate == 0)
    #expect(r.centralHouseholds == nil)
}

@Test func householdRowsGiveCentralHouseholdIdsOnlyWhenAsked() {
    let b = [
        GridsFixtures.building("B1", "C", 0, 0, households: 14, formal: 3),
        GridsFixtures.building("B2", "C", 50, 0, households: 3, formal: 0)
    ]
    var rows: [Household] = []
    for i in 0..<14 {
        rows.append(
            Household(
                id: "H1-\(i < 10 ? "0" : "")\(i)", buildingId: "B1", partyMembers: i < 2 ? 1 : 0,
                probationaryMembers: i == 2 ? 1 : 0))
    }
    for i in 0..<3 { rows.append(Household(id: "H2-0\(i)", buildingId: "B2")) }
    let s = GridsFixtures.snapshot(b, households: rows)
    let grids = [GridMembership(id: "C-G01", communityId: "C", buildingIds: ["B1", "B2"])]
    let r = PartyNetwork.plan(
        s, grids: grids, options: PartyNetworkOptions(includeHouseholds: true), rules: PartyRules(), gridSource: .store)
    let centres = r.centralHouseholds!
    // 17 households, 11 per centre → 2 centres, both member households of B1
    #expect(centres.count == 2)
    #expect(centres.allSatisfy { $0.buildingId == "B1" && ["H1-00", "H1-01", "H1-02"].contains($0.householdId) })
    let linked = centres.flatMap(\.linkedHouseholdIds) + centres.map(\.householdId)
    #expect(Set(linked).count == 17 && linked.count == 17)
    #expect(centres.allSatisfy { $0.linkedHouseholdIds.count <= 10 })
    #expect(r.total.coverage.workCoverageRate == 1)
    let quiet = PartyNetwork.plan(s, grids: grids, options: PartyNetworkOptions(), rules: PartyRules(), gridSource: .store)
    #expect(quiet.centralHouseholds == nil)
}

// MARK: - party groups

@Test func partyGroupsQualifyAndJoinAdjacentBuildings() {
    // path 0-1-2-3-4: members 3(formal 1) | 1(prob) | 1 (formal) | 1 (formal) | 0
    let members = [3, 1, 1, 1, 0], formal = [1, 0, 1, 1, 0]
    let nb = [[1], [0, 2], [1, 3], [2, 4], [3]]
    let g = PartyNetwork.partyGroups(
        buildings: [0, 1, 2, 3, 4], members: members, formal: formal, neighbors: nb, rules: PartyRules())
    #expect(g.contains([0]))
    #expect(g.contains([1, 2, 3]))
    for grp in g {
        #expect(grp.reduce(0) { $0 + members[$1] } >= 3 && grp.reduce(0) { $0 + formal[$1] } >= 1)
        #expect(!grp.contains(4))
    }
    // two lone probationary members next to a qualifying group join it
    let g2 = PartyNetwork.partyGroups(
        buildings: [0, 1, 2], members: [4, 1, 0], formal: [2, 0, 0], neighbors: [[1], [0, 2], [1]], rules: PartyRules())
    #expect(g2 == [[0, 1]])
}
