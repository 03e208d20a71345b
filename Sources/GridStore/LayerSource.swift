import GridModel

/// A store's reader of the snapshot's layers, one method per layer. `snapshot(metadata:layers:)`
/// reads the asked layers (the others stay empty), so every store selects layers the same way.
public protocol LayerSource {
    func communities() throws -> [Community]
    func grids() throws -> [Grid]
    func buildings() throws -> [Building]
    func households() throws -> [Household]
    func facilities() throws -> [Facility]
    func candidates() throws -> [Candidate]
    func roads() throws -> [Road]
    func units() throws -> [OrganizationUnit]
    func records() throws -> ComplianceRecords
    func householdTotals() throws -> [HouseholdTotal]
}

extension LayerSource {
    /// The snapshot of `layers` under `metadata`.
    public func snapshot(metadata: DatasetMetadata, layers: Set<StoreLayer>) throws -> Snapshot {
        var s = Snapshot(metadata: metadata)
        if layers.contains(.communities) { s.communities = try communities() }
        if layers.contains(.grids) { s.grids = try grids() }
        if layers.contains(.buildings) { s.buildings = try buildings() }
        if layers.contains(.households) { s.households = try households() }
        if layers.contains(.facilities) { s.facilities = try facilities() }
        if layers.contains(.candidates) { s.candidates = try candidates() }
        if layers.contains(.roads) { s.roads = try roads() }
        if layers.contains(.units) { s.units = try units() }
        if layers.contains(.records) { s.records = try records() }
        if layers.contains(.householdTotals) { s.householdTotals = try householdTotals() }
        return s
    }
}
