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

/// Options of the `crs.convert` RPC method: points as `[x, y]` pairs.
public struct CRSConvertOptions: Codable, Sendable {
    public var from: String?
    public var to: String?
    public var points: [[Double]]?
    public init(from: String? = nil, to: String? = nil, points: [[Double]]? = nil) {
        self.from = from; self.to = to; self.points = points
    }
}

/// Result of `crs.convert`.
public struct CRSConvertResult: Codable, Sendable {
    public var from: String
    public var to: String
    public var points: [[Double]]
}

extension ServiceContext {
    /// Converts `[x, y]` pairs; throws naming the first pair that is not two finite numbers.
    public func convertCoordinates(_ o: CRSConvertOptions) throws -> CRSConvertResult {
        guard let from = o.from, let to = o.to else { throw UsageError("crs.convert needs 'from' and 'to'") }
        let conversion = try CRSConversion(from: from, to: to)
        let pairs = o.points ?? []
        var pts: [Point] = []
        pts.reserveCapacity(pairs.count)
        for (i, p) in pairs.enumerated() {
            guard p.count == 2 else {
                throw UsageError("points[\(i)]: expected [x, y], got \(p.count) numbers")
            }
            pts.append(Point(p[0], p[1]))
        }
        let out = try conversion.convert(points: pts)
        return CRSConvertResult(from: from, to: to, points: out.map { [$0.x, $0.y] })
    }
}
