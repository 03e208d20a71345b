import Foundation
import Testing
import TestSupport

/// A result that cannot be written is not lost silently: with stdout on a full device the
/// command exits 74 and says so on stderr (the demo district stands in for a store).
@Test(
    .enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full"), "this system has no writable /dev/full"),
    arguments: [
        ["report", "area", "--format", "json"], ["coverage"], ["crs", "convert", "--from", "EPSG:4326", "--to", "EPSG:4548"]
    ])
func resultThatCannotBeWrittenFailsLoudly(args: [String]) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let p = Process()
    p.executableURL = CLI.binary
    p.arguments = args + (args[0] == "crs" ? [] : ["--db", dir.appendingPathComponent("none.gpkg").path])
    p.environment = CLI.environment()
    let input = Pipe(), errors = Pipe()
    p.standardInput = input
    p.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
    p.standardError = errors
    try p.run()
    input.fileHandleForWriting.write(Data("116.4 39.9\n".utf8))
    try input.fileHandleForWriting.close()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 74, "\(args): \(stderr)")
    #expect(stderr.contains("cannot write the result to stdout"), "\(args): \(stderr)")
}
