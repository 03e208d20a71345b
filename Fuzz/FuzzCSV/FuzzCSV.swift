import Foundation
import GridFormats

/// libFuzzer target: the streaming CSV reader over the input bytes in a temporary file, read
/// with a tiny chunk size so records straddle buffer refills. Thrown `CSVError`s are fine;
/// crashes, traps and sanitizer reports are bugs.
let csvPath: URL = {
    URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fuzz-csv-\(getpid()).csv")
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard FileManager.default.createFile(atPath: csvPath.path, contents: Data(bytes)) else { return 0 }
    let chunk = size > 0 ? Int(data[0] % 16) + 1 : 1
    guard var reader = try? CSVReader(url: csvPath, chunkSize: chunk) else { return 0 }
    var lastLine = 0
    var n = 0
    while n < 100_000, let record = try? reader.next() {
        // Line numbers only grow.
        precondition(record.line > lastLine || n == 0, "CSV line numbers went backwards")
        lastLine = record.line
        n += 1
    }
    _ = reader.header.count
    return 0
}

// SwiftPM links an executable with `--defsym main=FuzzCSV_main`, which hides libFuzzer's own main:
// this entry point hands control to libFuzzer's driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("FuzzCSV_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzz($0, $1) }
}
