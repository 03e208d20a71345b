import Foundation
import GridGDAL
import GridGeo
import GridModel
import Testing
@testable import GridStore
import TestSupport

/// The Shapefile/KML writer through GridGDAL, read back with GridGDAL's reader.
struct GDALExportTests {
    func table() -> FeatureTable {
        var t = FeatureTable(
            name: "buildings", geometryKind: .point,
            columns: [.init("id", .text), .init("name", .text), .init("probationary_members", .integer), .init("area", .real)])
        t.append(
            [.text("B1"), .text("堃苑1号楼"), .integer(3), .real(12.25)], lonLat: .point(Point(116.40612345678901, 39.90123456789012))
        )
        t.append([.text("B2"), .null, .null, .null], lonLat: .point(Point(116.41587654321098, 39.90876543210987)))
        return t
    }

    @Test func shapefileFieldNamesAreNeverCutSilently() throws {
        let dir = try TemporaryFiles.directory(prefix: "gridplan-gdal-export")
        defer { try? FileManager.default.removeItem(at: dir) }
        let dataset = try VectorDataset(creating: dir.appendingPathComponent("t.shp").path, driver: "ESRI Shapefile")
        let layer = try dataset.createLayer(name: "t", geometry: .point, crs: "EPSG:4326")
        #expect(throws: GDALError.self) { try layer.createField("probationary_members", kind: .integer) }
        #expect(try layer.createField("prob_mem", kind: .integer) == 0)
    }

    @Test func shapefileRoundTripThroughGridGDAL() throws {
        let dir = try TemporaryFiles.directory(prefix: "gridplan-gdal-export")
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = try GDALExport.write([table()], format: .shp, to: dir.path, datasetName: "t")
        #expect(summary.layers.first?.renamed == ["probationary_members": "prob_mem"])
        let cpg = try String(contentsOf: dir.appendingPathComponent("buildings.cpg"), encoding: .utf8)
        #expect(cpg.hasPrefix("UTF-8"))

        let back = try VectorDataset(path: dir.appendingPathComponent("buildings.shp").path)
        let layer = try #require(back.layer(at: 0))
        #expect(layer.fields.map(\.name) == ["id", "name", "prob_mem", "area"])
        #expect(layer.coordinateSystem == "EPSG:4326")
        let first = try #require(try layer.nextFeature())
        #expect(first.value(at: 1) == .text("堃苑1号楼"))
        #expect(first.value(at: 2) == .integer(3))
        #expect(first.value(at: 3) == .real(12.25))
        #expect(first.geometry == .point(VectorPosition(x: 116.40612345678901, y: 39.90123456789012)))
        let second = try #require(try layer.nextFeature())
        #expect(second.value(at: 1) == .null && second.value(at: 2) == .null)
        #expect(try layer.nextFeature() == nil)
    }

    @Test func kmlSkipsTablesWithoutGeometry() throws {
        let dir = try TemporaryFiles.directory(prefix: "gridplan-gdal-export")
        defer { try? FileManager.default.removeItem(at: dir) }
        var units = FeatureTable(name: "units", geometryKind: nil, columns: [.init("id", .text)])
        units.append([.text("U1")])
        let summary = try GDALExport.write([table(), units], format: .kml, to: dir.path, datasetName: "t")
        #expect(summary.layers.map(\.name) == ["buildings"])
        #expect(summary.skipped == ["units"])
        let back = try VectorDataset(path: dir.appendingPathComponent("buildings.kml").path)
        #expect(back.layer(at: 0)?.featureCount == 2)
    }
}
