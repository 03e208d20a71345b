/// Options of a grid plan (docs/standards.md grid.*).
public struct GridPartitionOptions: Sendable {
    public var minHouseholds: Int
    public var maxHouseholds: Int
    /// Plan only these communities (nil: all).
    public var communityIds: Set<String>?
    /// Keep existing grids that satisfy the rules; re-plan only the rest.
    public var keepExisting: Bool
    /// Longest edge of the building graph kept before joining components, metres.
    public var maxEdgeLength: Double
    public var method: GridPlanMethod
    /// Worker threads for communities (results are the same for any count).
    public var threads: Int

    public init(
        minHouseholds: Int = 300, maxHouseholds: Int = 500, communityIds: Set<String>? = nil,
        keepExisting: Bool = false, maxEdgeLength: Double = 250, method: GridPlanMethod = .regionGrowing,
        threads: Int = 2
    ) {
        self.minHouseholds = minHouseholds; self.maxHouseholds = maxHouseholds
        self.communityIds = communityIds; self.keepExisting = keepExisting
        self.maxEdgeLength = maxEdgeLength; self.method = method; self.threads = threads
    }
}
