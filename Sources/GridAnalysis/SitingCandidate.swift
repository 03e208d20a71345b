import GridGeo
import GridModel

/// Where one candidate came from.
public enum CandidateSource: String, Codable, Sendable {
    /// Imported from `candidates.csv` / `.geojson`.
    case imported
    /// A building location inside a gap neighbourhood (see `CandidateGeneration`).
    case generated
}

/// A candidate site as the solvers see it.
public struct SitingCandidate: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var kind: String?
    public var communityId: String?
    public var availableAreaM2: Double?
    public var location: Point
    public var lonLat: Point
    public var source: CandidateSource
    /// For generated candidates: the gap neighbourhood it lies in.
    public var gapId: String?

    public init(
        id: String, name: String? = nil, kind: String? = nil, communityId: String? = nil,
        availableAreaM2: Double? = nil, location: Point, lonLat: Point,
        source: CandidateSource = .imported, gapId: String? = nil
    ) {
        self.id = id; self.name = name; self.kind = kind; self.communityId = communityId
        self.availableAreaM2 = availableAreaM2; self.location = location; self.lonLat = lonLat
        self.source = source; self.gapId = gapId
    }

    init(_ c: Candidate) {
        self.init(
            id: c.id, name: c.name, kind: c.kind, communityId: c.communityId,
            availableAreaM2: c.availableAreaM2, location: c.location, lonLat: c.lonLat)
    }
}
