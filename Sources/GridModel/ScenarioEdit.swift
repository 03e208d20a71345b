import GridGeo

/// One what-if edit of the facility layer. A scenario (方案) is an ordered list of edits over the
/// imported data; they change nothing in the store until the scenario is applied.
public enum ScenarioEdit: Sendable, Hashable {
    /// A new facility at a point of the working CRS (its community is found by point-in-polygon).
    case addFacility(ScenarioFacility)
    /// An existing or added facility moved to a point of the working CRS.
    case moveFacility(id: String, location: Point, lonLat: Point)
    /// An existing facility stops counting; an added one is dropped.
    case closeFacility(id: String)
    /// A facility's usable area changed, m².
    case setArea(id: String, usableAreaM2: Double)

    /// The facility the edit names.
    public var facilityId: String {
        switch self {
        case .addFacility(let f): return f.id
        case .moveFacility(let id, _, _), .closeFacility(let id), .setArea(let id, _): return id
        }
    }

    /// The edit's `op` as the edit format writes it (`add_facility`, ...).
    public var operation: String {
        switch self {
        case .addFacility: return "add_facility"
        case .moveFacility: return "move_facility"
        case .closeFacility: return "close_facility"
        case .setArea: return "set_area"
        }
    }
}

/// A facility an `add_facility` edit proposes.
public struct ScenarioFacility: Sendable, Hashable {
    public var id: String
    public var kind: FacilityKind
    public var usableAreaM2: Double
    public var name: String?
    public var level: FacilityLevel?
    public var embedded: Bool
    /// The point in the working CRS (metres).
    public var location: Point
    /// The same point in longitude/latitude (WGS84).
    public var lonLat: Point

    public init(
        id: String, kind: FacilityKind, usableAreaM2: Double, name: String? = nil, level: FacilityLevel? = nil,
        embedded: Bool = false, location: Point, lonLat: Point
    ) {
        self.id = id; self.kind = kind; self.usableAreaM2 = usableAreaM2; self.name = name; self.level = level
        self.embedded = embedded; self.location = location; self.lonLat = lonLat
    }
}
