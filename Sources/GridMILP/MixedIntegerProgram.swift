/// A mixed-integer linear program as plain values: variables with bounds, an objective
/// coefficient and integrality, and constraints `lower ≤ Σ coefficient × variable ≤ upper`.
/// Solved by `MixedIntegerProgram.solve` (COIN-OR CBC).
public struct MixedIntegerProgram: Sendable {
    public enum Sense: Sendable { case minimize, maximize }

    public var sense: Sense
    public private(set) var lower: [Double] = []
    public private(set) var upper: [Double] = []
    public private(set) var objective: [Double] = []
    public private(set) var integer: [Bool] = []
    /// Constraints, each a list of (variable, coefficient) and its range (±∞ for none).
    public private(set) var constraints: [(terms: [(Int, Double)], lower: Double, upper: Double)] = []

    public var variableCount: Int { lower.count }

    public init(sense: Sense) { self.sense = sense }

    /// Adds a variable and returns its index.
    @discardableResult
    public mutating func addVariable(lower: Double = 0, upper: Double, objective: Double, integer: Bool) -> Int {
        self.lower.append(lower); self.upper.append(upper)
        self.objective.append(objective); self.integer.append(integer)
        return self.lower.count - 1
    }

    /// Adds `lower ≤ Σ coefficient × variable ≤ upper`.
    public mutating func addConstraint(_ terms: [(Int, Double)], lower: Double = -.infinity, upper: Double = .infinity) {
        precondition(terms.allSatisfy { $0.0 >= 0 && $0.0 < variableCount })
        constraints.append((terms, lower, upper))
    }

    /// The objective of a vector of values.
    public func value(of x: [Double]) -> Double {
        zip(objective, x).reduce(0) { $0 + $1.0 * $1.1 }
    }
}

/// What a solver run ended with.
public struct MixedIntegerSolution: Sendable {
    /// Why the solver stopped.
    public enum Stop: String, Sendable, Codable, CaseIterable {
        /// The best plan is proven optimal.
        case proven
        /// The time limit cut the search short.
        case timeLimit = "time_limit"
        /// The program has no feasible solution (proven).
        case infeasible
    }

    public var stop: Stop
    /// The best solution found (nil when none, e.g. infeasible or nothing within the limit).
    public var values: [Double]?
    /// Its objective.
    public var objective: Double?
    /// The proven bound on the optimum (the best possible objective); equal to `objective`
    /// when proven.
    public var bound: Double
    /// Branch-and-bound nodes explored.
    public var nodes: Int
}
