import Foundation
import GridGeo
import GridLocale
import GridModel
import GridPostgres

/// Writes a whole snapshot as one district inside an open transaction: deletes the district's
/// rows (children first), inserts its `datasets` row, then bulk-loads every layer with `COPY`.
/// `fid` is the row's position in the snapshot, so reading back `ORDER BY fid` keeps the order.
struct PostGISSnapshotWriter {
    let connection: PostgresConnection
    let dataset: String
    let snapshot: Snapshot
    let progress: ((LocalText, Int, Int?) -> Void)?

    func write() throws {
        let c = connection
        for t in PostGISSchema.districtTables.reversed() {
            try c.query("DELETE FROM \(t) WHERE dataset_id = $1", [dataset])
        }
        try c.query("DELETE FROM datasets WHERE dataset_id = $1", [dataset])
        let meta = snapshot.metadata
        let srid = PostGISStore.srid(meta.workingCRS)
        try c.query(
            """
            INSERT INTO datasets (dataset_id, name, source_crs, working_crs, srid, imported_at, gridplan_version)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """,
            [
                dataset, meta.name, meta.sourceCRS, meta.workingCRS, "\(srid)", ISO8601DateFormatter().string(from: Date()),
                PostGISStore.gridplanVersion
            ])
        let d = dataset

        var rows = CopyRows()
        for (i, x) in snapshot.communities.enumerated() {
            rows.add(d); rows.add(i + 1); rows.add(x.id); rows.add(x.name); rows.add(x.street); rows.add(x.kind)
            rows.add(x.boundary.map { GeometryHex.multiPolygon($0, srid: srid) })
            rows.add(x.boundaryLonLat.map { GeometryHex.multiPolygon($0, srid: 4326) })
            rows.endRow()
        }
        try copy("communities", "name, street, kind, geom, boundary_lonlat", rows, count: snapshot.communities.count)

        try Self.copyGrids(c, dataset: d, grids: snapshot.grids, srid: srid, firstFid: 1)

        rows = CopyRows(capacity: snapshot.buildings.count * 160)
        for (i, x) in snapshot.buildings.enumerated() {
            rows.add(d); rows.add(i + 1); rows.add(x.id); rows.add(x.communityId); rows.add(x.gridId); rows.add(x.name)
            rows.add(x.households); rows.add(x.residents); rows.add(x.partyMembers); rows.add(x.probationaryMembers)
            rows.add(x.floors); rows.add(x.lonLat.x); rows.add(x.lonLat.y)
            rows.add(GeometryHex.point(x.location, srid: srid))
            rows.add(x.footprint.map { GeometryHex.polygon($0, srid: srid) })
            rows.endRow()
        }
        try copy(
            "buildings",
            "community_id, grid_id, name, households, residents, party_members, probationary_members, floors, lon, lat, geom, footprint",
            rows, count: snapshot.buildings.count)

        rows = CopyRows(capacity: snapshot.households.count * 48)
        for (i, x) in snapshot.households.enumerated() {
            rows.add(d); rows.add(i + 1); rows.add(x.id); rows.add(x.buildingId); rows.add(x.unit); rows.add(x.room)
            rows.add(x.persons); rows.add(x.partyMembers); rows.add(x.probationaryMembers)
            rows.endRow()
        }
        try copy(
            "households", "building_id, unit, room, persons, party_members, probationary_members", rows,
            count: snapshot.households.count)

        rows = CopyRows()
        for (i, x) in snapshot.facilities.enumerated() {
            rows.add(d); rows.add(i + 1); rows.add(x.id); rows.add(x.kind.rawValue); rows.add(x.usableAreaM2); rows.add(x.name)
            rows.add(x.communityId); rows.add(x.level?.rawValue); rows.add(x.embedded); rows.add(x.lonLat.x); rows.add(x.lonLat.y)
            rows.add(GeometryHex.point(x.location, srid: srid))
            rows.add(x.footprint.map { GeometryHex.polygon($0, srid: srid) })
            rows.endRow()
        }
        try copy(
            "facilities", "kind, usable_area_m2, name, community_id, level, embedded, lon, lat, geom, footprint", rows,
            count: snapshot.facilities.count)

        rows = CopyRows()
        for (i, x) in snapshot.candidates.enumerated() {
            rows.add(d); rows.add(i + 1); rows.add(x.id); rows.add(x.name); rows.add(x.kind); rows.add(x.availableAreaM2)
            rows.add(x.cost); rows.add(x.communityId); rows.add(x.lonLat.x); rows.add(x.lonLat.y)
            rows.add(GeometryHex.point(x.location, srid: srid))
            rows.endRow()
        }
        try copy(
            "candidates", "name, kind, available_area_m2, cost, community_id, lon, lat, geom", rows,
            count: snapshot.candidates.count)

        rows = CopyRows()
        for (i, x) in snapshot.roads.enumerated() {
            rows.add(d); rows.add(i + 1); rows.add(x.id); rows.add(x.walkable)
            rows.add(GeometryHex.multiLineString(x.lines, srid: srid))
            rows.add(x.linesLonLat.isEmpty ? nil : GeometryHex.multiLineString(x.linesLonLat, srid: 4326))
            rows.endRow()
        }
        try copy("roads", "walkable, geom, lines_lonlat", rows, count: snapshot.roads.count)

        rows = CopyRows()
        for (i, x) in snapshot.units.enumerated() {
            rows.add(d); rows.add(i + 1); rows.add(x.id); rows.add(x.kind.rawValue); rows.add(x.staff); rows.add(x.name)
            rows.add(x.communityId); rows.add(x.partyWorkers); rows.add(x.partyMembers); rows.add(x.hasOrganization)
            rows.endRow()
        }
        try copy(
            "units", "kind, staff, name, community_id, party_workers, party_members, has_organization", rows,
            count: snapshot.units.count)

        let r = snapshot.records
        rows = CopyRows()
        for (i, x) in r.secretaries.enumerated() {
            rows.add(d); rows.add(i + 1); rows.add(x.id); rows.add(x.name); rows.add(x.communityId); rows.add(x.lastTrainingDate)
            rows.endRow()
        }
        try copy("secretaries", "name, community_id, last_training_date", rows, count: r.secretaries.count)

        rows = CopyRows()
        for (i, x) in r.contacts.enumerated() {
            rows.add(d); rows.add(i + 1); rows.add(x.leaderId); rows.add(x.name); rows.add(x.role.rawValue)
            rows.add(x.communityId); rows.add(x.year); rows.add(x.daysOnSite); rows.add(x.meetingsAttended)
            rows.add(x.lecturesGiven)
            rows.endRow()
        }
        try copy(
            "contacts", "name, role, community_id, year, days_on_site, meetings, lectures", rows, count: r.contacts.count,
            idColumn: "leader_id")

        rows = CopyRows()
        for (i, x) in r.ratings.enumerated() {
            rows.add(d); rows.add(i + 1); rows.add(x.organizationId); rows.add(x.communityId); rows.add(x.year)
            rows.add(x.stars)
            rows.endRow()
        }
        try copy("ratings", "community_id, year, stars", rows, count: r.ratings.count, idColumn: "organization_id")

        rows = CopyRows()
        for (i, x) in r.observations.enumerated() {
            rows.add(d); rows.add(i + 1); rows.add(x.organizationId); rows.add(x.communityId); rows.add(x.date)
            rows.endRow()
        }
        try copy("observations", "community_id, date", rows, count: r.observations.count, idColumn: "organization_id")
    }

    /// `COPY table (dataset_id, fid, <idColumn>, columns)` of the rows built.
    private func copy(_ table: String, _ columns: String, _ rows: CopyRows, count: Int, idColumn: String = "id") throws {
        progress?(LocalText("progress.stage.write", ["layer": table]), 0, count)
        if !rows.isEmpty {
            try connection.copyIn(
                "COPY \(table) (dataset_id, fid, \(idColumn), \(columns)) FROM STDIN", data: rows.bytes)
        }
        progress?(LocalText("progress.stage.write", ["layer": table]), count, count)
    }

    /// Bulk-loads grids with fids from `firstFid` (an import starts at 1; a grid plan continues).
    static func copyGrids(_ c: PostgresConnection, dataset: String, grids: [Grid], srid: Int32, firstFid: Int) throws {
        guard !grids.isEmpty else { return }
        var rows = CopyRows()
        for (i, x) in grids.enumerated() {
            rows.add(dataset); rows.add(firstFid + i); rows.add(x.id); rows.add(x.communityId); rows.add(x.name)
            rows.add(x.boundary.map { GeometryHex.multiPolygon($0, srid: srid) })
            rows.add(x.boundaryLonLat.map { GeometryHex.multiPolygon($0, srid: 4326) })
            rows.endRow()
        }
        try c.copyIn(
            "COPY grids (dataset_id, fid, id, community_id, name, geom, boundary_lonlat) FROM STDIN", data: rows.bytes)
    }
}
