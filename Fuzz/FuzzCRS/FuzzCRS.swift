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

// SwiftPM links an executable with `--defsym main=FuzzCRS_main`, which hides libFuzzer's own main:
// this entry point hands control to libFuzzer's driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("FuzzCRS_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzz($0, $1) }
}
