import GridGeo

/// An entry of the lazy-greedy heaps: larger key first, ties to the lower candidate index
/// (candidates are sorted by id, so ties break by id); `stamp` says when the key was computed.
struct LazyEntry<Key: Comparable>: HeapOrdered {
    var key: Key
    var item: Int32
    var stamp: Int32

    @inline(__always) static func precedes(_ x: LazyEntry, _ y: LazyEntry) -> Bool {
        x.key > y.key || (x.key == y.key && x.item < y.item)
    }
}

/// The lazy-greedy heap (CELF): stale keys are upper bounds, only the top is refreshed.
typealias LazyHeap<Key: Comparable> = BinaryHeap<LazyEntry<Key>>

extension BinaryHeap {
    /// Sum of the `k` largest keys, visiting only O(k log k) heap nodes.
    func sumOfTop<Key: Comparable>(_ k: Int, zero: Key, plus: (Key, Key) -> Key) -> Key where Element == LazyEntry<Key> {
        guard k > 0, let first = items.first else { return zero }
        var frontier = LazyHeap<Key>([LazyEntry(key: first.key, item: 0, stamp: 0)])  // item = heap position
        var sum = zero
        var taken = 0
        while taken < k, let e = frontier.pop() {
            sum = plus(sum, e.key)
            taken += 1
            let p = Int(e.item)
            for c in [2 * p + 1, 2 * p + 2] where c < items.count {
                frontier.push(LazyEntry(key: items[c].key, item: Int32(c), stamp: 0))
            }
        }
        return sum
    }
}
