import Foundation
import GridGeo
import GridModel

/// Converts `x y` (or `lon lat`) text lines between coordinate systems, one output line per
/// input line, for `gridplan crs convert` and the `crs.convert` RPC method.
public struct CRSConversion {
    public let transformer: CoordinateTransformer
    /// Decimals written: 9 for geographic targets (≈ 0.1 mm), 4 for projected ones.
    public let decimals: Int

    /// Throws a `ProjectionError` with PROJ's message when a CRS is unknown.
    public init(from: String, to: String) throws {
        let source = CoordinateSystem(parsing: from), target = CoordinateSystem(parsing: to)
        transformer = try CoordinateTransformer(from: source, to: target)
        decimals = try CoordinateTransformer.isGeographic(target) ? 9 : 4
    }

    /// The result of one line: the converted text, or the problem with it.
    public enum LineResult: Equatable {
        case converted(String)
        case failed(String)
    }

    /// Converts one line: two numbers separated by spaces, tabs or a comma; anything after
    /// them is kept as it is. Blank lines and `#` comments pass through unchanged.
    public func convert(line: String) -> LineResult {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .converted(line) }
        let fields = trimmed.split(maxSplits: 2, omittingEmptySubsequences: true) { $0 == " " || $0 == "\t" || $0 == "," }
        guard fields.count >= 2, let x = Double(fields[0]), let y = Double(fields[1]), x.isFinite, y.isFinite else {
            return .failed("expected two numbers 'x y' (or 'lon lat'), got '\(trimmed)'")
        }
        do {
            let p = try transformer.transform(Point(x, y))
            var out = String(format: "%.\(decimals)f %.\(decimals)f", p.x, p.y)
            if fields.count == 3 { out += " " + fields[2] }
            return .converted(out)
        } catch {
            return .failed("\(error)")
        }
    }

    /// Converts many points at once (the RPC form): throws naming the first bad point.
    public func convert(points: [Point]) throws -> [Point] {
        var pts = points
        for (i, p) in pts.enumerated() where !p.isFinite {
            throw ValidationProblem(file: "points", location: "point \(i + 1)", field: "coordinates",
                                    message: "not a finite number", expected: "two finite numbers")
        }
        try transformer.transform(&pts)
        return pts
    }
}
