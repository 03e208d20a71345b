import Foundation
import GRDB

/// The SQL functions the GeoPackage RTree triggers call (`ST_IsEmpty`, `ST_MinX`, `ST_MaxX`,
/// `ST_MinY`, `ST_MaxY`), registered on every connection so that inserts and updates made by
/// gridplan (or by anyone through it) keep the spatial index right. GDAL registers its own.
enum SpatialFunctions {
    static func register(on db: Database) {
        func bound(_ name: String, _ pick: @escaping @Sendable (GridGeoBox) -> Double) -> DatabaseFunction {
            DatabaseFunction(name, argumentCount: 1, pure: true) { values in
                guard let data = Data.fromDatabaseValue(values[0]) else { return nil }
                guard let box = try? GeometryBlob.bounds(data) else { return nil }
                return pick(GridGeoBox(minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY))
            }
        }
        db.add(
            function: DatabaseFunction("ST_IsEmpty", argumentCount: 1, pure: true) { values in
                guard let data = Data.fromDatabaseValue(values[0]) else { return nil }
                guard let empty = try? GeometryBlob.isEmpty(data) else { return nil }
                return empty ? 1 : 0
            })
        db.add(function: bound("ST_MinX") { $0.minX })
        db.add(function: bound("ST_MaxX") { $0.maxX })
        db.add(function: bound("ST_MinY") { $0.minY })
        db.add(function: bound("ST_MaxY") { $0.maxY })
    }
}

/// A plain box (avoids capturing GridGeo's type in SQL function closures).
struct GridGeoBox: Sendable { var minX, minY, maxX, maxY: Double }
