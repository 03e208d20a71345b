import Foundation
import GridGeo
import GridStore

/// Geometry between Swift values and PostGIS's text forms: out as `SRID=n;` + hex WKB (what the
/// geometry input function and `COPY` accept), in from `ST_AsBinary`'s bytea text (`\x` + hex).
/// The WKB is the GeoPackage blob's own, so both stores hold the same doubles bit for bit.
enum GeometryHex {
    /// EWKT-prefixed hex WKB of a GeoPackage blob (its header dropped).
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

    /// A GeoPackage blob (minimal header, no envelope) around the WKB of a bytea text value, so
    /// GeometryBlob's decoders read it.
    static func blob(_ byteaText: String) throws -> Data {
        var data = Data([0x47, 0x50, 0, 1, 0, 0, 0, 0])
        let utf8 = Array(byteaText.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"), utf8.count % 2 == 0 else {
            throw GeometryTextError(description: "expected bytea hex text from ST_AsBinary")
        }
        data.reserveCapacity(8 + utf8.count / 2)
        var i = 2
        while i < utf8.count {
            guard let high = nibble(utf8[i]), let low = nibble(utf8[i + 1]) else {
                throw GeometryTextError(description: "bad hex digit in ST_AsBinary text")
            }
            data.append(high << 4 | low)
            i += 2
        }
        return data
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A geometry value from the database that is not the WKB text expected.
struct GeometryTextError: Error, CustomStringConvertible {
    var description: String
}
