import Foundation
import Testing
@testable import GridRender
import TestSupport

/// `FixedDecimal` against C's printf (`String(format:)`) on the values that matter: projected
/// metres, degrees, exact halves (printf rounds the exact binary value, half to even), signs.
struct FixedDecimalTests {
    private typealias Generator = SeededGenerator

    private func printf(_ v: Double, _ d: Int) -> String { String(format: "%.\(d)f", v) }

    @Test func handPickedValues() {
        let cases: [(Double, Int, String)] = [
            (440136.92754, 4, "440136.9275"), (0.125, 2, "0.12"), (0.375, 2, "0.38"), (2.5, 0, "2"), (3.5, 0, "4"),
            (-0.00001, 4, "-0.0000"), (-0.0, 4, "-0.0000"), (0, 9, "0.000000000"), (116.4, 9, "116.400000000"),
            (1e20, 2, "100000000000000000000.00"), (9.99995, 4, "10.0000"), (-1.5, 0, "-2")
        ]
        for (v, d, expected) in cases {
            #expect(FixedDecimal.format(v, decimals: d) == expected, "\(v) %.\(d)f")
            #expect(FixedDecimal.format(v, decimals: d) == printf(v, d), "\(v) %.\(d)f")
        }
    }

    @Test(arguments: 0..<20)
    func sameTextAsPrintf(seed: Int) {
        var g = Generator(seed: UInt64(seed) &+ 1)
        for _ in 0..<5_000 {
            let d = [0, 1, 2, 4, 6, 9].randomElement(using: &g)!
            let v: Double
            switch Int.random(in: 0..<5, using: &g) {
            case 0: v = Double.random(in: -5e6...5e6, using: &g)  // projected metres
            case 1: v = Double.random(in: 70...140, using: &g)  // degrees
            case 2: v = Double(Int.random(in: -1_000_000...1_000_000, using: &g)) / 8  // exact binary halves
            case 3: v = (Double.random(in: -1e4...1e4, using: &g) * 1e4).rounded() / 1e4 + 0.00005
            default: v = Double(bitPattern: g.next() & 0x7FEF_FFFF_FFFF_FFFF) * (Bool.random(using: &g) ? 1 : -1)
            }
            #expect(FixedDecimal.format(v, decimals: d) == printf(v, d), "\(v) %.\(d)f")
        }
    }
}
