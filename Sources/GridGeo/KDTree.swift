/// A static 2-d tree over points, for nearest-neighbour and radius queries.
///
/// Built once (median splits on alternating axes, implicit in one array), then
/// queried from any thread: it is an immutable value.
///
/// - Complexity: build O(n log n); nearest O(log n) expected; radius query
///   O(√n + k) for k results.
/// - Reference: J. L. Bentley, "Multidimensional binary search trees used for
///   associative searching", CACM 18(9), 1975.
public struct KDTree: Sendable {
    /// Coordinates in tree order.
    @usableFromInline let xs: [Double]
    @usableFromInline let ys: [Double]
    /// `items[i]` is the caller's index of the point stored at tree position i.
    @usableFromInline let items: [Int32]
    @usableFromInline static let leafSize = 8

    /// Number of points in the tree.
    public var count: Int { items.count }

    /// Builds the tree over `points`; queries answer with indices into `points`.
    public init(points: [Point]) {
        var order = Array(0..<Int32(points.count))
        KDTree.build(&order, points, 0, points.count, axis: 0)
        items = order
        xs = order.map { points[Int($0)].x }
        ys = order.map { points[Int($0)].y }
    }

    private static func build(_ order: inout [Int32], _ pts: [Point], _ lo: Int, _ hi: Int, axis: Int) {
        if hi - lo <= leafSize { return }
        let mid = (lo + hi) / 2
        select(&order, pts, lo, hi - 1, mid, axis: axis)
        build(&order, pts, lo, mid, axis: axis ^ 1)
        build(&order, pts, mid + 1, hi, axis: axis ^ 1)
    }

    /// Quickselect: puts the k-th smallest (by axis) at position k, smaller left, larger right.
    private static func select(_ a: inout [Int32], _ pts: [Point], _ left: Int, _ right: Int, _ k: Int, axis: Int) {
        @inline(__always) func key(_ i: Int32) -> Double { axis == 0 ? pts[Int(i)].x : pts[Int(i)].y }
        var l = left, r = right
        while r > l {
            // median of three pivot for sorted inputs
            let m = (l + r) / 2
            if key(a[m]) < key(a[l]) { a.swapAt(m, l) }
            if key(a[r]) < key(a[l]) { a.swapAt(r, l) }
            if key(a[r]) < key(a[m]) { a.swapAt(r, m) }
            let pivot = key(a[m])
            var i = l, j = r
            while i <= j {
                while key(a[i]) < pivot { i += 1 }
                while key(a[j]) > pivot { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { r = j } else if k >= i { l = i } else { return }
        }
    }

    /// The index and distance of the point nearest to `q`, or nil for an empty tree.
    /// Ties go to the lower caller index.
    public func nearest(to q: Point) -> (index: Int, distance: Double)? {
        guard !items.isEmpty else { return nil }
        var best = Int32(-1)
        var bestD2 = Double.infinity
        nearest(q, 0, items.count, 0, &best, &bestD2)
        return (Int(best), bestD2.squareRoot())
    }

    private func nearest(_ q: Point, _ lo: Int, _ hi: Int, _ axis: Int, _ best: inout Int32, _ bestD2: inout Double) {
        if hi - lo <= KDTree.leafSize {
            for i in lo..<hi { consider(i, q, &best, &bestD2) }
            return
        }
        let mid = (lo + hi) / 2
        consider(mid, q, &best, &bestD2)
        let diff = axis == 0 ? q.x - xs[mid] : q.y - ys[mid]
        if diff <= 0 {
            nearest(q, lo, mid, axis ^ 1, &best, &bestD2)
            if diff * diff <= bestD2 { nearest(q, mid + 1, hi, axis ^ 1, &best, &bestD2) }
        } else {
            nearest(q, mid + 1, hi, axis ^ 1, &best, &bestD2)
            if diff * diff <= bestD2 { nearest(q, lo, mid, axis ^ 1, &best, &bestD2) }
        }
    }

    @inline(__always)
    private func consider(_ i: Int, _ q: Point, _ best: inout Int32, _ bestD2: inout Double) {
        let dx = xs[i] - q.x, dy = ys[i] - q.y
        let d2 = dx * dx + dy * dy
        if d2 < bestD2 || (d2 == bestD2 && items[i] < best) { bestD2 = d2; best = items[i] }
    }

    /// Calls `body(index, distance)` for every point within `radius` of `q` (inclusive), in no set order.
    public func forEach(within radius: Double, of q: Point, _ body: (Int, Double) -> Void) {
        guard !items.isEmpty, radius >= 0 else { return }
        within(q, radius * radius, 0, items.count, 0, body)
    }

    /// Indices of the points within `radius` of `q`, sorted ascending.
    public func indices(within radius: Double, of q: Point) -> [Int] {
        var out: [Int] = []
        forEach(within: radius, of: q) { i, _ in out.append(i) }
        return out.sorted()
    }

    private func within(_ q: Point, _ r2: Double, _ lo: Int, _ hi: Int, _ axis: Int, _ body: (Int, Double) -> Void) {
        if hi - lo <= KDTree.leafSize {
            for i in lo..<hi {
                let dx = xs[i] - q.x, dy = ys[i] - q.y
                let d2 = dx * dx + dy * dy
                if d2 <= r2 { body(Int(items[i]), d2.squareRoot()) }
            }
            return
        }
        let mid = (lo + hi) / 2
        let dx = xs[mid] - q.x, dy = ys[mid] - q.y
        let d2 = dx * dx + dy * dy
        if d2 <= r2 { body(Int(items[mid]), d2.squareRoot()) }
        let diff = axis == 0 ? q.x - xs[mid] : q.y - ys[mid]
        if diff <= 0 || diff * diff <= r2 { within(q, r2, lo, mid, axis ^ 1, body) }
        if diff >= 0 || diff * diff <= r2 { within(q, r2, mid + 1, hi, axis ^ 1, body) }
    }

    /// The `k` nearest points to `q`, nearest first (ties by caller index).
    public func nearest(_ k: Int, to q: Point) -> [(index: Int, distance: Double)] {
        guard k > 0, !items.isEmpty else { return [] }
        var heap: [(d2: Double, idx: Int32)] = []  // kept sorted ascending; k is small
        var worst = Double.infinity
        knn(q, k, 0, items.count, 0, &heap, &worst)
        return heap.map { (Int($0.idx), $0.d2.squareRoot()) }
    }

    private func knn(
        _ q: Point, _ k: Int, _ lo: Int, _ hi: Int, _ axis: Int,
        _ heap: inout [(d2: Double, idx: Int32)], _ worst: inout Double
    ) {
        @inline(__always) func offer(_ i: Int) {
            let dx = xs[i] - q.x, dy = ys[i] - q.y
            let d2 = dx * dx + dy * dy
            if heap.count == k && (d2 > worst || (d2 == worst && items[i] > heap[k - 1].idx)) { return }
            var pos = heap.count
            while pos > 0 && (heap[pos - 1].d2 > d2 || (heap[pos - 1].d2 == d2 && heap[pos - 1].idx > items[i])) { pos -= 1 }
            heap.insert((d2, items[i]), at: pos)
            if heap.count > k { heap.removeLast() }
            if heap.count == k { worst = heap[k - 1].d2 }
        }
        if hi - lo <= KDTree.leafSize {
            for i in lo..<hi { offer(i) }
            return
        }
        let mid = (lo + hi) / 2
        offer(mid)
        let diff = axis == 0 ? q.x - xs[mid] : q.y - ys[mid]
        if diff <= 0 {
            knn(q, k, lo, mid, axis ^ 1, &heap, &worst)
            if diff * diff <= worst { knn(q, k, mid + 1, hi, axis ^ 1, &heap, &worst) }
        } else {
            knn(q, k, mid + 1, hi, axis ^ 1, &heap, &worst)
            if diff * diff <= worst { knn(q, k, lo, mid, axis ^ 1, &heap, &worst) }
        }
    }
}
