import Foundation
import GRDB
import GridGeo
import GridModel

/// Reads the store back into a `Snapshot`, layer by layer, in insertion order.
struct SnapshotReader: LayerSource {
    let db: Database

    func read(layers: Set<StoreLayer>) throws -> Snapshot {
        guard let meta = try GeoPackageStore.readMetadata(db) else {
            throw UsageError(key: "usage.snapshot_reader.1")
        }
        return try snapshot(metadata: meta, layers: layers)
    }

    func multiPolygon(_ row: Row, _ i: Int) throws -> MultiPolygon? {
        guard let data: Data = row[i] else { return nil }
        return try GeometryBlob.decodeMultiPolygon(data)
    }

    func polygon(_ row: Row, _ i: Int) throws -> Polygon? {
        guard let data: Data = row[i] else { return nil }
        return try GeometryBlob.decodePolygon(data)
    }

    func point(_ row: Row, _ i: Int) throws -> Point {
        try GeometryBlob.decodePoint(row[i])
    }

    func communities() throws -> [Community] {
        try Row.fetchAll(db, sql: "SELECT geom, id, name, street, kind, boundary_lonlat FROM communities ORDER BY fid").map { r in
            Community(
                id: r[1], name: r[2], street: r[3], kind: r[4], boundary: try multiPolygon(r, 0),
                boundaryLonLat: try multiPolygon(r, 5))
        }
    }

    func grids() throws -> [Grid] {
        try Row.fetchAll(db, sql: "SELECT geom, id, community_id, name, boundary_lonlat FROM grids ORDER BY fid").map { r in
            Grid(
                id: r[1], communityId: r[2], name: r[3], boundary: try multiPolygon(r, 0), boundaryLonLat: try multiPolygon(r, 4))
        }
    }

    func buildings() throws -> [Building] {
        var out: [Building] = []
        // A capacity hint: fids are dense from 1 after an import; MAX is a b-tree lookup, COUNT a scan.
        out.reserveCapacity(try Int.fetchOne(db, sql: "SELECT MAX(fid) FROM buildings") ?? 0)
        var rows = try ColumnReader(
            db,
            sql: """
                SELECT geom, id, community_id, grid_id, name, households, residents, party_members, probationary_members,
                       floors, lon, lat, footprint FROM buildings ORDER BY fid
                """)
        while try rows.next() {
            guard let location = try rows.withBlob(0, GeometryBlob.decodePoint) else {
                throw DatabaseError(message: "buildings: row \(out.count + 1) has no geometry")
            }
            let footprint = try rows.withBlob(12) { try GeometryBlob.decodePolygon(Data($0)) }
            out.append(
                Building(
                    id: rows.text(1), communityId: rows.repeatedText(2) ?? "", gridId: rows.repeatedText(3),
                    name: rows.optionalText(4), households: rows.int(5), residents: rows.optionalInt(6),
                    partyMembers: rows.int(7), probationaryMembers: rows.int(8), floors: rows.optionalInt(9),
                    location: location, lonLat: Point(rows.double(10), rows.double(11)), footprint: footprint))
        }
        return out
    }

    /// Sums in one pass over three columns, in storage order (runs of one community and grid
    /// are summed before they are looked up): cheaper than GROUP BY, which sorts every row.
    func householdTotals() throws -> [HouseholdTotal] {
        struct Key: Hashable { var community: String; var grid: String? }
        var totals: [Key: (households: Int, buildings: Int)] = [:]
        var rows = try ColumnReader(db, sql: "SELECT community_id, grid_id, households FROM buildings ORDER BY fid")
        var run: Key? = nil
        var runHouseholds = 0, runBuildings = 0
        func close() {
            guard let run else { return }
            totals[run, default: (0, 0)].households += runHouseholds
            totals[run, default: (0, 0)].buildings += runBuildings
        }
        while try rows.next() {
            let key = Key(community: rows.repeatedText(0) ?? "", grid: rows.repeatedText(1))
            if key != run {
                close()
                run = key; runHouseholds = 0; runBuildings = 0
            }
            runHouseholds += rows.int(2)
            runBuildings += 1
        }
        close()
        return totals.map {
            HouseholdTotal(
                communityId: $0.key.community, gridId: $0.key.grid, households: $0.value.households,
                buildings: $0.value.buildings)
        }
        .sorted { ($0.communityId, $0.gridId ?? "") < ($1.communityId, $1.gridId ?? "") }
    }

    func households() throws -> [Household] {
        var out: [Household] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, building_id, unit, room, persons, party_members, probationary_members FROM households ORDER BY fid
                """)
        while let r = try rows.next() {
            out.append(
                Household(
                    id: r[0], buildingId: r[1], unit: r[2], room: r[3], persons: r[4], partyMembers: r[5],
                    probationaryMembers: r[6]))
        }
        return out
    }

    func facilities() throws -> [Facility] {
        var out: [Facility] = []
        var rows = try ColumnReader(
            db,
            sql: """
                SELECT geom, id, kind, usable_area_m2, name, community_id, level, embedded, lon, lat, footprint
                FROM facilities ORDER BY fid
                """)
        while try rows.next() {
            guard let location = try rows.withBlob(0, GeometryBlob.decodePoint) else {
                throw DatabaseError(message: "facilities: row \(out.count + 1) has no geometry")
            }
            let footprint = try rows.withBlob(10) { try GeometryBlob.decodePolygon(Data($0)) }
            out.append(
                Facility(
                    id: rows.text(1), kind: FacilityKind(rawValue: rows.text(2)) ?? .other,
                    usableAreaM2: rows.double(3), name: rows.optionalText(4), communityId: rows.repeatedText(5),
                    level: rows.optionalText(6).flatMap(FacilityLevel.init(rawValue:)), embedded: rows.bool(7),
                    location: location, lonLat: Point(rows.double(8), rows.double(9)), footprint: footprint))
        }
        return out
    }

    func candidates() throws -> [Candidate] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT geom, id, name, kind, available_area_m2, cost, community_id, lon, lat FROM candidates ORDER BY fid
                """
        ).map { r in
            Candidate(
                id: r[1], name: r[2], kind: r[3], availableAreaM2: r[4], cost: r[5], communityId: r[6],
                location: try point(r, 0), lonLat: Point(r[7], r[8]))
        }
    }

    func roads() throws -> [Road] {
        try Row.fetchAll(db, sql: "SELECT geom, id, walkable, lines_lonlat FROM roads ORDER BY fid").map { r in
            let lonlat: Data? = r[3]
            return Road(
                id: r[1], walkable: r[2], lines: try GeometryBlob.decodeMultiLineString(r[0]),
                linesLonLat: try lonlat.map(GeometryBlob.decodeMultiLineString) ?? [])
        }
    }

    func units() throws -> [OrganizationUnit] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, kind, staff, name, community_id, party_workers, party_members, has_organization FROM units ORDER BY fid
                """
        ).map { r in
            let kind: String = r[1]
            return OrganizationUnit(
                id: r[0], kind: UnitKind(rawValue: kind) ?? .agency, staff: r[2], name: r[3],
                communityId: r[4], partyWorkers: r[5], partyMembers: r[6], hasOrganization: r[7])
        }
    }

    func records() throws -> ComplianceRecords {
        let secretaries = try Row.fetchAll(
            db, sql: "SELECT id, name, community_id, last_training_date FROM secretaries ORDER BY fid"
        ).map {
            Secretary(id: $0[0], name: $0[1], communityId: $0[2], lastTrainingDate: $0[3])
        }
        let contacts = try Row.fetchAll(
            db,
            sql: """
                SELECT leader_id, name, role, community_id, year, days_on_site, meetings, lectures FROM contacts ORDER BY fid
                """
        ).map { r in
            let role: String = r[2]
            return ContactRecord(
                leaderId: r[0], name: r[1], role: ContactRole(rawValue: role) ?? .streetCommittee,
                communityId: r[3], year: r[4], daysOnSite: r[5], meetingsAttended: r[6], lecturesGiven: r[7])
        }
        let ratings = try Row.fetchAll(db, sql: "SELECT organization_id, community_id, year, stars FROM ratings ORDER BY fid").map
        {
            RatingRecord(organizationId: $0[0], communityId: $0[1], year: $0[2], stars: $0[3])
        }
        let observations = try Row.fetchAll(db, sql: "SELECT organization_id, community_id, date FROM observations ORDER BY fid")
            .map {
                ObservationRecord(organizationId: $0[0], communityId: $0[1], date: $0[2])
            }
        return ComplianceRecords(secretaries: secretaries, contacts: contacts, ratings: ratings, observations: observations)
    }
}
