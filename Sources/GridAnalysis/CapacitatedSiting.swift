import GridGeo
import GridMILP

/// Capacity-aware siting by the area standard (`--capacity area`): a center serves at most its
/// usable area ÷ area per household households (30 m² per 100 households: area ÷ 0.30, rounded
/// down), and households are assigned to centers within reach without exceeding any capacity.
///
/// One mixed-integer program, solved by CBC (`MixedIntegerProgram.solve`) warm-started from the
/// uncapacitated plan: xⱼ ∈ {0, 1} opens candidate j (Σ xⱼ = K); hᵢc ≥ 0 households of
/// building i served by center c (a candidate or an existing counted facility, which is always
/// open) within its reach; Σc hᵢc ≤ wᵢ; Σᵢ hᵢc ≤ capacity(c) · xc; hᵢc ≤ wᵢ xc.
/// - `cover` (capacitated maximal covering): maximise Σ h.
/// - `distance` (capacitated p-median): every household is served within the distance cap or
///   counted unserved at the cap: minimise Σ dᵢc hᵢc + cap · Σ unservedᵢ.
/// For fixed sites the assignment is a transportation problem, so its optimum is in whole
/// households. A candidate with no available area recorded has no capacity limit.
public struct CapacitatedSiting: Sendable {
    /// An existing counted facility as a center: where, how far it reaches, and its capacity.
    public struct Center: Sendable {
        public var location: Point
        public var reach: Double
        /// Households it can serve (nil: unlimited).
        public var capacity: Double?
        public init(location: Point, reach: Double, capacity: Double?) {
            self.location = location; self.reach = reach; self.capacity = capacity
        }
    }

    public struct Plan: Sendable {
        /// Candidate indices, ascending.
        public var selected: [Int]
        /// Served households (cover) or weighted distance with unserved at the cap (distance).
        public var objective: Double
        /// The proven bound on the objective of any plan of K sites.
        public var bound: Double
        public var stop: MixedIntegerSolution.Stop
        /// Households assigned to each selected candidate, and to the existing centers.
        public var assigned: [Int: Int]
        public var existingAssigned: [Int]
        /// Households assigned in all.
        public var served: Int
        /// Households within reach of an open center (existing or selected) but not assigned.
        public var unservedForLackOfArea: Int
    }

    public var demand: [Point]
    public var weights: [Int]
    public var candidates: [Point]
    /// Households each candidate can serve (nil: unlimited).
    public var candidateCapacity: [Double?]
    public var existing: [Center]
    /// Reach of a new site; for `distance`, the distance cap.
    public var reach: Double
    public var minimizeDistance: Bool

    public init(
        demand: [Point], weights: [Int], candidates: [Point], candidateCapacity: [Double?], existing: [Center],
        reach: Double, minimizeDistance: Bool
    ) {
        self.demand = demand; self.weights = weights; self.candidates = candidates
        self.candidateCapacity = candidateCapacity; self.existing = existing; self.reach = reach
        self.minimizeDistance = minimizeDistance
    }

    /// Households a center of `area` m² can serve at `areaPerHousehold` m² each (whole households).
    public static func capacity(area: Double, areaPerHousehold: Double) -> Double {
        (area / areaPerHousehold + 1e-9).rounded(.down)
    }

    /// (demand, center, distance) pairs within reach; centers 0..<m are candidates, m... existing.
    func pairs() -> [(i: Int, c: Int, d: Double)] {
        let tree = KDTree(points: demand)
        var out: [(Int, Int, Double)] = []
        let m = candidates.count
        for (j, p) in candidates.enumerated() {
            var row: [(Int, Double)] = []
            tree.forEach(within: reach, of: p) { i, d in if weights[i] > 0 { row.append((i, d)) } }
            for (i, d) in row.sorted(by: { $0.0 < $1.0 }) { out.append((i, j, d)) }
        }
        for (e, center) in existing.enumerated() {
            var row: [(Int, Double)] = []
            let r = minimizeDistance ? reach : center.reach
            tree.forEach(within: r, of: center.location) { i, d in if weights[i] > 0 { row.append((i, d)) } }
            for (i, d) in row.sorted(by: { $0.0 < $1.0 }) { out.append((i, m + e, d)) }
        }
        return out
    }

    /// The best plan of `count` candidates (or, with `fixed`, the assignment for exactly those
    /// sites), warm-started from `start`, within `timeLimit` seconds.
    public func solve(count: Int, start: [Int], timeLimit: Double, fixed: [Int]? = nil) -> Plan {
        let m = candidates.count, n = weights.count
        let pairs = self.pairs()
        var program = MixedIntegerProgram(sense: minimizeDistance ? .minimize : .maximize)
        let fixedSet = fixed.map(Set.init)
        let x: [Int] = (0..<m).map { j in
            let on = fixedSet.map { $0.contains(j) ? 1.0 : 0.0 }
            return program.addVariable(lower: on ?? 0, upper: on ?? 1, objective: 0, integer: true)
        }
        let h: [Int] = pairs.map { p in
            program.addVariable(
                upper: Double(weights[p.i]), objective: minimizeDistance ? p.d : 1, integer: false)
        }
        var byDemand = [[Int]](repeating: [], count: n)
        var byCenter = [[Int]](repeating: [], count: m + existing.count)
        for (k, p) in pairs.enumerated() { byDemand[p.i].append(k); byCenter[p.c].append(k) }
        for i in 0..<n where weights[i] > 0 {
            var terms = byDemand[i].map { (h[$0], 1.0) }
            if minimizeDistance {
                let u = program.addVariable(upper: Double(weights[i]), objective: reach, integer: false)
                terms.append((u, 1))
                program.addConstraint(terms, lower: Double(weights[i]), upper: Double(weights[i]))
            } else if !terms.isEmpty {
                program.addConstraint(terms, upper: Double(weights[i]))
            }
        }
        for c in 0..<(m + existing.count) where !byCenter[c].isEmpty {
            let capacity = c < m ? candidateCapacity[c] : existing[c - m].capacity
            var terms = byCenter[c].map { (h[$0], 1.0) }
            if c < m {
                for k in byCenter[c] { program.addConstraint([(h[k], 1), (x[c], -Double(weights[pairs[k].i]))], upper: 0) }
                if let capacity {
                    terms.append((x[c], -capacity))
                    program.addConstraint(terms, upper: 0)
                }
            } else if let capacity {
                program.addConstraint(terms, upper: capacity)
            }
        }
        let k = min(count, m)
        if fixed == nil { program.addConstraint(x.map { ($0, 1.0) }, lower: Double(k), upper: Double(k)) }
        var startValues: [Double]? = nil
        if fixed == nil {
            var v = [Double](repeating: 0, count: program.variableCount)
            for j in Set(start).sorted().prefix(k) { v[x[j]] = 1 }
            // fill a short start up to K sites so it is feasible
            var open = Set(start.prefix(k)).count
            for j in 0..<m where open < k && v[x[j]] == 0 { v[x[j]] = 1; open += 1 }
            startValues = v
        }
        let gap = minimizeDistance ? 1e-6 : 1 - 1e-6
        let solved = program.solve(start: startValues, timeLimit: timeLimit, absoluteGap: gap)
        guard let values = solved.values else {
            // nothing within the limit (CBC stopped before any plan): the start's sites with
            // their best assignment (for fixed sites: nobody served), and only the trivial bound
            // (no household nearer than 0 m, none served beyond all of them)
            let sites = startValues.map { v in (0..<m).filter { v[x[$0]] > 0.5 } } ?? fixed ?? []
            var plan =
                fixed == nil
                ? solve(count: sites.count, start: [], timeLimit: max(1, timeLimit / 4), fixed: sites)
                : Plan(
                    selected: fixed ?? [], objective: minimizeDistance ? reach * Double(weights.reduce(0, +)) : 0,
                    bound: 0, stop: .timeLimit,
                    assigned: [:], existingAssigned: [Int](repeating: 0, count: existing.count), served: 0,
                    unservedForLackOfArea: 0)
            plan.bound = minimizeDistance ? 0 : Double(weights.reduce(0, +))
            plan.stop = .timeLimit
            return plan
        }
        let selected = (0..<m).filter { values[x[$0]] > 0.5 }
        var assigned: [Int: Int] = [:]
        var existingAssigned = [Int](repeating: 0, count: existing.count)
        var servedBy = [Double](repeating: 0, count: n)
        for (k, p) in pairs.enumerated() where values[h[k]] > 1e-7 {
            let households = Int(values[h[k]].rounded())
            if p.c < m { assigned[p.c, default: 0] += households } else { existingAssigned[p.c - m] += households }
            servedBy[p.i] += values[h[k]]
        }
        // within reach of an open center but left out
        var reachable = [Bool](repeating: false, count: n)
        let open = Set(selected)
        for p in pairs where p.c >= m || open.contains(p.c) {
            if !minimizeDistance || p.c >= m || p.d <= reach { reachable[p.i] = true }
        }
        var lacking = 0
        for i in 0..<n where reachable[i] { lacking += max(0, weights[i] - Int(servedBy[i].rounded())) }
        let served = Int(servedBy.reduce(0, +).rounded())
        return Plan(
            selected: selected, objective: solved.objective ?? 0, bound: solved.bound, stop: solved.stop,
            assigned: assigned, existingAssigned: existingAssigned, served: served, unservedForLackOfArea: lacking)
    }
}
