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
}

extension GeoPackageStore: PlanStore {
    public var location: String { path }
}
