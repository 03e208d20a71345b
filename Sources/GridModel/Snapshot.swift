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

    public init(metadata: DatasetMetadata, communities: [Community] = [], grids: [Grid] = [],
                buildings: [Building] = [], households: [Household] = [], facilities: [Facility] = [],
                candidates: [Candidate] = [], roads: [Road] = [], units: [OrganizationUnit] = [],
                records: ComplianceRecords = ComplianceRecords()) {
        self.metadata = metadata; self.communities = communities; self.grids = grids
        self.buildings = buildings; self.households = households; self.facilities = facilities
        self.candidates = candidates; self.roads = roads; self.units = units; self.records = records
    }

    /// Total households over all buildings.
    public var totalHouseholds: Int { buildings.reduce(0) { $0 + $1.households } }
}
