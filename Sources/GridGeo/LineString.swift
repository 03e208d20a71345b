/// A polyline (a road segment or a chain of them).
public struct LineString: Hashable, Sendable, Codable {
    public var points: [Point]

    public init(_ points: [Point]) { self.points = points }

    /// Sum of segment lengths in the units of the coordinates.
    public var length: Double {
        guard points.count > 1 else { return 0 }
        var total = 0.0
        for i in 1..<points.count { total += points[i - 1].distance(to: points[i]) }
        return total
    }

    public var boundingBox: BoundingBox { BoundingBox(points: points) }

    public func map(_ transform: (Point) throws -> Point) rethrows -> LineString {
        LineString(try points.map(transform))
    }
}
