import GridLocale
import GridModel

/// What the service layer needs of a store, whichever engine holds it: a GeoPackage file
/// (`GeoPackageStore`) or one district of a city's PostGIS database (`PostGISStore`). The
/// analyses never see which one; both give the same snapshot for the same data.
public protocol PlanStore: AnyObject {
    /// Where the store is, as a person may read it (never a password).
    var location: String { get }
    /// True when the store (the district) holds no dataset yet.
    func isEmpty() throws -> Bool
    /// The dataset's metadata, or nil when there is none.
    func metadata() throws -> DatasetMetadata?
    /// Replaces the whole dataset with `snapshot` in one transaction; on any error nothing changes.
    func replaceContents(with snapshot: Snapshot, progress: ((LocalText, Int, Int?) -> Void)?) throws
    /// Reads the layers asked for into a snapshot (the others stay empty), from one consistent state.
    func loadSnapshot(layers: Set<StoreLayer>) throws -> Snapshot
    /// Replaces the grids of the given communities and sets the buildings' `grid_id`, in one transaction.
    func applyGridPlan(communityIds: [String], grids: [Grid], assignments: [String: String]) throws
    /// Counts per layer, CRSs and extent.
    func info() throws -> StoreInfo
    /// "ok" when the store is sound, else what is wrong.
    func integrityCheck() throws -> String

    /// The saved scenarios (方案), in no particular order (the caller sorts).
    func scenarios() throws -> [StoredScenario]
    /// The scenario named `name`, or nil.
    func scenario(named name: String) throws -> StoredScenario?
    /// Saves `scenario`; an existing one of the same name is replaced only with `replace` (its
    /// `createdAt` kept), else the save throws naming it. Returns what was stored.
    func saveScenario(_ scenario: StoredScenario, replace: Bool) throws -> StoredScenario
    /// Deletes the scenario named `name`; false when there was none.
    func deleteScenario(named name: String) throws -> Bool
    /// Writes `changes` into the facility layer and sets the scenario's `appliedAt`, in one
    /// transaction: on any error (a missing scenario, a constraint) nothing changes.
    func applyScenario(named name: String, changes: FacilityChanges, appliedAt: String) throws
}

extension GeoPackageStore: PlanStore {
    public var location: String { path }
}
