import Foundation
import GRDB

/// Bulk-loads an empty two-dimensional SQLite R*Tree (`CREATE VIRTUAL TABLE name USING
/// rtree(id, minx, maxx, miny, maxy)`) by writing its shadow tables directly with a packed tree,
/// instead of inserting the entries one by one through the virtual table (which runs the R*Tree
/// insertion algorithm, with its splits and reinsertions, for every row).
///
/// The layout written is the one SQLite's `ext/rtree/rtree.c` reads:
/// - `name_node(nodeno INTEGER PRIMARY KEY, data)`: one blob per node, all of the node size the
///   table was created with (the length of the root's blob). A blob holds a 2-byte big-endian
///   tree depth (root only, other nodes 0), a 2-byte big-endian cell count, then the cells: an
///   8-byte big-endian integer (the entry's rowid in a leaf, the child's node number in an
///   interior node) and the box as four 32-bit big-endian floats (minx, maxx, miny, maxy); the
///   rest is zero. The root is node 1; the depth counts the levels below it.
/// - `name_rowid(rowid INTEGER PRIMARY KEY, nodeno)`: the leaf holding each entry.
/// - `name_parent(nodeno INTEGER PRIMARY KEY, parentnode)`: the parent of every non-root node.
///
/// Boxes are stored as float32 rounded outwards exactly as rtree does for an INSERT (lower bounds
/// down, upper bounds up), so a query on the double bounds never misses an entry.
///
/// Packing: entries are ordered along a Hilbert curve through their box centres, cut into the
/// fewest leaves, each level's nodes are grouped the same way into parents until one node (the
/// root) is left. Every group of a level gets the same number of members give or take one, so
/// no node but the root is less than half full and the tree stays valid for rtree's later
/// inserts, updates and deletes (its minimum fill is a third of a node).
///
/// The write happens in the caller's transaction. The virtual table must be empty (a root with no
/// cells, no other node, no rowid or parent mapping). It should be freshly created or at least not
/// written through the virtual table earlier in the same transaction: newer SQLite versions cache
/// nodes for the length of a write transaction, and such a cache would not see these writes.
enum RTreeBulkLoader {
    /// One index entry: the feature's rowid and its bounds.
    struct Entry: Sendable, Equatable {
        var rowid: Int64
        var minX: Double, maxX: Double, minY: Double, maxY: Double

        init(rowid: Int64, minX: Double, maxX: Double, minY: Double, maxY: Double) {
            self.rowid = rowid; self.minX = minX; self.maxX = maxX; self.minY = minY; self.maxY = maxY
        }
    }

    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Bytes per cell of a two-dimensional rtree: 8-byte id and 4 float32.
    static let cellSize = 24
    /// rtree never puts more than this many cells in a node (RTREE_MAXCELLS).
    static let maxCellsCap = 51

    /// Fills the empty rtree `name` with `entries` (rowids must be distinct). Nothing is written
    /// for no entries (the empty root stays).
    static func load(_ db: Database, rtree name: String, entries: [Entry]) throws {
        let nodeSize = try checkEmpty(db, name)
        guard !entries.isEmpty else { return }
        let capacity = min((nodeSize - 4) / cellSize, maxCellsCap)
        guard capacity >= 2 else { throw LoadError(description: "\(name): node size \(nodeSize) holds fewer than 2 cells") }
        guard entries.count < Int(UInt32.max) else { throw LoadError(description: "\(name): too many entries") }

        // Float boxes, rounded outwards; reject what rtree would refuse.
        var boxes = [Float](repeating: 0, count: entries.count * 4)
        for (i, e) in entries.enumerated() {
            if e.minX.isNaN || e.maxX.isNaN || e.minY.isNaN || e.maxY.isNaN {
                throw LoadError(description: "\(name): entry \(e.rowid) has a NaN bound")
            }
            let x0 = roundDown(e.minX), x1 = roundUp(e.maxX), y0 = roundDown(e.minY), y1 = roundUp(e.maxY)
            if x0 > x1 || y0 > y1 {
                throw LoadError(description: "\(name): entry \(e.rowid) has a minimum above its maximum")
            }
            boxes[4 * i] = x0; boxes[4 * i + 1] = x1; boxes[4 * i + 2] = y0; boxes[4 * i + 3] = y1
        }
        try checkDistinctRowids(name, entries)

        let order = hilbertOrder(entries)
        let plan = TreePlan(entryCount: entries.count, capacity: capacity)

        // Bounds of every node, level by level from the leaves up (level 0 = leaves).
        var levelBoxes: [[Float]] = []
        var below = [Float](repeating: 0, count: plan.levels[0] * 4)
        for leaf in 0..<plan.levels[0] {
            var u = emptyUnion()
            for k in plan.children(level: 0, node: leaf) { unite(&u, boxes, Int(order[k])) }
            below[4 * leaf] = u.0; below[4 * leaf + 1] = u.1; below[4 * leaf + 2] = u.2; below[4 * leaf + 3] = u.3
        }
        levelBoxes.append(below)
        for level in 1..<plan.levels.count {
            var here = [Float](repeating: 0, count: plan.levels[level] * 4)
            for node in 0..<plan.levels[level] {
                var u = emptyUnion()
                for c in plan.children(level: level, node: node) { unite(&u, levelBoxes[level - 1], c) }
                here[4 * node] = u.0; here[4 * node + 1] = u.1; here[4 * node + 2] = u.2; here[4 * node + 3] = u.3
            }
            levelBoxes.append(here)
        }

        let updateRoot = try db.makeStatement(sql: "UPDATE \(quoted(name + "_node")) SET data = ? WHERE nodeno = 1")
        let insertNode = try db.makeStatement(sql: "INSERT INTO \(quoted(name + "_node")) (nodeno, data) VALUES (?, ?)")
        let insertParent = try db.makeStatement(sql: "INSERT INTO \(quoted(name + "_parent")) (nodeno, parentnode) VALUES (?, ?)")

        // Nodes top-down in node-number order (appends to the B-trees), with their parent mappings.
        var blob = [UInt8](repeating: 0, count: nodeSize)
        let depth = plan.levels.count - 1
        for level in stride(from: depth, through: 0, by: -1) {
            for node in 0..<plan.levels[level] {
                let nodeno = plan.nodeNumber(level: level, node: node)
                for i in 0..<blob.count { blob[i] = 0 }
                if nodeno == 1 { putUInt16(&blob, 0, depth) }
                var cell = 0
                if level == 0 {
                    for k in plan.children(level: 0, node: node) {
                        let i = Int(order[k])
                        putCell(&blob, cell, entries[i].rowid, boxes, i)
                        cell += 1
                    }
                } else {
                    for c in plan.children(level: level, node: node) {
                        let child = plan.nodeNumber(level: level - 1, node: c)
                        putCell(&blob, cell, child, levelBoxes[level - 1], c)
                        cell += 1
                        insertParent.setUncheckedArguments([child, nodeno])
                        try insertParent.execute()
                    }
                }
                putUInt16(&blob, 2, cell)
                let data = Data(blob)
                if nodeno == 1 {
                    updateRoot.setUncheckedArguments([data])
                    try updateRoot.execute()
                } else {
                    insertNode.setUncheckedArguments([nodeno, data])
                    try insertNode.execute()
                }
            }
        }

        // Rowid → leaf, in rowid order.
        var leafOf = [(rowid: Int64, leaf: Int64)]()
        leafOf.reserveCapacity(entries.count)
        for leaf in 0..<plan.levels[0] {
            let nodeno = plan.nodeNumber(level: 0, node: leaf)
            for k in plan.children(level: 0, node: leaf) { leafOf.append((entries[Int(order[k])].rowid, nodeno)) }
        }
        leafOf.sort { $0.rowid < $1.rowid }
        let insertRowid = try db.makeStatement(sql: "INSERT INTO \(quoted(name + "_rowid")) (rowid, nodeno) VALUES (?, ?)")
        for m in leafOf {
            insertRowid.setUncheckedArguments([m.rowid, m.leaf])
            try insertRowid.execute()
        }
    }

    /// Checks that `name` is an empty two-dimensional float rtree and returns its node size.
    static func checkEmpty(_ db: Database, _ name: String) throws -> Int {
        guard
            let sql = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                arguments: [name])
        else {
            throw LoadError(description: "\(name): no such table")
        }
        let normalized = sql.lowercased().filter { !$0.isWhitespace }
        guard normalized.contains("usingrtree(") else {
            throw LoadError(description: "\(name): not an rtree virtual table (float coordinates)")
        }
        let columns = try db.makeStatement(sql: "SELECT * FROM \(quoted(name)) LIMIT 0").columnCount
        guard columns == 5 else {
            throw LoadError(description: "\(name): expected a two-dimensional rtree, got \(columns) columns")
        }
        guard let root = try Data.fetchOne(db, sql: "SELECT data FROM \(quoted(name + "_node")) WHERE nodeno = 1") else {
            throw LoadError(description: "\(name): root node missing")
        }
        guard root.count >= 4 + 2 * cellSize else { throw LoadError(description: "\(name): root node of \(root.count) bytes") }
        let cells = Int(root[root.startIndex + 2]) << 8 | Int(root[root.startIndex + 3])
        let nodes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(quoted(name + "_node"))") ?? 0
        let rowids = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(quoted(name + "_rowid"))") ?? 0
        let parents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(quoted(name + "_parent"))") ?? 0
        guard cells == 0, nodes == 1, rowids == 0, parents == 0 else {
            throw LoadError(description: "\(name): the rtree is not empty")
        }
        return root.count
    }

    static func checkDistinctRowids(_ name: String, _ entries: [Entry]) throws {
        var ascending = true
        for i in 1..<max(entries.count, 1) where entries[i - 1].rowid >= entries[i].rowid { ascending = false; break }
        if ascending { return }
        var ids = entries.map(\.rowid)
        ids.sort()
        for i in 1..<ids.count where ids[i - 1] == ids[i] {
            throw LoadError(description: "\(name): rowid \(ids[i]) appears twice")
        }
    }

    // MARK: Float rounding (as rtree's rtreeValueDown / rtreeValueUp)

    /// The largest float32 not above `d` as rtree computes it: the nearest float, and when that is
    /// above `d`, `d` scaled by (1 ∓ 2⁻²³) towards minus infinity, rounded again.
    static func roundDown(_ d: Double) -> Float {
        var f = Float(d)
        if Double(f) > d { f = Float(d * (d < 0 ? 1.0 + 1.0 / 8_388_608.0 : 1.0 - 1.0 / 8_388_608.0)) }
        while Double(f) > d { f = f.nextDown }  // never taken for finite d in float range; a safety net
        return f
    }

    /// The smallest float32 not below `d` (rtreeValueUp).
    static func roundUp(_ d: Double) -> Float {
        var f = Float(d)
        if Double(f) < d { f = Float(d * (d < 0 ? 1.0 - 1.0 / 8_388_608.0 : 1.0 + 1.0 / 8_388_608.0)) }
        while Double(f) < d { f = f.nextUp }
        return f
    }

    // MARK: Packing

    /// The shape of the packed tree: node counts per level (level 0 = leaves, last = the root)
    /// and the even grouping of each level into the next.
    struct TreePlan {
        /// Node count of each level, leaves first; the last level has one node.
        var levels: [Int]
        /// Item count below each level: entries for level 0, the nodes of level l-1 for level l.
        var items: [Int]
        /// Node number of the first node of each level: root 1, then the levels top-down.
        var first: [Int64]

        init(entryCount: Int, capacity: Int) {
            var levels: [Int] = [], items: [Int] = []
            var count = entryCount
            repeat {
                let nodes = (count + capacity - 1) / capacity
                levels.append(nodes); items.append(count)
                count = nodes
            } while count > 1
            self.levels = levels; self.items = items
            var first = [Int64](repeating: 0, count: levels.count)
            var next: Int64 = 1
            for level in stride(from: levels.count - 1, through: 0, by: -1) {
                first[level] = next
                next += Int64(levels[level])
            }
            self.first = first
        }

        /// The items (entry positions in packing order, or node indices of the level below) of
        /// node `node` of `level`: a contiguous run; runs differ in length by at most one.
        func children(level: Int, node: Int) -> Range<Int> {
            let n = items[level], k = levels[level]
            return (node * n / k)..<((node + 1) * n / k)
        }

        func nodeNumber(level: Int, node: Int) -> Int64 { first[level] + Int64(node) }
    }

    /// Entry positions ordered along a Hilbert curve (order 16) through the box centres, ties by rowid.
    static func hilbertOrder(_ entries: [Entry]) -> [UInt32] {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        var centers = [Double](repeating: 0, count: entries.count * 2)
        for (i, e) in entries.enumerated() {
            let cx = clampFinite(e.minX / 2 + e.maxX / 2), cy = clampFinite(e.minY / 2 + e.maxY / 2)
            centers[2 * i] = cx; centers[2 * i + 1] = cy
            minX = min(minX, cx); maxX = max(maxX, cx); minY = min(minY, cy); maxY = max(maxY, cy)
        }
        let side = 65_535.0
        let sx = maxX > minX ? side / (maxX - minX) : 0, sy = maxY > minY ? side / (maxY - minY) : 0
        var keys = [(key: UInt64, rowid: Int64, index: UInt32)]()
        keys.reserveCapacity(entries.count)
        for i in entries.indices {
            let gx = UInt32(min(side, max(0, ((centers[2 * i] - minX) * sx).rounded(.down))))
            let gy = UInt32(min(side, max(0, ((centers[2 * i + 1] - minY) * sy).rounded(.down))))
            keys.append((hilbertIndex(gx, gy), entries[i].rowid, UInt32(i)))
        }
        keys.sort { $0.key != $1.key ? $0.key < $1.key : $0.rowid < $1.rowid }
        return keys.map(\.index)
    }

    /// Position of cell (x, y) of a 2¹⁶ × 2¹⁶ grid along the Hilbert curve of that order.
    static func hilbertIndex(_ x0: UInt32, _ y0: UInt32) -> UInt64 {
        let n: UInt32 = 1 << 16
        var x = x0, y = y0
        var d: UInt64 = 0
        var s = n / 2
        while s > 0 {
            let rx: UInt32 = (x & s) != 0 ? 1 : 0
            let ry: UInt32 = (y & s) != 0 ? 1 : 0
            d += UInt64(s) * UInt64(s) * UInt64((3 * rx) ^ ry)
            // Turn the quadrant so that its sub-curve has the standard orientation.
            if ry == 0 {
                if rx == 1 { x = n - 1 - x; y = n - 1 - y }
                swap(&x, &y)
            }
            s /= 2
        }
        return d
    }

    static func clampFinite(_ v: Double) -> Double {
        v.isFinite ? v : (v > 0 ? Double.greatestFiniteMagnitude : -Double.greatestFiniteMagnitude)
    }

    // MARK: Node blobs

    static func emptyUnion() -> (Float, Float, Float, Float) { (.infinity, -.infinity, .infinity, -.infinity) }

    static func unite(_ u: inout (Float, Float, Float, Float), _ boxes: [Float], _ i: Int) {
        u.0 = min(u.0, boxes[4 * i]); u.1 = max(u.1, boxes[4 * i + 1])
        u.2 = min(u.2, boxes[4 * i + 2]); u.3 = max(u.3, boxes[4 * i + 3])
    }

    static func putUInt16(_ blob: inout [UInt8], _ at: Int, _ v: Int) {
        blob[at] = UInt8((v >> 8) & 0xFF); blob[at + 1] = UInt8(v & 0xFF)
    }

    static func putCell(_ blob: inout [UInt8], _ cell: Int, _ id: Int64, _ boxes: [Float], _ i: Int) {
        var at = 4 + cell * cellSize
        let u = UInt64(bitPattern: id)
        for shift in stride(from: 56, through: 0, by: -8) { blob[at] = UInt8((u >> UInt64(shift)) & 0xFF); at += 1 }
        for c in 0..<4 {
            let bits = boxes[4 * i + c].bitPattern
            blob[at] = UInt8(bits >> 24); blob[at + 1] = UInt8((bits >> 16) & 0xFF)
            blob[at + 2] = UInt8((bits >> 8) & 0xFF); blob[at + 3] = UInt8(bits & 0xFF)
            at += 4
        }
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
