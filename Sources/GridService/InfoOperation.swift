import Foundation
import GridGeo
import GridModel
import GridStore

/// Options of `gridplan info` (none besides the store).
public struct InfoOptions: OperationOptions {
    public init() {}
    public static let fields: [OptionField] = []
    public init(_ v: OptionValues) throws {}
}

/// What `gridplan info` reports: the store and the PROJ installation.
public struct InfoResult: Codable, Sendable {
    public var store: StoreInfo?
    /// True when no store exists and the figures describe the bundled demo district.
    public var demo: Bool
    public var projVersion: String
    public var projDatabase: String
    public var gridplanVersion: String

    enum CodingKeys: String, CodingKey {
        case store, demo
        case projVersion = "proj_version", projDatabase = "proj_database", gridplanVersion = "gridplan_version"
    }
}

extension ServiceContext {
    /// Counts per layer, working CRS, extent, store path, PROJ version and proj.db path.
    public func info(_ options: InfoOptions = InfoOptions()) throws -> InfoResult {
        var storeInfo: StoreInfo
        var demo = false
        if StoreOpening.exists(databasePath) {
            storeInfo = try StoreOpening.open(databasePath, create: false).info()
        } else {
            let s = try snapshot()
            demo = true
            var box = BoundingBox.empty
            for b in s.buildings { box.include(b.lonLat) }
            storeInfo = StoreInfo(
                path: ProjectResources.demoDataset?.path ?? "", datasetName: s.metadata.name,
                sourceCRS: s.metadata.sourceCRS, workingCRS: s.metadata.workingCRS, importedAt: nil,
                counts: s.layerCounts, households: s.totalHouseholds,
                bboxLonLat: box.isEmpty ? nil : [box.minX, box.minY, box.maxX, box.maxY], fileBytes: 0)
        }
        return InfoResult(
            store: storeInfo, demo: demo, projVersion: ProjInfo.version,
            projDatabase: ProjInfo.databasePath, gridplanVersion: GridplanVersion.current)
    }
}

extension Snapshot {
    /// Row counts per store layer.
    public var layerCounts: [String: Int] {
        [
            "communities": communities.count, "grids": grids.count, "buildings": buildings.count,
            "households": households.count, "facilities": facilities.count, "candidates": candidates.count,
            "roads": roads.count, "units": units.count, "secretaries": records.secretaries.count,
            "contacts": records.contacts.count, "ratings": records.ratings.count, "observations": records.observations.count
        ]
    }
}
