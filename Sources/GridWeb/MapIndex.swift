import Foundation
import GridAnalysis
import GridFormats
import GridGeo
import GridModel

/// What the workspace map draws, indexed once per store state: communities with their
/// aggregates, buildings in a k-d tree (for the view's bounding box), facilities, candidates
/// and gap neighbourhoods, all in longitude/latitude. `view(_:)` answers one map request with
/// only what the view needs: communities aggregated at low zoom, buildings inside the box at
/// high zoom, never more than `MapView.cap` features of a layer.
struct MapIndex: Sendable {
    struct CommunityShape: Sendable {
        var id: String, name: String?, street: String?
        var rings: [[Point]]
        var box: BoundingBox
        var center: Point
        var households: Int, buildings: Int, coveredHouseholds: Int, coveredBuildings: Int
    }

    var communities: [CommunityShape]
    var buildings: [Building]
    /// Each building's coverage row (nil when the analysis left it out).
    var coverage: [BuildingCoverage?]
    var facilities: [Facility]
    var candidates: [Candidate]
    var gaps: [GapCluster]
    var extent: BoundingBox
    /// Longitude scale of the tree's coordinates (cos of the mean latitude), so its distances are isotropic.
    let lonScale: Double
    let tree: KDTree

    init(snapshot: Snapshot, coverage result: CoverageResult) {
        var extent = BoundingBox.empty
        for b in snapshot.buildings { extent.include(b.lonLat) }
        var byCommunity: [String: (Int, Int, Int, Int)] = [:]
        let coverageById = Dictionary(result.buildings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var coverage: [BuildingCoverage?] = []
        coverage.reserveCapacity(snapshot.buildings.count)
        for b in snapshot.buildings {
            let c = coverageById[b.id]
            coverage.append(c)
            var t = byCommunity[b.communityId] ?? (0, 0, 0, 0)
            t.0 += b.households; t.1 += 1
            if c?.covered == true { t.2 += b.households; t.3 += 1 }
            byCommunity[b.communityId] = t
        }
        communities = snapshot.communities.map { c in
            let rings = c.boundaryLonLat?.polygons.flatMap(\.rings) ?? []
            var box = BoundingBox.empty
            for ring in rings { for p in ring { box.include(p) } }
            extent = extent.union(box)
            let t = byCommunity[c.id] ?? (0, 0, 0, 0)
            return CommunityShape(
                id: c.id, name: c.name, street: c.street, rings: rings, box: box,
                center: c.boundaryLonLat?.centroid ?? box.center, households: t.0, buildings: t.1,
                coveredHouseholds: t.2, coveredBuildings: t.3)
        }
        buildings = snapshot.buildings
        self.coverage = coverage
        facilities = snapshot.facilities
        candidates = snapshot.candidates
        gaps = result.gaps
        self.extent = extent
        let lat0 = extent.isEmpty ? 0 : extent.center.y
        lonScale = cos(lat0 * .pi / 180)
        let scale = lonScale
        tree = KDTree(points: snapshot.buildings.map { Point($0.lonLat.x * scale, $0.lonLat.y) })
    }

    /// Indices of the buildings inside `box`, found through the k-d tree.
    func buildings(in box: BoundingBox) -> [Int] {
        let center = Point(box.center.x * lonScale, box.center.y)
        let radius = (pow(box.width * lonScale / 2, 2) + pow(box.height / 2, 2)).squareRoot()
        return tree.indices(within: radius * 1.0000001, of: center).filter { box.contains(buildings[$0].lonLat) }.sorted()
    }
}

/// One map request: the box seen and the metres one screen pixel covers.
struct MapView: Sendable {
    /// Most features of one layer in one response.
    static let cap = 4000
    /// Finer than this (metres per pixel) the buildings themselves are sent, when they fit the cap.
    static let buildingDetail = 25.0

    var box: BoundingBox
    var metresPerPixel: Double

    /// Reads `bbox=minLon,minLat,maxLon,maxLat` and `mpp=`; nil when malformed.
    init?(bbox: String?, mpp: String?) {
        guard let bbox else { return nil }
        let v = bbox.split(separator: ",").compactMap { Double($0) }
        guard v.count == 4, v.allSatisfy(\.isFinite), v[0] <= v[2], v[1] <= v[3] else { return nil }
        box = BoundingBox(minX: v[0], minY: v[1], maxX: v[2], maxY: v[3])
        let m = mpp.flatMap { Double($0) } ?? 10
        guard m.isFinite, m > 0 else { return nil }
        metresPerPixel = m
    }
}

extension MapIndex {
    /// The map document of one view (JSON text): `level` ("buildings" or "communities"),
    /// `communities` (outlines simplified to the pixel size, with aggregates), `buildings` (only at
    /// building level), `facilities`, `candidates`, `gaps`, `extent`, and `truncated` when a layer
    /// hit the cap.
    func view(_ v: MapView) -> String {
        var out = "{"
        var truncated: [String] = []
        out += "\"extent\":[\(f(extent.minX)),\(f(extent.minY)),\(f(extent.maxX)),\(f(extent.maxY))]"
        // Communities: outlines dropping vertices closer than a pixel to the last one kept.
        let tolerance = v.metresPerPixel / 111_320
        var shown = 0
        out += ",\"communities\":["
        for c in communities where intersects(c.box, v.box) {
            if shown == MapView.cap { truncated.append("communities"); break }
            if shown > 0 { out += "," }
            shown += 1
            out += "{\"id\":\(q(c.id)),\"name\":\(q(c.name)),\"street\":\(q(c.street))"
            out += ",\"households\":\(c.households),\"buildings\":\(c.buildings)"
            out += ",\"covered_households\":\(c.coveredHouseholds),\"covered_buildings\":\(c.coveredBuildings)"
            out += ",\"center\":[\(f(c.center.x)),\(f(c.center.y))],\"rings\":["
            out += c.rings.map { ring in
                "[" + simplified(ring, tolerance).map { "[\(f($0.x)),\(f($0.y))]" }.joined(separator: ",") + "]"
            }
            .joined(separator: ",")
            out += "]}"
        }
        out += "]"
        var level = "communities"
        if v.metresPerPixel <= MapView.buildingDetail {
            let inside = buildings(in: v.box)
            if inside.count <= MapView.cap {
                level = "buildings"
                out += ",\"buildings\":["
                out += inside.map { i in
                    let b = buildings[i], c = coverage[i]
                    return
                        "{\"id\":\(q(b.id)),\"name\":\(q(b.name)),\"community_id\":\(q(b.communityId)),\"grid_id\":\(q(b.gridId))"
                        + ",\"households\":\(b.households),\"lon\":\(f(b.lonLat.x)),\"lat\":\(f(b.lonLat.y))"
                        + ",\"covered\":\(c?.covered ?? false),\"nearest_facility_id\":\(q(c?.nearestFacilityId))"
                        + ",\"distance_m\":\(c?.distanceM.map { String(format: "%.1f", $0) } ?? "null")"
                        + ",\"covering_facility_id\":\(q(c?.coveringFacilityId))}"
                }.joined(separator: ",")
                out += "]"
            } else {
                truncated.append("buildings")
            }
        }
        out += ",\"level\":\(q(level))"
        out += ",\"facilities\":["
        var count = 0
        for fa in facilities where v.box.contains(fa.lonLat) {
            if count == MapView.cap { truncated.append("facilities"); break }
            if count > 0 { out += "," }
            count += 1
            out +=
                "{\"id\":\(q(fa.id)),\"name\":\(q(fa.name)),\"kind\":\(q(fa.kind.rawValue))"
                + ",\"usable_area_m2\":\(f(fa.usableAreaM2)),\"community_id\":\(q(fa.communityId))"
                + ",\"lon\":\(f(fa.lonLat.x)),\"lat\":\(f(fa.lonLat.y))}"
        }
        out += "],\"candidates\":["
        count = 0
        for c in candidates where v.box.contains(c.lonLat) {
            if count == MapView.cap { truncated.append("candidates"); break }
            if count > 0 { out += "," }
            count += 1
            out +=
                "{\"id\":\(q(c.id)),\"name\":\(q(c.name)),\"available_area_m2\":\(c.availableAreaM2.map(f) ?? "null")"
                + ",\"lon\":\(f(c.lonLat.x)),\"lat\":\(f(c.lonLat.y))}"
        }
        out += "],\"gaps\":["
        out += gaps.prefix(MapView.cap).map { g in
            "{\"id\":\(q(g.id)),\"households\":\(g.households),\"hull\":["
                + g.hull.map { "[\(f($0[0])),\(f($0[1]))]" }.joined(separator: ",") + "]}"
        }.joined(separator: ",")
        out += "],\"truncated\":[" + truncated.map { q($0) }.joined(separator: ",") + "]}"
        return out
    }

    private func intersects(_ a: BoundingBox, _ b: BoundingBox) -> Bool {
        !a.isEmpty && a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY
    }

    private func simplified(_ ring: [Point], _ tolerance: Double) -> [Point] {
        guard ring.count > 8 else { return ring }
        var kept: [Point] = [ring[0]]
        for p in ring.dropFirst().dropLast() where p.distance(to: kept[kept.count - 1]) >= tolerance { kept.append(p) }
        kept.append(ring[ring.count - 1])
        return kept.count >= 4 ? kept : ring
    }

    private func f(_ x: Double) -> String { String(format: "%.6f", x) }
    private func q(_ s: String?) -> String { s.map(JSONWriter.quoted) ?? "null" }
}
