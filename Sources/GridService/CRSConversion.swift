import Foundation
import GridGeo
import GridLocale
import GridModel
import GridRender
import GridStore

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
        case failed(LocalText)
    }

    /// Converts one line: two numbers separated by spaces, tabs or a comma; anything after
    /// them is kept as it is. Blank lines and `#` comments pass through unchanged.
    ///
    /// Bulk input (a city's 500k buildings) goes through here line by line, so the line is
    /// scanned byte by byte and the numbers are written by `FixedDecimal` (printf's digits,
    /// without a format string per call).
    public func convert(line: String) -> LineResult {
        let u = Array(line.utf8)
        func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        func isSeparator(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x2C }
        var start = 0, end = u.count
        while start < end, isBlank(u[start]) { start += 1 }
        while end > start, isBlank(u[end - 1]) { end -= 1 }
        if start == end || u[start] == UInt8(ascii: "#") { return .converted(line) }
        // Up to two separated fields, then the rest of the line (kept as it is).
        var fields: [Range<Int>] = []
        var i = start
        while i < end, fields.count < 2 {
            while i < end, isSeparator(u[i]) { i += 1 }
            let fieldStart = i
            while i < end, !isSeparator(u[i]) { i += 1 }
            if i > fieldStart { fields.append(fieldStart..<i) }
        }
        while i < end, isSeparator(u[i]) { i += 1 }
        let rest = i < end ? String(decoding: u[i..<end], as: UTF8.self) : nil
        func number(_ r: Range<Int>) -> Double? { Double(String(decoding: u[r], as: UTF8.self)) }
        guard fields.count == 2, let x = number(fields[0]), let y = number(fields[1]), x.isFinite, y.isFinite else {
            return .failed(LocalText("conversion.line.not_numbers", ["line": String(decoding: u[start..<end], as: UTF8.self)]))
        }
        do {
            let p = try transformer.transform(Point(x, y))
            var out = Self.format(p.x, p.y, decimals: decimals)
            if let rest { out += " " + rest }
            return .converted(out)
        } catch let e as ProjectionError {
            return .failed(e.localText)
        } catch {
            return .failed(LocalText("problem.unexpected", ["detail": "\(error)"]))
        }
    }

    /// "x y" with `decimals` places each, as `%.Nf %.Nf`.
    static func format(_ x: Double, _ y: Double, decimals: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(48)
        FixedDecimal.append(x, decimals: decimals, to: &out)
        out.append(UInt8(ascii: " "))
        FixedDecimal.append(y, decimals: decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Converts many points at once (the RPC form): throws naming the first bad point.
    public func convert(points: [Point]) throws -> [Point] {
        var pts = points
        for (i, p) in pts.enumerated() where !p.isFinite {
            throw ValidationProblem(
                file: "points", location: "point \(i + 1)", field: "coordinates",
                message: LocalText("conversion.point.not_finite"), expected: LocalText("expected.crs.two_finite"))
        }
        try transformer.transform(&pts)
        return pts
    }
}

/// Options of the `crs.convert` RPC method: points as `[x, y]` pairs.
public struct CRSConvertOptions: OperationOptions {
    public var from: String
    public var to: String
    public var points: [[Double]]
    public init(from: String, to: String, points: [[Double]]) {
        self.from = from; self.to = to; self.points = points
    }

    /// `from` and `to`, shared with the `crs convert` command.
    public static let systems: [OptionField] = [
        OptionField(
            "from", .text, help: "Source CRS: anything PROJ knows (EPSG:4326, a PROJ string) or GCJ-02 / BD-09.",
            valueName: "crs", requirement: .always),
        OptionField("to", .text, help: "Target CRS.", valueName: "crs", requirement: .always)
    ]

    public static let fields =
        systems + [
            OptionField(
                "points", .coordinatePairs, help: "The points, [x, y] (longitude first when geographic).",
                requirement: .always, availability: .rpcOnly)
        ]

    public init(_ v: OptionValues) throws {
        self.init(from: try v.text("from") ?? "", to: try v.text("to") ?? "", points: try v.coordinatePairs("points") ?? [])
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
        let from = o.from, to = o.to
        let conversion = try CRSConversion(from: from, to: to)
        let pairs = o.points
        var pts: [Point] = []
        pts.reserveCapacity(pairs.count)
        for (i, p) in pairs.enumerated() {
            guard p.count == 2 else {
                throw UsageError(key: "usage.crsconversion.1", ["i": "\(i)", "count": "\(p.count)"])
            }
            pts.append(Point(p[0], p[1]))
        }
        let out = try conversion.convert(points: pts)
        return CRSConvertResult(from: from, to: to, points: out.map { [$0.x, $0.y] })
    }
}
