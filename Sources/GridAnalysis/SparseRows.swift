/// Compressed sparse rows: row `r` holds `items[offsets[r]..<offsets[r+1]]` (and the
/// matching `distances` when kept). Int32 items keep megacity coverage sets compact.
public struct SparseRows: Sendable {
    public var offsets: [Int]
    public var items: [Int32]
    public var distances: [Float]

    public init(offsets: [Int] = [0], items: [Int32] = [], distances: [Float] = []) {
        self.offsets = offsets; self.items = items; self.distances = distances
    }

    public var rowCount: Int { offsets.count - 1 }
    @inlinable public func range(_ r: Int) -> Range<Int> { offsets[r]..<offsets[r + 1] }

    /// Builds rows by calling `fill(r, append)` for each row; `append(item, distance)`.
    /// Items within a row are sorted ascending so the layout does not depend on tree order.
    static func build(
        rows: Int, keepDistances: Bool,
        _ fill: (Int, (Int32, Float) -> Void) -> Void
    ) -> SparseRows {
        var out = SparseRows()
        out.offsets.reserveCapacity(rows + 1)
        var scratch: [(Int32, Float)] = []
        for r in 0..<rows {
            scratch.removeAll(keepingCapacity: true)
            fill(r) { scratch.append(($0, $1)) }
            scratch.sort { $0.0 < $1.0 }
            for (i, d) in scratch {
                out.items.append(i)
                if keepDistances { out.distances.append(d) }
            }
            out.offsets.append(out.items.count)
        }
        return out
    }

    /// The transpose: row `i` of the result lists the rows of `self` that hold item `i`.
    func transposed(columns: Int) -> SparseRows {
        var counts = [Int](repeating: 0, count: columns + 1)
        for it in items { counts[Int(it) + 1] += 1 }
        for c in 0..<columns { counts[c + 1] += counts[c] }
        var fillPos = counts
        var outItems = [Int32](repeating: 0, count: items.count)
        var outDist = [Float](repeating: 0, count: distances.isEmpty ? 0 : items.count)
        for r in 0..<rowCount {
            for k in range(r) {
                let c = Int(items[k])
                outItems[fillPos[c]] = Int32(r)
                if !distances.isEmpty { outDist[fillPos[c]] = distances[k] }
                fillPos[c] += 1
            }
        }
        return SparseRows(offsets: counts, items: outItems, distances: outDist)
    }
}
