import Testing
@testable import GridAnalysis
import TestSupport

/// The one heap behind Dijkstra, lazy greedy and grid growth: whatever the order of pushes,
/// heapify and `replaceTop`, elements come out in `precedes` order (checked against a sort),
/// and `sumOfTop` equals the sum of the k largest keys.
@Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
func heapPopsInOrderAndSumsTheLargestKeys(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    let entries = (0..<500).map { i in
        LazyEntry(key: Int.random(in: 0..<50, using: &rng), item: Int32(i), stamp: 0)  // many equal keys
    }
    let expected = entries.sorted { LazyEntry.precedes($0, $1) }

    var built = LazyHeap<Int>(entries)
    for k in [0, 1, 7, 100, 500, 900] {
        #expect(built.sumOfTop(k, zero: 0, plus: +) == expected.prefix(k).reduce(0) { $0 + $1.key })
    }
    var pushed = LazyHeap<Int>()
    for e in entries.shuffled(using: &rng) { pushed.push(e) }
    var fromBuilt: [Int32] = [], fromPushed: [Int32] = []
    while let e = built.pop() { fromBuilt.append(e.item) }
    while let e = pushed.pop() { fromPushed.append(e.item) }
    #expect(fromBuilt == expected.map(\.item))
    #expect(fromPushed == expected.map(\.item))

    // replaceTop with a smaller key: the same order as popping and pushing it back.
    var replaced = BinaryHeap<DijkstraEntry>(
        (0..<200).map { DijkstraEntry(d: Double($0 % 37), node: Int32($0), label: Int32($0)) })
    var reference = replaced
    let top = replaced.top!
    replaced.replaceTop(DijkstraEntry(d: top.d + 20, node: top.node, label: top.label))
    reference.pop()
    reference.push(DijkstraEntry(d: top.d + 20, node: top.node, label: top.label))
    var a: [Int32] = [], b: [Int32] = []
    while let e = replaced.pop() { a.append(e.label) }
    while let e = reference.pop() { b.append(e.label) }
    #expect(a == b)
    #expect(a.count == 200)
}
