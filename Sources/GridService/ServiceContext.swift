import Foundation
import GridLocale
import GridModel
import GridStore

/// What every operation needs besides its own options: which store, which standards,
/// where progress goes. Loads the snapshot once and keeps it.
///
/// The per-request fields (`progress`, `language`, `documentLanguage`, `csvHeaders`) are set by
/// the request being served, so one context serves one request at a time; a server answering
/// requests side by side gives each its own `requestContext()`, which shares the snapshot.
public final class ServiceContext: @unchecked Sendable {
    /// Store path or PostGIS URI (`StoreAddress`): `--db`, else `$GRIDPLAN_DB`, else `gridplan.gpkg` in the working directory.
    public let databasePath: String
    /// Where progress goes; the JSON-RPC server points it at the current request.
    public var progress: any ProgressReporter
    /// Where notes for the user go (stderr in the CLI).
    public let note: @Sendable (String) -> Void
    /// The language of the current operation's tables, messages and notes: set from `lang`
    /// (or the environment) by `OperationDeclaration.execute`, one request at a time.
    public var language: Language
    /// The language of the map and the HTML report: both side by side unless `lang` was given.
    public var documentLanguage: DocumentLanguage = .both
    /// The language of CSV headers (`--headers`): the contract's English names unless `zh` is asked.
    public var csvHeaders: Language = .en
    /// The time written into saved and applied scenarios (tests set a fixed one).
    public var clock: @Sendable () -> Date = { Date() }
    /// The snapshot, shared with every `requestContext()` of this context.
    private let cache: SnapshotCache

    public init(
        db: String? = nil, progress: any ProgressReporter = SilentProgress(),
        note: @escaping @Sendable (String) -> Void = { _ in }, language: Language = .en
    ) {
        self.language = language
        self.databasePath = ServiceContext.resolveDatabasePath(db)
        self.progress = progress
        self.note = note
        self.cache = SnapshotCache()
    }

    private init(sharing other: ServiceContext) {
        databasePath = other.databasePath
        progress = SilentProgress()
        note = other.note
        language = other.language
        clock = other.clock
        cache = other.cache
    }

    /// A context for one request served beside others: the same store and the same cached
    /// snapshot (loaded once for all, forgotten for all by `invalidate()`), its own progress and
    /// languages.
    public func requestContext() -> ServiceContext { ServiceContext(sharing: self) }

    /// The store path a command uses when `db` is nil.
    public static func resolveDatabasePath(_ db: String?) -> String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["GRIDPLAN_DB"], !env.isEmpty { return env }
        return "gridplan.gpkg"
    }

    /// The snapshot of the store, or of the bundled demo district when no store exists (said in a
    /// note). Only `layers` are read from a store (the others stay empty), so a command pays for
    /// what it uses; the demo is always read whole.
    public func snapshot(layers: Set<StoreLayer> = StoreLayer.all) throws -> Snapshot {
        cache.lock.lock(); defer { cache.lock.unlock() }
        if let s = cache.snapshot, layers.isSubset(of: cache.layers) { return s }
        let wanted = layers.union(cache.layers)
        let s = try SnapshotLoader.load(
            databasePath: databasePath, layers: wanted, progress: progress, note: note, language: language)
        cache.snapshot = s
        cache.layers = StoreOpening.exists(databasePath) ? wanted : Set(StoreLayer.allCases)
        return s
    }

    /// Forgets the cached snapshot (after an import or `--apply`), for every request context too.
    public func invalidate() {
        cache.lock.lock(); cache.snapshot = nil; cache.layers = []; cache.lock.unlock()
    }
}

/// The snapshot a context and its request contexts share, guarded by its lock (held while loading,
/// so concurrent requests load it once).
private final class SnapshotCache: @unchecked Sendable {
    let lock = NSLock()
    var snapshot: Snapshot?
    /// The layers `snapshot` holds.
    var layers: Set<StoreLayer> = []
}
