import Testing
@testable import GridGeo
import TestSupport

@Test(arguments: [1, 7, 100, 2_000])
func nearestMatchesBruteForce(count: Int) {
    var rng = SeededGenerator(seed: UInt64(count))
    // include duplicates and a lattice, which stress median splits
    var pts = (0..<count).map { _ in
        Point(Double.random(in: 0..<1000, using: &rng).rounded(), Double.random(in: 0..<1000, using: &rng).rounded())
    }
    if count > 10 { pts += pts.prefix(10) }
    let tree = KDTree(points: pts)
    for _ in 0..<300 {
        let q = Point(Double.random(in: -100..<1100, using: &rng), Double.random(in: -100..<1100, using: &rng))
        let brute = pts.indices.min { (pts[$0].squaredDistance(to: q), $0) < (pts[$1].squaredDistance(to: q), $1) }!
        let got = tree.nearest(to: q)!
        #expect(got.index == brute)
        #expect(abs(got.distance - pts[brute].distance(to: q)) < 1e-9)
        let r = Double.random(in: 0..<150, using: &rng)
        #expect(tree.indices(within: r, of: q) == pts.indices.filter { pts[$0].distance(to: q) <= r })
        let k5 = tree.nearest(5, to: q).map(\.index)
        let bruteK = pts.indices.sorted { (pts[$0].squaredDistance(to: q), $0) < (pts[$1].squaredDistance(to: q), $1) }.prefix(5)
        #expect(k5 == Array(bruteK))
    }
}

@Test func emptyTreeAnswersNothing() {
    let tree = KDTree(points: [])
    #expect(tree.nearest(to: Point(0, 0)) == nil)
    #expect(tree.indices(within: 10, of: Point(0, 0)).isEmpty)
}
