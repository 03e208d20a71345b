import Dispatch
import GridGeo
import GridModel

/// The party organization a grid can have (中国共产党支部工作条例（试行）).
public enum PartyOrganization: String, Codable, Sendable, CaseIterable {
    /// ≥ 7 formal members: a branch with a branch committee (party.committee).
    case branchCommittee = "branch_committee"
    /// 3–6 formal members: a branch with a secretary (party.branch).
    case branch
    /// Fewer than 3: a joint branch with adjacent grids (party.joint_branch_max_units, at most 5 grids).
    case jointBranch = "joint_branch"
    /// No organization possible.
    case none
}

/// The organization at community level, by all members (formal and probationary).
public enum CommunityOrganization: String, Codable, Sendable, CaseIterable {
    /// ≥ 100 members (party.base_committee).
    case baseCommittee = "base_committee"
    /// 50–99 members (party.general_branch).
    case generalBranch = "general_branch"
    /// Fewer than 50.
    case branch
}

/// The numbers of the party rules, from the standards file or their defaults.
public struct PartyRules: Sendable, Hashable {
    public var branch = 3
    public var branchMax = 50
    public var jointMaxUnits = 5
    public var committee = 7
    public var generalBranch = 50
    public var baseCommittee = 100
    public var group = 3
    public var groupMinFormal = 1
    /// Households a central household links besides its own.
    public var centralHousehold = 10

    public init() {}

    public init(standards: PolicyStandards?) {
        guard let s = standards else { return }
        func v(_ id: String, _ d: Int) -> Int { Int(s.value(id, default: Double(d))) }
        branch = v("party.branch", branch)
        branchMax = v("party.branch_max", branchMax)
        jointMaxUnits = v("party.joint_branch_max_units", jointMaxUnits)
        committee = v("party.committee", committee)
        generalBranch = v("party.general_branch", generalBranch)
        baseCommittee = v("party.base_committee", baseCommittee)
        group = v("party.group", group)
        groupMinFormal = v("party.group_min_formal", groupMinFormal)
        centralHousehold = v("party.central_household", centralHousehold)
    }

    /// The organization `formal` formal members allow on their own (nil: fewer than a branch needs).
    public func ownOrganization(formal: Int) -> PartyOrganization? {
        if formal >= committee { return .branchCommittee }
        if formal >= branch { return .branch }
        return nil
    }

    /// The community-level organization for `members` members.
    public func communityOrganization(members: Int) -> CommunityOrganization {
        if members >= baseCommittee { return .baseCommittee }
        if members >= generalBranch { return .generalBranch }
        return .branch
    }
}

/// The party network over grids and buildings: grid branches and joint branches, community-level
/// organization, building party groups and party-member central households, with the
/// organization coverage rate and the work coverage rate (docs/standards.md party.*).
public enum PartyNetwork {
    /// A grid as the organization rules see it.
    public struct GridUnit: Sendable, Hashable {
        public var id: String
        public var communityId: String
        public var formalMembers: Int
        public var members: Int
        public init(id: String, communityId: String, formalMembers: Int, members: Int) {
            self.id = id; self.communityId = communityId; self.formalMembers = formalMembers; self.members = members
        }
    }

    public struct GridOrganization: Sendable, Hashable {
        public var organization: PartyOrganization
        /// The other grids of the joint branch, sorted.
        public var jointWith: [String]
    }

    /// Organizations of grids.
    ///
    /// A grid with ≥ `committee` formal members gets a branch committee, ≥ `branch` a branch.
    /// Grids with fewer are joined, in id order, with adjacent grids of the same community that
    /// also lack a branch (the one with most formal members first) until the joint branch has
    /// ≥ `branch` formal members or `jointMaxUnits` grids. A group that still falls short joins an
    /// adjacent joint branch, else an adjacent grid's own branch, when the result has at most
    /// `jointMaxUnits` grids; otherwise its grids get `none` and a `party.joint_branch` violation.
    /// - Parameter adjacency: adjacent grid indices (sharing a building-graph edge).
    public static func organizeGrids(_ units: [GridUnit], adjacency: [[Int]], rules: PartyRules)
        -> (organizations: [GridOrganization], violations: [GridViolation], notes: [String]) {
        let n = units.count
        var org = [PartyOrganization](repeating: .none, count: n)
        var groupOf = [Int](repeating: -1, count: n)
        var groups: [[Int]] = []
        var violations: [GridViolation] = []
        var notes: [String] = []
        var large: [String] = []
        for i in 0..<n {
            if let o = rules.ownOrganization(formal: units[i].formalMembers) { org[i] = o }
            if units[i].members > rules.branchMax { large.append(units[i].id) }
        }
        if !large.isEmpty {
            notes.append("\(large.count) grid\(large.count == 1 ? " has" : "s have") more than \(rules.branchMax) members, the usual size of a branch (party.branch_max): consider party groups or a split of the branch: " + large.sorted().joined(separator: ", "))
        }
        let order = (0..<n).sorted { (units[$0].communityId, units[$0].id) < (units[$1].communityId, units[$1].id) }
        func adjacent(_ i: Int) -> [Int] {
            (i < adjacency.count ? adjacency[i] : []).filter { $0 != i && units[$0].communityId == units[i].communityId }
        }
        var failed: [[Int]] = []
        for s in order where org[s] == .none && groupOf[s] == -1 {
            var group = [s]
            var inGroup: Set<Int> = [s]
            var sum = units[s].formalMembers
            while sum < rules.branch && group.count < rules.jointMaxUnits {
                var best = -1
                for g in group {
                    for j in adjacent(g) where !inGroup.contains(j) && org[j] == .none && groupOf[j] == -1 {
                        if best < 0 || units[j].formalMembers > units[best].formalMembers
                            || (units[j].formalMembers == units[best].formalMembers && units[j].id < units[best].id) { best = j }
                    }
                }
                if best < 0 { break }
                group.append(best); inGroup.insert(best); sum += units[best].formalMembers
            }
            if sum >= rules.branch && group.count > 1 {
                let gi = groups.count
                groups.append(group)
                for g in group { groupOf[g] = gi; org[g] = .jointBranch }
            } else {
                for g in group { groupOf[g] = -2 }
                failed.append(group)
            }
        }
        // Grids whose own branch hosts short grids: how many grids its branch covers.
        var hosted = [Int](repeating: 1, count: n)
        var hostGroup = [Int](repeating: -1, count: n)
        for group in failed {
            let inGroup = Set(group)
            var neighbours = Set<Int>()
            for g in group { for j in adjacent(g) where !inGroup.contains(j) { neighbours.insert(j) } }
            // 1. an adjacent joint branch with room
            var target: Int? = nil
            for j in neighbours.sorted(by: { units[$0].id < units[$1].id }) where groupOf[j] >= 0 {
                let gi = groupOf[j]
                if groups[gi].count + group.count <= rules.jointMaxUnits {
                    if target == nil || groups[gi].count < groups[target!].count { target = gi }
                }
            }
            if let gi = target {
                groups[gi] += group
                for g in group { groupOf[g] = gi; org[g] = .jointBranch }
                continue
            }
            // 2. an adjacent grid with its own branch and room
            var host: Int? = nil
            for j in neighbours.sorted(by: { units[$0].id < units[$1].id })
            where (org[j] == .branch || org[j] == .branchCommittee || hostGroup[j] >= 0) && groupOf[j] == -1 {
                if hosted[j] + group.count <= rules.jointMaxUnits {
                    if host == nil || units[j].formalMembers > units[host!].formalMembers { host = j }
                }
            }
            if let hj = host {
                let gi: Int
                if hostGroup[hj] >= 0 { gi = hostGroup[hj] } else { gi = groups.count; groups.append([hj]); hostGroup[hj] = gi }
                groups[gi] += group
                hosted[hj] += group.count
                for g in group { groupOf[g] = gi; org[g] = .jointBranch }
                org[hj] = .jointBranch
                continue
            }
            let formal = group.reduce(0) { $0 + units[$1].formalMembers }
            for g in group {
                groupOf[g] = -2; org[g] = .none
                violations.append(GridViolation(gridId: units[g].id, communityId: units[g].communityId, rule: "party.joint_branch",
                    detail: "\(units[g].formalMembers) formal members; no joint branch of at most \(rules.jointMaxUnits) adjacent grids reaches \(rules.branch) (\(formal) in \(group.count) grid\(group.count == 1 ? "" : "s"))"))
            }
        }
        var out: [GridOrganization] = []
        for i in 0..<n {
            var joint: [String] = []
            if org[i] == .jointBranch {
                let gi = groupOf[i] >= 0 ? groupOf[i] : hostGroup[i]
                if gi >= 0 { joint = groups[gi].filter { $0 != i }.map { units[$0].id }.sorted() }
            }
            out.append(GridOrganization(organization: org[i], jointWith: joint))
        }
        return (out, violations, notes)
    }

    // MARK: - party groups

    /// Building party groups of one grid: a building with ≥ `group` members (formal and
    /// probationary) of whom ≥ `groupMinFormal` formal forms a group; buildings with fewer join
    /// adjacent member buildings of the same grid (most members first, at most 5 buildings) until
    /// the group qualifies; a set that cannot qualify joins an adjacent group, else stays without.
    /// - Parameters:
    ///   - buildings: local indices of the grid's buildings.
    ///   - members/formal: per local index.
    ///   - neighbors: the building graph (local indices).
    /// - Returns: groups as lists of local indices, each sorted, groups ordered by first index.
    public static func partyGroups(buildings: [Int], members: [Int], formal: [Int], neighbors: [[Int]],
                                   rules: PartyRules) -> [[Int]] {
        let inGrid = Set(buildings)
        let withMembers = buildings.filter { members[$0] > 0 }
        var groupOf: [Int: Int] = [:]
        var groups: [[Int]] = []
        func qualifies(_ m: Int, _ f: Int) -> Bool { m >= rules.group && f >= rules.groupMinFormal }
        for b in withMembers.sorted() where qualifies(members[b], formal[b]) {
            groupOf[b] = groups.count; groups.append([b])
        }
        let rest = withMembers.filter { groupOf[$0] == nil }.sorted { (members[$0], formal[$0], -$0) > (members[$1], formal[$1], -$1) }
        var leftovers: [[Int]] = []
        var taken = Set<Int>()
        for s in rest where !taken.contains(s) {
            var g = [s]; taken.insert(s)
            var m = members[s], f = formal[s]
            while !qualifies(m, f) && g.count < 5 {
                var best = -1
                for x in g {
                    for y in neighbors[x] where inGrid.contains(y) && members[y] > 0 && groupOf[y] == nil && !taken.contains(y) {
                        if best < 0 || (members[y], formal[y], -y) > (members[best], formal[best], -best) { best = y }
                    }
                }
                if best < 0 { break }
                g.append(best); taken.insert(best); m += members[best]; f += formal[best]
            }
            if qualifies(m, f) { for x in g { groupOf[x] = groups.count }; groups.append(g) } else { leftovers.append(g) }
        }
        for g in leftovers {
            var target: Int? = nil
            for x in g { for y in neighbors[x] where inGrid.contains(y) { if let t = groupOf[y], target == nil || t < target! { target = t } } }
            if let t = target { groups[t] += g; for x in g { groupOf[x] = t } }
        }
        return groups.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    // MARK: - central households

    /// Result of linking households to central households in one community.
    public struct CentralLinks: Sendable, Hashable {
        /// Central households chosen per building.
        public var centres: [Int]
        /// Households of each building linked to a centre in the same building.
        public var linkedInBuilding: [Int]
        /// flows[i] = [(supplier building, households)] for households of i linked elsewhere.
        public var flows: [[(building: Int, households: Int)]]
        /// Households of each building left unlinked.
        public var unlinked: [Int]
        /// Households from other buildings linked to centres in each building.
        public var incoming: [Int]

        public static func == (a: CentralLinks, b: CentralLinks) -> Bool {
            a.centres == b.centres && a.linkedInBuilding == b.linkedInBuilding && a.unlinked == b.unlinked && a.incoming == b.incoming
        }
        public func hash(into h: inout Hasher) { h.combine(centres); h.combine(unlinked) }
    }

    /// Links every household to a party-member central household in its building, or in the
    /// nearest building within `reach` that has spare capacity.
    ///
    /// Building i has `candidates[i]` member households that may serve as central households
    /// (≤ `households[i]`); each links itself and up to `capacity` other households. A building
    /// first links its own households (min(h, m·(capacity+1))); the rest go to other buildings
    /// within `reach` with spare capacity (m·(capacity+1) minus their own), greedily by distance
    /// (ties by index), and then augmenting paths make the number of linked households maximal
    /// (a maximum flow in the network source → building → itself or a building within reach →
    /// sink, with capacity m·(capacity+1) at each building): no household that could be linked is
    /// left unlinked. Member households always stay linked in their own building (as possible
    /// centres they link themselves); an augmenting path may move a building's other households to
    /// a centre nearby, only when that lets more households be linked in all.
    /// Central households chosen in a building: ⌈(own linked + incoming) / (capacity+1)⌉.
    public static func linkCentralHouseholds(points: [Point], households: [Int], candidates: [Int],
                                             capacity: Int, reach: Double) -> CentralLinks {
        let n = points.count
        let per = capacity + 1
        let total = (0..<n).map { min(candidates[$0], households[$0]) * per }   // households each building's centres can link
        // flow[i][j]: households of i linked to centres in j (j == i: in the building).
        var flow: [[Int: Int]] = Array(repeating: [:], count: n)
        var into: [[Int: Int]] = Array(repeating: [:], count: n)
        var need = households.map { max(0, $0) }, room = total
        func push(_ i: Int, _ j: Int, _ x: Int) {
            flow[i][j, default: 0] += x; into[j][i, default: 0] += x
            if flow[i][j] == 0 { flow[i][j] = nil; into[j][i] = nil }
        }
        // 1. in the building
        for i in 0..<n {
            let x = min(need[i], room[i])
            if x > 0 { push(i, i, x); need[i] -= x; room[i] -= x }
        }
        // 2. other buildings within reach, greedily by distance (ties by index)
        let suppliers = (0..<n).filter { total[$0] > 0 }
        var adjacencyCache = [[Int]?](repeating: nil, count: n)   // other buildings with centres within reach, nearest first
        let tree = need.contains(where: { $0 > 0 }) && !suppliers.isEmpty ? KDTree(points: suppliers.map { points[$0] }) : nil
        func within(_ i: Int) -> [(Double, Int)] {
            guard let tree else { return [] }
            var list: [(Double, Int)] = []
            tree.forEach(within: reach, of: points[i]) { j, d in if suppliers[j] != i { list.append((d, suppliers[j])) } }
            list.sort { $0 < $1 }
            return list
        }
        func adjacency(_ i: Int) -> [Int] {
            if let a = adjacencyCache[i] { return a }
            let a = within(i).map(\.1)
            adjacencyCache[i] = a
            return a
        }
        var edges: [(d: Double, from: Int, to: Int)] = []
        for i in 0..<n where need[i] > 0 {
            let list = within(i)
            adjacencyCache[i] = list.map(\.1)
            for (d, s) in list { edges.append((d, i, s)) }
        }
        edges.sort { ($0.d, $0.from, $0.to) < ($1.d, $1.from, $1.to) }
        for e in edges where need[e.from] > 0 && room[e.to] > 0 {
            let x = min(need[e.from], room[e.to])
            push(e.from, e.to, x); need[e.from] -= x; room[e.to] -= x
        }
        // The central households themselves stay linked in their building (they link themselves).
        let pinned = (0..<n).map { min(candidates[$0], households[$0]) }
        func movable(_ i: Int, _ j: Int) -> Int { (flow[i][j] ?? 0) - (i == j ? pinned[i] : 0) }
        // 3. augmenting paths (maximum flow): building u with unlinked households → a building
        // sup within reach (or u itself) → if sup is full, a building k whose households sup links
        // (k == sup included) is re-linked elsewhere → … → a building with room.
        var changed = true
        while changed {
            changed = false
            for s in 0..<n where need[s] > 0 {
                var prevShort: [Int: Int] = [:]       // supplier → building that reached it
                var prevSupplier: [Int: Int] = [s: -1] // building → supplier it was freed from (-1 for s)
                var queue = [s]
                var found = -1
                var qi = 0
                bfs: while qi < queue.count {
                    let u = queue[qi]; qi += 1
                    for sup in [u] + adjacency(u) where total[sup] > 0 && prevShort[sup] == nil {
                        prevShort[sup] = u
                        if room[sup] > 0 { found = sup; break bfs }
                        for back in into[sup].keys.sorted() where prevSupplier[back] == nil && movable(back, sup) > 0 {
                            prevSupplier[back] = sup; queue.append(back)
                        }
                    }
                }
                guard found >= 0 else { continue }
                var amount = min(need[s], room[found])
                var sup = found
                while true {
                    let u = prevShort[sup]!
                    let p = prevSupplier[u]!
                    if p < 0 { break }
                    amount = min(amount, movable(u, p))
                    sup = p
                }
                guard amount > 0 else { continue }
                sup = found
                while true {
                    let u = prevShort[sup]!
                    push(u, sup, amount)
                    let p = prevSupplier[u]!
                    if p < 0 { break }
                    push(u, p, -amount)
                    sup = p
                }
                need[s] -= amount; room[found] -= amount
                changed = true
            }
        }
        let own = (0..<n).map { flow[$0][$0] ?? 0 }
        let incoming = (0..<n).map { j in into[j].reduce(0) { $0 + ($1.key == j ? 0 : $1.value) } }
        let centres = (0..<n).map { (own[$0] + incoming[$0] + per - 1) / per }
        let flows = (0..<n).map { i in flow[i].filter { $0.key != i && $0.value > 0 }.sorted { $0.key < $1.key }.map { (building: $0.key, households: $0.value) } }
        return CentralLinks(centres: centres, linkedInBuilding: own, flows: flows, unlinked: need, incoming: incoming)
    }
}

// MARK: - the whole party plan

/// Options of `gridplan party plan` / `report party`.
public struct PartyNetworkOptions: Sendable {
    /// Households a central household links besides its own (nil: party.central_household).
    public var householdsPerCenter: Int?
    /// How far a household may be linked to a central household in another building, metres.
    public var reach: Double
    /// List central households and the household ids linked to them (personal data).
    public var includeHouseholds: Bool
    public var maxEdgeLength: Double
    public var communityIds: Set<String>?

    public init(householdsPerCenter: Int? = nil, reach: Double = 500, includeHouseholds: Bool = false,
                maxEdgeLength: Double = 250, communityIds: Set<String>? = nil) {
        self.householdsPerCenter = householdsPerCenter; self.reach = reach; self.includeHouseholds = includeHouseholds
        self.maxEdgeLength = maxEdgeLength; self.communityIds = communityIds
    }
}

/// Which buildings make up a grid (from the store or from a plan).
public struct GridMembership: Sendable, Hashable {
    public var id: String
    public var communityId: String
    public var buildingIds: [String]
    public init(id: String, communityId: String, buildingIds: [String]) {
        self.id = id; self.communityId = communityId; self.buildingIds = buildingIds
    }
}

extension PartyRules: Codable {
    enum CodingKeys: String, CodingKey {
        case branch, committee, group
        case branchMax = "branch_max", jointMaxUnits = "joint_branch_max_units", generalBranch = "general_branch"
        case baseCommittee = "base_committee", groupMinFormal = "group_min_formal", centralHousehold = "central_household"
    }
}

public struct PartyGridReport: Codable, Sendable, Hashable {
    public var id: String
    public var communityId: String
    public var households: Int
    public var partyMembers: Int
    public var probationaryMembers: Int
    public var organization: String
    public var jointWith: [String]?
    public var partyGroups: Int
    public var centralHouseholds: Int
    /// Households linked to a central household.
    public var linkedHouseholds: Int
    /// Households linked to a central household or living in a building of a party group.
    public var coveredHouseholds: Int
    /// 1 when the grid has its own or a joint organization, else 0.
    public var organizationCoverageRate: Double
    public var workCoverageRate: Double

    enum CodingKeys: String, CodingKey {
        case id, households, organization
        case communityId = "community_id", partyMembers = "party_members", probationaryMembers = "probationary_members"
        case jointWith = "joint_with", partyGroups = "party_groups", centralHouseholds = "central_households"
        case linkedHouseholds = "linked_households", coveredHouseholds = "covered_households"
        case organizationCoverageRate = "organization_coverage_rate", workCoverageRate = "work_coverage_rate"
    }
}

public struct PartyCoverage: Codable, Sendable, Hashable {
    public var grids: Int
    public var gridsOrganized: Int
    public var organizationCoverageRate: Double
    public var households: Int
    public var coveredHouseholds: Int
    public var linkedHouseholds: Int
    public var unlinkedHouseholds: Int
    public var workCoverageRate: Double
    public var partyMembers: Int
    public var probationaryMembers: Int
    public var partyGroups: Int
    public var centralHouseholds: Int

    static let zero = PartyCoverage(grids: 0, gridsOrganized: 0, organizationCoverageRate: 0, households: 0, coveredHouseholds: 0,
                                    linkedHouseholds: 0, unlinkedHouseholds: 0, workCoverageRate: 0, partyMembers: 0,
                                    probationaryMembers: 0, partyGroups: 0, centralHouseholds: 0)

    mutating func add(_ o: PartyCoverage) {
        grids += o.grids; gridsOrganized += o.gridsOrganized; households += o.households
        coveredHouseholds += o.coveredHouseholds; linkedHouseholds += o.linkedHouseholds
        unlinkedHouseholds += o.unlinkedHouseholds; partyMembers += o.partyMembers
        probationaryMembers += o.probationaryMembers; partyGroups += o.partyGroups; centralHouseholds += o.centralHouseholds
        finish()
    }

    mutating func finish() {
        organizationCoverageRate = grids > 0 ? Double(gridsOrganized) / Double(grids) : 1
        workCoverageRate = households > 0 ? Double(coveredHouseholds) / Double(households) : 1
    }

    enum CodingKeys: String, CodingKey {
        case grids, households
        case gridsOrganized = "grids_organized", organizationCoverageRate = "organization_coverage_rate"
        case coveredHouseholds = "covered_households", linkedHouseholds = "linked_households"
        case unlinkedHouseholds = "unlinked_households", workCoverageRate = "work_coverage_rate"
        case partyMembers = "party_members", probationaryMembers = "probationary_members"
        case partyGroups = "party_groups", centralHouseholds = "central_households"
    }
}

public struct PartyCommunityReport: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    /// `base_committee`, `general_branch` or `branch`, by all members.
    public var organization: String
    public var coverage: PartyCoverage

    enum CodingKeys: String, CodingKey { case id, name, organization, coverage }
}

public struct PartyTotal: Codable, Sendable, Hashable {
    public var communities: Int
    public var communitiesByOrganization: [String: Int]
    public var coverage: PartyCoverage

    enum CodingKeys: String, CodingKey {
        case communities, coverage
        case communitiesByOrganization = "communities_by_organization"
    }
}

public struct PartyGroupReport: Codable, Sendable, Hashable {
    public var id: String
    public var gridId: String
    public var communityId: String
    public var buildingIds: [String]
    public var members: Int
    public var formalMembers: Int
    public var households: Int

    enum CodingKeys: String, CodingKey {
        case id, members, households
        case gridId = "grid_id", communityId = "community_id", buildingIds = "building_ids", formalMembers = "formal_members"
    }
}

public struct LinkedBuilding: Codable, Sendable, Hashable {
    public var buildingId: String
    public var households: Int
    public var distanceM: Double
    enum CodingKeys: String, CodingKey { case households; case buildingId = "building_id", distanceM = "distance_m" }
}

public struct PartyBuildingReport: Codable, Sendable, Hashable {
    public var id: String
    public var gridId: String
    public var communityId: String
    public var households: Int
    public var members: Int
    public var formalMembers: Int
    /// Member households that may serve as central households.
    public var candidateHouseholds: Int
    public var centralHouseholds: Int
    public var linkedInBuilding: Int
    /// Households of this building linked to central households in other buildings.
    public var linkedElsewhere: [LinkedBuilding]
    /// Households of other buildings linked to central households here.
    public var incomingHouseholds: Int
    public var unlinkedHouseholds: Int
    public var partyGroup: String?
    public var lon: Double
    public var lat: Double

    enum CodingKeys: String, CodingKey {
        case id, households, members, lon, lat
        case gridId = "grid_id", communityId = "community_id", formalMembers = "formal_members"
        case candidateHouseholds = "candidate_households", centralHouseholds = "central_households"
        case linkedInBuilding = "linked_in_building", linkedElsewhere = "linked_elsewhere"
        case incomingHouseholds = "incoming_households", unlinkedHouseholds = "unlinked_households", partyGroup = "party_group"
    }
}

/// A central household and the households it links (only with `--include-households`).
public struct CentralHouseholdReport: Codable, Sendable, Hashable {
    public var householdId: String
    public var buildingId: String
    public var linkedHouseholdIds: [String]
    enum CodingKeys: String, CodingKey {
        case householdId = "household_id", buildingId = "building_id", linkedHouseholdIds = "linked_household_ids"
    }
}

/// Something the network lacks.
public struct PartyShortfall: Codable, Sendable, Hashable {
    /// `grid_without_organization`, `building_without_member_in_reach`, `households_unlinked`.
    public var kind: String
    public var communityId: String
    public var gridId: String?
    public var buildingId: String?
    public var households: Int
    public var detail: String
    enum CodingKeys: String, CodingKey {
        case kind, households, detail
        case communityId = "community_id", gridId = "grid_id", buildingId = "building_id"
    }
}

public struct PartyPlanResult: Codable, Sendable {
    public var workingCRS: String
    public var rules: PartyRules
    public var householdsPerCenter: Int
    public var reachM: Double
    /// `store` (stored grids), `planned` (planned for this report) or `store+planned` (stored where a community has grids).
    public var gridSource: String
    /// `households` (households.csv rows) or `building_counts` (one member household per formal member assumed).
    public var candidateBasis: String
    public var grids: [PartyGridReport]
    public var communities: [PartyCommunityReport]
    public var total: PartyTotal
    public var partyGroups: [PartyGroupReport]
    public var buildings: [PartyBuildingReport]
    public var centralHouseholds: [CentralHouseholdReport]?
    public var shortfalls: [PartyShortfall]
    public var violations: [GridViolation]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case rules, grids, communities, total, buildings, shortfalls, violations, notes
        case workingCRS = "working_crs", householdsPerCenter = "households_per_center", reachM = "reach_m"
        case gridSource = "grid_source", candidateBasis = "candidate_basis", partyGroups = "party_groups"
        case centralHouseholds = "central_households"
    }
}

extension PartyNetwork {
    /// The party network over `grids` (each building in one grid; buildings in no grid are
    /// reported as a shortfall-free grid of their own named `<community>-UNGRIDDED`).
    ///
    /// Central households: with household rows, the member households (formal or probationary
    /// members > 0) of a building are its candidates; with counts only, a building has
    /// min(formal members, households) candidates (one member household per formal member assumed).
    /// Each links its own household and up to `householdsPerCenter` others, in its building first,
    /// then in the nearest buildings of the same community within `reach` (`linkCentralHouseholds`).
    public static func plan(_ snapshot: Snapshot, grids: [GridMembership], options: PartyNetworkOptions,
                            rules baseRules: PartyRules, gridSource: String) -> PartyPlanResult {
        var rules = baseRules
        if let c = options.householdsPerCenter { rules.centralHousehold = c }
        let C = rules.centralHousehold
        let buildingIndex = Dictionary(snapshot.buildings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var gridOf = [String?](repeating: nil, count: snapshot.buildings.count)
        var gridList = grids.filter { options.communityIds == nil || options.communityIds!.contains($0.communityId) }
        for g in gridList { for b in g.buildingIds { if let i = buildingIndex[b] { gridOf[i] = g.id } } }
        // Buildings in no grid: one pseudo-grid per community.
        var ungridded: [String: [String]] = [:]
        for (i, b) in snapshot.buildings.enumerated() where gridOf[i] == nil {
            if let only = options.communityIds, !only.contains(b.communityId) { continue }
            ungridded[b.communityId, default: []].append(b.id)
        }
        for (c, ids) in ungridded.sorted(by: { $0.key < $1.key }) {
            let id = c + "-UNGRIDDED"
            gridList.append(GridMembership(id: id, communityId: c, buildingIds: ids))
            for b in ids { gridOf[buildingIndex[b]!] = id }
        }
        gridList.sort { ($0.communityId, $0.id) < ($1.communityId, $1.id) }
        let gridPos = Dictionary(gridList.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

        // Household rows per building.
        var rows: [String: [Household]] = [:]
        for h in snapshot.households { rows[h.buildingId, default: []].append(h) }
        let basis = snapshot.households.isEmpty ? "building_counts" : "households"

        var allCommunityIds = Array(Set(gridList.map(\.communityId))).sorted()
        if let only = options.communityIds { allCommunityIds = allCommunityIds.filter { only.contains($0) } }
        let communityIds = allCommunityIds
        let gridOfBuilding = gridOf
        let householdRows = rows
        let gridsFinal = gridList
        var gridAdjacency = [Set<Int>](repeating: [], count: gridList.count)
        var groupsOut: [PartyGroupReport] = []
        var buildingsOut: [PartyBuildingReport] = []
        var centralOut: [CentralHouseholdReport] = []
        var shortfalls: [PartyShortfall] = []
        var gridStats = [(groups: Int, centres: Int, linked: Int, covered: Int)](repeating: (0, 0, 0, 0), count: gridList.count)
        var buildingsByCommunity: [String: [Int]] = [:]
        for (i, b) in snapshot.buildings.enumerated() where gridOf[i] != nil { buildingsByCommunity[b.communityId, default: []].append(i) }
        let byCommunityBuildings = buildingsByCommunity

        let finalRules = rules
        let work: @Sendable (String) -> CommunityParty = { cid in
            var part = CommunityParty()
            let idx = (byCommunityBuildings[cid] ?? []).sorted { snapshot.buildings[$0].id < snapshot.buildings[$1].id }
            let bs = idx.map { snapshot.buildings[$0] }
            let n = bs.count
            guard n > 0 else { return part }
            let box = BoundingBox(points: bs.map(\.location))
            let pts = bs.map { Point($0.location.x - box.center.x, $0.location.y - box.center.y) }
            let graph = BuildingGraph(points: pts, maxEdgeLength: options.maxEdgeLength)
            let gpos = bs.map { gridPos[gridOfBuilding[buildingIndex[$0.id]!]!]! }
            for v in 0..<n { for u in graph.neighbors[v] where gpos[u] != gpos[v] { part.adjacency.append((gpos[v], gpos[u])) } }
            let members = bs.map { $0.partyMembers + $0.probationaryMembers }
            let formal = bs.map(\.partyMembers)
            // party groups per grid
            var groupName = [String?](repeating: nil, count: n)
            var byGrid: [Int: [Int]] = [:]
            for v in 0..<n { byGrid[gpos[v], default: []].append(v) }
            for gp in byGrid.keys.sorted() {
                let groups = partyGroups(buildings: byGrid[gp]!, members: members, formal: formal, neighbors: graph.neighbors, rules: finalRules)
                for (k, g) in groups.enumerated() {
                    let id = gridsFinal[gp].id + "-P" + (k + 1 < 10 ? "0" : "") + String(k + 1)
                    for v in g { groupName[v] = id }
                    part.groups.append(PartyGroupReport(id: id, gridId: gridsFinal[gp].id, communityId: cid, buildingIds: g.map { bs[$0].id },
                        members: g.reduce(0) { $0 + members[$1] }, formalMembers: g.reduce(0) { $0 + formal[$1] },
                        households: g.reduce(0) { $0 + bs[$1].households }))
                    part.stats[gp, default: (0, 0, 0, 0)].groups += 1
                }
            }
            // central households
            let hh = bs.map { max(0, $0.households) }
            let candidates: [Int] = bs.enumerated().map { v, b in
                if let r = householdRows[b.id], !r.isEmpty { return min(hh[v], r.filter { $0.partyMembers + $0.probationaryMembers > 0 }.count) }
                return min(b.partyMembers, hh[v])
            }
            let links = linkCentralHouseholds(points: pts, households: hh, candidates: candidates, capacity: C, reach: options.reach)
            let candidateTree = KDTree(points: (0..<n).filter { candidates[$0] > 0 }.map { pts[$0] })
            for v in 0..<n {
                let out = links.flows[v].reduce(0) { $0 + $1.households }
                let linked = links.linkedInBuilding[v] + out
                let covered = groupName[v] != nil ? hh[v] : linked
                part.stats[gpos[v], default: (0, 0, 0, 0)].centres += links.centres[v]
                part.stats[gpos[v], default: (0, 0, 0, 0)].linked += linked
                part.stats[gpos[v], default: (0, 0, 0, 0)].covered += covered
                let b = bs[v]
                part.buildings.append(PartyBuildingReport(
                    id: b.id, gridId: gridsFinal[gpos[v]].id, communityId: cid, households: hh[v], members: members[v],
                    formalMembers: formal[v], candidateHouseholds: candidates[v], centralHouseholds: links.centres[v],
                    linkedInBuilding: links.linkedInBuilding[v],
                    linkedElsewhere: links.flows[v].map { LinkedBuilding(buildingId: bs[$0.building].id, households: $0.households,
                                                                         distanceM: (pts[v].distance(to: pts[$0.building]) * 10).rounded() / 10) },
                    incomingHouseholds: links.incoming[v], unlinkedHouseholds: links.unlinked[v], partyGroup: groupName[v],
                    lon: b.lonLat.x, lat: b.lonLat.y))
                if links.unlinked[v] > 0 {
                    let nearest = candidateTree.nearest(to: pts[v])
                    if candidates[v] == 0 && (nearest == nil || nearest!.distance > options.reach) {
                        part.shortfalls.append(PartyShortfall(kind: "building_without_member_in_reach", communityId: cid, gridId: gridsFinal[gpos[v]].id,
                            buildingId: b.id, households: links.unlinked[v],
                            detail: "no member household within \(Int(options.reach)) m" + (nearest.map { ": nearest at \(Int($0.distance.rounded())) m" } ?? "")))
                    } else {
                        part.shortfalls.append(PartyShortfall(kind: "households_unlinked", communityId: cid, gridId: gridsFinal[gpos[v]].id,
                            buildingId: b.id, households: links.unlinked[v],
                            detail: "\(links.unlinked[v]) households left unlinked: the central households within \(Int(options.reach)) m are full (\(C) households each)"))
                    }
                }
            }
            if options.includeHouseholds && !snapshot.households.isEmpty {
                part.central += householdLinks(bs: bs, rows: householdRows, links: links, perCentre: C)
            }
            return part
        }
        let slots = Slots<CommunityParty>(count: communityIds.count)
        let chunk = max(1, (communityIds.count + 15) / 16)
        let chunks = (communityIds.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for k in (c * chunk)..<min(communityIds.count, (c + 1) * chunk) { slots.set(k, work(communityIds[k])) }
        }
        for k in communityIds.indices {
            guard let part = slots.get(k) else { continue }
            for (a, b) in part.adjacency { gridAdjacency[a].insert(b) }
            groupsOut += part.groups
            buildingsOut += part.buildings
            centralOut += part.central
            shortfalls += part.shortfalls
            for (gp, st) in part.stats {
                gridStats[gp].groups += st.groups; gridStats[gp].centres += st.centres
                gridStats[gp].linked += st.linked; gridStats[gp].covered += st.covered
            }
        }

        // organizations
        let units = gridList.map { g -> GridUnit in
            let bi = g.buildingIds.compactMap { buildingIndex[$0] }
            return GridUnit(id: g.id, communityId: g.communityId, formalMembers: bi.reduce(0) { $0 + snapshot.buildings[$1].partyMembers },
                            members: bi.reduce(0) { $0 + snapshot.buildings[$1].partyMembers + snapshot.buildings[$1].probationaryMembers })
        }
        let orgs = organizeGrids(units, adjacency: gridAdjacency.map { $0.sorted() }, rules: rules)
        var gridReports: [PartyGridReport] = []
        var byCommunity: [String: PartyCoverage] = [:]
        for (gp, g) in gridList.enumerated() {
            let bi = g.buildingIds.compactMap { buildingIndex[$0] }
            let households = bi.reduce(0) { $0 + max(0, snapshot.buildings[$1].households) }
            let o = orgs.organizations[gp]
            let organized = o.organization != .none
            let st = gridStats[gp]
            gridReports.append(PartyGridReport(
                id: g.id, communityId: g.communityId, households: households, partyMembers: units[gp].formalMembers,
                probationaryMembers: units[gp].members - units[gp].formalMembers, organization: o.organization.rawValue,
                jointWith: o.jointWith.isEmpty ? nil : o.jointWith, partyGroups: st.groups, centralHouseholds: st.centres,
                linkedHouseholds: st.linked, coveredHouseholds: st.covered, organizationCoverageRate: organized ? 1 : 0,
                workCoverageRate: households > 0 ? Double(st.covered) / Double(households) : 1))
            var cov = PartyCoverage(grids: 1, gridsOrganized: organized ? 1 : 0, organizationCoverageRate: 0, households: households,
                                    coveredHouseholds: st.covered, linkedHouseholds: st.linked, unlinkedHouseholds: households - st.linked,
                                    workCoverageRate: 0, partyMembers: units[gp].formalMembers,
                                    probationaryMembers: units[gp].members - units[gp].formalMembers,
                                    partyGroups: st.groups, centralHouseholds: st.centres)
            cov.finish()
            byCommunity[g.communityId, default: .zero].add(cov)
            if !organized {
                shortfalls.append(PartyShortfall(kind: "grid_without_organization", communityId: g.communityId, gridId: g.id, buildingId: nil,
                    households: households, detail: "\(units[gp].formalMembers) formal members and no joint branch possible with adjacent grids"))
            }
        }
        let names = Dictionary(snapshot.communities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var communities: [PartyCommunityReport] = []
        var total = PartyCoverage.zero
        var byOrg: [String: Int] = [:]
        for cid in communityIds {
            guard let cov = byCommunity[cid] else { continue }
            let org = rules.communityOrganization(members: cov.partyMembers + cov.probationaryMembers).rawValue
            communities.append(PartyCommunityReport(id: cid, name: names[cid] ?? nil, organization: org, coverage: cov))
            byOrg[org, default: 0] += 1
            total.add(cov)
        }
        total.finish()
        shortfalls.sort { ($0.communityId, $0.gridId ?? "", $0.buildingId ?? "", $0.kind) < ($1.communityId, $1.gridId ?? "", $1.buildingId ?? "", $1.kind) }
        var notes = orgs.notes
        if !ungridded.isEmpty { notes.append("buildings without a grid are reported under <community>-UNGRIDDED: run gridplan grids plan --apply") }
        return PartyPlanResult(workingCRS: snapshot.metadata.workingCRS, rules: rules, householdsPerCenter: C, reachM: options.reach,
                               gridSource: gridSource, candidateBasis: basis, grids: gridReports, communities: communities,
                               total: PartyTotal(communities: communities.count, communitiesByOrganization: byOrg, coverage: total),
                               partyGroups: groupsOut, buildings: buildingsOut,
                               centralHouseholds: options.includeHouseholds ? centralOut : nil,
                               shortfalls: shortfalls, violations: orgs.violations, notes: notes)
    }

    /// Which household each central household links (household rows only).
    static func householdLinks(bs: [Building], rows: [String: [Household]], links: CentralLinks, perCentre: Int) -> [CentralHouseholdReport] {
        let n = bs.count
        // Households of each building: centres first (most members, then id), the others by id.
        var centreIds = [[String]](repeating: [], count: n)
        var ownLinked = [[String]](repeating: [], count: n)
        var outgoing = [[String]](repeating: [], count: n)
        for v in 0..<n {
            let r = rows[bs[v].id] ?? []
            let cands = r.filter { $0.partyMembers + $0.probationaryMembers > 0 }
                .sorted { ($0.partyMembers + $0.probationaryMembers, $1.id) > ($1.partyMembers + $1.probationaryMembers, $0.id) }
            centreIds[v] = cands.prefix(links.centres[v]).map(\.id)
            let isCentre = Set(centreIds[v])
            // member households that are not centres stay in their building (pinned), then the others by id
            let memberIds = Set(cands.map(\.id))
            let others = cands.map(\.id).filter { !isCentre.contains($0) }
                + r.map(\.id).filter { !memberIds.contains($0) }.sorted()
            let k = max(0, links.linkedInBuilding[v] - centreIds[v].count)
            ownLinked[v] = Array(others.prefix(k))
            outgoing[v] = Array(others.dropFirst(k))
        }
        var incoming = [[String]](repeating: [], count: n)
        for v in 0..<n {
            var rest = outgoing[v][...]
            for f in links.flows[v] {
                incoming[f.building] += rest.prefix(f.households)
                rest = rest.dropFirst(f.households)
            }
        }
        var out: [CentralHouseholdReport] = []
        for v in 0..<n where !centreIds[v].isEmpty {
            var queue = (ownLinked[v] + incoming[v])[...]
            for c in centreIds[v] {
                out.append(CentralHouseholdReport(householdId: c, buildingId: bs[v].id, linkedHouseholdIds: Array(queue.prefix(perCentre))))
                queue = queue.dropFirst(perCentre)
            }
        }
        return out
    }
}

/// One community's share of the party plan, computed on a worker thread.
struct CommunityParty: Sendable {
    var adjacency: [(Int, Int)] = []
    var groups: [PartyGroupReport] = []
    var buildings: [PartyBuildingReport] = []
    var central: [CentralHouseholdReport] = []
    var shortfalls: [PartyShortfall] = []
    var stats: [Int: (groups: Int, centres: Int, linked: Int, covered: Int)] = [:]
}
