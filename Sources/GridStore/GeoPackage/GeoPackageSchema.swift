import GRDB

/// The store's schema: the GeoPackage 1.3 core tables, gridplan's feature and attribute
/// tables, and the RTree extension, as GRDB migrations. Constraints live in SQL.
///
/// The migrations are the schema's history and are never edited: `geopackage-core` and
/// `gridplan-layers` made the first schema (geometry columns declared BLOB, text primary keys on
/// attribute tables); `ConformanceMigration` rebuilds those tables into the current one. A new
/// store runs them all; an older store runs the ones it lacks, each in one transaction.
enum GeoPackageSchema {
    /// Feature layers: table, geometry type name, and whether it gets an RTree index.
    static let featureLayers: [(table: String, geometryType: String, rtree: Bool)] = [
        ("communities", "MULTIPOLYGON", true),
        ("grids", "MULTIPOLYGON", true),
        ("buildings", "POINT", true),
        ("facilities", "POINT", true),
        ("candidates", "POINT", true),
        ("roads", "MULTILINESTRING", true)
    ]
    /// Attribute tables (no geometry), registered in gpkg_contents as `attributes`.
    static let attributeTables = ["households", "units", "secretaries", "contacts", "ratings", "observations"]

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("geopackage-core") { db in
            try db.execute(
                sql: """
                    PRAGMA application_id = 1196444487;
                    PRAGMA user_version = 10300;
                    CREATE TABLE gpkg_spatial_ref_sys (
                      srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
                      organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                    CREATE TABLE gpkg_contents (
                      table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                      description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
                      CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
                    CREATE TABLE gpkg_geometry_columns (
                      table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                      srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
                      CONSTRAINT uk_gc_table_name UNIQUE (table_name),
                      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                      CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
                    CREATE TABLE gpkg_extensions (
                      table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
                      scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
                    INSERT INTO gpkg_spatial_ref_sys VALUES
                      ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
                      ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
                      ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
                    """)
        }
        m.registerMigration("gridplan-layers") { db in
            try db.execute(
                sql: """
                    CREATE TABLE gridplan_metadata (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE communities (
                      fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, id TEXT NOT NULL UNIQUE, name TEXT, street TEXT,
                      kind TEXT, boundary_lonlat BLOB);
                    CREATE TABLE grids (
                      fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, id TEXT NOT NULL UNIQUE,
                      community_id TEXT NOT NULL REFERENCES communities(id), name TEXT, boundary_lonlat BLOB);
                    CREATE TABLE buildings (
                      fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB NOT NULL, id TEXT NOT NULL UNIQUE,
                      community_id TEXT NOT NULL REFERENCES communities(id), grid_id TEXT REFERENCES grids(id), name TEXT,
                      households INTEGER NOT NULL CHECK (households >= 0), residents INTEGER CHECK (residents >= 0),
                      party_members INTEGER NOT NULL DEFAULT 0 CHECK (party_members >= 0),
                      probationary_members INTEGER NOT NULL DEFAULT 0 CHECK (probationary_members >= 0),
                      floors INTEGER, lon REAL NOT NULL, lat REAL NOT NULL, footprint BLOB);
                    CREATE TABLE facilities (
                      fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB NOT NULL, id TEXT NOT NULL UNIQUE,
                      kind TEXT NOT NULL CHECK (kind IN ('party_mass_center','party_mass_station','city_station','city_study','pocket_park','property_service','other')),
                      usable_area_m2 REAL NOT NULL CHECK (usable_area_m2 >= 0), name TEXT,
                      community_id TEXT REFERENCES communities(id),
                      level TEXT CHECK (level IS NULL OR level IN ('district','street','community','grid')),
                      embedded INTEGER NOT NULL DEFAULT 0, lon REAL NOT NULL, lat REAL NOT NULL, footprint BLOB);
                    CREATE TABLE candidates (
                      fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB NOT NULL, id TEXT NOT NULL UNIQUE, name TEXT, kind TEXT,
                      available_area_m2 REAL CHECK (available_area_m2 IS NULL OR available_area_m2 >= 0), cost REAL,
                      community_id TEXT REFERENCES communities(id), lon REAL NOT NULL, lat REAL NOT NULL);
                    CREATE TABLE roads (
                      fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB NOT NULL, id TEXT NOT NULL UNIQUE,
                      walkable INTEGER NOT NULL DEFAULT 1, lines_lonlat BLOB);
                    CREATE TABLE households (
                      id TEXT NOT NULL PRIMARY KEY, building_id TEXT NOT NULL REFERENCES buildings(id), unit TEXT, room TEXT,
                      persons INTEGER CHECK (persons IS NULL OR persons >= 0),
                      party_members INTEGER NOT NULL DEFAULT 0 CHECK (party_members >= 0),
                      probationary_members INTEGER NOT NULL DEFAULT 0 CHECK (probationary_members >= 0));
                    CREATE TABLE units (
                      id TEXT NOT NULL PRIMARY KEY,
                      kind TEXT NOT NULL CHECK (kind IN ('agency','institution','soe','non_public','social_org')),
                      staff INTEGER NOT NULL CHECK (staff >= 0), name TEXT, community_id TEXT REFERENCES communities(id),
                      party_workers INTEGER, party_members INTEGER, has_organization INTEGER);
                    CREATE TABLE secretaries (
                      id TEXT NOT NULL PRIMARY KEY, name TEXT, community_id TEXT NOT NULL REFERENCES communities(id),
                      last_training_date TEXT);
                    CREATE TABLE contacts (
                      rowid INTEGER PRIMARY KEY, leader_id TEXT NOT NULL, name TEXT,
                      role TEXT NOT NULL CHECK (role IN ('district_standing','street_committee')),
                      community_id TEXT NOT NULL REFERENCES communities(id), year INTEGER NOT NULL,
                      days_on_site INTEGER NOT NULL, meetings INTEGER NOT NULL, lectures INTEGER NOT NULL);
                    CREATE TABLE ratings (
                      rowid INTEGER PRIMARY KEY, organization_id TEXT NOT NULL, community_id TEXT REFERENCES communities(id),
                      year INTEGER NOT NULL, stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5));
                    CREATE TABLE observations (
                      rowid INTEGER PRIMARY KEY, organization_id TEXT NOT NULL, community_id TEXT REFERENCES communities(id),
                      date TEXT NOT NULL);
                    CREATE INDEX buildings_community ON buildings(community_id);
                    CREATE INDEX households_building ON households(building_id);
                    """)
            for a in attributeTables {
                try db.execute(
                    sql:
                        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, 'attributes', ?, ?)",
                    arguments: [a, a, "gridplan \(a)"])
            }
        }
        m.registerMigration(ConformanceMigration.identifier) { db in try ConformanceMigration.migrate(db) }
        return m
    }

    /// The six GeoPackage 1.3 RTree triggers of `table.geom`.
    static func rtreeTriggers(_ t: String) -> String {
        let r = "rtree_\(t)_geom"
        let values = "NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)"
        return """
            CREATE TRIGGER \(r)_insert AFTER INSERT ON \(t) WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN INSERT OR REPLACE INTO \(r) VALUES (\(values)); END;
            CREATE TRIGGER \(r)_update1 AFTER UPDATE OF geom ON \(t) WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN INSERT OR REPLACE INTO \(r) VALUES (\(values)); END;
            CREATE TRIGGER \(r)_update2 AFTER UPDATE OF geom ON \(t) WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
            BEGIN DELETE FROM \(r) WHERE id = OLD.fid; END;
            CREATE TRIGGER \(r)_update3 AFTER UPDATE ON \(t) WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN DELETE FROM \(r) WHERE id = OLD.fid; INSERT OR REPLACE INTO \(r) VALUES (\(values)); END;
            CREATE TRIGGER \(r)_update4 AFTER UPDATE ON \(t) WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
            BEGIN DELETE FROM \(r) WHERE id IN (OLD.fid, NEW.fid); END;
            CREATE TRIGGER \(r)_delete AFTER DELETE ON \(t) WHEN old.geom NOT NULL
            BEGIN DELETE FROM \(r) WHERE id = OLD.fid; END;
            """
    }

    static func dropRtreeTriggers(_ t: String) -> String {
        ["insert", "update1", "update2", "update3", "update4", "delete"]
            .map { "DROP TRIGGER IF EXISTS rtree_\(t)_geom_\($0);" }.joined(separator: "\n")
    }
}
