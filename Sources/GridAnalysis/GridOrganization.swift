extension PartyNetwork {
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
}
