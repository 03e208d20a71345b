import Foundation

/// SplitMix64, for seeded random datasets (GridGeoTests' generator under this target's name).
struct StoreTestGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

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
