import Foundation
import Testing
import GridModel
@testable import GridStore
import TestSupport

/// Broken planners' files: each is refused with a message a planner can act on, and a store
/// holding an earlier import is left byte for byte as it was.
@Suite(.enabled(if: OGR2OGR.isAvailable, "needs ogr2ogr (gdal-bin, Tools/setup)"))
struct PlannerFileProblemTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var datasetJSON: String?
        /// Breaks the converted reference folder.
        var breakIt: @Sendable (TestDataset) throws -> Void
        var file: String
        var field: String
        var message: String
    }

    private static func remove(_ names: String..., from d: TestDataset) {
        for n in names { try? FileManager.default.removeItem(at: d.directory.appendingPathComponent(n)) }
    }

    private static func communitiesShapefile(_ d: TestDataset) throws {
        try OGR2OGR.convert("communities.geojson", to: "communities.shp", in: d.directory, ["-lco", "ENCODING=CP936"])
        remove("communities.geojson", from: d)
    }

    static let cases: [Case] = [
        Case(
            description: "corrupt .shp",
            breakIt: { d in
                try communitiesShapefile(d)
                let shp = d.directory.appendingPathComponent("communities.shp")
                var bytes = [UInt8](try Data(contentsOf: shp))
                for i in 100..<bytes.count { bytes[i] = 0xFF }  // every record after the header
                try Data(bytes).write(to: shp)
            }, file: "communities.shp", field: "", message: "cannot be read"),
        Case(
            description: "corrupt .shx",
            breakIt: { d in
                try communitiesShapefile(d)
                try Data("not an index".utf8).write(to: d.directory.appendingPathComponent("communities.shx"))
            }, file: "communities.shp", field: "", message: "cannot be read"),
        Case(
            description: "missing .dbf",
            breakIt: { d in
                try communitiesShapefile(d)
                remove("communities.dbf", from: d)
            }, file: "communities.shp", field: "", message: "communities.dbf is missing"),
        Case(
            description: "a workbook that is not xlsx",
            breakIt: { d in
                try d.write("buildings.xlsx", "编号,名称\nB1,x\n")
                remove("buildings.csv", from: d)
            }, file: "buildings.xlsx", field: "", message: "cannot be read"),
        Case(
            description: "points where communities need polygons",
            breakIt: { d in
                try d.write("communities.geojson", featureCollection([feature(#""id":"C1","name":"堃""#, point(116.405, 39.905))]))
                try communitiesShapefile(d)
            }, file: "communities.shp", field: "geometry", message: "Point geometry not allowed here"),
        Case(
            description: "unknown encoding",
            datasetJSON:
                #"{"name": "t", "crs": "EPSG:4326", "layers": {"buildings": {"crs": "GCJ-02"}, "communities": {"encoding": "NO-SUCH-CODEPAGE"}}}"#,
            breakIt: { d in try communitiesShapefile(d) },
            file: "communities.shp", field: "encoding", message: "unknown encoding 'NO-SUCH-CODEPAGE'"),
        Case(
            description: "a sheet that does not exist",
            datasetJSON: #"{"name": "t", "crs": "EPSG:4326", "layers": {"buildings": {"crs": "GCJ-02", "sheet": "楼栋"}}}"#,
            breakIt: { d in
                try OGR2OGR.convert("buildings.csv", to: "buildings.xlsx", in: d.directory, ["-f", "XLSX"])
                remove("buildings.csv", from: d)
            }, file: "buildings.xlsx", field: "sheet", message: "no sheet named '楼栋'"),
        Case(
            description: "a layer that does not exist",
            datasetJSON:
                #"{"name": "t", "crs": "EPSG:4326", "layers": {"buildings": {"crs": "GCJ-02"}, "communities": {"file": "p.gpkg", "layer": "社区"}}}"#,
            breakIt: { d in
                try OGR2OGR.convert("communities.geojson", to: "p.gpkg", in: d.directory, ["-f", "GPKG", "-nln", "communities"])
                remove("communities.geojson", from: d)
            }, file: "p.gpkg", field: "layer", message: "no layer named '社区'")
    ]

    @Test(arguments: cases)
    func refusedWithAMessageAndTheStoreUnchanged(_ c: Case) throws {
        let good = try PlannerDistrict.reference()
        defer { good.remove() }
        let storePath = TemporaryFiles.path(prefix: "gridplan-planner-store", suffix: ".gpkg")
        defer { try? FileManager.default.removeItem(at: storePath) }
        do {
            let store = try GeoPackageStore(path: storePath.path, create: true)
            try store.replaceContents(with: try good.read())
        }
        let before = try Data(contentsOf: storePath)

        let broken = try PlannerDistrict.reference()
        defer { broken.remove() }
        if let json = c.datasetJSON { try broken.write("dataset.json", json) }
        try c.breakIt(broken)
        var problems: [ValidationProblem] = []
        do {
            // What `gridplan import` does: the store is written only after a successful read.
            let snapshot = try broken.read()
            let store = try GeoPackageStore(path: storePath.path, create: false)
            try store.replaceContents(with: snapshot)
            Issue.record("\(c): the import succeeded")
        } catch let e as InputError {
            problems = e.problems
        }
        let match = problems.first { $0.file == c.file && $0.field == c.field && $0.message.contains(c.message) }
        #expect(match != nil, "\(c): got \(problems.map(\.description))")
        #expect(try Data(contentsOf: storePath) == before, "\(c): the store changed")
    }
}
