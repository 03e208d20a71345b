import GridGeo
import Foundation

/// SplitMix64, for seeded random datasets (GridGeoTests' generator under this target's name).
typealias StoreTestGenerator = SplitMix64

/// GDAL's `ogrinfo` (gdal-bin), the independent reader the store tests check against.
enum OGRInfo {
    static let path = "/usr/bin/ogrinfo"

    /// Whether it is installed; prints that the test is skipped when not.
    static func available() -> Bool {
        if FileManager.default.isExecutableFile(atPath: path) { return true }
        print("skipped: ogrinfo (gdal-bin) is not installed")
        return false
    }

    /// Runs `ogrinfo args…`: its exit status and what it printed on stdout.
    static func run(_ args: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }
}
