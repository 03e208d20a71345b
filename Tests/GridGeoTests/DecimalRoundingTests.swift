import Foundation
import Testing
import TestSupport
import GridGeo

/// The copies `rounded(_:_:)` replaced, kept here as the reference it must equal bit for bit.
private func multipliedLoop(_ x: Double, _ places: Int) -> Double {
    var f = 1.0
    for _ in 0..<places { f *= 10 }
    return (x * f).rounded() / f
}
private func withPow(_ x: Double, _ places: Int) -> Double {
    let f = pow(10.0, Double(places))
    return (x * f).rounded() / f
}

@Test(arguments: [1, 2, 3, 4, 5])
func roundedEqualsEveryReplacedCopyBitForBit(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    var values: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 1.005, 2.675, -2.5, 20.2567, 1e15 + 0.5, .infinity, -.infinity]
    for _ in 0..<2_000 {
        let magnitude = pow(10.0, Double(Int.random(in: -4...9, using: &rng)))
        values.append(Double.random(in: -1...1, using: &rng) * magnitude)
        values.append(Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF))  // any finite positive double
    }
    for x in values {
        // Coverage round1, Siting rounded1 / Coverage roundTo(x, 1), PartyNetwork's distance
        #expect(rounded(x, 1).bitPattern == ((x * 10).rounded() / 10).bitPattern)
        // AreaStandard rounded2
        #expect(rounded(x, 2).bitPattern == ((x * 100).rounded() / 100).bitPattern)
        // Siting rounded4, Compliance's coverage rates
        #expect(rounded(x, 4).bitPattern == ((x * 10_000).rounded() / 10_000).bitPattern)
        // Siting rounded7
        #expect(rounded(x, 7).bitPattern == ((x * 10_000_000).rounded() / 10_000_000).bitPattern)
        for places in 0...9 {
            // Coverage roundTo and GridRender's pow-based rounded
            #expect(rounded(x, places).bitPattern == multipliedLoop(x, places).bitPattern)
            #expect(rounded(x, places).bitPattern == withPow(x, places).bitPattern)
        }
    }
}

@Test func roundedHalvesAwayFromZero() {
    #expect(rounded(20.2567, 2) == 20.26)
    #expect(rounded(-0.25, 1) == -0.3)
    #expect(rounded(1234.5, 0) == 1235)
    // beyond the table of exact powers: pow, the same arithmetic as the copy in GridRender
    #expect(rounded(0.123456789, 30).bitPattern == withPow(0.123456789, 30).bitPattern)
}
