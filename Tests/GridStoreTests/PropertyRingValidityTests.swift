import Foundation
import GridGeo
import Testing
import TestSupport

/// Brute-force oracle, written apart from the sweep: does any pair of non-neighbouring edges
/// share a point (proper crossing, or touching/overlapping when collinear)?
private func bruteForceSelfIntersects(_ ring: [Point]) -> Bool {
    var pts: [Point] = []
    for p in ring where pts.last != p { pts.append(p) }
    if pts.first == pts.last { pts.removeLast() }
    let n = pts.count
    func cross(_ o: Point, _ a: Point, _ b: Point) -> Double { (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x) }
    func within(_ a: Point, _ b: Point, _ c: Point) -> Bool {
        min(a.x, b.x) <= c.x && c.x <= max(a.x, b.x) && min(a.y, b.y) <= c.y && c.y <= max(a.y, b.y)
    }
    guard n >= 3 else { return false }
    // Neighbouring edges a→s→b double back when a, s, b are collinear with a and b on the same side of s.
    for i in 0..<n {
        let a = pts[(i + n - 1) % n], s = pts[i], b = pts[(i + 1) % n]
        if cross(s, a, b) == 0 && (a.x - s.x) * (b.x - s.x) + (a.y - s.y) * (b.y - s.y) > 0 { return true }
    }
    for i in 0..<n {
        for j in (i + 2)..<max(i + 2, n) where !(i == 0 && j == n - 1) {
            let a = pts[i], b = pts[(i + 1) % n], c = pts[j], d = pts[(j + 1) % n]
            let d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d)
            if d1 * d2 < 0 && d3 * d4 < 0 { return true }
            if (d1 == 0 && within(c, d, a)) || (d2 == 0 && within(c, d, b)) || (d3 == 0 && within(a, b, c))
                || (d4 == 0 && within(a, b, d))
            {
                return true
            }
        }
    }
    return false
}

@Test func ringValidityHandExamples() {
    let square = [Point(0, 0), Point(1, 0), Point(1, 1), Point(0, 1), Point(0, 0)]
    #expect(RingValidity.selfIntersection(square) == nil)
    // Repeated consecutive positions are not a self-intersection.
    #expect(RingValidity.selfIntersection([Point(0, 0), Point(1, 0), Point(1, 0), Point(1, 1), Point(0, 1), Point(0, 0)]) == nil)
    let bowtie = [Point(0, 0), Point(2, 0), Point(0, 2), Point(2, 2), Point(0, 0)]
    #expect(RingValidity.selfIntersection(bowtie) == Point(1, 1))
    // Figure eight through a shared vertex (1, 1).
    let eight = [
        Point(0, 0), Point(1, 0), Point(1, 1), Point(2, 1), Point(2, 2), Point(1, 2), Point(1, 1), Point(0, 1), Point(0, 0)
    ]
    #expect(RingValidity.selfIntersection(eight) == Point(1, 1))
    // A spike: the ring runs out and back along the same line.
    let spike = [Point(0, 0), Point(2, 0), Point(3, 0), Point(2, 0), Point(2, 2), Point(0, 2), Point(0, 0)]
    #expect(RingValidity.selfIntersection(spike) != nil)
}

/// Random rings (star-shaped ones, which are simple, and the same with two vertices swapped or
/// random jitter, which often are not) against the brute-force oracle.
@Test(arguments: [31, 32, 33, 34] as [UInt64])
func propertyRingValidityMatchesBruteForce(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    var simple = 0, crossing = 0
    for _ in 0..<300 {
        let n = Int.random(in: 3...40, using: &rng)
        let angles = (0..<n).map { _ in Double.random(in: 0..<(2 * .pi), using: &rng) }.sorted()
        var ring = angles.map { a -> Point in
            let r = Double.random(in: 1...10, using: &rng)
            return Point((r * cos(a) * 16).rounded() / 16, (r * sin(a) * 16).rounded() / 16)  // grid: exact touches happen
        }
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: break
        case 1 where n > 3: ring.swapAt(Int.random(in: 0..<n, using: &rng), Int.random(in: 0..<n, using: &rng))
        default:
            ring = (0..<n).map { _ in
                Point(Double(Int.random(in: 0...6, using: &rng)), Double(Int.random(in: 0...6, using: &rng)))
            }
        }
        ring.append(ring[0])
        let expected = bruteForceSelfIntersects(ring)
        let got = RingValidity.selfIntersection(ring)
        #expect((got != nil) == expected, "\(ring)")
        if expected { crossing += 1 } else { simple += 1 }
    }
    #expect(simple > 30 && crossing > 30)
}
