import Foundation
import GridGeo
import GridStore

/// Geometry written to PostGIS as `SRID=n;` + hex WKB (what the geometry input function and
/// `COPY` accept; reads take `ST_AsBinary`'s bytes, see PostGISSnapshotReader). The WKB is the GeoPackage blob's own, so both stores hold the same doubles bit for bit.
enum GeometryHex {
    /// `SRID=n;`-prefixed hex WKB of a GeoPackage blob (its header dropped).
    static func ewkb(_ blob: Data, srid: Int32) -> String {
        let flags = blob[blob.startIndex + 3]
        let envelope = [0, 32, 48, 48, 64][Int((flags >> 1) & 0x7)]
        return "SRID=\(srid);" + hex(blob.dropFirst(8 + envelope))
    }

    static func point(_ p: Point, srid: Int32) -> String { ewkb(GeometryBlob.point(p, srsID: srid), srid: srid) }
    static func multiPolygon(_ m: MultiPolygon, srid: Int32) -> String {
        ewkb(GeometryBlob.multiPolygon(m, srsID: srid), srid: srid)
    }
    static func polygon(_ p: Polygon, srid: Int32) -> String { ewkb(GeometryBlob.polygon(p, srsID: srid), srid: srid) }
    static func multiLineString(_ l: [LineString], srid: Int32) -> String {
        ewkb(GeometryBlob.multiLineString(l, srsID: srid), srid: srid)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
