import Foundation
import GRDB
import GridGeo
import GridModel
import Testing
@testable import GridStore

/// The committed sample dataset (every file of the contract), read as `gridplan import` reads it.
private func sampleDataset() throws -> Snapshot {
    let folder = try #require(Bundle.module.url(forResource: "sample-cgcs2000", withExtension: nil, subdirectory: "Fixtures"))
    return try DatasetImporter.read(directory: folder, options: ImportOptions(), progress: SilentProgress())
}

/// Records every error and warning the validator prints about the file at `path`.
private func expectConforms(_ path: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let findings = try GeoPackageValidator.findings(path)
    #expect(
        findings.isEmpty, "\(what): validate_gpkg.py -k --extra reports\n\(findings.joined(separator: "\n"))",
        sourceLocation: sourceLocation)
}

/// Every GeoPackage gridplan writes passes GDAL's validator (`validate_gpkg.py -k --extra`) with
/// no error and no warning: the store after import and after `grids plan --apply`, and the
/// files of `export --format gpkg` (all layers, and some with `--layers`).
@Suite(
    "GeoPackage: OGC conformance (validate_gpkg.py)",
    .enabled(if: GeoPackageValidator.isAvailable, "validate_gpkg.py (python3-gdal) is not installed"))
struct GeoPackageConformanceTests {
    @Test func theStoreAfterImportAndAfterAGridPlanConforms() throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        let dataset = try sampleDataset()
        let store = try GeoPackageStore(path: path, create: true)
        try store.replaceContents(with: dataset)
        try expectConforms(path, "the store after import")

        // `grids plan --apply` replaces each community's grids and re-attaches its buildings
        // (here one grid per community, its polygon the community's).
        let grids = dataset.communities.map { c in
            Grid(id: "\(c.id)-P01", communityId: c.id, name: "planned", boundary: c.boundary, boundaryLonLat: c.boundaryLonLat)
        }
        var assignments: [String: String] = [:]
        for b in dataset.buildings { assignments[b.id] = "\(b.communityId)-P01" }
        try store.applyGridPlan(communityIds: dataset.communities.map(\.id), grids: grids, assignments: assignments)
        #expect(try store.loadSnapshot(layers: [.grids]).grids.map(\.id) == grids.map(\.id))
        try expectConforms(path, "the store after a grid plan is applied")
    }

    @Test func theStoreWithSavedAndAppliedScenariosConforms() throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        let store = try GeoPackageStore(path: path, create: true)
        try store.replaceContents(with: try sampleDataset())
        _ = try store.saveScenario(
            StoredScenario(
                name: "a", note: nil, edits: "[]", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z"),
            replace: false)
        let facilities = try store.loadSnapshot(layers: [.facilities]).facilities
        var added = facilities[0]
        added.id = "S1"
        added.location = Point(added.location.x + 50, added.location.y + 50)
        try store.applyScenario(
            named: "a", changes: FacilityChanges(added: [added], removedIds: [facilities[1].id]),
            appliedAt: "2026-01-02T00:00:00Z")
        try expectConforms(path, "the store with a saved and applied scenario")
    }

    @Test(arguments: [false, true])
    func theExportOfEveryLayerConforms(includeHouseholds: Bool) throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        let dataset = try sampleDataset()
        var coverage = FeatureTable(
            name: "coverage", geometryKind: .point,
            columns: [.init("id", .text), .init("distance_m", .real), .init("covered", .boolean)])
        for b in dataset.buildings {
            coverage.append([.text(b.id), .real(100), .boolean(true)], lonLat: .point(b.lonLat), projected: .point(b.location))
        }
        var summary = FeatureTable(name: "summary", geometryKind: nil, columns: [.init("key", .text), .init("value", .real)])
        summary.append([.text("coverage_rate"), .real(1)])
        _ = try GeoPackageExport.write(
            snapshot: dataset, to: path, includeHouseholds: includeHouseholds,
            extraLayers: [coverage, summary])
        try expectConforms(path, "export --format gpkg\(includeHouseholds ? " --include-households" : "")")
    }

    @Test func theExportOfSomeLayersConforms() throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        let dataset = try sampleDataset()
        var buildings = FeatureTable(
            name: "buildings", geometryKind: .point, columns: [.init("id", .text), .init("households", .integer)])
        for b in dataset.buildings {
            buildings.append([.text(b.id), .integer(b.households)], lonLat: .point(b.lonLat), projected: .point(b.location))
        }
        var units = FeatureTable(name: "units", geometryKind: nil, columns: [.init("id", .text), .init("staff", .integer)])
        for u in dataset.units { units.append([.text(u.id), .integer(u.staff)]) }
        _ = try GeoPackageExport.writeLayers([buildings, units], metadata: dataset.metadata, to: path)
        try expectConforms(path, "export --format gpkg --layers buildings,units")
    }
}
