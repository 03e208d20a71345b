import Foundation
import GridGeo

/// libFuzzer target: a CRS string (first line of the input) parsed and handed to PROJ as the
/// source of a conversion to WGS84, then, when PROJ accepts it, a point (from the next 16
/// bytes) converted. Unknown CRSs and failing points throw; nothing may crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let split = bytes.firstIndex(of: 0x0A) ?? size
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<split]), as: UTF8.self)
    let crs = CoordinateSystem(parsing: text)
    _ = crs.description
    _ = try? CoordinateTransformer.isGeographic(crs)
    guard let t = try? CoordinateTransformer(from: crs, to: .wgs84) else { return 0 }
    var x = 116.4, y = 39.9
    if size - split > 16 {
        withUnsafeMutableBytes(of: &x) { $0.copyBytes(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[split + 1..<split + 9])) }
        withUnsafeMutableBytes(of: &y) { $0.copyBytes(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[split + 9..<split + 17])) }
    }
    _ = try? t.transform(Point(x, y))
    var many = [Point(x, y), Point(116.4, 39.9), Point(0, 0)]
    _ = try? t.transform(&many)
    return 0
}
