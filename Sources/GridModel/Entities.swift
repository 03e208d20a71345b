import GridGeo

/// Kinds of service facility (docs/data-format.md §1).
public enum FacilityKind: String, CaseIterable, Codable, Sendable {
    case partyMassCenter = "party_mass_center"  // 党群服务中心
    case partyMassStation = "party_mass_station"  // 党群服务站点
    case cityStation = "city_station"  // 城市驿站
    case cityStudy = "city_study"  // 城市书房
    case pocketPark = "pocket_park"  // 小游园
    case propertyService = "property_service"  // 物业服务中心
    case other = "other"

    /// The Chinese name used in reports and maps.
    public var chineseName: String {
        switch self {
        case .partyMassCenter: return "党群服务中心"
        case .partyMassStation: return "党群服务站点"
        case .cityStation: return "城市驿站"
        case .cityStudy: return "城市书房"
        case .pocketPark: return "小游园"
        case .propertyService: return "物业服务中心"
        case .other: return "其他"
        }
    }
}

/// Administrative level a facility serves at; street-level centers reach the 15-minute circle.
public enum FacilityLevel: String, CaseIterable, Codable, Sendable {
    case district, street, community, grid
}

/// Kinds of organization in `units.csv`.
public enum UnitKind: String, CaseIterable, Codable, Sendable {
    case agency, institution, soe
    case nonPublic = "non_public"
    case socialOrg = "social_org"
}

/// A community (社区): the unit the area standard is measured on.
public struct Community: Sendable, Hashable {
    public var id: String
    public var name: String?
    /// The street office (街道) the community belongs to.
    public var street: String?
    public var kind: String?
    /// Boundary in the working CRS (metres); nil when the dataset gives none.
    public var boundary: MultiPolygon?
    /// The same boundary in longitude/latitude (WGS84).
    public var boundaryLonLat: MultiPolygon?

    public init(
        id: String, name: String? = nil, street: String? = nil, kind: String? = nil,
        boundary: MultiPolygon? = nil, boundaryLonLat: MultiPolygon? = nil
    ) {
        self.id = id; self.name = name; self.street = street; self.kind = kind
        self.boundary = boundary; self.boundaryLonLat = boundaryLonLat
    }
}

/// A grid (网格) inside one community.
public struct Grid: Sendable, Hashable {
    public var id: String
    public var communityId: String
    public var name: String?
    public var boundary: MultiPolygon?
    public var boundaryLonLat: MultiPolygon?

    public init(
        id: String, communityId: String, name: String? = nil,
        boundary: MultiPolygon? = nil, boundaryLonLat: MultiPolygon? = nil
    ) {
        self.id = id; self.communityId = communityId; self.name = name
        self.boundary = boundary; self.boundaryLonLat = boundaryLonLat
    }
}

/// A residential building (楼栋) with its household and party-member counts.
public struct Building: Sendable, Hashable {
    public var id: String
    public var communityId: String
    public var gridId: String?
    public var name: String?
    public var households: Int
    public var residents: Int?
    /// Formal party members living in the building.
    public var partyMembers: Int
    public var probationaryMembers: Int
    public var floors: Int?
    /// The building's point in the working CRS (metres): the footprint's centroid when a footprint is given.
    public var location: Point
    /// The same point in longitude/latitude (WGS84).
    public var lonLat: Point
    /// Footprint in the working CRS, when the dataset gives one.
    public var footprint: Polygon?

    public init(
        id: String, communityId: String, gridId: String? = nil, name: String? = nil,
        households: Int, residents: Int? = nil, partyMembers: Int = 0, probationaryMembers: Int = 0,
        floors: Int? = nil, location: Point, lonLat: Point, footprint: Polygon? = nil
    ) {
        self.id = id; self.communityId = communityId; self.gridId = gridId; self.name = name
        self.households = households; self.residents = residents; self.partyMembers = partyMembers
        self.probationaryMembers = probationaryMembers; self.floors = floors
        self.location = location; self.lonLat = lonLat; self.footprint = footprint
    }
}

/// One household (personal information: never leaves the store unless asked for explicitly).
public struct Household: Sendable, Hashable {
    public var id: String
    public var buildingId: String
    public var unit: String?
    public var room: String?
    public var persons: Int?
    public var partyMembers: Int
    public var probationaryMembers: Int

    public init(
        id: String, buildingId: String, unit: String? = nil, room: String? = nil, persons: Int? = nil,
        partyMembers: Int = 0, probationaryMembers: Int = 0
    ) {
        self.id = id; self.buildingId = buildingId; self.unit = unit; self.room = room; self.persons = persons
        self.partyMembers = partyMembers; self.probationaryMembers = probationaryMembers
    }
}

/// An existing service facility.
public struct Facility: Sendable, Hashable {
    public var id: String
    public var kind: FacilityKind
    public var usableAreaM2: Double
    public var name: String?
    /// Empty when the facility lies outside every community (it still serves by distance).
    public var communityId: String?
    public var level: FacilityLevel?
    /// Party-building elements embedded (counts toward the area standard for non-party kinds).
    public var embedded: Bool
    public var location: Point
    public var lonLat: Point
    public var footprint: Polygon?

    public init(
        id: String, kind: FacilityKind, usableAreaM2: Double, name: String? = nil, communityId: String? = nil,
        level: FacilityLevel? = nil, embedded: Bool = false, location: Point, lonLat: Point,
        footprint: Polygon? = nil
    ) {
        self.id = id; self.kind = kind; self.usableAreaM2 = usableAreaM2; self.name = name
        self.communityId = communityId; self.level = level; self.embedded = embedded
        self.location = location; self.lonLat = lonLat; self.footprint = footprint
    }
}

/// A candidate site for a new service center (vacant room, property-service center, ...).
public struct Candidate: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var kind: String?
    public var availableAreaM2: Double?
    public var cost: Double?
    public var communityId: String?
    public var location: Point
    public var lonLat: Point

    public init(
        id: String, name: String? = nil, kind: String? = nil, availableAreaM2: Double? = nil,
        cost: Double? = nil, communityId: String? = nil, location: Point, lonLat: Point
    ) {
        self.id = id; self.name = name; self.kind = kind; self.availableAreaM2 = availableAreaM2
        self.cost = cost; self.communityId = communityId; self.location = location; self.lonLat = lonLat
    }
}

/// A road for the walking network: one or more polylines in the working CRS.
public struct Road: Sendable, Hashable {
    public var id: String
    public var walkable: Bool
    public var lines: [LineString]
    public var linesLonLat: [LineString]

    public init(id: String, walkable: Bool = true, lines: [LineString], linesLonLat: [LineString] = []) {
        self.id = id; self.walkable = walkable; self.lines = lines; self.linesLonLat = linesLonLat
    }
}

/// An organization (机关、事业单位、国企、非公企业、社会组织) for the staffing and coverage checks.
public struct OrganizationUnit: Sendable, Hashable {
    public var id: String
    public var kind: UnitKind
    public var staff: Int
    public var name: String?
    public var communityId: String?
    public var partyWorkers: Int?
    public var partyMembers: Int?
    /// Whether the unit has a party organization of its own (optional column `has_organization`).
    public var hasOrganization: Bool?

    public init(
        id: String, kind: UnitKind, staff: Int, name: String? = nil, communityId: String? = nil,
        partyWorkers: Int? = nil, partyMembers: Int? = nil, hasOrganization: Bool? = nil
    ) {
        self.id = id; self.kind = kind; self.staff = staff; self.name = name; self.communityId = communityId
        self.partyWorkers = partyWorkers; self.partyMembers = partyMembers; self.hasOrganization = hasOrganization
    }
}
