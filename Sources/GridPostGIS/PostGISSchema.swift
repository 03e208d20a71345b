import Foundation

/// The city database's schema: the GeoPackage store's layers as PostGIS tables, every one keyed
/// by `dataset_id` (the district) so a district's rows can be replaced, read, protected and later
/// distributed (Citus) by that one column. Versioned migrations are recorded in `gridplan_schema`;
/// they are the schema's history and are never edited, only appended.
///
/// Geometry columns are typed (`geometry(Point)`, `geometry(MultiPolygon)`, …) and every value
/// carries its SRID, the EPSG code of its district's working CRS (0 for a CRS without one); the
/// lon/lat columns are `geometry(…, 4326)`. A city may hold districts in different working CRSs.
public enum PostGISSchema {
    /// One migration: its version, what it does, and its SQL.
    public struct Migration: Sendable {
        public var version: Int
        public var description: String
        var sql: String
        /// The SQL one statement at a time (bound-parameter execution takes one per call); the
        /// schema's SQL has no semicolon inside a literal.
        var statements: [String] {
            sql.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
    }

    /// The district tables, parents before children (deletes run in reverse).
    public static let districtTables = [
        "communities", "grids", "buildings", "households", "facilities", "candidates", "roads", "units", "secretaries",
        "contacts", "ratings", "observations"
    ]

    /// Tables holding household-level rows: readable only with the household role.
    public static let householdTables = ["households"]

    /// The highest version this gridplan knows.
    public static var currentVersion: Int { migrations.map(\.version).max() ?? 0 }

    public static let migrations: [Migration] = [
        Migration(version: 1, description: "district layers", sql: layers),
        Migration(version: 2, description: "row-level security by district", sql: rowLevelSecurity),
        Migration(version: 3, description: "scenarios", sql: scenarios)
    ]

    /// Tables `gridplan db grant` gives a role rights on (besides the household tables): the
    /// protected tables of migration 2 and the scenarios of migration 3.
    public static var grantedTables: [String] { protectedTables + ["scenarios"] }

    /// Saved scenarios (方案), keyed by district and name. Not a district table: an import replaces
    /// the district's layers and keeps its scenarios (no foreign key to `datasets`). Under the same
    /// row-level security as the district tables: a district role reads and writes its districts'
    /// scenarios, a city role reads all.
    static let scenarios = """
        CREATE TABLE scenarios (
          dataset_id text NOT NULL CHECK (dataset_id <> ''), name text NOT NULL CHECK (name <> ''), note text,
          edits text NOT NULL, created_at text NOT NULL, updated_at text NOT NULL, applied_at text,
          PRIMARY KEY (dataset_id, name));
        ALTER TABLE scenarios ENABLE ROW LEVEL SECURITY;
        CREATE POLICY scenarios_district ON scenarios USING (dataset_id IN (\(memberDistricts)))
          WITH CHECK (dataset_id IN (\(memberDistricts)));
        CREATE POLICY scenarios_city ON scenarios FOR SELECT USING (EXISTS (\(memberCity)));
        """

    /// Tables under row-level security: every district table and `datasets`.
    public static var protectedTables: [String] { ["datasets"] + districtTables }

    /// Which roles reach which districts (`*`: every district, read only); `gridplan db grant`
    /// fills it. A role reaches a district when the session's user is a member of it. Owners and
    /// superusers (the administrator who imports for everyone) are not subject to the policies.
    static let rowLevelSecurity =
        """
        CREATE TABLE gridplan_access (
          role_name text NOT NULL, dataset_id text NOT NULL, households boolean NOT NULL DEFAULT false,
          PRIMARY KEY (role_name, dataset_id));
        """
        + protectedTables.map { t in
            """
            ALTER TABLE \(t) ENABLE ROW LEVEL SECURITY;
            CREATE POLICY \(t)_district ON \(t) USING (dataset_id IN (\(memberDistricts)))
              WITH CHECK (dataset_id IN (\(memberDistricts)));
            CREATE POLICY \(t)_city ON \(t) FOR SELECT USING (EXISTS (\(memberCity)));
            """
        }.joined(separator: "\n")

    static let memberDistricts = """
        SELECT a.dataset_id FROM gridplan_access a JOIN pg_roles r ON r.rolname = a.role_name
        WHERE a.dataset_id <> '*' AND pg_has_role(r.oid, 'MEMBER')
        """
    static let memberCity = """
        SELECT 1 FROM gridplan_access a JOIN pg_roles r ON r.rolname = a.role_name
        WHERE a.dataset_id = '*' AND pg_has_role(r.oid, 'MEMBER')
        """

    static let versionTable = """
        CREATE TABLE IF NOT EXISTS gridplan_schema (
          version integer PRIMARY KEY, description text NOT NULL, gridplan_version text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now())
        """

    static let layers = """
        CREATE TABLE datasets (
          dataset_id text PRIMARY KEY CHECK (dataset_id <> ''), name text NOT NULL, source_crs text NOT NULL,
          working_crs text NOT NULL, srid integer NOT NULL, imported_at text NOT NULL, gridplan_version text NOT NULL);
        CREATE TABLE communities (
          dataset_id text NOT NULL REFERENCES datasets(dataset_id), fid integer NOT NULL, id text NOT NULL,
          name text, street text, kind text, geom geometry(MultiPolygon), boundary_lonlat geometry(MultiPolygon, 4326),
          PRIMARY KEY (dataset_id, fid), UNIQUE (dataset_id, id));
        CREATE TABLE grids (
          dataset_id text NOT NULL REFERENCES datasets(dataset_id), fid integer NOT NULL, id text NOT NULL,
          community_id text NOT NULL, name text, geom geometry(MultiPolygon), boundary_lonlat geometry(MultiPolygon, 4326),
          PRIMARY KEY (dataset_id, fid), UNIQUE (dataset_id, id),
          FOREIGN KEY (dataset_id, community_id) REFERENCES communities(dataset_id, id));
        CREATE TABLE buildings (
          dataset_id text NOT NULL REFERENCES datasets(dataset_id), fid integer NOT NULL, id text NOT NULL,
          community_id text NOT NULL, grid_id text, name text,
          households integer NOT NULL CHECK (households >= 0), residents integer CHECK (residents >= 0),
          party_members integer NOT NULL DEFAULT 0 CHECK (party_members >= 0),
          probationary_members integer NOT NULL DEFAULT 0 CHECK (probationary_members >= 0),
          floors integer, lon double precision NOT NULL, lat double precision NOT NULL,
          geom geometry(Point) NOT NULL, footprint geometry(Polygon),
          PRIMARY KEY (dataset_id, fid), UNIQUE (dataset_id, id),
          FOREIGN KEY (dataset_id, community_id) REFERENCES communities(dataset_id, id),
          FOREIGN KEY (dataset_id, grid_id) REFERENCES grids(dataset_id, id));
        CREATE TABLE households (
          dataset_id text NOT NULL REFERENCES datasets(dataset_id), fid integer NOT NULL, id text NOT NULL,
          building_id text NOT NULL, unit text, room text, persons integer CHECK (persons IS NULL OR persons >= 0),
          party_members integer NOT NULL DEFAULT 0 CHECK (party_members >= 0),
          probationary_members integer NOT NULL DEFAULT 0 CHECK (probationary_members >= 0),
          PRIMARY KEY (dataset_id, fid), UNIQUE (dataset_id, id),
          FOREIGN KEY (dataset_id, building_id) REFERENCES buildings(dataset_id, id));
        CREATE TABLE facilities (
          dataset_id text NOT NULL REFERENCES datasets(dataset_id), fid integer NOT NULL, id text NOT NULL,
          kind text NOT NULL CHECK (kind IN ('party_mass_center','party_mass_station','city_station','city_study','pocket_park','property_service','other')),
          usable_area_m2 double precision NOT NULL CHECK (usable_area_m2 >= 0), name text, community_id text,
          level text CHECK (level IS NULL OR level IN ('district','street','community','grid')),
          embedded boolean NOT NULL DEFAULT false, lon double precision NOT NULL, lat double precision NOT NULL,
          geom geometry(Point) NOT NULL, footprint geometry(Polygon),
          PRIMARY KEY (dataset_id, fid), UNIQUE (dataset_id, id),
          FOREIGN KEY (dataset_id, community_id) REFERENCES communities(dataset_id, id));
        CREATE TABLE candidates (
          dataset_id text NOT NULL REFERENCES datasets(dataset_id), fid integer NOT NULL, id text NOT NULL,
          name text, kind text, available_area_m2 double precision CHECK (available_area_m2 IS NULL OR available_area_m2 >= 0),
          cost double precision, community_id text, lon double precision NOT NULL, lat double precision NOT NULL,
          geom geometry(Point) NOT NULL,
          PRIMARY KEY (dataset_id, fid), UNIQUE (dataset_id, id),
          FOREIGN KEY (dataset_id, community_id) REFERENCES communities(dataset_id, id));
        CREATE TABLE roads (
          dataset_id text NOT NULL REFERENCES datasets(dataset_id), fid integer NOT NULL, id text NOT NULL,
          walkable boolean NOT NULL DEFAULT true, geom geometry(MultiLineString) NOT NULL,
          lines_lonlat geometry(MultiLineString, 4326),
          PRIMARY KEY (dataset_id, fid), UNIQUE (dataset_id, id));
        CREATE TABLE units (
          dataset_id text NOT NULL REFERENCES datasets(dataset_id), fid integer NOT NULL, id text NOT NULL,
          kind text NOT NULL CHECK (kind IN ('agency','institution','soe','non_public','social_org')),
          staff integer NOT NULL CHECK (staff >= 0), name text, community_id text,
          party_workers integer, party_members integer, has_organization boolean,
          PRIMARY KEY (dataset_id, fid), UNIQUE (dataset_id, id),
          FOREIGN KEY (dataset_id, community_id) REFERENCES communities(dataset_id, id));
        CREATE TABLE secretaries (
          dataset_id text NOT NULL REFERENCES datasets(dataset_id), fid integer NOT NULL, id text NOT NULL,
          name text, community_id text NOT NULL, last_training_date text,
          PRIMARY KEY (dataset_id, fid), UNIQUE (dataset_id, id),
          FOREIGN KEY (dataset_id, community_id) REFERENCES communities(dataset_id, id));
        CREATE TABLE contacts (
          dataset_id text NOT NULL REFERENCES datasets(dataset_id), fid integer NOT NULL, leader_id text NOT NULL, name text,
          role text NOT NULL CHECK (role IN ('district_standing','street_committee')), community_id text NOT NULL,
          year integer NOT NULL, days_on_site integer NOT NULL, meetings integer NOT NULL, lectures integer NOT NULL,
          PRIMARY KEY (dataset_id, fid),
          FOREIGN KEY (dataset_id, community_id) REFERENCES communities(dataset_id, id));
        CREATE TABLE ratings (
          dataset_id text NOT NULL REFERENCES datasets(dataset_id), fid integer NOT NULL, organization_id text NOT NULL,
          community_id text, year integer NOT NULL, stars integer NOT NULL CHECK (stars BETWEEN 1 AND 5),
          PRIMARY KEY (dataset_id, fid),
          FOREIGN KEY (dataset_id, community_id) REFERENCES communities(dataset_id, id));
        CREATE TABLE observations (
          dataset_id text NOT NULL REFERENCES datasets(dataset_id), fid integer NOT NULL, organization_id text NOT NULL,
          community_id text, date text NOT NULL,
          PRIMARY KEY (dataset_id, fid),
          FOREIGN KEY (dataset_id, community_id) REFERENCES communities(dataset_id, id));
        CREATE INDEX grids_community ON grids (dataset_id, community_id);
        CREATE INDEX buildings_community ON buildings (dataset_id, community_id);
        CREATE INDEX buildings_grid ON buildings (dataset_id, grid_id);
        CREATE INDEX households_building ON households (dataset_id, building_id);
        CREATE INDEX facilities_community ON facilities (dataset_id, community_id);
        CREATE INDEX candidates_community ON candidates (dataset_id, community_id);
        CREATE INDEX units_community ON units (dataset_id, community_id);
        CREATE INDEX secretaries_community ON secretaries (dataset_id, community_id);
        CREATE INDEX contacts_community ON contacts (dataset_id, community_id);
        CREATE INDEX ratings_community ON ratings (dataset_id, community_id);
        CREATE INDEX observations_community ON observations (dataset_id, community_id);
        CREATE INDEX communities_geom ON communities USING gist (geom);
        CREATE INDEX grids_geom ON grids USING gist (geom);
        CREATE INDEX buildings_geom ON buildings USING gist (geom);
        CREATE INDEX facilities_geom ON facilities USING gist (geom);
        CREATE INDEX candidates_geom ON candidates USING gist (geom);
        CREATE INDEX roads_geom ON roads USING gist (geom);
        """
}
