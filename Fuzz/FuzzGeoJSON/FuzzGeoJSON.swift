import Foundation
import GridFormats

/// libFuzzer target: the JSON parser on the raw bytes, then the streaming GeoJSON reader
/// over the same bytes in a temporary file with a small chunk size (so features straddle
/// buffer refills). Any crash, trap or sanitizer report is a bug; thrown errors are fine.
let geoJSONPath: URL = {
    URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fuzz-geojson-\(getpid()).geojson")
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    _ = try? JSONParser.parse(bytes: bytes, maxDepth: 64)
    guard FileManager.default.createFile(atPath: geoJSONPath.path, contents: Data(bytes)) else { return 0 }
    guard var stream = try? GeoJSONFeatureStream(url: geoJSONPath, chunkSize: 7, maxFeatureBytes: 1 << 16, maxDepth: 64) else {
        return 0
    }
    var n = 0
    while n < 10_000, let item = try? stream.next() {
        _ = item.feature["geometry"]
        n += 1
    }
    _ = stream.topLevelMembers.count
    return 0
}

// SwiftPM links an executable with `--defsym main=FuzzGeoJSON_main`, which hides libFuzzer's own main:
// this entry point hands control to libFuzzer's driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("FuzzGeoJSON_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzz($0, $1) }
}
