import GridLocale
import Foundation
import GRDB
import GridGeo
import GridModel

/// Writes a whole snapshot into an open transaction: clears every layer, bulk-inserts with
/// prepared statements, bulk-loads the RTree indexes from the bounds known here (`RTreeBulkLoader`:
/// the RTrees are recreated empty, the triggers are dropped during the load and recreated after),
/// and registers the layers in gpkg_contents.
struct SnapshotWriter {
    let db: Database
    let snapshot: Snapshot
    let progress: ((LocalText, Int, Int?) -> Void)?

    /// The gpkg srs_id of a CRS name: the EPSG code for `EPSG:n`, else 100000 (user-defined).
    static func srsID(_ crs: String) -> Int32 {
        let upper = crs.uppercased()
        if upper.hasPrefix("EPSG:"), let n = Int32(upper.dropFirst(5)) { return n }
        return 100_000
    }

    func write() throws {
        // A large page cache keeps a big import from spilling B-tree pages to the WAL again and
        // again; secondary indexes are rebuilt once at the end instead of updated row by row.
        try db.execute(sql: "PRAGMA cache_size = -262144")
        defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
        try db.execute(sql: "DROP INDEX IF EXISTS buildings_community; DROP INDEX IF EXISTS households_building")
        let meta = snapshot.metadata
        let srs = Self.srsID(meta.workingCRS)
        try registerSRS(srs, crs: meta.workingCRS)
        for layer in GeoPackageSchema.featureLayers {
            try db.execute(sql: GeoPackageSchema.dropRtreeTriggers(layer.table))
            // A fresh empty RTree for the bulk load (emptying the old one through the virtual table
            // would delete its entries one by one).
            try db.execute(sql: "DROP TABLE IF EXISTS rtree_\(layer.table)_geom")
            try ensureRtree(layer.table)
        }
        // Children first (foreign keys).
        for t in [
            "observations", "ratings", "contacts", "secretaries", "units", "households", "buildings",
            "facilities", "candidates", "roads", "grids", "communities", "gridplan_metadata"
        ] {
            try db.execute(sql: "DELETE FROM \(t)")
        }

        var bounds: [String: [RTreeBulkLoader.Entry]] = [:]
        bounds["communities"] = try insertCommunities(srs)
        bounds["grids"] = try Self.insertGrids(db, snapshot.grids, srs: srs)
        bounds["buildings"] = try insertBuildings(srs)
        bounds["facilities"] = try insertFacilities(srs)
        bounds["candidates"] = try insertCandidates(srs)
        bounds["roads"] = try insertRoads(srs)
        try insertHouseholds()
        try insertUnitsAndRecords()

        try db.execute(
            sql: """
                CREATE INDEX buildings_community ON buildings(community_id);
                CREATE INDEX households_building ON households(building_id);
                """)
        for layer in GeoPackageSchema.featureLayers {
            try RTreeBulkLoader.load(db, rtree: "rtree_\(layer.table)_geom", entries: bounds[layer.table] ?? [])
            try db.execute(sql: GeoPackageSchema.rtreeTriggers(layer.table))
            try Self.updateContents(db, table: layer.table, srs: srs, geometryType: layer.geometryType)
        }
        let now = ISO8601DateFormatter().string(from: Date())
        for (k, v) in [
            ("dataset_name", meta.name), ("source_crs", meta.sourceCRS), ("working_crs", meta.workingCRS),
            ("imported_at", now), ("gridplan_version", "0.1.0")
        ] {
            try db.execute(sql: "INSERT INTO gridplan_metadata (key, value) VALUES (?, ?)", arguments: [k, v])
        }
        try db.execute(
            sql: "UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE data_type = 'attributes'")
    }

    func registerSRS(_ srs: Int32, crs: String) throws {
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM gpkg_spatial_ref_sys WHERE srs_id = ?", arguments: [srs]) ?? 0 > 0 {
            return
        }
        let wkt = CRSDefinition.wkt(crs) ?? "undefined"
        let upper = crs.uppercased()
        let isEPSG = upper.hasPrefix("EPSG:")
        try db.execute(
            sql: """
                INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                CRSDefinition.name(crs) ?? crs, srs, isEPSG ? "EPSG" : "NONE", isEPSG ? Int(srs) : Int(srs), wkt,
                "gridplan working CRS \(crs)"
            ])
    }

    func ensureRtree(_ table: String) throws {
        if try db.tableExists("rtree_\(table)_geom") { return }
        try db.execute(sql: "CREATE VIRTUAL TABLE rtree_\(table)_geom USING rtree(id, minx, maxx, miny, maxy)")
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)
                VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')
                """, arguments: [table])
    }

    /// Fills the RTree of `table` from the geometry envelopes in one statement (row by row through
    /// the virtual table: fine for small layers such as exports; imports bulk-load instead).
    static func fillRtree(_ db: Database, _ table: String) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO rtree_\(table)_geom
                SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) FROM \(table)
                WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)
                """)
    }

    /// The RTree entry of the row just inserted, with the bounds the triggers' ST_MinX… would
    /// compute from its geometry (the blob's envelope); nil for no geometry or an empty one.
    static func entry(_ db: Database, _ box: BoundingBox?) -> RTreeBulkLoader.Entry? {
        guard let box, !box.isEmpty else { return nil }
        return RTreeBulkLoader.Entry(rowid: db.lastInsertedRowID, minX: box.minX, maxX: box.maxX, minY: box.minY, maxY: box.maxY)
    }

    static func entry(_ db: Database, _ p: Point) -> RTreeBulkLoader.Entry {
        RTreeBulkLoader.Entry(rowid: db.lastInsertedRowID, minX: p.x, maxX: p.x, minY: p.y, maxY: p.y)
    }

    /// Registers or refreshes a feature layer in gpkg_contents / gpkg_geometry_columns with its extent.
    static func updateContents(_ db: Database, table: String, srs: Int32, geometryType: String? = nil) throws {
        let box = try Row.fetchOne(db, sql: "SELECT MIN(minx), MIN(miny), MAX(maxx), MAX(maxy) FROM rtree_\(table)_geom")
        let minX: Double? = box?[0], minY: Double? = box?[1], maxX: Double? = box?[2], maxY: Double? = box?[3]
        try db.execute(
            sql: """
                INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
                VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(table_name) DO UPDATE SET min_x = excluded.min_x, min_y = excluded.min_y, max_x = excluded.max_x,
                  max_y = excluded.max_y, srs_id = excluded.srs_id, last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now')
                """, arguments: [table, table, "gridplan \(table)", minX, minY, maxX, maxY, srs])
        if let geometryType {
            try db.execute(
                sql: """
                    INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)
                    VALUES (?, 'geom', ?, ?, 0, 0)
                    ON CONFLICT(table_name, column_name) DO UPDATE SET srs_id = excluded.srs_id
                    """, arguments: [table, geometryType, srs])
        }
    }

    func insertCommunities(_ srs: Int32) throws -> [RTreeBulkLoader.Entry] {
        var entries: [RTreeBulkLoader.Entry] = []
        let st = try db.makeStatement(
            sql: "INSERT INTO communities (geom, id, name, street, kind, boundary_lonlat) VALUES (?, ?, ?, ?, ?, ?)")
        for c in snapshot.communities {
            try st.execute(arguments: [
                c.boundary.map { GeometryBlob.multiPolygon($0, srsID: srs) }, c.id, c.name, c.street, c.kind,
                c.boundaryLonLat.map { GeometryBlob.multiPolygon($0, srsID: 4326) }
            ])
            if let e = Self.entry(db, c.boundary?.boundingBox) { entries.append(e) }
        }
        return entries
    }

    /// Inserts grids; returns their RTree entries (for a bulk load; ignore them when the triggers are installed).
    @discardableResult
    static func insertGrids(_ db: Database, _ grids: [Grid], srs: Int32) throws -> [RTreeBulkLoader.Entry] {
        var entries: [RTreeBulkLoader.Entry] = []
        let st = try db.makeStatement(
            sql: "INSERT INTO grids (geom, id, community_id, name, boundary_lonlat) VALUES (?, ?, ?, ?, ?)")
        for g in grids {
            try st.execute(arguments: [
                g.boundary.map { GeometryBlob.multiPolygon($0, srsID: srs) }, g.id, g.communityId, g.name,
                g.boundaryLonLat.map { GeometryBlob.multiPolygon($0, srsID: 4326) }
            ])
            if let e = entry(db, g.boundary?.boundingBox) { entries.append(e) }
        }
        return entries
    }

    func insertBuildings(_ srs: Int32) throws -> [RTreeBulkLoader.Entry] {
        var entries: [RTreeBulkLoader.Entry] = []
        entries.reserveCapacity(snapshot.buildings.count)
        let st = try db.makeStatement(
            sql: """
                INSERT INTO buildings (geom, id, community_id, grid_id, name, households, residents, party_members,
                  probationary_members, floors, lon, lat, footprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let total = snapshot.buildings.count
        for (i, b) in snapshot.buildings.enumerated() {
            st.setUncheckedArguments([
                GeometryBlob.point(b.location, srsID: srs), b.id, b.communityId, b.gridId, b.name,
                b.households, b.residents, b.partyMembers, b.probationaryMembers, b.floors,
                b.lonLat.x, b.lonLat.y, b.footprint.map { GeometryBlob.polygon($0, srsID: srs) }
            ])
            try st.execute()
            entries.append(Self.entry(db, b.location))
            if i % 50_000 == 0 { progress?(LocalText("progress.stage.write", ["layer": "buildings"]), i, total) }
        }
        progress?(LocalText("progress.stage.write", ["layer": "buildings"]), total, total)
        return entries
    }

    func insertFacilities(_ srs: Int32) throws -> [RTreeBulkLoader.Entry] {
        var entries: [RTreeBulkLoader.Entry] = []
        entries.reserveCapacity(snapshot.facilities.count)
        let st = try db.makeStatement(
            sql: """
                INSERT INTO facilities (geom, id, kind, usable_area_m2, name, community_id, level, embedded, lon, lat, footprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for f in snapshot.facilities {
            st.setUncheckedArguments([
                GeometryBlob.point(f.location, srsID: srs), f.id, f.kind.rawValue, f.usableAreaM2, f.name,
                f.communityId, f.level?.rawValue, f.embedded, f.lonLat.x, f.lonLat.y,
                f.footprint.map { GeometryBlob.polygon($0, srsID: srs) }
            ])
            try st.execute()
            entries.append(Self.entry(db, f.location))
        }
        return entries
    }

    func insertCandidates(_ srs: Int32) throws -> [RTreeBulkLoader.Entry] {
        var entries: [RTreeBulkLoader.Entry] = []
        entries.reserveCapacity(snapshot.candidates.count)
        let st = try db.makeStatement(
            sql: """
                INSERT INTO candidates (geom, id, name, kind, available_area_m2, cost, community_id, lon, lat)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for c in snapshot.candidates {
            st.setUncheckedArguments([
                GeometryBlob.point(c.location, srsID: srs), c.id, c.name, c.kind, c.availableAreaM2,
                c.cost, c.communityId, c.lonLat.x, c.lonLat.y
            ])
            try st.execute()
            entries.append(Self.entry(db, c.location))
        }
        return entries
    }

    func insertRoads(_ srs: Int32) throws -> [RTreeBulkLoader.Entry] {
        var entries: [RTreeBulkLoader.Entry] = []
        let st = try db.makeStatement(sql: "INSERT INTO roads (geom, id, walkable, lines_lonlat) VALUES (?, ?, ?, ?)")
        for r in snapshot.roads {
            st.setUncheckedArguments([
                GeometryBlob.multiLineString(r.lines, srsID: srs), r.id, r.walkable,
                r.linesLonLat.isEmpty ? nil : GeometryBlob.multiLineString(r.linesLonLat, srsID: 4326)
            ])
            try st.execute()
            if let e = Self.entry(db, r.lines.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }) { entries.append(e) }
        }
        return entries
    }

    func insertHouseholds() throws {
        guard !snapshot.households.isEmpty else { return }
        let st = try db.makeStatement(
            sql: """
                INSERT INTO households (id, building_id, unit, room, persons, party_members, probationary_members)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        let total = snapshot.households.count
        for (i, h) in snapshot.households.enumerated() {
            st.setUncheckedArguments([h.id, h.buildingId, h.unit, h.room, h.persons, h.partyMembers, h.probationaryMembers])
            try st.execute()
            if i % 200_000 == 0 { progress?(LocalText("progress.stage.write", ["layer": "households"]), i, total) }
        }
    }

    func insertUnitsAndRecords() throws {
        let u = try db.makeStatement(
            sql: """
                INSERT INTO units (id, kind, staff, name, community_id, party_workers, party_members, has_organization)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for x in snapshot.units {
            try u.execute(arguments: [
                x.id, x.kind.rawValue, x.staff, x.name, x.communityId, x.partyWorkers, x.partyMembers, x.hasOrganization
            ])
        }
        let r = snapshot.records
        let s = try db.makeStatement(
            sql: "INSERT INTO secretaries (id, name, community_id, last_training_date) VALUES (?, ?, ?, ?)")
        for x in r.secretaries { try s.execute(arguments: [x.id, x.name, x.communityId, x.lastTrainingDate]) }
        let c = try db.makeStatement(
            sql: """
                INSERT INTO contacts (leader_id, name, role, community_id, year, days_on_site, meetings, lectures)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for x in r.contacts {
            try c.execute(arguments: [
                x.leaderId, x.name, x.role.rawValue, x.communityId, x.year, x.daysOnSite,
                x.meetingsAttended, x.lecturesGiven
            ])
        }
        let ra = try db.makeStatement(sql: "INSERT INTO ratings (organization_id, community_id, year, stars) VALUES (?, ?, ?, ?)")
        for x in r.ratings { try ra.execute(arguments: [x.organizationId, x.communityId, x.year, x.stars]) }
        let o = try db.makeStatement(sql: "INSERT INTO observations (organization_id, community_id, date) VALUES (?, ?, ?)")
        for x in r.observations { try o.execute(arguments: [x.organizationId, x.communityId, x.date]) }
    }
}
