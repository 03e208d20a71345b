import CProj
import Foundation
import Testing
@testable import GridGeo

/// PROJ keeps an error in the context until it is reset; each failure must report its own error,
/// not one left over from the failure before it, and a success after failures must succeed.
@Suite struct ProjectionErrorStateTests {
    private func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch { return "\(error)" }
        return nil
    }

    /// Two failing CRS lookups in a row on one context: an invalid projection (PROJ sets an error
    /// code) then an unknown EPSG code (PROJ logs "crs not found" and sets none), which must not
    /// inherit the first one's "Invalid value"; a valid CRS after them leaves no error behind.
    @Test func twoFailingLookupsOnOneContextEachReportTheirOwnError() throws {
        let context = ProjContext()
        let first = try #require(message { try CoordinateTransformer.checkCRS("+proj=nonsense", context, name: "nonsense") })
        #expect(first.contains("Unknown projection"), "\(first)")
        let second = try #require(message { try CoordinateTransformer.checkCRS("EPSG:999999", context, name: "EPSG:999999") })
        #expect(second.contains("crs not found"), "\(second)")
        #expect(!second.contains("Invalid value") && !second.contains("Unknown projection"), "stale error: \(second)")
        try CoordinateTransformer.checkCRS("EPSG:4547", context, name: "EPSG:4547")
        #expect(proj_context_errno(context.handle) == 0)
        #expect(
            message { try CoordinateTransformer.checkCRS("EPSG:999998", context, name: "EPSG:999998") }?
                .contains("Invalid value") == false)
    }

    /// Two failing conversions in a row on one transformer (one context, one PROJ operation), each
    /// naming its own point and PROJ's own reason; a valid point after them converts exactly.
    @Test func twoFailingConversionsInARowThenASuccess() throws {
        let transformer = try CoordinateTransformer(from: .proj("EPSG:4326"), to: .proj("EPSG:4547"))
        let outOfRange = try #require(message { _ = try transformer.transform(Point(1000, 1000)) })
        #expect(outOfRange.contains("(1000.0, 1000.0)") && outOfRange.contains("Invalid coordinate"), "\(outOfRange)")
        let infinite = try #require(message { _ = try transformer.transform(Point(.infinity, 30)) })
        #expect(infinite.contains("(inf, 30.0)"), "\(infinite)")
        #expect(!infinite.contains("Invalid coordinate") && !infinite.contains("1000.0"), "stale error: \(infinite)")
        let p = try transformer.transform(Point(114, 30))
        #expect(abs(p.x - 500_000) < 1e-6, "\(p)")  // 114°E is the central meridian of EPSG:4547
        var batch = [Point(114, 30), Point(114, 95)]
        let inBatch = try #require(message { try transformer.transform(&batch) })
        #expect(inBatch.contains("point 2 (114.0, 95.0)"), "\(inBatch)")
        var fine = [Point(114, 30), Point(114.5, 30.5)]
        try transformer.transform(&fine)
        #expect(fine.allSatisfy { $0.isFinite })
    }

    /// `ProjInfo.databasePath` comes through the wrapper's context and names an existing proj.db.
    @Test func databasePathNamesAnExistingFile() {
        let path = ProjInfo.databasePath
        #expect(path.hasSuffix("proj.db") && FileManager.default.fileExists(atPath: path), "\(path)")
    }
}
