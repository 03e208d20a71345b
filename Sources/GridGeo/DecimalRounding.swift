import Foundation

/// Exact powers of ten: every 10^p up to 10^22 is a Double without rounding, so `x * 10^p` is the
/// same whether the factor came from this table, `pow(10, p)` or repeated multiplication by 10.
@usableFromInline let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
]

/// Rounds `x` to `places` decimals as every report shows figures: (x · 10^places) rounded half
/// away from zero, divided by 10^places (20.2567 → 20.26 with 2 places). Reports, CSV, GeoJSON and
/// JSON results all round through this one function, so a figure is the same in each of them.
@inlinable public func rounded(_ x: Double, _ places: Int) -> Double {
    let factor = places >= 0 && places < exactPowersOfTen.count ? exactPowersOfTen[places] : pow(10.0, Double(places))
    return (x * factor).rounded() / factor
}
