import Foundation
import GRDB
import GridGeo
import GridModel
import Testing

@testable import GridStore

/// Scenarios in a GeoPackage store: kept across reopening and re-import, replaced only when
/// asked, and applied to the facility layer all or nothing.
@Suite struct GeoPackageScenarioTests {
    static func sample() throws -> Snapshot {
        let folder = try #require(Bundle.module.url(forResource: "sample-cgcs2000", withExtension: nil, subdirectory: "Fixtures"))
        return try DatasetImporter.read(directory: folder, options: ImportOptions(), progress: SilentProgress())
    }

    static func scenario(_ name: String, at time: String = "2026-01-01T00:00:00Z") -> StoredScenario {
        StoredScenario(
            name: name, note: "试点", edits: #"[{"id":"F01","op":"close_facility"}]"#, createdAt: time, updatedAt: time)
    }

    @Test func aSavedScenarioIsThereAfterReopeningAndAfterARe_import() throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        let dataset = try Self.sample()
        do {
            let store = try GeoPackageStore(path: path, create: true)
            try store.replaceContents(with: dataset)
            #expect(try store.scenarios().isEmpty)
            _ = try store.saveScenario(Self.scenario("方案一"), replace: false)
        }
        let reopened = try GeoPackageStore(path: path, create: false)
        #expect(try reopened.scenarios() == [Self.scenario("方案一")])
        try reopened.replaceContents(with: dataset)
        #expect(try reopened.scenario(named: "方案一") == Self.scenario("方案一"))
        #expect(try reopened.scenario(named: "other") == nil)
    }

    @Test func savingOverANameNeedsReplaceAndKeepsTheCreationTime() throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        let store = try GeoPackageStore(path: path, create: true)
        try store.replaceContents(with: try Self.sample())
        _ = try store.saveScenario(Self.scenario("a"), replace: false)
        #expect(throws: UsageError.self) {
            try store.saveScenario(Self.scenario("a", at: "2026-02-01T00:00:00Z"), replace: false)
        }
        let replaced = try store.saveScenario(Self.scenario("a", at: "2026-02-01T00:00:00Z"), replace: true)
        #expect(replaced.createdAt == "2026-01-01T00:00:00Z")
        #expect(replaced.updatedAt == "2026-02-01T00:00:00Z")
        #expect(try store.scenario(named: "a") == replaced)
        #expect(try store.deleteScenario(named: "a"))
        #expect(try !store.deleteScenario(named: "a"))
        #expect(try store.scenarios().isEmpty)
    }

    static func rtreeCount(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM rtree_facilities_geom") ?? -1 }
    }

    @Test func applyWritesTheFacilityLayerAndRecordsIt() throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        let store = try GeoPackageStore(path: path, create: true)
        let dataset = try Self.sample()
        try store.replaceContents(with: dataset)
        _ = try store.saveScenario(Self.scenario("a"), replace: false)
        let before = try store.loadSnapshot(layers: [.facilities]).facilities
        var moved = before[1]
        moved.location = Point(moved.location.x + 100, moved.location.y)
        moved.usableAreaM2 = 999
        var added = before[0]
        added.id = "S1"
        let changes = FacilityChanges(added: [added], updated: [moved], removedIds: [before[0].id])
        try store.applyScenario(named: "a", changes: changes, appliedAt: "2026-03-01T00:00:00Z")
        let after = try store.loadSnapshot(layers: [.facilities]).facilities
        #expect(after.map(\.id) == Array(before.dropFirst().map(\.id)) + ["S1"])
        #expect(after.first { $0.id == moved.id } == moved)
        #expect(after.first { $0.id == "S1" }?.location == added.location)
        #expect(FacilityChanges(before: before, after: after) == changes)
        #expect(try store.scenario(named: "a")?.appliedAt == "2026-03-01T00:00:00Z")
        #expect(try Self.rtreeCount(path) == after.count)
    }

    @Test func aFailingApplyLeavesTheStoreAsItWas() throws {
        let path = temporaryStorePath()
        defer { removeStore(path) }
        let store = try GeoPackageStore(path: path, create: true)
        try store.replaceContents(with: try Self.sample())
        _ = try store.saveScenario(Self.scenario("a"), replace: false)
        let before = try store.loadSnapshot(layers: [.facilities]).facilities
        var moved = before[1]
        moved.usableAreaM2 = 999
        // The last write fails: a facility of a community the store does not have (foreign key).
        var bad = before[0]
        bad.id = "S9"
        bad.communityId = "NO-SUCH-COMMUNITY"
        let changes = FacilityChanges(added: [bad], updated: [moved], removedIds: [before[0].id])
        #expect(throws: (any Error).self) {
            try store.applyScenario(named: "a", changes: changes, appliedAt: "2026-03-01T00:00:00Z")
        }
        #expect(try store.loadSnapshot(layers: [.facilities]).facilities == before)
        #expect(try store.scenario(named: "a")?.appliedAt == nil)
        #expect(try Self.rtreeCount(path) == before.count)
        // Applying a scenario the store does not have changes nothing either.
        #expect(throws: UsageError.self) {
            try store.applyScenario(named: "missing", changes: FacilityChanges(removedIds: [before[0].id]), appliedAt: "x")
        }
        #expect(try store.loadSnapshot(layers: [.facilities]).facilities == before)
    }
}
