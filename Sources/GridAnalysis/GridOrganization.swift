import GridLocale
import GridModel

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
        -> (organizations: [GridOrganization], violations: [GridViolation], notes: [LocalText])
    {
        var state = JointBranches(units: units, adjacency: adjacency, rules: rules)
        let shortGroups = state.formJointBranches()
        var violations: [GridViolation] = []
        for group in shortGroups where !state.joinNeighbour(group) {
            violations += state.leaveWithoutOrganization(group)
        }
        return (state.organizations(), violations, largeGridNotes(units, rules: rules))
    }

    /// The advice on grids with more members than a branch usually has (party.branch_max).
    static func largeGridNotes(_ units: [GridUnit], rules: PartyRules) -> [LocalText] {
        let large = units.filter { $0.members > rules.branchMax }.map(\.id)
        guard !large.isEmpty else { return [] }
        return [
            LocalText(
                large.count == 1 ? "note.large_grid_one" : "note.large_grids",
                ["count": String(large.count), "max": String(rules.branchMax), "grids": large.sorted().joined(separator: ", ")])
        ]
    }
}

/// The organizations of grids while `PartyNetwork.organizeGrids` forms joint branches.
struct JointBranches {
    let units: [PartyNetwork.GridUnit]
    let adjacency: [[Int]]
    let rules: PartyRules
    var organization: [PartyOrganization]
    /// The joint branch (index into `groups`) of each grid; -1: none yet, -2: in a short group.
    var groupOf: [Int]
    /// Joint branches as lists of grid indices.
    var groups: [[Int]] = []
    /// Grids covered by the branch of a grid that hosts short grids (1: only its own).
    var hosted: [Int]
    /// The joint branch a hosting grid's branch became (-1: hosts none).
    var hostGroup: [Int]

    init(units: [PartyNetwork.GridUnit], adjacency: [[Int]], rules: PartyRules) {
        self.units = units; self.adjacency = adjacency; self.rules = rules
        organization = units.map { rules.ownOrganization(formal: $0.formalMembers) ?? .none }
        groupOf = [Int](repeating: -1, count: units.count)
        hosted = [Int](repeating: 1, count: units.count)
        hostGroup = [Int](repeating: -1, count: units.count)
    }

    /// Adjacent grids of the same community.
    func adjacent(_ i: Int) -> [Int] {
        (i < adjacency.count ? adjacency[i] : []).filter { $0 != i && units[$0].communityId == units[i].communityId }
    }

    /// Joins the grids without a branch of their own, in (community, id) order, with adjacent
    /// such grids (most formal members first, then lower id) until the group has `branch` formal
    /// members or `jointMaxUnits` grids. Returns the groups that fell short.
    mutating func formJointBranches() -> [[Int]] {
        let order = units.indices.sorted { (units[$0].communityId, units[$0].id) < (units[$1].communityId, units[$1].id) }
        var shortGroups: [[Int]] = []
        for start in order where organization[start] == .none && groupOf[start] == -1 {
            var group = [start]
            var inGroup: Set<Int> = [start]
            var formal = units[start].formalMembers
            while formal < rules.branch && group.count < rules.jointMaxUnits {
                var best = -1
                for g in group {
                    for j in adjacent(g) where !inGroup.contains(j) && organization[j] == .none && groupOf[j] == -1 {
                        if best < 0 || units[j].formalMembers > units[best].formalMembers
                            || (units[j].formalMembers == units[best].formalMembers && units[j].id < units[best].id)
                        {
                            best = j
                        }
                    }
                }
                if best < 0 { break }
                group.append(best); inGroup.insert(best); formal += units[best].formalMembers
            }
            if formal >= rules.branch && group.count > 1 {
                let index = groups.count
                groups.append(group)
                for g in group { groupOf[g] = index; organization[g] = .jointBranch }
            } else {
                for g in group { groupOf[g] = -2 }
                shortGroups.append(group)
            }
        }
        return shortGroups
    }

    /// Puts a short group into an adjacent joint branch with room (the smallest), else under an
    /// adjacent grid's own branch with room (the one with most formal members). False when
    /// neither exists.
    mutating func joinNeighbour(_ group: [Int]) -> Bool {
        let inGroup = Set(group)
        var neighbours = Set<Int>()
        for g in group { for j in adjacent(g) where !inGroup.contains(j) { neighbours.insert(j) } }
        let byId = neighbours.sorted(by: { units[$0].id < units[$1].id })
        var target: Int? = nil
        for j in byId where groupOf[j] >= 0 {
            let index = groupOf[j]
            if groups[index].count + group.count <= rules.jointMaxUnits {
                if target == nil || groups[index].count < groups[target!].count { target = index }
            }
        }
        if let index = target {
            groups[index] += group
            for g in group { groupOf[g] = index; organization[g] = .jointBranch }
            return true
        }
        var host: Int? = nil
        for j in byId
        where (organization[j] == .branch || organization[j] == .branchCommittee || hostGroup[j] >= 0) && groupOf[j] == -1 {
            if hosted[j] + group.count <= rules.jointMaxUnits {
                if host == nil || units[j].formalMembers > units[host!].formalMembers { host = j }
            }
        }
        guard let hostGrid = host else { return false }
        let index: Int
        if hostGroup[hostGrid] >= 0 {
            index = hostGroup[hostGrid]
        } else {
            index = groups.count; groups.append([hostGrid]); hostGroup[hostGrid] = index
        }
        groups[index] += group
        hosted[hostGrid] += group.count
        for g in group { groupOf[g] = index; organization[g] = .jointBranch }
        organization[hostGrid] = .jointBranch
        return true
    }

    /// Leaves a short group's grids without organization, with a `party.joint_branch` violation each.
    mutating func leaveWithoutOrganization(_ group: [Int]) -> [GridViolation] {
        let formal = group.reduce(0) { $0 + units[$1].formalMembers }
        return group.map { g in
            groupOf[g] = -2; organization[g] = .none
            return GridViolation(
                gridId: units[g].id, communityId: units[g].communityId, rule: "party.joint_branch",
                detail: LocalText(
                    group.count == 1 ? "violation.joint_branch_one" : "violation.joint_branch",
                    [
                        "members": String(units[g].formalMembers), "max_grids": String(rules.jointMaxUnits),
                        "branch": String(rules.branch), "formal": String(formal), "grids": String(group.count)
                    ])
            )
        }
    }

    /// Each grid's organization and the other grids of its joint branch, sorted.
    func organizations() -> [PartyNetwork.GridOrganization] {
        units.indices.map { i in
            var joint: [String] = []
            if organization[i] == .jointBranch {
                let index = groupOf[i] >= 0 ? groupOf[i] : hostGroup[i]
                if index >= 0 { joint = groups[index].filter { $0 != i }.map { units[$0].id }.sorted() }
            }
            return PartyNetwork.GridOrganization(organization: organization[i], jointWith: joint)
        }
    }
}
