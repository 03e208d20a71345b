import Foundation
import GridGeo
import GridModel
import GridPostgres
import GridStore

/// Reads one district back into a `Snapshot`, layer by layer in `fid` order, inside the caller's
/// REPEATABLE READ transaction. Points come as `ST_X`/`ST_Y` (float8 text is exact), other
/// geometries as WKB, decoded by the GeoPackage store's own decoders.
struct PostGISSnapshotReader {
    let connection: PostgresConnection
    let dataset: String

    func read(_ meta: DatasetMetadata, layers: Set<StoreLayer>) throws -> Snapshot {
        var s = Snapshot(metadata: meta)
        if layers.contains(.communities) { s.communities = try communities() }
        if layers.contains(.grids) { s.grids = try grids() }
        if layers.contains(.buildings) { s.buildings = try buildings() }
        if layers.contains(.households) { s.households = try households() }
        if layers.contains(.facilities) { s.facilities = try facilities() }
        if layers.contains(.candidates) { s.candidates = try candidates() }
        if layers.contains(.roads) { s.roads = try roads() }
        if layers.contains(.units) { s.units = try units() }
        if layers.contains(.records) { s.records = try records() }
        if layers.contains(.householdTotals) { s.householdTotals = try householdTotals() }
        return s
    }

    private func rows(_ sql: String) throws -> [[String?]] { try connection.query(sql, [dataset]) }

    private func int(_ v: String?) -> Int { v.flatMap { Int($0) } ?? 0 }
    private func optionalInt(_ v: String?) -> Int? { v.flatMap { Int($0) } }
    private func double(_ v: String?) -> Double { v.flatMap { Double($0) } ?? 0 }
    private func optionalDouble(_ v: String?) -> Double? { v.flatMap { Double($0) } }
    private func bool(_ v: String?) -> Bool { v == "t" }
    private func optionalBool(_ v: String?) -> Bool? { v.map { $0 == "t" } }
    private func multiPolygon(_ v: String?) throws -> MultiPolygon? {
        try v.map { try GeometryBlob.decodeMultiPolygon(GeometryHex.blob($0)) }
    }
    private func polygon(_ v: String?) throws -> Polygon? { try v.map { try GeometryBlob.decodePolygon(GeometryHex.blob($0)) } }
    private func lines(_ v: String?) throws -> [LineString] {
        try v.map { try GeometryBlob.decodeMultiLineString(GeometryHex.blob($0)) } ?? []
    }

    func communities() throws -> [Community] {
        try rows(
            """
            SELECT id, name, street, kind, ST_AsBinary(geom), ST_AsBinary(boundary_lonlat)
            FROM communities WHERE dataset_id = $1 ORDER BY fid
            """
        ).map { r in
            Community(
                id: r[0] ?? "", name: r[1], street: r[2], kind: r[3], boundary: try multiPolygon(r[4]),
                boundaryLonLat: try multiPolygon(r[5]))
        }
    }

    func grids() throws -> [Grid] {
        try rows(
            """
            SELECT id, community_id, name, ST_AsBinary(geom), ST_AsBinary(boundary_lonlat)
            FROM grids WHERE dataset_id = $1 ORDER BY fid
            """
        ).map { r in
            Grid(
                id: r[0] ?? "", communityId: r[1] ?? "", name: r[2], boundary: try multiPolygon(r[3]),
                boundaryLonLat: try multiPolygon(r[4]))
        }
    }

    func buildings() throws -> [Building] {
        try rows(
            """
            SELECT id, community_id, grid_id, name, households, residents, party_members, probationary_members, floors,
                   lon, lat, ST_X(geom), ST_Y(geom), ST_AsBinary(footprint)
            FROM buildings WHERE dataset_id = $1 ORDER BY fid
            """
        ).map { r in
            Building(
                id: r[0] ?? "", communityId: r[1] ?? "", gridId: r[2], name: r[3], households: int(r[4]),
                residents: optionalInt(r[5]), partyMembers: int(r[6]), probationaryMembers: int(r[7]),
                floors: optionalInt(r[8]), location: Point(double(r[11]), double(r[12])),
                lonLat: Point(double(r[9]), double(r[10])), footprint: try polygon(r[13]))
        }
    }

    func householdTotals() throws -> [HouseholdTotal] {
        try rows(
            """
            SELECT community_id, grid_id, SUM(households), count(*) FROM buildings WHERE dataset_id = $1
            GROUP BY community_id, grid_id
            """
        ).map { r in
            HouseholdTotal(communityId: r[0] ?? "", gridId: r[1], households: int(r[2]), buildings: int(r[3]))
        }
        .sorted { ($0.communityId, $0.gridId ?? "") < ($1.communityId, $1.gridId ?? "") }
    }

    func households() throws -> [Household] {
        try rows(
            """
            SELECT id, building_id, unit, room, persons, party_members, probationary_members
            FROM households WHERE dataset_id = $1 ORDER BY fid
            """
        ).map { r in
            Household(
                id: r[0] ?? "", buildingId: r[1] ?? "", unit: r[2], room: r[3], persons: optionalInt(r[4]),
                partyMembers: int(r[5]), probationaryMembers: int(r[6]))
        }
    }

    func facilities() throws -> [Facility] {
        try rows(
            """
            SELECT id, kind, usable_area_m2, name, community_id, level, embedded, lon, lat, ST_X(geom), ST_Y(geom),
                   ST_AsBinary(footprint)
            FROM facilities WHERE dataset_id = $1 ORDER BY fid
            """
        ).map { r in
            Facility(
                id: r[0] ?? "", kind: FacilityKind(rawValue: r[1] ?? "") ?? .other, usableAreaM2: double(r[2]), name: r[3],
                communityId: r[4], level: r[5].flatMap(FacilityLevel.init(rawValue:)), embedded: bool(r[6]),
                location: Point(double(r[9]), double(r[10])), lonLat: Point(double(r[7]), double(r[8])),
                footprint: try polygon(r[11]))
        }
    }

    func candidates() throws -> [Candidate] {
        try rows(
            """
            SELECT id, name, kind, available_area_m2, cost, community_id, lon, lat, ST_X(geom), ST_Y(geom)
            FROM candidates WHERE dataset_id = $1 ORDER BY fid
            """
        ).map { r in
            Candidate(
                id: r[0] ?? "", name: r[1], kind: r[2], availableAreaM2: optionalDouble(r[3]), cost: optionalDouble(r[4]),
                communityId: r[5], location: Point(double(r[8]), double(r[9])), lonLat: Point(double(r[6]), double(r[7])))
        }
    }

    func roads() throws -> [Road] {
        try rows(
            "SELECT id, walkable, ST_AsBinary(geom), ST_AsBinary(lines_lonlat) FROM roads WHERE dataset_id = $1 ORDER BY fid"
        ).map { r in
            Road(id: r[0] ?? "", walkable: bool(r[1]), lines: try lines(r[2]), linesLonLat: try lines(r[3]))
        }
    }

    func units() throws -> [OrganizationUnit] {
        try rows(
            """
            SELECT id, kind, staff, name, community_id, party_workers, party_members, has_organization
            FROM units WHERE dataset_id = $1 ORDER BY fid
            """
        ).map { r in
            OrganizationUnit(
                id: r[0] ?? "", kind: UnitKind(rawValue: r[1] ?? "") ?? .agency, staff: int(r[2]), name: r[3],
                communityId: r[4], partyWorkers: optionalInt(r[5]), partyMembers: optionalInt(r[6]),
                hasOrganization: optionalBool(r[7]))
        }
    }

    func records() throws -> ComplianceRecords {
        let secretaries = try rows(
            "SELECT id, name, community_id, last_training_date FROM secretaries WHERE dataset_id = $1 ORDER BY fid"
        ).map { Secretary(id: $0[0] ?? "", name: $0[1], communityId: $0[2] ?? "", lastTrainingDate: $0[3]) }
        let contacts = try rows(
            """
            SELECT leader_id, name, role, community_id, year, days_on_site, meetings, lectures
            FROM contacts WHERE dataset_id = $1 ORDER BY fid
            """
        ).map { r in
            ContactRecord(
                leaderId: r[0] ?? "", name: r[1], role: ContactRole(rawValue: r[2] ?? "") ?? .streetCommittee,
                communityId: r[3] ?? "", year: int(r[4]), daysOnSite: int(r[5]), meetingsAttended: int(r[6]),
                lecturesGiven: int(r[7]))
        }
        let ratings = try rows(
            "SELECT organization_id, community_id, year, stars FROM ratings WHERE dataset_id = $1 ORDER BY fid"
        ).map { RatingRecord(organizationId: $0[0] ?? "", communityId: $0[1], year: int($0[2]), stars: int($0[3])) }
        let observations = try rows(
            "SELECT organization_id, community_id, date FROM observations WHERE dataset_id = $1 ORDER BY fid"
        ).map { ObservationRecord(organizationId: $0[0] ?? "", communityId: $0[1], date: $0[2] ?? "") }
        return ComplianceRecords(secretaries: secretaries, contacts: contacts, ratings: ratings, observations: observations)
    }
}
