import Foundation
import GridModel
import GridPostGIS
import GridStore

/// The one place that turns `--db` into a store: a file path is a GeoPackage, a
/// `postgresql://` URI one district of a PostGIS database (see `StoreAddress`).
enum StoreOpening {
    /// Whether `db` names a store to read: a PostGIS URI always (errors surface on connecting),
    /// a path when the file exists (else the bundled demo is used).
    static func exists(_ db: String) -> Bool {
        PostGISAddress.isURI(db) || FileManager.default.fileExists(atPath: db)
    }

    /// Opens the store `db` names. `datasetFallback` names the district of a URI without
    /// `dataset=` (an import's dataset name); `create` makes a GeoPackage file or the PostGIS schema.
    static func open(_ db: String, datasetFallback: String? = nil, create: Bool) throws -> any PlanStore {
        switch try StoreAddress(db) {
        case .geoPackage(let path): return try GeoPackageStore(path: path, create: create)
        case .postgis(let address):
            return try PostGISStore(address: address, datasetFallback: datasetFallback, initialize: create)
        }
    }
}
