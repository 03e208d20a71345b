import GridGeo

/// Where a dataset came from and the CRS its metres are in.
public struct DatasetMetadata: Sendable, Hashable {
    public var name: String
    /// The CRS the input coordinates were given in (`EPSG:4326`, `GCJ-02`, ...).
    public var sourceCRS: String
    /// The projected CRS all distances and areas are computed in (`EPSG:4548`, ...).
    public var workingCRS: String

    public init(name: String, sourceCRS: String, workingCRS: String) {
        self.name = name; self.sourceCRS = sourceCRS; self.workingCRS = workingCRS
    }
}

/// Everything the analyses read: all entities with points in the working CRS (metres)
/// and in longitude/latitude. A value: analyses are pure functions over it.
public struct Snapshot: Sendable {
    public var metadata: DatasetMetadata
    public var communities: [Community]
    public var grids: [Grid]
    public var buildings: [Building]
    /// Household rows when the dataset has `households.csv` (often empty: counts live on buildings).
    public var households: [Household]
    public var facilities: [Facility]
    public var candidates: [Candidate]
    public var roads: [Road]
    public var units: [OrganizationUnit]
    /// Compliance records (secretaries, contacts, ratings, observations), empty when not imported.
    public var records: ComplianceRecords
    /// Households summed per community (and grid), for analyses that need nothing else of the
    /// buildings; a store fills it without reading the building rows (see `householdsByCommunity`).
    public var householdTotals: [HouseholdTotal] = []

    public init(
        metadata: DatasetMetadata, communities: [Community] = [], grids: [Grid] = [],
        buildings: [Building] = [], households: [Household] = [], facilities: [Facility] = [],
        candidates: [Candidate] = [], roads: [Road] = [], units: [OrganizationUnit] = [],
        records: ComplianceRecords = ComplianceRecords()
    ) {
        self.metadata = metadata; self.communities = communities; self.grids = grids
        self.buildings = buildings; self.households = households; self.facilities = facilities
        self.candidates = candidates; self.roads = roads; self.units = units; self.records = records
    }

    /// Total households over all buildings.
    public var totalHouseholds: Int { buildings.reduce(0) { $0 + $1.households } }
}

/// The households of the buildings of one community and grid (grid nil: buildings without one).
public struct HouseholdTotal: Sendable, Hashable {
    public var communityId: String
    public var gridId: String?
    public var households: Int
    public var buildings: Int

    public init(communityId: String, gridId: String?, households: Int, buildings: Int) {
        self.communityId = communityId; self.gridId = gridId; self.households = households; self.buildings = buildings
    }
}

extension Snapshot {
    /// Households per community id: summed over `buildings` when they are loaded, else from
    /// `householdTotals`. Buildings come community by community, so runs of one id are summed
    /// before touching the dictionary (one hash per run, not per building).
    public func householdsByCommunity() -> [String: Int] {
        var totals: [String: Int] = [:]
        if buildings.isEmpty {
            for t in householdTotals { totals[t.communityId, default: 0] += t.households }
            return totals
        }
        var runId: String? = nil
        var runTotal = 0
        for i in buildings.indices {
            let id = buildings[i].communityId
            if id != runId {
                if let runId { totals[runId, default: 0] += runTotal }
                runId = id
                runTotal = 0
            }
            runTotal += buildings[i].households
        }
        if let runId { totals[runId, default: 0] += runTotal }
        return totals
    }
}
