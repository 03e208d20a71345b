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

    public init(
        householdsPerCenter: Int? = nil, reach: Double = 500, includeHouseholds: Bool = false,
        maxEdgeLength: Double = 250, communityIds: Set<String>? = nil
    ) {
        self.householdsPerCenter = householdsPerCenter; self.reach = reach; self.includeHouseholds = includeHouseholds
        self.maxEdgeLength = maxEdgeLength; self.communityIds = communityIds
    }
}
