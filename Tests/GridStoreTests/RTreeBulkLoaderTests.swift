import Foundation
import GRDB
import GridGeo
import GridModel
import Testing
@testable import GridStore
import TestSupport

/// A box of the model the tests keep beside the rtree.
private struct Box: Equatable {
    var minX, maxX, minY, maxY: Double
    func hits(_ w: Box) -> Bool { minX <= w.maxX && maxX >= w.minX && minY <= w.maxY && maxY >= w.minY }
}

/// Random boxes on a quarter-unit lattice in [0, 10000)² (exact in float32, so the brute force
/// on doubles is the exact answer): points, zero-width and zero-height boxes, ordinary boxes,
/// and one in ten a copy of an earlier box.
private func latticeBoxes(_ n: Int, _ rng: inout SeededGenerator) -> [Box] {
    func q(_ range: Range<Int>) -> Double { Double(Int.random(in: range, using: &rng)) / 4 }
    var boxes: [Box] = []
    for i in 0..<n {
        if i > 0 && Int.random(in: 0..<10, using: &rng) == 0 {
            boxes.append(boxes[Int.random(in: 0..<i, using: &rng)])
            continue
        }
        let x = q(0..<40_000), y = q(0..<40_000)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: boxes.append(Box(minX: x, maxX: x, minY: y, maxY: y))
        case 1: boxes.append(Box(minX: x, maxX: x + q(0..<200), minY: y, maxY: y))
        case 2: boxes.append(Box(minX: x, maxX: x, minY: y, maxY: y + q(0..<200)))
        default: boxes.append(Box(minX: x, maxX: x + q(0..<400), minY: y, maxY: y + q(0..<400)))
        }
    }
    return boxes
}

/// A query window: random, or with its edges on existing box edges (inclusive boundaries).
private func window(_ model: [Int64: Box], _ keys: [Int64], _ rng: inout SeededGenerator) -> Box {
    func q(_ range: Range<Int>) -> Double { Double(Int.random(in: range, using: &rng)) / 4 }
    if !keys.isEmpty && Bool.random(using: &rng) {
        let a = model[keys[Int.random(in: 0..<keys.count, using: &rng)]]!
        let b = model[keys[Int.random(in: 0..<keys.count, using: &rng)]]!
        return Box(minX: min(a.maxX, b.minX), maxX: max(a.maxX, b.minX), minY: min(a.maxY, b.minY), maxY: max(a.maxY, b.minY))
    }
    let x = q(-400..<40_000), y = q(-400..<40_000)
    return Box(minX: x, maxX: x + q(0..<4_000), minY: y, maxY: y + q(0..<4_000))
}

private func query(_ db: Database, _ table: String, _ w: Box) throws -> [Int64] {
    try Int64.fetchAll(
        db, sql: "SELECT id FROM \(table) WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?",
        arguments: [w.maxX, w.minX, w.maxY, w.minY]
    ).sorted()
}

private func bruteForce(_ model: [Int64: Box], _ w: Box) -> [Int64] {
    model.filter { $0.value.hits(w) }.map(\.key).sorted()
}

private func makeRtree(_ db: Database, _ name: String) throws {
    try db.execute(sql: "CREATE VIRTUAL TABLE \(name) USING rtree(id, minx, maxx, miny, maxy)")
}

private func entries(_ model: [Int64: Box]) -> [RTreeBulkLoader.Entry] {
    model.sorted { $0.key < $1.key }
        .map {
            RTreeBulkLoader.Entry(
                rowid: $0.key, minX: $0.value.minX, maxX: $0.value.maxX, minY: $0.value.minY, maxY: $0.value.maxY)
        }
}

/// Every window answers exactly as brute force; SQLite's own checks pass.
private func expectConsistent(
    _ db: Database, _ model: [Int64: Box], _ rng: inout SeededGenerator,
    windows: Int = 200, _ label: String
) throws {
    #expect(try String.fetchOne(db, sql: "SELECT rtreecheck('rtree_x')") == "ok", "\(label)")
    #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok", "\(label)")
    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rtree_x") == model.count, "\(label)")
    let keys = Array(model.keys).sorted()
    var mismatches = 0
    for _ in 0..<windows {
        let w = window(model, keys, &rng)
        if try query(db, "rtree_x", w) != bruteForce(model, w) { mismatches += 1 }
    }
    #expect(mismatches == 0, "\(label): \(mismatches) of \(windows) windows differ from brute force")
}

@Test(arguments: [0, 1, 50, 51, 52, 166, 167, 168, 2_601, 2_602, 10_000, 100_000])
func bulkLoadedTreeAnswersLikeBruteForceAndStaysUsable(count: Int) throws {
    var rng = SeededGenerator(seed: 0xB0_0000 + UInt64(count))
    let boxes = latticeBoxes(count, &rng)
    // Rowids: gaps and a scrambled order, as after deletions.
    var model: [Int64: Box] = [:]
    for (i, b) in boxes.enumerated() { model[Int64(3 * i + 7)] = b }
    let dbQueue = try DatabaseQueue()
    try dbQueue.write { db in
        try makeRtree(db, "rtree_x")
        try RTreeBulkLoader.load(db, rtree: "rtree_x", entries: entries(model).shuffled(using: &rng))
    }
    try dbQueue.read { db in
        // SQLite's own reading of the root: the depth a packed tree of 51-cell nodes needs.
        let depth = try Int.fetchOne(db, sql: "SELECT rtreedepth(data) FROM rtree_x_node WHERE nodeno = 1")
        let expectedDepth = count <= 51 ? 0 : count <= 51 * 51 ? 1 : count <= 51 * 51 * 51 ? 2 : 3
        #expect(depth == expectedDepth)
        let sizes = try Int.fetchAll(db, sql: "SELECT DISTINCT length(data) FROM rtree_x_node")
        #expect(sizes == [1228])
        try expectConsistent(db, model, &rng, "\(count) loaded")
    }

    // Edits through the virtual table: inserts, moves, deletions (many, to make rtree condense
    // and reinsert the packed nodes).
    try dbQueue.write { db in
        let insert = try db.makeStatement(sql: "INSERT INTO rtree_x VALUES (?, ?, ?, ?, ?)")
        for (k, b) in latticeBoxes(300, &rng).enumerated() {
            let id = Int64(1_000_000 + k)
            try insert.execute(arguments: [id, b.minX, b.maxX, b.minY, b.maxY])
            model[id] = b
        }
        var keys = Array(model.keys).sorted()
        let update = try db.makeStatement(sql: "UPDATE rtree_x SET minx = ?, maxx = ?, miny = ?, maxy = ? WHERE id = ?")
        for b in latticeBoxes(150, &rng) {
            let id = keys[Int.random(in: 0..<keys.count, using: &rng)]
            try update.execute(arguments: [b.minX, b.maxX, b.minY, b.maxY, id])
            model[id] = b
        }
        keys.shuffle(using: &rng)
        let deletions = count <= 10_000 ? keys.count * 2 / 5 : 2_000
        let delete = try db.makeStatement(sql: "DELETE FROM rtree_x WHERE id = ?")
        for id in keys.prefix(deletions) {
            try delete.execute(arguments: [id])
            model[id] = nil
        }
    }
    try dbQueue.read { db in try expectConsistent(db, model, &rng, "\(count) edited") }
}

/// Coordinates that float32 cannot hold (projected metres with decimals, negative, tiny, huge):
/// every stored bound equals what SQLite itself stores for an INSERT of the same row, and no
/// window misses an entry whose double bounds meet it.
@Test func roundingMatchesSQLiteInserts() throws {
    var rng = SeededGenerator(seed: 42)
    var model: [Int64: Box] = [:]
    let scales: [Double] = [1, -1, 1e-30, 1e30, 1e-3]
    for i in 0..<3_000 {
        let base = i % 3 == 0 ? 500_000.0 : 3_380_000.0
        let s = scales[i % scales.count]
        let x = (base + Double.random(in: 0..<10_000, using: &rng)) * s
        let y = (base + Double.random(in: 0..<10_000, using: &rng)) * s
        let w = i % 2 == 0 ? 0 : Double.random(in: 0..<50, using: &rng) * abs(s)
        let h = i % 4 == 1 ? 0 : Double.random(in: 0..<50, using: &rng) * abs(s)
        model[Int64(i + 1)] = Box(minX: x, maxX: x + w, minY: y, maxY: y + h)
    }
    let dbQueue = try DatabaseQueue()
    try dbQueue.write { db in
        try makeRtree(db, "rtree_x")
        try makeRtree(db, "rtree_ref")
        let insert = try db.makeStatement(sql: "INSERT INTO rtree_ref VALUES (?, ?, ?, ?, ?)")
        for (id, b) in model.sorted(by: { $0.key < $1.key }) {
            try insert.execute(arguments: [id, b.minX, b.maxX, b.minY, b.maxY])
        }
        try RTreeBulkLoader.load(db, rtree: "rtree_x", entries: entries(model))
    }
    try dbQueue.read { db in
        let sql = "SELECT id, minx, maxx, miny, maxy FROM %@ ORDER BY id"
        let loaded = try Row.fetchAll(db, sql: sql.replacingOccurrences(of: "%@", with: "rtree_x"))
        let reference = try Row.fetchAll(db, sql: sql.replacingOccurrences(of: "%@", with: "rtree_ref"))
        #expect(loaded.count == 3_000)
        #expect(loaded == reference)
        #expect(try String.fetchOne(db, sql: "SELECT rtreecheck('rtree_x')") == "ok")
        let keys = Array(model.keys).sorted()
        for _ in 0..<200 {
            let a = model[keys[Int.random(in: 0..<keys.count, using: &rng)]]!
            let b = model[keys[Int.random(in: 0..<keys.count, using: &rng)]]!
            // Windows with an edge exactly on a box's double bound.
            let w = Box(
                minX: min(a.maxX, b.minX), maxX: max(a.maxX, b.minX), minY: min(a.maxY, b.minY), maxY: max(a.maxY, b.minY))
            let got = try query(db, "rtree_x", w)
            #expect(Set(bruteForce(model, w)).isSubset(of: Set(got)))
            #expect(got == (try query(db, "rtree_ref", w)))
        }
    }
}

@Test func refusesWhatRtreeWouldNot() throws {
    let dbQueue = try DatabaseQueue()
    try dbQueue.write { db in
        try makeRtree(db, "rtree_x")
        let e = { (id: Int64, x: Double) in RTreeBulkLoader.Entry(rowid: id, minX: x, maxX: x + 1, minY: 0, maxY: 1) }
        // The same rowid twice.
        #expect(throws: RTreeBulkLoader.LoadError.self) {
            try RTreeBulkLoader.load(db, rtree: "rtree_x", entries: [e(5, 0), e(2, 1), e(5, 2)])
        }
        // A box upside down, a NaN.
        #expect(throws: RTreeBulkLoader.LoadError.self) {
            try RTreeBulkLoader.load(
                db, rtree: "rtree_x", entries: [RTreeBulkLoader.Entry(rowid: 1, minX: 2, maxX: 1, minY: 0, maxY: 0)])
        }
        #expect(throws: RTreeBulkLoader.LoadError.self) {
            try RTreeBulkLoader.load(
                db, rtree: "rtree_x", entries: [RTreeBulkLoader.Entry(rowid: 1, minX: .nan, maxX: 1, minY: 0, maxY: 0)])
        }
        // Nothing was written by the refused loads.
        #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rtree_x_node") == 1)
        // A table that already holds an entry, or that is no 2-D rtree.
        try db.execute(sql: "INSERT INTO rtree_x VALUES (1, 0, 1, 0, 1)")
        #expect(throws: RTreeBulkLoader.LoadError.self) { try RTreeBulkLoader.load(db, rtree: "rtree_x", entries: [e(2, 0)]) }
        try db.execute(sql: "CREATE VIRTUAL TABLE rtree_3d USING rtree(id, minx, maxx, miny, maxy, minz, maxz)")
        #expect(throws: RTreeBulkLoader.LoadError.self) { try RTreeBulkLoader.load(db, rtree: "rtree_3d", entries: [e(2, 0)]) }
        try db.execute(sql: "CREATE TABLE plain (id INTEGER PRIMARY KEY)")
        #expect(throws: RTreeBulkLoader.LoadError.self) { try RTreeBulkLoader.load(db, rtree: "plain", entries: [e(2, 0)]) }
    }
}

/// The packed tree written for one entry: the bytes of the root node, by hand.
@Test func singleEntryRootBytesByHand() throws {
    let dbQueue = try DatabaseQueue()
    let blob: Data? = try dbQueue.write { db in
        try makeRtree(db, "rtree_x")
        try RTreeBulkLoader.load(
            db, rtree: "rtree_x", entries: [RTreeBulkLoader.Entry(rowid: 0x0102, minX: 1, maxX: 2, minY: -1, maxY: 0.5)])
        return try Data.fetchOne(db, sql: "SELECT data FROM rtree_x_node WHERE nodeno = 1")
    }
    let b = [UInt8](blob ?? Data())
    #expect(b.count == 1228)
    #expect(Array(b.prefix(4)) == [0, 0, 0, 1])  // depth 0, 1 cell
    #expect(Array(b[4..<12]) == [0, 0, 0, 0, 0, 0, 0x01, 0x02])  // rowid, big-endian
    #expect(
        Array(b[12..<28]) == [
            0x3F, 0x80, 0, 0, 0x40, 0, 0, 0,  // 1.0, 2.0
            0xBF, 0x80, 0, 0, 0x3F, 0, 0, 0
        ])  // -1.0, 0.5
    #expect(b[28...].allSatisfy { $0 == 0 })
}

// MARK: The store

/// A snapshot with many buildings spread over a district, for index checks at store level.
private func crowdedSnapshot(buildings n: Int, seed: UInt64) -> Snapshot {
    var rng = SeededGenerator(seed: seed)
    var s = sampleSnapshot()
    s.buildings = (0..<n).map { i in
        let p = Point(500_000 + Double.random(in: 0..<5_000, using: &rng), 3_380_000 + Double.random(in: 0..<5_000, using: &rng))
        return Building(id: "X\(i)", communityId: "C1", households: 1, location: p, lonLat: Point(114, 30.5))
    }
    s.households = []
    return s
}

/// After a write, every layer's RTree passes rtreecheck, holds one entry per feature with a
/// geometry, under its fid, with the bounds of the geometry; the triggers are installed.
private func expectStoreIndexes(_ path: String) throws {
    let store = try GeoPackageStore(path: path, create: false)
    try store.dbQueue.read { db in
        for layer in GeoPackageSchema.featureLayers.map(\.table) {
            let r = "rtree_\(layer)_geom"
            #expect(try String.fetchOne(db, sql: "SELECT rtreecheck('\(r)')") == "ok", "\(layer)")
            let rows = try Row.fetchAll(db, sql: "SELECT fid, geom FROM \(layer) ORDER BY fid")
            var expected: [Int64: BoundingBox] = [:]
            for row in rows {
                guard let blob: Data = row["geom"], let box = try GeometryBlob.bounds(blob) else { continue }
                expected[row["fid"]] = box
            }
            let index = try Row.fetchAll(db, sql: "SELECT id, minx, maxx, miny, maxy FROM \(r)")
            #expect(index.count == expected.count, "\(layer)")
            for e in index {
                guard let box = expected[e["id"]] else {
                    Issue.record("\(layer): index entry \(e["id"] as Int64) has no feature"); continue
                }
                // float32 bounds around the double bounds, no wider than a few float32 steps.
                let minX: Double = e["minx"], maxX: Double = e["maxx"], minY: Double = e["miny"], maxY: Double = e["maxy"]
                #expect(minX <= box.minX && maxX >= box.maxX && minY <= box.minY && maxY >= box.maxY, "\(layer)")
                let step = { (v: Double) in 4 * Double(Float(v).ulp) }
                #expect(
                    box.minX - minX <= step(box.minX) && maxX - box.maxX <= step(box.maxX)
                        && box.minY - minY <= step(box.minY) && maxY - box.maxY <= step(box.maxY), "\(layer)")
            }
            let triggers = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
                arguments: ["\(r)_%"])
            #expect(triggers == 6, "\(layer)")
        }
    }
}

@Test func storeIndexesMatchTheirLayersAcrossReimports() throws {
    let path = temporaryStorePath()
    defer { removeStore(path) }
    let store = try GeoPackageStore(path: path, create: true)
    try store.replaceContents(with: crowdedSnapshot(buildings: 3_000, seed: 1))
    try expectStoreIndexes(path)
    // A second import into the same file: fids continue (AUTOINCREMENT), the index follows them.
    try store.replaceContents(with: crowdedSnapshot(buildings: 2_000, seed: 2))
    try store.dbQueue.read { db in
        let first = try Int.fetchOne(db, sql: "SELECT MIN(fid) FROM buildings") ?? 0
        #expect(first > 3_000)
    }
    try expectStoreIndexes(path)
    // Later edits go through the triggers into the bulk-loaded tree.
    try store.dbQueue.write { db in
        try db.execute(sql: "DELETE FROM buildings WHERE id IN ('X1', 'X2', 'X3')")
        try db.execute(
            sql: "UPDATE buildings SET geom = ? WHERE id = 'X4'", arguments: [GeometryBlob.point(Point(1, 2), srsID: 4547)])
        try db.execute(
            sql: """
                INSERT INTO buildings (geom, id, community_id, households, lon, lat) VALUES (?, 'NEW', 'C1', 1, 114, 30.5)
                """, arguments: [GeometryBlob.point(Point(3, 4), srsID: 4547)])
        #expect(try Int.fetchAll(db, sql: "SELECT id FROM rtree_buildings_geom WHERE minx <= 10 AND maxy <= 10").count == 2)
    }
    try expectStoreIndexes(path)
}

@Test(.enabled(if: OGRInfo.isAvailable, "ogrinfo (gdal-bin) is not installed"))
func ogrinfoSpatialFilterCountsLikeBruteForce() throws {
    let path = temporaryStorePath()
    defer { removeStore(path) }
    let snapshot = crowdedSnapshot(buildings: 5_000, seed: 7)
    try GeoPackageStore(path: path, create: true).replaceContents(with: snapshot)
    var rng = SeededGenerator(seed: 8)
    for _ in 0..<4 {
        let x = 500_000 + Double.random(in: -500..<5_000, using: &rng),
            y = 3_380_000 + Double.random(in: -500..<5_000, using: &rng)
        let w = Box(
            minX: x, maxX: x + Double.random(in: 10..<2_000, using: &rng), minY: y,
            maxY: y + Double.random(in: 10..<2_000, using: &rng))
        let brute = snapshot.buildings.filter {
            $0.location.x >= w.minX && $0.location.x <= w.maxX && $0.location.y >= w.minY && $0.location.y <= w.maxY
        }.count
        let (status, text) = try OGRInfo.run([
            "-ro", "-spat", "\(w.minX)", "\(w.minY)", "\(w.maxX)", "\(w.maxY)", path, "buildings"
        ])
        #expect(status == 0)
        // The features GDAL returns (it checks each geometry against the window after the index).
        let features = text.components(separatedBy: "\n").filter { $0.hasPrefix("OGRFeature(buildings)") }.count
        #expect(features == brute, "window \(w)")
        // Its "Feature Count" is the index's own count: float32 boxes rounded outwards may add
        // points lying within a float step outside the window, never drop one.
        let widened = snapshot.buildings.filter {
            let sx = 2 * Double(Float($0.location.x).ulp), sy = 2 * Double(Float($0.location.y).ulp)
            return $0.location.x >= w.minX - sx && $0.location.x <= w.maxX + sx && $0.location.y >= w.minY - sy
                && $0.location.y <= w.maxY + sy
        }.count
        let line = text.components(separatedBy: "\n").first { $0.hasPrefix("Feature Count: ") }
        let reported = line.flatMap { Int($0.dropFirst("Feature Count: ".count)) }
        #expect(
            reported.map { $0 >= brute && $0 <= widened } == true, "window \(w): \(line ?? "no count") for \(brute)...\(widened)")
    }
}

/// The packing order is a Hilbert curve: its first 4ᵏ positions fill the 2ᵏ × 2ᵏ corner square,
/// each once, and consecutive positions are neighbouring cells.
@Test func hilbertIndexWalksTheCornerSquareCellByCell() {
    let side = 64
    var cellAt = [Int: (Int, Int)]()
    for x in 0..<side {
        for y in 0..<side {
            let d = Int(RTreeBulkLoader.hilbertIndex(UInt32(x), UInt32(y)))
            #expect(d < side * side)
            #expect(cellAt[d] == nil)
            cellAt[d] = (x, y)
        }
    }
    #expect(cellAt.count == side * side)
    var jumps = 0
    for d in 1..<(side * side) {
        guard let a = cellAt[d - 1], let b = cellAt[d] else { continue }
        if abs(a.0 - b.0) + abs(a.1 - b.1) != 1 { jumps += 1 }
    }
    #expect(jumps == 0)
    // The whole grid's far corners: the curve starts at the origin and ends at (max, 0).
    #expect(RTreeBulkLoader.hilbertIndex(0, 0) == 0)
    #expect(RTreeBulkLoader.hilbertIndex(65_535, 0) == UInt64(1) << 32 - 1)
}
