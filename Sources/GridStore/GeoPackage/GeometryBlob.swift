import Foundation
import GridGeo

/// GeoPackage geometry blobs: the binary header (magic `GP`, version 0, flags, srs_id,
/// envelope) followed by ISO WKB, little-endian (OGC 12-128r18 §2.1.3).
public enum GeometryBlob {
    /// WKB geometry type codes.
    enum WKBType: UInt32 { case point = 1, lineString = 2, polygon = 3, multiLineString = 5, multiPolygon = 6 }

    /// A decoding failure (a blob this project did not write, or a damaged one).
    public struct DecodeError: Error, CustomStringConvertible {
        public var description: String
    }

    // MARK: Encoding

    /// A point blob (no envelope, as the spec recommends for points).
    public static func point(_ p: Point, srsID: Int32) -> Data {
        var w = Writer(capacity: 8 + 21)
        w.header(srsID: srsID, envelope: nil)
        w.byte(1); w.uint32(WKBType.point.rawValue); w.double(p.x); w.double(p.y)
        return w.data
    }

    /// A MultiPolygon blob with its envelope.
    public static func multiPolygon(_ m: MultiPolygon, srsID: Int32) -> Data {
        var w = Writer(capacity: 48 + 9 + m.polygons.reduce(0) { $0 + 9 + $1.rings.reduce(0) { $0 + 4 + 16 * $1.count } })
        w.header(srsID: srsID, envelope: m.boundingBox)
        w.byte(1); w.uint32(WKBType.multiPolygon.rawValue); w.uint32(UInt32(m.polygons.count))
        for p in m.polygons { w.polygon(p) }
        return w.data
    }

    /// A Polygon blob with its envelope.
    public static func polygon(_ p: Polygon, srsID: Int32) -> Data {
        var w = Writer(capacity: 48 + 9 + p.rings.reduce(0) { $0 + 4 + 16 * $1.count })
        w.header(srsID: srsID, envelope: p.boundingBox)
        w.polygon(p)
        return w.data
    }

    /// A MultiLineString blob with its envelope.
    public static func multiLineString(_ lines: [LineString], srsID: Int32) -> Data {
        let box = lines.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
        var w = Writer(capacity: 48 + 9 + lines.reduce(0) { $0 + 9 + 16 * $1.points.count })
        w.header(srsID: srsID, envelope: box)
        w.byte(1); w.uint32(WKBType.multiLineString.rawValue); w.uint32(UInt32(lines.count))
        for l in lines {
            w.byte(1); w.uint32(WKBType.lineString.rawValue); w.uint32(UInt32(l.points.count))
            for p in l.points { w.double(p.x); w.double(p.y) }
        }
        return w.data
    }

    struct Writer {
        var data: Data
        init(capacity: Int) { data = Data(); data.reserveCapacity(capacity) }
        mutating func byte(_ b: UInt8) { data.append(b) }
        mutating func uint32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        mutating func int32(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        mutating func double(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        mutating func header(srsID: Int32, envelope: BoundingBox?) {
            data.append(0x47); data.append(0x50); data.append(0)  // "GP", version 0
            let empty = envelope?.isEmpty ?? false
            var flags: UInt8 = 1  // little-endian
            if envelope != nil && !empty { flags |= 1 << 1 }  // envelope [minx, maxx, miny, maxy]
            if empty { flags |= 1 << 4 }
            data.append(flags)
            int32(srsID)
            if let e = envelope, !empty { double(e.minX); double(e.maxX); double(e.minY); double(e.maxY) }
        }
        mutating func polygon(_ p: Polygon) {
            byte(1); uint32(WKBType.polygon.rawValue); uint32(UInt32(p.rings.count))
            for ring in p.rings {
                uint32(UInt32(ring.count))
                for q in ring { double(q.x); double(q.y) }
            }
        }
    }

    // MARK: Decoding

    /// The header's envelope, or the geometry's own bounds when the header has none; nil when empty.
    public static func bounds(_ blob: Data) throws -> BoundingBox? {
        var r = try Reader(blob)
        let (envelope, empty) = try r.header()
        if empty { return nil }
        if let envelope { return envelope }
        var box = BoundingBox.empty
        try r.geometry { box.include($0) }
        return box.isEmpty ? nil : box
    }

    /// Whether the blob is flagged empty.
    public static func isEmpty(_ blob: Data) throws -> Bool {
        var r = try Reader(blob)
        return try r.header().empty
    }

    public static func decodePoint(_ blob: Data) throws -> Point {
        if let fast = blob.withUnsafeBytes(pointInPlace) { return fast }
        var r = try Reader(blob)
        _ = try r.header()
        try r.expect(.point)
        return Point(try r.double(), try r.double())
    }

    /// Decodes a point blob lying in memory owned by someone else (a SQLite column).
    public static func decodePoint(_ raw: UnsafeRawBufferPointer) throws -> Point {
        if let fast = pointInPlace(raw) { return fast }
        return try decodePoint(Data(raw))
    }

    /// Fast path for the points this store writes (little-endian, any envelope, ISO WKB point):
    /// reads the two doubles in place; nil for anything else (the general reader decides).
    private static func pointInPlace(_ raw: UnsafeRawBufferPointer) -> Point? {
        guard raw.count >= 8, raw[0] == 0x47, raw[1] == 0x50, raw[3] & 1 == 1, raw[3] & (1 << 4) == 0 else { return nil }
        let envelopeBytes: Int
        switch (raw[3] >> 1) & 0x7 {
        case 0: envelopeBytes = 0
        case 1: envelopeBytes = 32
        case 2, 3: envelopeBytes = 48
        case 4: envelopeBytes = 64
        default: return nil
        }
        let wkb = 8 + envelopeBytes
        guard raw.count >= wkb + 21, raw[wkb] == 1,
            raw.loadUnaligned(fromByteOffset: wkb + 1, as: UInt32.self).littleEndian == WKBType.point.rawValue
        else { return nil }
        let x = Double(bitPattern: raw.loadUnaligned(fromByteOffset: wkb + 5, as: UInt64.self).littleEndian)
        let y = Double(bitPattern: raw.loadUnaligned(fromByteOffset: wkb + 13, as: UInt64.self).littleEndian)
        return Point(x, y)
    }

    public static func decodeMultiPolygon(_ blob: Data) throws -> MultiPolygon {
        var r = try Reader(blob)
        _ = try r.header()
        let type = try r.wkbHeader()
        if type == WKBType.polygon.rawValue { return MultiPolygon([try r.polygonBody()]) }
        guard type == WKBType.multiPolygon.rawValue else {
            throw DecodeError(description: "expected a (multi)polygon, got WKB type \(type)")
        }
        let n = Int(try r.uint32())
        var polys: [Polygon] = []
        polys.reserveCapacity(n)
        for _ in 0..<n { try r.expect(.polygon); polys.append(try r.polygonBody()) }
        return MultiPolygon(polys)
    }

    public static func decodePolygon(_ blob: Data) throws -> Polygon {
        var r = try Reader(blob)
        _ = try r.header()
        try r.expect(.polygon)
        return try r.polygonBody()
    }

    public static func decodeMultiLineString(_ blob: Data) throws -> [LineString] {
        var r = try Reader(blob)
        _ = try r.header()
        try r.expect(.multiLineString)
        let n = Int(try r.uint32())
        var lines: [LineString] = []
        for _ in 0..<n { try r.expect(.lineString); lines.append(LineString(try r.points())) }
        return lines
    }

    struct Reader {
        let bytes: [UInt8]
        var offset = 0
        init(_ data: Data) throws {
            bytes = [UInt8](data)
            guard bytes.count >= 8, bytes[0] == 0x47, bytes[1] == 0x50 else {
                throw DecodeError(description: "not a GeoPackage geometry blob")
            }
        }
        mutating func need(_ n: Int) throws {
            if offset + n > bytes.count { throw DecodeError(description: "geometry blob is truncated") }
        }
        mutating func uint32() throws -> UInt32 {
            try need(4)
            let v =
                UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(
                    bytes[offset + 3]) << 24
            offset += 4
            return v
        }
        mutating func double() throws -> Double {
            try need(8)
            var bits: UInt64 = 0
            for i in 0..<8 { bits |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
            offset += 8
            return Double(bitPattern: bits)
        }
        mutating func header() throws -> (envelope: BoundingBox?, empty: Bool) {
            let flags = bytes[3]
            guard flags & 1 == 1 else { throw DecodeError(description: "big-endian geometry blobs are not supported") }
            let indicator = Int((flags >> 1) & 0x7)
            let empty = flags & (1 << 4) != 0
            offset = 8
            let sizes = [0, 32, 48, 48, 64]
            guard indicator < sizes.count else { throw DecodeError(description: "bad envelope indicator \(indicator)") }
            var envelope: BoundingBox?
            if indicator > 0 {
                let minX = try double(), maxX = try double(), minY = try double(), maxY = try double()
                envelope = BoundingBox(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
                offset = 8 + sizes[indicator]
            }
            return (envelope, empty)
        }
        mutating func wkbHeader() throws -> UInt32 {
            try need(1)
            guard bytes[offset] == 1 else { throw DecodeError(description: "big-endian WKB is not supported") }
            offset += 1
            return try uint32()
        }
        mutating func expect(_ t: WKBType) throws {
            let got = try wkbHeader()
            guard got == t.rawValue else { throw DecodeError(description: "expected WKB type \(t.rawValue), got \(got)") }
        }
        mutating func points() throws -> [Point] {
            let n = Int(try uint32())
            try need(16 * n)
            var pts: [Point] = []
            pts.reserveCapacity(n)
            for _ in 0..<n { pts.append(Point(try double(), try double())) }
            return pts
        }
        mutating func polygonBody() throws -> Polygon {
            let rings = Int(try uint32())
            guard rings > 0 else { return Polygon(exterior: []) }
            let exterior = try points()
            var holes: [[Point]] = []
            for _ in 1..<rings { holes.append(try points()) }
            return Polygon(exterior: exterior, holes: holes)
        }
        /// Visits every coordinate of the geometry at the cursor.
        mutating func geometry(_ visit: (Point) -> Void) throws {
            let type = try wkbHeader()
            switch type {
            case WKBType.point.rawValue: visit(Point(try double(), try double()))
            case WKBType.lineString.rawValue: try points().forEach(visit)
            case WKBType.polygon.rawValue:
                let n = Int(try uint32())
                for _ in 0..<n { try points().forEach(visit) }
            case WKBType.multiLineString.rawValue, WKBType.multiPolygon.rawValue, 4, 7:
                let n = Int(try uint32())
                for _ in 0..<n { try geometry(visit) }
            default: throw DecodeError(description: "unsupported WKB type \(type)")
            }
        }
    }
}
