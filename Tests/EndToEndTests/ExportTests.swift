import Foundation
import Testing
import TestSupport

/// The demo district imported once into a temporary store, shared by the map, report and export tests.
enum MapsDemo {
    static let environment = ["GRIDPLAN_HOME": CLI.repositoryRoot.path]
    static var dataset: URL { CLI.demoDataset }

    /// Path of the store (imported on first use).
    static let store: String = {
        let dir = try! CLI.temporaryDirectory()
        let db = dir.appendingPathComponent("demo.gpkg").path
        let r = try! CLI.run(["import", dataset.path, "--db", db], environment: environment)
        precondition(r.status == 0, "demo import failed: \(r.stderr)")
        return db
    }()

    /// Features of a GeoJSON file of the demo dataset (the oracle for the counts).
    static func geojsonFeatures(_ name: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: dataset.appendingPathComponent("\(name).geojson"))
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(doc["features"] as? [[String: Any]])
    }

    /// Data rows of a CSV file of the demo dataset (its fields hold no line breaks).
    static func csvRows(_ name: String) throws -> [String] {
        let text = try String(contentsOf: dataset.appendingPathComponent("\(name).csv"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map(String.init)
    }

    /// Expected feature count of every export layer, from the dataset files.
    static func expectedCounts() throws -> [String: Int] {
        let communities = try geojsonFeatures("communities").count
        let buildings = try geojsonFeatures("buildings").count
        return [
            "communities": communities, "grids": try geojsonFeatures("grids").count, "buildings": buildings,
            "facilities": try geojsonFeatures("facilities").count, "roads": try geojsonFeatures("roads").count,
            "candidates": try csvRows("candidates").count, "units": try csvRows("units").count,
            "secretaries": try csvRows("secretaries").count, "contacts": try csvRows("contacts").count,
            "ratings": try csvRows("ratings").count, "observations": try csvRows("observations").count,
            "area_report": communities, "coverage": buildings
        ]
    }
}

/// Signed area of a [lon, lat] ring (shoelace): positive when counter-clockwise.
private func signedArea(_ ring: [[Double]]) -> Double {
    var s = 0.0
    for i in 0..<(ring.count - 1) { s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] }
    return s / 2
}

private func export(_ format: String, extra: [String] = []) throws -> (dir: URL, out: String, run: CLIRun) {
    let dir = try CLI.temporaryDirectory()
    let out = dir.appendingPathComponent(format == "gpkg" ? "export.gpkg" : "export").path
    let r = try CLI.run(
        ["export", "--db", MapsDemo.store, "--format", format, "--out", out] + extra, environment: MapsDemo.environment)
    return (dir, out, r)
}

@Suite(.serialized) struct ExportTests {
    @Test func geojsonHasEveryLayerWithRightHandRings() throws {
        let (_, out, r) = try export("geojson")
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try MapsDemo.expectedCounts()
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(Set(files) == Set(expected.keys.map { "\($0).geojson" }))
        #expect(!files.contains("households.geojson"))
        var polygons = 0
        for (layer, count) in expected {
            let data = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("\(layer).geojson"))
            let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(layer)")
            #expect(doc["type"] as? String == "FeatureCollection")
            #expect(doc["crs"] == nil)  // RFC 7946: WGS84 implied, no crs member
            let features = try #require(doc["features"] as? [[String: Any]])
            #expect(features.count == count, "\(layer): \(features.count) features, expected \(count)")
            for f in features {
                guard let g = f["geometry"] as? [String: Any], let type = g["type"] as? String else { continue }
                var polys: [[[[Double]]]] = []
                if type == "Polygon", let c = g["coordinates"] as? [[[Double]]] { polys = [c] }
                if type == "MultiPolygon", let c = g["coordinates"] as? [[[[Double]]]] { polys = c }
                if type == "Point", let c = g["coordinates"] as? [Double] {
                    #expect((73...136).contains(c[0]) && (3...54).contains(c[1]), "\(layer): \(c) is not lon/lat in China")
                }
                for p in polys {
                    polygons += 1
                    #expect(signedArea(p[0]) > 0, "\(layer): exterior ring clockwise")
                    for hole in p.dropFirst() { #expect(signedArea(hole) < 0, "\(layer): hole counter-clockwise") }
                    #expect(p[0].first == p[0].last)
                }
            }
        }
        #expect(polygons >= expected["communities"]! + expected["grids"]!)
    }

    @Test(.enabled(if: OGRInfo.isAvailable, "ogrinfo (gdal-bin) is not installed"))
    func geojsonLayersReadByGDAL() throws {
        let (_, out, r) = try export("geojson")
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try MapsDemo.expectedCounts()
        for (layer, count) in expected {
            let info = try OGRInfo.layers(URL(fileURLWithPath: out).appendingPathComponent("\(layer).geojson").path)
            #expect(info.count == 1)
            #expect(info.first?.features == count, "ogrinfo \(layer)")
            #expect(info.first?.epsg == 4326, "ogrinfo \(layer) CRS")
        }
    }

    @Test func csvHasEveryLayerWithItsGeometryColumns() throws {
        let (_, out, r) = try export("csv")
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try MapsDemo.expectedCounts()
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".csv") }
        #expect(Set(files) == Set(expected.keys.map { "\($0).csv" }))
        for (layer, count) in expected {
            let text = try String(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("\(layer).csv"), encoding: .utf8)
            let header = text.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
            let rows = text.split(separator: "\n").count - 1
            #expect(rows == count, "\(layer)")  // no field of the demo holds a line break
            switch layer {
            case "buildings", "facilities", "candidates", "coverage": #expect(header.suffix(2) == ["lon", "lat"], "\(layer)")
            case "communities", "grids", "roads", "area_report": #expect(header.last == "wkt", "\(layer)")
            default: #expect(!header.contains("wkt") && !header.contains("lon"), "\(layer)")
            }
        }
    }

    @Test(.enabled(if: OGRInfo.isAvailable, "ogrinfo (gdal-bin) is not installed"))
    func csvLayersReadByGDALWithGeometryAndCRS() throws {
        let (_, out, r) = try export("csv")
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try MapsDemo.expectedCounts()
        let layers = try OGRInfo.layers(out)  // the folder opens as one CSV data source
        #expect(Set(layers.map(\.name)) == Set(expected.keys))
        for l in layers {
            #expect(l.features == expected[l.name], "ogrinfo \(l.name)")
            if ["communities", "grids", "roads", "area_report", "buildings", "facilities", "candidates", "coverage"].contains(
                l.name)
            {
                #expect(l.geometry != "None", "\(l.name) has no geometry in GDAL")
                // GDAL reads the .prj as ESRI WKT: WGS 84 on the WGS 1984 datum (EPSG 6326), without the CRS's own code.
                #expect(
                    l.crsName == "WGS 84" && l.epsgCodes.contains(6326), "\(l.name) CRS \(l.crsName ?? "none") \(l.epsgCodes)")
            } else {
                #expect(l.geometry == "None", "\(l.name)")
            }
        }
        #expect(layers.first { $0.name == "buildings" }?.geometry == "Point")
    }

    @Test func geopackageHasEveryLayerInTheWorkingCRSAndNoHouseholds() throws {
        let (_, out, r) = try export("gpkg")
        #expect(r.status == 0, "\(r.stderr)")
        let firstHousehold = try #require(try MapsDemo.csvRows("households").first?.split(separator: ",").first.map(String.init))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(bytes.range(of: Data(firstHousehold.utf8)) == nil, "household \(firstHousehold) found in the GeoPackage")
        #expect(!r.stdout.contains("households "))
    }

    @Test(.enabled(if: OGRInfo.isAvailable, "ogrinfo (gdal-bin) is not installed"))
    func geopackageLayersReadByGDALInTheWorkingCRS() throws {
        let (_, out, r) = try export("gpkg")
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try MapsDemo.expectedCounts()
        let layers = try OGRInfo.layers(out)
        #expect(Set(layers.map(\.name)) == Set(expected.keys))
        // The working CRS: a CGCS2000 3-degree Gauss-Kruger zone for the demo (docs/data-format.md §2), the same for every spatial layer.
        let crs = Set(layers.compactMap(\.epsg))
        #expect(crs.count == 1)
        #expect(crs.allSatisfy { (4534...4554).contains($0) }, "\(crs)")
        for l in layers { #expect(l.features == expected[l.name], "ogrinfo \(l.name)") }
        let n = try OGRInfo.run(["-ro", out, "-sql", "SELECT COUNT(*) AS n FROM households"]).output
        #expect(n.contains("n (Integer) = 0"), "\(n)")
    }

    @Test func householdsOnlyWithIncludeHouseholds() throws {
        let households = try MapsDemo.csvRows("households")
        let (_, out, r) = try export("geojson", extra: ["--include-households", "--layers", "households,buildings"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out)) == ["households.geojson", "buildings.geojson"])
        let data = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("households.geojson"))
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((doc["features"] as? [Any])?.count == households.count)

        let (_, gpkg, r2) = try export("gpkg", extra: ["--include-households"])
        #expect(r2.status == 0, "\(r2.stderr)")
        let first = String(households[0].split(separator: ",")[0])
        #expect(try Data(contentsOf: URL(fileURLWithPath: gpkg)).range(of: Data(first.utf8)) != nil)

        // Asking for the households layer without the flag is refused.
        let (_, _, r3) = try export("csv", extra: ["--layers", "households"])
        #expect(r3.status == 64)
        #expect(r3.stderr.contains("--include-households"))
    }

    @Test(.enabled(if: OGRInfo.isAvailable, "ogrinfo (gdal-bin) is not installed"))
    func includedHouseholdsLayerReadByGDAL() throws {
        let households = try MapsDemo.csvRows("households")
        let (_, gpkg, r) = try export("gpkg", extra: ["--include-households"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try OGRInfo.layers(gpkg).first { $0.name == "households" }?.features == households.count)
    }

    @Test(arguments: [
        (["--format", "dxf"], "--format"),
        (["--format", "csv", "--layers", "parcels"], "parcels")
    ])
    func rejectsBadOptions(args: [String], mentions: String) throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(
            ["export", "--db", dir.appendingPathComponent("none.gpkg").path, "--out", dir.appendingPathComponent("x").path]
                + args,
            environment: MapsDemo.environment)
        #expect(r.status == 64)
        #expect(r.stderr.contains(mentions), "\(r.stderr)")
    }
}
