import Foundation
import Testing
import TestSupport

/// Moving a district between the stores: a GeoPackage store imported into PostGIS, exported back
/// with `export --format gpkg`, and the PostGIS tables as GDAL reads them.
@Suite(
    .serialized,
    .enabled(
        if: PostgresCluster.shouldRun,
        "PostgreSQL 15 not installed: run Tools/setup (postgresql-15, postgresql-15-postgis-3), or set CI to make this a failure"
    ))
struct PostGISMovingDataTests {
    @Test func geoPackageStoreIntoPostGISAndBack() throws {
        let fixture = try PostGISFixture()
        let gpkg = try CLI.importDemo()
        let imported = try CLI.run(["import", gpkg, "--db", fixture.uri(dataset: "moved")])
        #expect(imported.status == 0, "\(imported.stderr)")
        let back = try CLI.temporaryDirectory().appendingPathComponent("back.gpkg").path
        let exported = try CLI.run([
            "export", "--format", "gpkg", "--out", back, "--include-households", "--db", fixture.uri(dataset: "moved")
        ])
        #expect(exported.status == 0, "\(exported.stderr)")
        for command in [["report", "area"], ["coverage"], ["report", "party"]] {
            let original = try CLI.run(command + ["--format", "json", "--db", gpkg])
            #expect(original.status == 0)
            for db in [fixture.uri(dataset: "moved"), back] {
                let copy = try CLI.run(command + ["--format", "json", "--db", db])
                #expect(copy.status == 0, "\(command) \(db): \(copy.stderr)")
                #expect(copy.stdout == original.stdout, "\(command) \(db)")
            }
        }
        let same = try CLI.run(["import", gpkg, "--db", gpkg])
        #expect(same.status != 0)
        #expect(same.stderr.contains("source store is the target store"), "\(same.stderr)")
    }

    @Test(.enabled(if: OGRInfo.isAvailable, "ogrinfo (gdal-bin) not installed"))
    func ogrinfoReadsTheTablesWithTheirCRS() throws {
        let fixture = try PostGISFixture()
        #expect(try fixture.importDemo(dataset: "a").status == 0)
        let source =
            "PG:host=\(fixture.cluster.socketDirectory) port=\(fixture.cluster.port) dbname=\(fixture.database) user=postgres"
        for (name, count) in [("communities", 33), ("buildings", 2625), ("facilities", 153), ("roads", 1229)] {
            let output = try OGRInfo.run(["-ro", "-so", source, name]).output
            #expect(output.contains("Feature Count: \(count)"), "\(name): \(output)")
            // The working-CRS column's SRS block (tables with two geometry columns name each).
            let block =
                output.components(separatedBy: "SRS WKT (geom):").dropFirst().first?
                .components(separatedBy: "SRS WKT (").first ?? ""
            #expect(block.contains("Gauss-Kruger CM 114E"), "\(name): \(output)")
            #expect(block.contains("ID[\"EPSG\",4547]"), "\(name): \(output)")
        }
    }
}
