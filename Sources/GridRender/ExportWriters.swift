import Foundation
import GridAnalysis
import GridGeo
import GridModel

/// The store's layers and the latest results as `FeatureTable`s, ready for any export writer.
/// Household rows appear only when asked for (personal information).
public enum ExportLayers {
    typealias C = FeatureTable.Column

    /// Every layer of the snapshot, in store order: communities, grids, buildings, households
    /// (only with `includeHouseholds`), facilities, candidates, roads, units and the compliance
    /// records (secretaries, contacts, ratings, observations).
    public static func snapshotLayers(_ s: Snapshot, includeHouseholds: Bool) -> [FeatureTable] {
        var out: [FeatureTable] = []
        var communities = FeatureTable(
            name: "communities", geometryKind: .multiPolygon,
            columns: [C("id", .text), C("name", .text), C("street", .text), C("kind", .text)])
        for c in s.communities {
            communities.append(
                [.text(c.id), .text(c.name), .text(c.street), .text(c.kind)],
                lonLat: c.boundaryLonLat.map { .multiPolygon($0) }, projected: c.boundary.map { .multiPolygon($0) })
        }
        out.append(communities)

        var grids = FeatureTable(
            name: "grids", geometryKind: .multiPolygon,
            columns: [C("id", .text), C("community_id", .text), C("name", .text)])
        for g in s.grids {
            grids.append(
                [.text(g.id), .text(g.communityId), .text(g.name)],
                lonLat: g.boundaryLonLat.map { .multiPolygon($0) }, projected: g.boundary.map { .multiPolygon($0) })
        }
        out.append(grids)

        var buildings = FeatureTable(
            name: "buildings", geometryKind: .point,
            columns: [
                C("id", .text), C("community_id", .text), C("grid_id", .text), C("name", .text), C("households", .integer),
                C("residents", .integer), C("party_members", .integer), C("probationary_members", .integer), C("floors", .integer)
            ])
        for b in s.buildings {
            buildings.append(
                [
                    .text(b.id), .text(b.communityId), .text(b.gridId), .text(b.name), .integer(b.households),
                    .integer(b.residents), .integer(b.partyMembers), .integer(b.probationaryMembers), .integer(b.floors)
                ],
                lonLat: .point(b.lonLat), projected: .point(b.location))
        }
        out.append(buildings)

        if includeHouseholds {
            var households = FeatureTable(
                name: "households", geometryKind: nil,
                columns: [
                    C("id", .text), C("building_id", .text), C("unit", .text), C("room", .text), C("persons", .integer),
                    C("party_members", .integer), C("probationary_members", .integer)
                ])
            for h in s.households {
                households.append([
                    .text(h.id), .text(h.buildingId), .text(h.unit), .text(h.room), .integer(h.persons),
                    .integer(h.partyMembers), .integer(h.probationaryMembers)
                ])
            }
            out.append(households)
        }

        var facilities = FeatureTable(
            name: "facilities", geometryKind: .point,
            columns: [
                C("id", .text), C("kind", .text), C("kind_name", .text), C("usable_area_m2", .real), C("name", .text),
                C("community_id", .text), C("level", .text), C("embedded", .boolean)
            ])
        for f in s.facilities {
            facilities.append(
                [
                    .text(f.id), .text(f.kind.rawValue), .text(f.kind.chineseName), .real(f.usableAreaM2), .text(f.name),
                    .text(f.communityId), .text(f.level?.rawValue), .boolean(f.embedded)
                ],
                lonLat: .point(f.lonLat), projected: .point(f.location))
        }
        out.append(facilities)

        var candidates = FeatureTable(
            name: "candidates", geometryKind: .point,
            columns: [
                C("id", .text), C("name", .text), C("kind", .text), C("available_area_m2", .real), C("cost", .real),
                C("community_id", .text)
            ])
        for c in s.candidates {
            candidates.append(
                [.text(c.id), .text(c.name), .text(c.kind), .real(c.availableAreaM2), .real(c.cost), .text(c.communityId)],
                lonLat: .point(c.lonLat), projected: .point(c.location))
        }
        out.append(candidates)

        var roads = FeatureTable(
            name: "roads", geometryKind: .multiLineString, columns: [C("id", .text), C("walkable", .boolean)])
        for r in s.roads {
            roads.append(
                [.text(r.id), .boolean(r.walkable)],
                lonLat: r.linesLonLat.isEmpty ? nil : .multiLineString(r.linesLonLat), projected: .multiLineString(r.lines))
        }
        out.append(roads)

        var units = FeatureTable(
            name: "units", geometryKind: nil,
            columns: [
                C("id", .text), C("kind", .text), C("staff", .integer), C("name", .text), C("community_id", .text),
                C("party_workers", .integer), C("party_members", .integer), C("has_organization", .boolean)
            ])
        for u in s.units {
            units.append([
                .text(u.id), .text(u.kind.rawValue), .integer(u.staff), .text(u.name), .text(u.communityId),
                .integer(u.partyWorkers), .integer(u.partyMembers), .boolean(u.hasOrganization)
            ])
        }
        out.append(units)

        let r = s.records
        var secretaries = FeatureTable(
            name: "secretaries", geometryKind: nil,
            columns: [
                C("id", .text), C("name", .text), C("community_id", .text), C("last_training_date", .text)
            ])
        for x in r.secretaries {
            secretaries.append([.text(x.id), .text(x.name), .text(x.communityId), .text(x.lastTrainingDate)])
        }
        out.append(secretaries)
        var contacts = FeatureTable(
            name: "contacts", geometryKind: nil,
            columns: [
                C("leader_id", .text), C("name", .text), C("role", .text), C("community_id", .text), C("year", .integer),
                C("days_on_site", .integer), C("meetings", .integer), C("lectures", .integer)
            ])
        for x in r.contacts {
            contacts.append([
                .text(x.leaderId), .text(x.name), .text(x.role.rawValue), .text(x.communityId), .integer(x.year),
                .integer(x.daysOnSite), .integer(x.meetingsAttended), .integer(x.lecturesGiven)
            ])
        }
        out.append(contacts)
        var ratings = FeatureTable(
            name: "ratings", geometryKind: nil,
            columns: [
                C("organization_id", .text), C("community_id", .text), C("year", .integer), C("stars", .integer)
            ])
        for x in r.ratings {
            ratings.append([.text(x.organizationId), .text(x.communityId), .integer(x.year), .integer(x.stars)])
        }
        out.append(ratings)
        var observations = FeatureTable(
            name: "observations", geometryKind: nil,
            columns: [
                C("organization_id", .text), C("community_id", .text), C("date", .text)
            ])
        for x in r.observations { observations.append([.text(x.organizationId), .text(x.communityId), .text(x.date)]) }
        out.append(observations)
        return out
    }

    /// `area_report`: every community polygon with its area-standard figures.
    public static func areaReportLayer(_ report: AreaReport, snapshot: Snapshot) -> FeatureTable {
        var t = FeatureTable(
            name: "area_report", geometryKind: .multiPolygon,
            columns: [
                C("id", .text), C("name", .text), C("street", .text), C("households", .integer), C("facility_count", .integer),
                C("facility_area_m2", .real), C("area_per_100_households", .real), C("required_area_m2", .real),
                C("deficit_m2", .real), C("meets_standard", .boolean), C("standard_m2_per_100_households", .real)
            ])
        let byId = Dictionary(snapshot.communities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for row in report.communities {
            let c = byId[row.id]
            let f = row.figures
            t.append(
                [
                    .text(row.id), .text(row.name), .text(row.street), .integer(f.households), .integer(row.facilityCount),
                    .real(rounded(f.facilityArea, 2)), .real(f.areaPer100.map { rounded($0, 2) }),
                    .real(rounded(f.requiredArea, 2)),
                    .real(rounded(f.deficit, 2)), .boolean(row.meetsStandard), .real(report.standardM2Per100Households)
                ],
                lonLat: c?.boundaryLonLat.map { .multiPolygon($0) }, projected: c?.boundary.map { .multiPolygon($0) })
        }
        return t
    }

    /// `coverage`: every building with its distance to the nearest counted facility and whether it is covered.
    public static func coverageLayer(_ result: CoverageResult, snapshot: Snapshot) -> FeatureTable {
        var t = FeatureTable(
            name: "coverage", geometryKind: .point,
            columns: [
                C("id", .text), C("community_id", .text), C("grid_id", .text), C("households", .integer),
                C("nearest_facility_id", .text), C("distance_m", .real), C("covered", .boolean),
                C("covering_facility_id", .text), C("radius_m", .real)
            ])
        let byId = Dictionary(snapshot.buildings.map { ($0.id, $0.location) }, uniquingKeysWith: { a, _ in a })
        for b in result.buildings {
            t.append(
                [
                    .text(b.id), .text(b.communityId), .text(b.gridId), .integer(b.households), .text(b.nearestFacilityId),
                    .real(b.distanceM.map { rounded($0, 1) }), .boolean(b.covered), .text(b.coveringFacilityId),
                    .real(result.radiusM)
                ],
                lonLat: .point(Point(b.lon, b.lat)), projected: byId[b.id].map { .point($0) })
        }
        return t
    }
}

/// Writes a `FeatureTable` as RFC 7946 GeoJSON or as CSV (points as `lon`,`lat` columns, other
/// geometry as WKT in a `wkt` column), always in longitude/latitude.
public enum ExportWriters {
    /// The WGS84 definition written next to CSV files (`.prj`), so GDAL knows their CRS.
    public static let wgs84PRJ = """
        GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Longitude",EAST],AXIS["Latitude",NORTH],AUTHORITY["EPSG","4326"]]
        """

    /// A FeatureCollection named after the table; attribute tables get `"geometry": null`.
    public static func geojson(_ table: FeatureTable) -> String {
        var w = GeoJSONWriter(name: table.name)
        for f in table.features {
            let props: [(String, GeoJSONWriter.Value)] = zip(table.columns, f.values).map { col, v in
                (col.name, geoJSONValue(v, col.type))
            }
            w.add(geometry: f.lonLat.map(GeoJSONGeometry.init), properties: props)
        }
        return w.finish()
    }

    static func geoJSONValue(_ v: FeatureTable.Value, _ type: FeatureTable.ColumnType) -> GeoJSONWriter.Value {
        switch v {
        case .text(let s): return .string(s)
        case .integer(let i): return .int(i)
        case .real(let d): return .double(d, places: 6)
        case .boolean(let b): return .bool(b)
        case .null:
            switch type {
            case .text: return .string(nil)
            case .integer: return .int(nil)
            case .real: return .double(nil, places: 6)
            case .boolean: return .bool(nil)
            }
        }
    }

    /// The CSV columns of a table: its own, then `lon`,`lat` (points) or `wkt` (polygons, lines).
    public static func csvHeader(_ table: FeatureTable) -> [String] {
        var h = table.columns.map(\.name)
        switch table.geometryKind {
        case .point?: h += ["lon", "lat"]
        case .multiPolygon?, .multiLineString?: h.append("wkt")
        case nil: break
        }
        return h
    }

    public static func csv(_ table: FeatureTable) -> String {
        var w = CSVWriter(header: csvHeader(table))
        for f in table.features {
            var row = f.values.map(csvField)
            switch table.geometryKind {
            case .point?:
                if case .point(let p)? = f.lonLat { row += [coordinate(p.x), coordinate(p.y)] } else { row += ["", ""] }
            case .multiPolygon?, .multiLineString?:
                row.append(f.lonLat.map(wkt) ?? "")
            case nil: break
            }
            w.appendRow(row)
        }
        return w.text
    }

    /// GDAL's `.csvt` sidecar: one type per column, so numbers stay numbers.
    public static func csvt(_ table: FeatureTable) -> String {
        var types = table.columns.map { c -> String in
            switch c.type {
            case .text: return "String"
            case .integer: return "Integer"
            case .real: return "Real"
            case .boolean: return "Integer(Boolean)"
            }
        }
        switch table.geometryKind {
        case .point?: types += ["CoordX", "CoordY"]
        case .multiPolygon?, .multiLineString?: types.append("WKT")
        case nil: break
        }
        return types.map { "\"\($0)\"" }.joined(separator: ",") + "\n"
    }

    static func csvField(_ v: FeatureTable.Value) -> String {
        switch v {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .real(let d): return GeoJSONWriter.formatNumber(d, 6)
        case .boolean(let b): return b ? "1" : "0"
        case .null: return ""
        }
    }

    static func coordinate(_ x: Double) -> String { GeoJSONWriter.formatNumber(x, 7) }

    /// Well-known text of a geometry, exterior rings counter-clockwise like the GeoJSON.
    public static func wkt(_ g: FeatureTable.Geometry) -> String {
        func seq(_ pts: [Point]) -> String {
            "(" + pts.map { coordinate($0.x) + " " + coordinate($0.y) }.joined(separator: ", ") + ")"
        }
        func oriented(_ r: [Point], ccw: Bool) -> [Point] { (Polygon.signedArea(r) > 0) == ccw ? r : r.reversed() }
        switch g {
        case .point(let p): return "POINT (\(coordinate(p.x)) \(coordinate(p.y)))"
        case .multiLineString(let ls):
            return ls.isEmpty
                ? "MULTILINESTRING EMPTY" : "MULTILINESTRING (" + ls.map { seq($0.points) }.joined(separator: ", ") + ")"
        case .multiPolygon(let m):
            guard !m.polygons.isEmpty else { return "MULTIPOLYGON EMPTY" }
            return "MULTIPOLYGON ("
                + m.polygons.map { p in
                    "("
                        + ([seq(oriented(p.exterior, ccw: true))] + p.holes.map { seq(oriented($0, ccw: false)) }).joined(
                            separator: ", ") + ")"
                }.joined(separator: ", ") + ")"
        }
    }
}
