/// A longitude/latitude pair in results.
public struct LonLat: Codable, Sendable, Hashable {
    public var lon: Double
    public var lat: Double
    public init(lon: Double, lat: Double) { self.lon = lon; self.lat = lat }
}
