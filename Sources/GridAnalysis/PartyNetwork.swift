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
/// organization coverage rate and the work coverage rate (policy-rules.md party.*).
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
        for i in 0..<n {
            if let o = rules.ownOrganization(formal: units[i].formalMembers) { org[i] = o }
            if units[i].members > rules.branchMax {
                notes.append("\(units[i].id): \(units[i].members) members, above the usual \(rules.branchMax) of a branch (party.branch_max): consider splitting the grid or setting up party groups")
            }
        }
        let order = (0..<n).sorted { (units[$0].communityId, units[$0].id) < (units[$1].communityId, units[$1].id) }
        func adjacent(_ i: Int) -> [Int] {
            (i < adjacency.count ? adjacency[i] : []).filter { $0 != i && units[$0].communityId == units[i].communityId }
        }
        var failed: [[Int]] = []
        for s in order where org[s] == .none && groupOf[s] < 0 {
            var group = [s]
            var inGroup: Set<Int> = [s]
            var sum = units[s].formalMembers
            while sum < rules.branch && group.count < rules.jointMaxUnits {
                var best = -1
                for g in group {
                    for j in adjacent(g) where !inGroup.contains(j) && org[j] == .none && groupOf[j] < 0 {
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
    /// (a maximum flow in the bipartite network source → short building → building within reach
    /// with spare → sink): no household that could be linked is left unlinked.
    /// Central households chosen in a building: ⌈(own linked + incoming) / (capacity+1)⌉.
    public static func linkCentralHouseholds(points: [Point], households: [Int], candidates: [Int],
                                             capacity: Int, reach: Double) -> CentralLinks {
        let n = points.count
        let per = capacity + 1
        var own = [Int](repeating: 0, count: n), deficit = own, spare = own
        for i in 0..<n {
            let m = min(candidates[i], households[i])
            own[i] = min(households[i], m * per)
            deficit[i] = households[i] - own[i]
            spare[i] = m * per - own[i]
        }
        let suppliers = (0..<n).filter { spare[$0] > 0 }
        var edges: [(d: Double, from: Int, to: Int)] = []
        var adjacency = [[Int]](repeating: [], count: n)   // short building → suppliers within reach (nearest first)
        if !suppliers.isEmpty {
            let tree = KDTree(points: suppliers.map { points[$0] })
            for i in 0..<n where deficit[i] > 0 {
                var list: [(Double, Int)] = []
                tree.forEach(within: reach, of: points[i]) { j, d in if suppliers[j] != i { list.append((d, suppliers[j])) } }
                list.sort { $0 < $1 }
                adjacency[i] = list.map(\.1)
                for (d, s) in list { edges.append((d, i, s)) }
            }
        }
        edges.sort { ($0.d, $0.from, $0.to) < ($1.d, $1.from, $1.to) }
        var flow: [[Int: Int]] = Array(repeating: [:], count: n)   // flow[short][supplier]
        var into: [[Int: Int]] = Array(repeating: [:], count: n)   // into[supplier][short]
        var need = deficit, room = spare
        for e in edges where need[e.from] > 0 && room[e.to] > 0 {
            let x = min(need[e.from], room[e.to])
            flow[e.from][e.to, default: 0] += x; into[e.to][e.from, default: 0] += x
            need[e.from] -= x; room[e.to] -= x
        }
        // Augmenting paths: short(need>0) → supplier → (back along flow) short → supplier ... → supplier with room.
        var changed = true
        while changed {
            changed = false
            for s in 0..<n where need[s] > 0 {
                // BFS over supplier nodes.
                var prevShort: [Int: Int] = [:]       // supplier → short building that reached it
                var prevSupplier: [Int: Int] = [:]    // short building → supplier it came back through (-1 for s)
                prevSupplier[s] = -1
                var queue = [s]
                var found = -1
                var qi = 0
                bfs: while qi < queue.count {
                    let u = queue[qi]; qi += 1
                    for sup in adjacency[u] where prevShort[sup] == nil {
                        prevShort[sup] = u
                        if room[sup] > 0 { found = sup; break bfs }
                        for (back, f) in into[sup].sorted(by: { $0.key < $1.key }) where f > 0 && prevSupplier[back] == nil {
                            prevSupplier[back] = sup; queue.append(back)
                        }
                    }
                }
                guard found >= 0 else { continue }
                // Bottleneck.
                var amount = min(need[s], room[found])
                var sup = found
                while true {
                    let u = prevShort[sup]!
                    let p = prevSupplier[u]!
                    if p < 0 { break }
                    amount = min(amount, flow[u][p] ?? 0)
                    sup = p
                }
                guard amount > 0 else { continue }
                sup = found
                while true {
                    let u = prevShort[sup]!
                    flow[u][sup, default: 0] += amount; into[sup][u, default: 0] += amount
                    let p = prevSupplier[u]!
                    if p < 0 { break }
                    flow[u][p]! -= amount; into[p][u]! -= amount
                    if flow[u][p] == 0 { flow[u][p] = nil; into[p][u] = nil }
                    sup = p
                }
                need[s] -= amount; room[found] -= amount
                changed = true
            }
        }
        var incoming = [Int](repeating: 0, count: n)
        for sup in 0..<n { incoming[sup] = into[sup].values.reduce(0, +) }
        let centres = (0..<n).map { (own[$0] + incoming[$0] + per - 1) / per }
        let flows = (0..<n).map { i in flow[i].filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { (building: $0.key, households: $0.value) } }
        return CentralLinks(centres: centres, linkedInBuilding: own, flows: flows, unlinked: need, incoming: incoming)
    }
}
