import GRDB

/// The schema migration `gridplan-layers-conformance`: rebuilds gridplan's tables so that the
/// store passes the OGC GeoPackage 1.3 checks (GDAL's `validate_gpkg.py --extra`).
///
/// - Feature tables declare their geometry column with the type name `gpkg_geometry_columns`
///   states (`POINT`, `MULTIPOLYGON`, `MULTILINESTRING`) instead of `BLOB` (Req 25, 31).
/// - Attribute tables get an `INTEGER PRIMARY KEY` `fid` (Req 119); their text `id`, the
///   contract's identifier, moves to its own `NOT NULL UNIQUE` column, unchanged. No
///   AUTOINCREMENT there: it would update `sqlite_sequence` once per inserted household, and every
///   import rewrites those tables whole anyway (feature tables keep theirs: the RTrees key on fid).
///
/// Foreign keys between layers stay on the text ids (each a `UNIQUE` column), so the writer and
/// the reader need no fid lookups. Every row keeps its fid (the old rowid of attribute tables),
/// so the RTree indexes stay valid and the read order is unchanged; the feature tables'
/// AUTOINCREMENT counters are carried over. Runs in one transaction (GRDB's), foreign keys
/// checked before it commits: an upgrade that fails leaves the store as it was.
enum ConformanceMigration {
    static let identifier = "gridplan-layers-conformance"

    /// A table of the current schema: its SQL column definitions and, for the copy from the
    /// previous schema, the old table's expressions giving the new columns in declaration order.
    struct TableDefinition {
        var name: String
        var columns: String
        var copiedFrom: String
    }

    /// The tables as the current schema declares them, parents before children.
    static let tables: [TableDefinition] = [
        TableDefinition(
            name: "communities",
            columns: """
                fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON, id TEXT NOT NULL UNIQUE, name TEXT, street TEXT,
                kind TEXT, boundary_lonlat BLOB
                """, copiedFrom: "fid, geom, id, name, street, kind, boundary_lonlat"),
        TableDefinition(
            name: "grids",
            columns: """
                fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON, id TEXT NOT NULL UNIQUE,
                community_id TEXT NOT NULL REFERENCES communities(id), name TEXT, boundary_lonlat BLOB
                """, copiedFrom: "fid, geom, id, community_id, name, boundary_lonlat"),
        TableDefinition(
            name: "buildings",
            columns: """
                fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT NOT NULL, id TEXT NOT NULL UNIQUE,
                community_id TEXT NOT NULL REFERENCES communities(id), grid_id TEXT REFERENCES grids(id), name TEXT,
                households INTEGER NOT NULL CHECK (households >= 0), residents INTEGER CHECK (residents >= 0),
                party_members INTEGER NOT NULL DEFAULT 0 CHECK (party_members >= 0),
                probationary_members INTEGER NOT NULL DEFAULT 0 CHECK (probationary_members >= 0),
                floors INTEGER, lon REAL NOT NULL, lat REAL NOT NULL, footprint BLOB
                """,
            copiedFrom: """
                fid, geom, id, community_id, grid_id, name, households, residents, party_members, probationary_members,
                floors, lon, lat, footprint
                """),
        TableDefinition(
            name: "facilities",
            columns: """
                fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT NOT NULL, id TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('party_mass_center','party_mass_station','city_station','city_study','pocket_park','property_service','other')),
                usable_area_m2 REAL NOT NULL CHECK (usable_area_m2 >= 0), name TEXT,
                community_id TEXT REFERENCES communities(id),
                level TEXT CHECK (level IS NULL OR level IN ('district','street','community','grid')),
                embedded INTEGER NOT NULL DEFAULT 0, lon REAL NOT NULL, lat REAL NOT NULL, footprint BLOB
                """, copiedFrom: "fid, geom, id, kind, usable_area_m2, name, community_id, level, embedded, lon, lat, footprint"),
        TableDefinition(
            name: "candidates",
            columns: """
                fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT NOT NULL, id TEXT NOT NULL UNIQUE, name TEXT, kind TEXT,
                available_area_m2 REAL CHECK (available_area_m2 IS NULL OR available_area_m2 >= 0), cost REAL,
                community_id TEXT REFERENCES communities(id), lon REAL NOT NULL, lat REAL NOT NULL
                """, copiedFrom: "fid, geom, id, name, kind, available_area_m2, cost, community_id, lon, lat"),
        TableDefinition(
            name: "roads",
            columns: """
                fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTILINESTRING NOT NULL, id TEXT NOT NULL UNIQUE,
                walkable INTEGER NOT NULL DEFAULT 1, lines_lonlat BLOB
                """, copiedFrom: "fid, geom, id, walkable, lines_lonlat"),
        TableDefinition(
            name: "households",
            columns: """
                fid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, building_id TEXT NOT NULL REFERENCES buildings(id),
                unit TEXT, room TEXT, persons INTEGER CHECK (persons IS NULL OR persons >= 0),
                party_members INTEGER NOT NULL DEFAULT 0 CHECK (party_members >= 0),
                probationary_members INTEGER NOT NULL DEFAULT 0 CHECK (probationary_members >= 0)
                """, copiedFrom: "rowid, id, building_id, unit, room, persons, party_members, probationary_members"),
        TableDefinition(
            name: "units",
            columns: """
                fid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('agency','institution','soe','non_public','social_org')),
                staff INTEGER NOT NULL CHECK (staff >= 0), name TEXT, community_id TEXT REFERENCES communities(id),
                party_workers INTEGER, party_members INTEGER, has_organization INTEGER
                """, copiedFrom: "rowid, id, kind, staff, name, community_id, party_workers, party_members, has_organization"),
        TableDefinition(
            name: "secretaries",
            columns: """
                fid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT,
                community_id TEXT NOT NULL REFERENCES communities(id), last_training_date TEXT
                """, copiedFrom: "rowid, id, name, community_id, last_training_date"),
        TableDefinition(
            name: "contacts",
            columns: """
                fid INTEGER PRIMARY KEY, leader_id TEXT NOT NULL, name TEXT,
                role TEXT NOT NULL CHECK (role IN ('district_standing','street_committee')),
                community_id TEXT NOT NULL REFERENCES communities(id), year INTEGER NOT NULL,
                days_on_site INTEGER NOT NULL, meetings INTEGER NOT NULL, lectures INTEGER NOT NULL
                """, copiedFrom: "rowid, leader_id, name, role, community_id, year, days_on_site, meetings, lectures"),
        TableDefinition(
            name: "ratings",
            columns: """
                fid INTEGER PRIMARY KEY, organization_id TEXT NOT NULL, community_id TEXT REFERENCES communities(id),
                year INTEGER NOT NULL, stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5)
                """, copiedFrom: "rowid, organization_id, community_id, year, stars"),
        TableDefinition(
            name: "observations",
            columns: """
                fid INTEGER PRIMARY KEY, organization_id TEXT NOT NULL, community_id TEXT REFERENCES communities(id),
                date TEXT NOT NULL
                """, copiedFrom: "rowid, organization_id, community_id, date")
    ]

    /// The secondary indexes (dropped with their tables, recreated after).
    static let indexes = """
        CREATE INDEX IF NOT EXISTS buildings_community ON buildings(community_id);
        CREATE INDEX IF NOT EXISTS households_building ON households(building_id);
        """

    /// Rebuilds every table of the previous schema into the current one, keeping every row.
    /// Foreign keys are off during a GRDB migration, so each table is replaced in place:
    /// create `new_T`, copy, drop `T`, rename `new_T` to `T` (references to `T` then resolve to it).
    static func migrate(_ db: Database) throws {
        for table in tables {
            let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table.name])
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.name))") == true {
                let fresh = "new_\(table.name)"
                try db.execute(sql: "CREATE TABLE \(fresh) (\(table.columns))")
                try db.execute(sql: "INSERT INTO \(fresh) SELECT \(table.copiedFrom) FROM \(table.name) ORDER BY rowid")
                try db.execute(sql: "DROP TABLE \(table.name)")
                try db.execute(sql: "ALTER TABLE \(fresh) RENAME TO \(table.name)")
            } else {
                // Nothing to copy (a new store): no rename, which re-parses the whole schema each time.
                try db.execute(sql: "DROP TABLE \(table.name)")
                try db.execute(sql: "CREATE TABLE \(table.name) (\(table.columns))")
            }
            if let sequence {
                // Carry the AUTOINCREMENT counter over (the copy sets it only to the largest fid left).
                try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = ? AND seq < ?", arguments: [table.name, sequence])
                try db.execute(
                    sql:
                        "INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)",
                    arguments: [table.name, sequence, table.name])
            }
        }
        try db.execute(sql: indexes)
        // The RTree triggers went with the old tables; the RTrees themselves (keyed by fid) stay.
        for layer in GeoPackageSchema.featureLayers {
            if try db.tableExists("rtree_\(layer.table)_geom") {
                try db.execute(sql: GeoPackageSchema.rtreeTriggers(layer.table))
            }
        }
    }
}
