import Testing
@testable import GridGeo

/// The least-squares affine fit recovers an exact affine map and refuses degenerate input.
@Suite struct AffineFitTests {
    @Test func recoversAnExactAffineMap() throws {
        func map(_ p: Point) -> Point { Point(114.3 + 1e-5 * p.x - 2e-6 * p.y, 30.5 + 3e-6 * p.x + 9e-6 * p.y) }
        let sources = [Point(0, 0), Point(1000, 0), Point(0, 1000), Point(500, 700), Point(-300, 250)]
        let fit = try #require(AffineFit(sources.map { (source: $0, target: map($0)) }))
        for p in [Point(10, 20), Point(-2000, 3000), Point(123.4, -56.7)] {
            let q = fit.apply(p), expected = map(p)
            #expect(abs(q.x - expected.x) < 1e-9 && abs(q.y - expected.y) < 1e-9, "\(p)")
        }
    }

    @Test func needsThreePointsNotOnALine() {
        #expect(AffineFit([(source: Point(0, 0), target: Point(0, 0)), (source: Point(1, 1), target: Point(1, 1))]) == nil)
        let line = [0.0, 1, 2, 3].map { (source: Point($0, 2 * $0), target: Point($0, $0)) }
        #expect(AffineFit(line) == nil)
    }
}
