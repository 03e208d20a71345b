/// A position in a plane: projected metres (x east, y north) or degrees (x = longitude, y = latitude).
public struct Point: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double

    @inlinable public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
    @inlinable public init(x: Double, y: Double) { self.x = x; self.y = y }

    /// Euclidean distance in the units of the coordinates.
    @inlinable public func distance(to other: Point) -> Double {
        let dx = x - other.x, dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Squared Euclidean distance (no square root, for comparisons).
    @inlinable public func squaredDistance(to other: Point) -> Double {
        let dx = x - other.x, dy = y - other.y
        return dx * dx + dy * dy
    }

    /// True when both coordinates are finite numbers.
    @inlinable public var isFinite: Bool { x.isFinite && y.isFinite }
}
