import Foundation
import GridGeo
import GridModel
import GridPostgres
import GridStore

/// Reads one district back into a `Snapshot`, layer by layer in `fid` order, inside the caller's
/// REPEATABLE READ transaction. Rows come in PostgreSQL's binary format (doubles bit for bit,
/// nothing parsed from text); points as `ST_X`/`ST_Y`, other geometries as WKB decoded by the
/// GeoPackage store's own decoders.
struct PostGISSnapshotReader: LayerSource {
    let connection: PostgresConnection
    let dataset: String

    func read(_ meta: DatasetMetadata, layers: Set<StoreLayer>) throws -> Snapshot {
        try snapshot(metadata: meta, layers: layers)
    }

    /// Runs `sql` (its `$1` is the district) and maps every row.
    private func rows<T>(_ sql: String, _ row: (PostgresResult, Int) throws -> T) throws -> [T] {
        let result = try connection.binaryQuery(sql, [dataset])
        var out: [T] = []
        out.reserveCapacity(result.rowCount)
        for i in 0..<result.rowCount { out.append(try row(result, i)) }
        return out
    }

    /// A GeoPackage blob (minimal header) around a WKB value, for GeometryBlob's decoders.
    private static func blob(_ r: PostgresResult, _ i: Int, _ c: Int) -> Data? {
        guard let wkb = r.bytes(i, c) else { return nil }
        var data = Data(capacity: 8 + wkb.count)
        data.append(contentsOf: [0x47, 0x50, 0, 1, 0, 0, 0, 0])
        data.append(contentsOf: wkb)
        return data
    }
    private func multiPolygon(_ r: PostgresResult, _ i: Int, _ c: Int) throws -> MultiPolygon? {
        try Self.blob(r, i, c).map(GeometryBlob.decodeMultiPolygon)
    }
    private func polygon(_ r: PostgresResult, _ i: Int, _ c: Int) throws -> Polygon? {
        try Self.blob(r, i, c).map(GeometryBlob.decodePolygon)
    }
    private func lines(_ r: PostgresResult, _ i: Int, _ c: Int) throws -> [LineString] {
        try Self.blob(r, i, c).map(GeometryBlob.decodeMultiLineString) ?? []
    }
    private func point(_ r: PostgresResult, _ i: Int, _ c: Int) -> Point {
        Point(r.double(i, c) ?? 0, r.double(i, c + 1) ?? 0)
    }

    func communities() throws -> [Community] {
        try rows(
            """
            SELECT id, name, street, kind, ST_AsBinary(geom), ST_AsBinary(boundary_lonlat)
            FROM communities WHERE dataset_id = $1 ORDER BY fid
            """
        ) { r, i in
            Community(
                id: r.text(i, 0) ?? "", name: r.text(i, 1), street: r.text(i, 2), kind: r.text(i, 3),
                boundary: try multiPolygon(r, i, 4), boundaryLonLat: try multiPolygon(r, i, 5))
        }
    }

    func grids() throws -> [Grid] {
        try rows(
            """
            SELECT id, community_id, name, ST_AsBinary(geom), ST_AsBinary(boundary_lonlat)
            FROM grids WHERE dataset_id = $1 ORDER BY fid
            """
        ) { r, i in
            Grid(
                id: r.text(i, 0) ?? "", communityId: r.text(i, 1) ?? "", name: r.text(i, 2),
                boundary: try multiPolygon(r, i, 3), boundaryLonLat: try multiPolygon(r, i, 4))
        }
    }

    func buildings() throws -> [Building] {
        // Community and grid ids repeat in runs: keep one String per run instead of one per row.
        var lastCommunity = "", lastGrid: String? = nil
        return try rows(
            """
            SELECT id, community_id, grid_id, name, households, residents, party_members, probationary_members, floors,
                   lon, lat, ST_X(geom), ST_Y(geom), ST_AsBinary(footprint)
            FROM buildings WHERE dataset_id = $1 ORDER BY fid
            """
        ) { r, i in
            let community = r.text(i, 1) ?? ""
            if community != lastCommunity { lastCommunity = community }
            let grid = r.text(i, 2)
            if grid != lastGrid { lastGrid = grid }
            return Building(
                id: r.text(i, 0) ?? "", communityId: lastCommunity, gridId: lastGrid, name: r.text(i, 3),
                households: r.int(i, 4) ?? 0, residents: r.int(i, 5), partyMembers: r.int(i, 6) ?? 0,
                probationaryMembers: r.int(i, 7) ?? 0, floors: r.int(i, 8), location: point(r, i, 11),
                lonLat: point(r, i, 9), footprint: try polygon(r, i, 13))
        }
    }

    func householdTotals() throws -> [HouseholdTotal] {
        try rows(
            """
            SELECT community_id, grid_id, SUM(households)::int8, count(*) FROM buildings WHERE dataset_id = $1
            GROUP BY community_id, grid_id
            """
        ) { r, i in
            HouseholdTotal(
                communityId: r.text(i, 0) ?? "", gridId: r.text(i, 1), households: r.int(i, 2) ?? 0,
                buildings: r.int(i, 3) ?? 0)
        }
        .sorted { ($0.communityId, $0.gridId ?? "") < ($1.communityId, $1.gridId ?? "") }
    }

    func households() throws -> [Household] {
        try rows(
            """
            SELECT id, building_id, unit, room, persons, party_members, probationary_members
            FROM households WHERE dataset_id = $1 ORDER BY fid
            """
        ) { r, i in
            Household(
                id: r.text(i, 0) ?? "", buildingId: r.text(i, 1) ?? "", unit: r.text(i, 2), room: r.text(i, 3),
                persons: r.int(i, 4), partyMembers: r.int(i, 5) ?? 0, probationaryMembers: r.int(i, 6) ?? 0)
        }
    }

    func facilities() throws -> [Facility] {
        try rows(
            """
            SELECT id, kind, usable_area_m2, name, community_id, level, embedded, lon, lat, ST_X(geom), ST_Y(geom),
                   ST_AsBinary(footprint)
            FROM facilities WHERE dataset_id = $1 ORDER BY fid
            """
        ) { r, i in
            Facility(
                id: r.text(i, 0) ?? "", kind: FacilityKind(rawValue: r.text(i, 1) ?? "") ?? .other,
                usableAreaM2: r.double(i, 2) ?? 0, name: r.text(i, 3), communityId: r.text(i, 4),
                level: r.text(i, 5).flatMap(FacilityLevel.init(rawValue:)), embedded: r.bool(i, 6) ?? false,
                location: point(r, i, 9), lonLat: point(r, i, 7), footprint: try polygon(r, i, 11))
        }
    }

    func candidates() throws -> [Candidate] {
        try rows(
            """
            SELECT id, name, kind, available_area_m2, cost, community_id, lon, lat, ST_X(geom), ST_Y(geom)
            FROM candidates WHERE dataset_id = $1 ORDER BY fid
            """
        ) { r, i in
            Candidate(
                id: r.text(i, 0) ?? "", name: r.text(i, 1), kind: r.text(i, 2), availableAreaM2: r.double(i, 3),
                cost: r.double(i, 4), communityId: r.text(i, 5), location: point(r, i, 8), lonLat: point(r, i, 6))
        }
    }

    func roads() throws -> [Road] {
        try rows(
            "SELECT id, walkable, ST_AsBinary(geom), ST_AsBinary(lines_lonlat) FROM roads WHERE dataset_id = $1 ORDER BY fid"
        ) { r, i in
            Road(
                id: r.text(i, 0) ?? "", walkable: r.bool(i, 1) ?? true, lines: try lines(r, i, 2), linesLonLat: try lines(r, i, 3)
            )
        }
    }

    func units() throws -> [OrganizationUnit] {
        try rows(
            """
            SELECT id, kind, staff, name, community_id, party_workers, party_members, has_organization
            FROM units WHERE dataset_id = $1 ORDER BY fid
            """
        ) { r, i in
            OrganizationUnit(
                id: r.text(i, 0) ?? "", kind: UnitKind(rawValue: r.text(i, 1) ?? "") ?? .agency, staff: r.int(i, 2) ?? 0,
                name: r.text(i, 3), communityId: r.text(i, 4), partyWorkers: r.int(i, 5), partyMembers: r.int(i, 6),
                hasOrganization: r.bool(i, 7))
        }
    }

    func records() throws -> ComplianceRecords {
        let secretaries = try rows(
            "SELECT id, name, community_id, last_training_date FROM secretaries WHERE dataset_id = $1 ORDER BY fid"
        ) { r, i in
            Secretary(id: r.text(i, 0) ?? "", name: r.text(i, 1), communityId: r.text(i, 2) ?? "", lastTrainingDate: r.text(i, 3))
        }
        let contacts = try rows(
            """
            SELECT leader_id, name, role, community_id, year, days_on_site, meetings, lectures
            FROM contacts WHERE dataset_id = $1 ORDER BY fid
            """
        ) { r, i in
            ContactRecord(
                leaderId: r.text(i, 0) ?? "", name: r.text(i, 1),
                role: ContactRole(rawValue: r.text(i, 2) ?? "") ?? .streetCommittee, communityId: r.text(i, 3) ?? "",
                year: r.int(i, 4) ?? 0, daysOnSite: r.int(i, 5) ?? 0, meetingsAttended: r.int(i, 6) ?? 0,
                lecturesGiven: r.int(i, 7) ?? 0)
        }
        let ratings = try rows(
            "SELECT organization_id, community_id, year, stars FROM ratings WHERE dataset_id = $1 ORDER BY fid"
        ) { r, i in
            RatingRecord(
                organizationId: r.text(i, 0) ?? "", communityId: r.text(i, 1), year: r.int(i, 2) ?? 0, stars: r.int(i, 3) ?? 0)
        }
        let observations = try rows(
            "SELECT organization_id, community_id, date FROM observations WHERE dataset_id = $1 ORDER BY fid"
        ) { r, i in
            ObservationRecord(organizationId: r.text(i, 0) ?? "", communityId: r.text(i, 1), date: r.text(i, 2) ?? "")
        }
        return ComplianceRecords(secretaries: secretaries, contacts: contacts, ratings: ratings, observations: observations)
    }
}
