/// What a `BinaryHeap` orders: `precedes(a, b)` is true when `a` must come out before `b`.
/// A strict total order (ties broken by an index) keeps every heap user deterministic.
protocol HeapOrdered {
    static func precedes(_ a: Self, _ b: Self) -> Bool
}

/// An array-backed binary heap: `top` is the element that precedes all others. The one heap
/// behind Dijkstra (`WalkingNetwork`, `NetworkReach`), lazy greedy (`MaximalCovering`,
/// `PMedian`) and grid growth (`GridPartition`).
struct BinaryHeap<Element: HeapOrdered> {
    /// In heap order (`items[0]` is the top; children of `i` at `2i + 1`, `2i + 2`).
    private(set) var items: [Element]

    /// A heap of `elements`, built bottom-up in O(n).
    init(_ elements: [Element] = []) {
        items = elements
        if items.count > 1 { for i in stride(from: items.count / 2 - 1, through: 0, by: -1) { siftDown(i) } }
    }

    var isEmpty: Bool { items.isEmpty }
    var top: Element? { items.first }

    mutating func push(_ e: Element) {
        items.append(e)
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard Element.precedes(items[i], items[p]) else { return }
            items.swapAt(i, p); i = p
        }
    }

    /// Removes and returns the top, nil when empty.
    @discardableResult
    mutating func pop() -> Element? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty { items[0] = last; siftDown(0) }
        return first
    }

    /// Replaces the top (which must exist) and restores the order.
    mutating func replaceTop(_ e: Element) { items[0] = e; siftDown(0) }

    /// Empties the heap, keeping its storage for reuse.
    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    private mutating func siftDown(_ start: Int) {
        var i = start
        let n = items.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n && Element.precedes(items[l], items[m]) { m = l }
            if r < n && Element.precedes(items[r], items[m]) { m = r }
            if m == i { return }
            items.swapAt(i, m); i = m
        }
    }
}
