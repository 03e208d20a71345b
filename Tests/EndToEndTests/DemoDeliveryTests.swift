import Foundation
import GridFormats
import Testing
import TestSupport

/// GeoData/demo-delivery is the demo district as a planner receives it (a GBK Shapefile in
/// projected CGCS2000 with Chinese fields, xlsx building list and household registry, facilities
/// in GCJ-02 from Amap; Tools/make_delivery.py). Imported, it gives the reports of GeoData/demo.
@Suite(.serialized) struct DemoDeliveryTests {
    static let delivery = CLI.repositoryRoot.appendingPathComponent("GeoData/demo-delivery")

    static let store: String = {
        let dir = try! CLI.temporaryDirectory()
        let db = dir.appendingPathComponent("delivery.gpkg").path
        let r = try! CLI.run(["import", delivery.path, "--db", db], environment: MapsDemo.environment)
        precondition(r.status == 0, "delivery import failed: \(r.stderr)")
        return db
    }()

    @Test func importsEveryEntityOfTheDemo() throws {
        let a = try CLI.run(["info", "--db", MapsDemo.store, "--format", "json"], environment: MapsDemo.environment)
        let b = try CLI.run(["info", "--db", Self.store, "--format", "json"], environment: MapsDemo.environment)
        let countsA = try JSONParser.parse(a.stdout).objectValue?["store"]?.objectValue?["counts"]
        let countsB = try JSONParser.parse(b.stdout).objectValue?["store"]?.objectValue?["counts"]
        #expect(countsA != nil && countsA == countsB)
        #expect(try JSONParser.parse(b.stdout).objectValue?["store"]?.objectValue?["working_crs"]?.stringValue == "EPSG:4547")
    }

    /// Every report in JSON, number by number. Footprints in GeoData/demo become their centroid
    /// points in the delivery's 楼栋.xlsx and GCJ-02 is inverted by iteration, so figures derived
    /// from raw coordinates (centroids' lon/lat, compactness) agree to `tolerance` (relative), the
    /// rest exactly.
    static let reports: [([String], Double)] = [
        (["report", "area"], 1e-12), (["report", "area", "--allocate", "reach"], 1e-12), (["coverage"], 1e-9),
        (["report", "underserved"], 1e-9), (["report", "compliance"], 0), (["site", "--count", "5"], 1e-9),
        (["report", "party"], 1e-9), (["grids", "plan"], 1e-6)
    ]

    @Test(arguments: reports)
    func givesTheSameReports(_ command: [String], _ tolerance: Double) throws {
        let a = try CLI.run(command + ["--db", MapsDemo.store, "--format", "json"], environment: MapsDemo.environment)
        let b = try CLI.run(command + ["--db", Self.store, "--format", "json"], environment: MapsDemo.environment)
        #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
        var differences: [String] = []
        Self.compare(
            try JSONParser.parse(a.stdout), try JSONParser.parse(b.stdout), path: "", tolerance: tolerance, into: &differences)
        #expect(differences.isEmpty, "\(command): \(differences.prefix(10))")
    }

    static func compare(_ a: JSONValue, _ b: JSONValue, path: String, tolerance: Double, into out: inout [String]) {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            if x.keys != y.keys { out.append("\(path): keys \(x.keys) ≠ \(y.keys)") }
            for (key, value) in x.members {
                // Where each store lives and when it was imported say nothing about the analysis.
                if ["store", "path", "imported_at", "seconds"].contains(key) { continue }
                if let other = y[key] { compare(value, other, path: path + "." + key, tolerance: tolerance, into: &out) }
            }
        case (.array(let x), .array(let y)):
            if x.count != y.count { out.append("\(path): \(x.count) items ≠ \(y.count)") }
            for (i, (u, v)) in zip(x, y).enumerated() { compare(u, v, path: "\(path)[\(i)]", tolerance: tolerance, into: &out) }
        case (.number(let x), .number(let y)):
            if abs(x.double - y.double) > tolerance * max(1, abs(x.double)) { out.append("\(path): \(x.text) ≠ \(y.text)") }
        default:
            if a != b { out.append("\(path): \(a) ≠ \(b)") }
        }
    }
}
