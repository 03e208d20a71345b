import GridModel
import GridStore
import Testing

/// `--db` read as a GeoPackage path or a PostGIS URI; gridplan's own parameters stripped, a
/// password refused without echoing it.
@Suite struct StoreAddressTests {
    @Test func pathIsAGeoPackage() throws {
        #expect(try StoreAddress("out/demo.gpkg") == .geoPackage(path: "out/demo.gpkg"))
        #expect(try StoreAddress("postgresql.gpkg") == .geoPackage(path: "postgresql.gpkg"))
    }

    @Test func uriNamesTheDistrictAndKeepsLibpqParameters() throws {
        guard case .postgis(let a) = try StoreAddress("postgresql://planner@db.example/city?dataset=jiangan&sslmode=require")
        else {
            Issue.record("not read as PostGIS")
            return
        }
        #expect(a.dataset == "jiangan")
        #expect(a.lockWait == 60)
        #expect(a.conninfo == "postgresql://planner@db.example/city?sslmode=require&connect_timeout=10")
        let b = try PostGISAddress("postgres:///city?lock_wait=2.5&connect_timeout=3")
        #expect(b.dataset == nil)
        #expect(b.lockWait == 2.5)
        #expect(b.conninfo == "postgres:///city?connect_timeout=3")
    }

    @Test func passwordIsRefusedAndNeverEchoed() {
        for uri in ["postgresql://planner:s3cret@db/city", "postgresql://db/city?password=s3cret&dataset=a"] {
            do {
                _ = try StoreAddress(uri)
                Issue.record("accepted \(uri)")
            } catch let error as UsageError {
                #expect(error.message.contains("PGPASSWORD"))
                #expect(!error.message.contains("s3cret"), "\(error.message)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func badGridplanParametersAreUsageErrors() {
        #expect(throws: UsageError.self) { try PostGISAddress("postgresql://db/city?lock_wait=soon") }
        #expect(throws: UsageError.self) { try PostGISAddress("postgresql://db/city?dataset=") }
    }
}
