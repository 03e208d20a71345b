import Foundation

/// `%.Nf` formatting of doubles, the same text as C's printf, without a format string per call:
/// bulk conversions (a city's 500k coordinate pairs) spent most of their time in
/// `String(format:)`. The scaled value is rounded in binary; when it lies too close to a
/// half for that to be certain, or is too large for exact integers, printf decides.
public enum FixedDecimal {
    private static let powers: [Double] = (0...15).map { pow(10, Double($0)) }

    /// `value` with `decimals` places (0...15), as `String(format: "%.<decimals>f", value)`.
    public static func format(_ value: Double, decimals: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        append(value, decimals: decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the text of `format(value, decimals:)` to `out`.
    public static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        guard value.isFinite, (0...15).contains(decimals) else {
            out.append(contentsOf: Array(String(format: "%.\(decimals)f", value).utf8))
            return
        }
        let scaled = value.magnitude * powers[decimals]
        let floor = scaled.rounded(.down)
        let fraction = scaled - floor
        // The product carries at most half an ulp of error: decide only when clearly off a half.
        guard scaled < 0x1p52, abs(fraction - 0.5) > 4 * scaled.ulp else {
            out.append(contentsOf: Array(String(format: "%.\(decimals)f", value).utf8))
            return
        }
        var digits = UInt64(fraction > 0.5 ? floor + 1 : floor)
        if value.sign == .minus { out.append(UInt8(ascii: "-")) }  // printf keeps the sign of -0.0001 → "-0.0000"
        // Digits, least significant first, then reversed; the decimal point after `decimals` of them.
        var reversed: [UInt8] = []
        reversed.reserveCapacity(24)
        var produced = 0
        repeat {
            if decimals > 0 && produced == decimals { reversed.append(UInt8(ascii: ".")) }
            reversed.append(UInt8(ascii: "0") + UInt8(digits % 10))
            digits /= 10
            produced += 1
        } while digits > 0 || produced <= decimals
        out.append(contentsOf: reversed.reversed())
    }
}
