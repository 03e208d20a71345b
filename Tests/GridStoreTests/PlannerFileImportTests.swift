import Foundation
import Testing
import GridGeo
import GridModel
@testable import GridStore
import TestSupport

/// Planners' files (Shapefile, XLSX, GeoPackage, KML) built with ogr2ogr from the reference
/// GeoJSON/CSV import to the same district: ids and names byte for byte, coordinates to 1e-9°.
@Suite(.enabled(if: OGR2OGR.isAvailable, "needs ogr2ogr (gdal-bin, Tools/setup)"))
struct PlannerFileImportTests {
    /// The reference folder with `transform` applied (conversions, removals), imported.
    private func importConverted(
        datasetJSON: String = PlannerDistrict.datasetJSON,
        _ transform: (TestDataset) throws -> Void
    ) throws -> (reference: Snapshot, converted: Snapshot, inspection: DatasetInspection) {
        let reference = try PlannerDistrict.reference()
        defer { reference.remove() }
        let expected = try reference.read()
        let planner = try PlannerDistrict.reference()
        defer { planner.remove() }
        try planner.write("dataset.json", datasetJSON)
        try transform(planner)
        let inspection = try DatasetImporter.inspect(directory: planner.directory)
        #expect(inspection.problems.isEmpty, "\(inspection.problems.map(\.description))")
        return (expected, try planner.read(), inspection)
    }

    private func remove(_ names: String..., from d: TestDataset) {
        for n in names { try? FileManager.default.removeItem(at: d.directory.appendingPathComponent(n)) }
    }

    @Test func gbkShapefileWithoutCPGIsDetected() throws {
        let (reference, converted, inspection) = try importConverted { d in
            try OGR2OGR.convert("communities.geojson", to: "communities.shp", in: d.directory, ["-lco", "ENCODING=CP936"])
            remove("communities.cpg", "communities.geojson", from: d)
        }
        expectSameDistrict(reference, converted)
        let layer = inspection.layers.first { $0.entity == "communities" }
        #expect(layer?.driver == "ESRI Shapefile")
        #expect(layer?.encoding.hasPrefix("CP936 (detected") == true, "\(String(describing: layer?.encoding))")
        #expect(layer?.crs == "EPSG:4326")
        #expect(layer?.featureCount == 2)
    }

    @Test func shapefileHonoursItsCPG() throws {
        let (reference, converted, inspection) = try importConverted { d in
            try OGR2OGR.convert("communities.geojson", to: "communities.shp", in: d.directory, ["-lco", "ENCODING=UTF-8"])
            remove("communities.geojson", from: d)
        }
        expectSameDistrict(reference, converted)
        #expect(inspection.layers.first { $0.entity == "communities" }?.encoding.hasSuffix("(.cpg)") == true)
    }

    @Test func explicitEncodingWinsOverDetection() throws {
        let json =
            #"{"name": "堃喆街道", "crs": "EPSG:4326", "layers": {"buildings": {"crs": "GCJ-02"}, "communities": {"encoding": "GB18030"}}}"#
        let (reference, converted, inspection) = try importConverted(datasetJSON: json) { d in
            try OGR2OGR.convert("communities.geojson", to: "communities.shp", in: d.directory, ["-lco", "ENCODING=CP936"])
            remove("communities.cpg", "communities.geojson", from: d)
        }
        expectSameDistrict(reference, converted)
        #expect(inspection.layers.first { $0.entity == "communities" }?.encoding == "GB18030 (dataset.json)")
    }

    @Test func xlsxWithChineseHeadersAndGCJ02LonLat() throws {
        let (reference, converted, inspection) = try importConverted { d in
            try OGR2OGR.convert("buildings.csv", to: "buildings.xlsx", in: d.directory, ["-f", "XLSX"])
            remove("buildings.csv", from: d)
        }
        expectSameDistrict(reference, converted)
        let layer = inspection.layers.first { $0.entity == "buildings" }
        #expect(layer?.driver == "XLSX")
        #expect(layer?.crs == "GCJ-02")
        #expect(layer?.columns.first { $0.column == "户数" }?.field == "households")
        #expect(layer?.columns.first { $0.column == "经度" }?.field == "lon")
    }

    @Test func geoPackageLayersPerEntity() throws {
        let json =
            #"{"name": "堃喆街道", "crs": "EPSG:4326", "layers": {"buildings": {"crs": "GCJ-02"}, "communities": {"file": "planners.gpkg"}, "facilities": {"file": "planners.gpkg"}}}"#
        let (reference, converted, inspection) = try importConverted(datasetJSON: json) { d in
            try OGR2OGR.convert(
                "communities.geojson", to: "planners.gpkg", in: d.directory, ["-f", "GPKG", "-nln", "communities"])
            try OGR2OGR.convert(
                "facilities.geojson", to: "planners.gpkg", in: d.directory, ["-f", "GPKG", "-update", "-nln", "facilities"])
            remove("communities.geojson", "facilities.geojson", from: d)
        }
        expectSameDistrict(reference, converted)
        #expect(inspection.layers.filter { $0.driver == "GPKG" }.map(\.layer) == ["communities", "facilities"])
    }

    @Test func kmzCommunities() throws {
        // A .kmz (zipped KML, as Google Earth and Ovi save it) written by the LIBKML driver.
        let (reference, converted, inspection) = try importConverted { d in
            try OGR2OGR.convert("communities.geojson", to: "communities.kmz", in: d.directory, ["-f", "LIBKML"])
            remove("communities.geojson", from: d)
        }
        expectSameDistrict(reference, converted)
        let layer = inspection.layers.first { $0.entity == "communities" }
        #expect(layer?.driver == "LIBKML", "\(String(describing: layer?.driver))")
        #expect(layer?.featureCount == 2)
    }

    @Test func fileGeodatabaseLayersPerEntity() throws {
        // An Esri file geodatabase (a .gdb folder) written by GDAL's OpenFileGDB driver; the
        // communities in CGCS2000 / 3-degree Gauss-Kruger CM 117E (EPSG:4548), a layer per entity.
        let json =
            #"{"name": "堃喆街道", "crs": "EPSG:4326", "layers": {"buildings": {"crs": "GCJ-02"}, "communities": {"file": "district.gdb", "layer": "communities"}, "facilities": {"file": "district.gdb", "layer": "facilities"}}}"#
        let (reference, converted, inspection) = try importConverted(datasetJSON: json) { d in
            try OGR2OGR.convert(
                "communities.geojson", to: "district.gdb", in: d.directory,
                ["-f", "OpenFileGDB", "-nln", "communities", "-t_srs", "EPSG:4548"])
            try OGR2OGR.convert(
                "facilities.geojson", to: "district.gdb", in: d.directory, ["-f", "OpenFileGDB", "-update", "-nln", "facilities"])
            remove("communities.geojson", "facilities.geojson", from: d)
        }
        expectSameDistrict(reference, converted)
        let layers = inspection.layers.filter { $0.driver == "OpenFileGDB" }
        #expect(layers.map(\.layer) == ["communities", "facilities"])
        #expect(layers.first?.crs == "EPSG:4548", "\(String(describing: layers.first?.crs))")
    }

    @Test func kmlCommunities() throws {
        let (reference, converted, _) = try importConverted { d in
            try OGR2OGR.convert("communities.geojson", to: "communities.kml", in: d.directory, ["-f", "KML"])
            remove("communities.geojson", from: d)
        }
        expectSameDistrict(reference, converted)
    }

    @Test func dryRunReportsEveryLayerWithoutAStore() throws {
        let d = try PlannerDistrict.reference()
        defer { d.remove() }
        let inspection = try DatasetImporter.inspect(directory: d.directory)
        #expect(inspection.isValid)
        #expect(inspection.layers.map(\.entity) == ["communities", "buildings", "facilities"])
        #expect(inspection.layers.map(\.featureCount) == [2, 2, 2])
        #expect(inspection.layers[1].columns.map(\.field) == ["id", "name", "households", "community_id", "lon", "lat"])
        let files = try FileManager.default.contentsOfDirectory(atPath: d.directory.path)
        #expect(!files.contains { $0.hasSuffix(".gpkg") })
    }
}
