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
    /// The coverage analysis's building rows, as it returned them.
    private var coverageRows: [BuildingCoverage]
    /// The row of each building when the rows are not in the snapshot's order (nil: same order).
    private var coverageRow: [Int32]?
    var facilities: [Facility]
    var candidates: [Candidate]
    var gaps: [GapCluster]
    var extent: BoundingBox
    /// Longitude scale of the tree's coordinates (cos of the mean latitude), so its distances are isotropic.
    let lonScale: Double
    let tree: KDTree

    /// - Complexity: O(n log n) in the buildings (the k-d tree); the rows are shared, not copied,
    ///   and matched by position when the analysis kept the snapshot's order (it does).
    init(snapshot: Snapshot, coverage result: CoverageResult) {
        var extent = BoundingBox.empty
        for b in snapshot.buildings { extent.include(b.lonLat) }
        let rows = result.buildings
        let aligned =
            rows.count == snapshot.buildings.count
            && zip(rows, snapshot.buildings).allSatisfy { $0.id == $1.id }
        var rowOf: [Int32]?
        if !aligned {
            var byId: [String: Int32] = [:]
            byId.reserveCapacity(rows.count)
            for (i, r) in rows.enumerated() where byId[r.id] == nil { byId[r.id] = Int32(i) }
            rowOf = snapshot.buildings.map { byId[$0.id] ?? -1 }
        }
        // Aggregates per community: buildings come grouped by community, so the last one's slot is
        // reused without hashing its id again.
        let slotOf = Dictionary(snapshot.communities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var totals = [(Int, Int, Int, Int)](repeating: (0, 0, 0, 0), count: snapshot.communities.count)
        var lastId: String?
        var lastSlot: Int?
        for (i, b) in snapshot.buildings.enumerated() {
            if b.communityId != lastId {
                lastId = b.communityId
                lastSlot = slotOf[b.communityId]
            }
            guard let slot = lastSlot else { continue }
            let r = rowOf.map { $0[i] >= 0 ? Int($0[i]) : nil } ?? i
            let covered = r.map { rows[$0].covered } ?? false
            totals[slot].0 += b.households; totals[slot].1 += 1
            if covered { totals[slot].2 += b.households; totals[slot].3 += 1 }
        }
        communities = snapshot.communities.enumerated().map { n, c in
            let rings = c.boundaryLonLat?.polygons.flatMap(\.rings) ?? []
            var box = BoundingBox.empty
            for ring in rings { for p in ring { box.include(p) } }
            extent = extent.union(box)
            let t = totals[n]
            return CommunityShape(
                id: c.id, name: c.name, street: c.street, rings: rings, box: box,
                center: c.boundaryLonLat?.centroid ?? box.center, households: t.0, buildings: t.1,
                coveredHouseholds: t.2, coveredBuildings: t.3)
        }
        buildings = snapshot.buildings
        coverageRows = rows
        coverageRow = rowOf
        facilities = snapshot.facilities
        candidates = snapshot.candidates
        gaps = result.gaps
        self.extent = extent
        let lat0 = extent.isEmpty ? 0 : extent.center.y
        lonScale = cos(lat0 * .pi / 180)
        let scale = lonScale
        tree = KDTree(points: snapshot.buildings.map { Point($0.lonLat.x * scale, $0.lonLat.y) })
    }

    /// The coverage row of building `i` (nil when the analysis left it out).
    func coverage(_ i: Int) -> BuildingCoverage? {
        guard let coverageRow else { return coverageRows[i] }
        let r = coverageRow[i]
        return r >= 0 ? coverageRows[Int(r)] : nil
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
    /// Most buildings, facilities, candidates or gaps in one response.
    static let cap = 4000
    /// Most community outlines in one response (a megacity's 6,400 fit at district zoom).
    static let communityCap = 20_000
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
        var o = JSONBytes()
        var truncated: [String] = []
        o.raw("{\"extent\":[")
        o.fixed(extent.minX); o.raw(","); o.fixed(extent.minY); o.raw(","); o.fixed(extent.maxX); o.raw(",")
        o.fixed(extent.maxY)
        // Communities: outlines dropping vertices closer than a pixel to the last one kept, their
        // coordinates to half a pixel at most (6 decimals at building zoom, fewer above).
        let tolerance = v.metresPerPixel / 111_320
        let decimals = max(1, min(6, Int((log10(2 / tolerance)).rounded(.up))))
        var shown = 0
        o.raw("],\"communities\":[")
        for c in communities where intersects(c.box, v.box) {
            if shown == MapView.communityCap { truncated.append("communities"); break }
            if shown > 0 { o.raw(",") }
            shown += 1
            o.raw("{\"id\":"); o.quoted(c.id); o.raw(",\"name\":"); o.quoted(c.name); o.raw(",\"street\":"); o.quoted(c.street)
            o.raw(",\"households\":"); o.int(c.households); o.raw(",\"buildings\":"); o.int(c.buildings)
            o.raw(",\"covered_households\":"); o.int(c.coveredHouseholds)
            o.raw(",\"covered_buildings\":"); o.int(c.coveredBuildings)
            o.raw(",\"center\":["); o.fixed(c.center.x); o.raw(","); o.fixed(c.center.y); o.raw("],\"rings\":[")
            for (r, ring) in c.rings.enumerated() {
                if r > 0 { o.raw(",") }
                o.raw("[")
                for (i, p) in simplified(ring, tolerance).enumerated() {
                    o.raw(i > 0 ? ",[" : "[")
                    o.fixed(p.x, decimals: decimals); o.raw(","); o.fixed(p.y, decimals: decimals); o.raw("]")
                }
                o.raw("]")
            }
            o.raw("]}")
        }
        o.raw("]")
        var level = "communities"
        if v.metresPerPixel <= MapView.buildingDetail {
            let inside = buildings(in: v.box)
            if inside.count <= MapView.cap {
                level = "buildings"
                o.raw(",\"buildings\":[")
                for (n, i) in inside.enumerated() {
                    let b = buildings[i], c = coverage(i)
                    if n > 0 { o.raw(",") }
                    o.raw("{\"id\":"); o.quoted(b.id); o.raw(",\"name\":"); o.quoted(b.name)
                    o.raw(",\"community_id\":"); o.quoted(b.communityId); o.raw(",\"grid_id\":"); o.quoted(b.gridId)
                    o.raw(",\"households\":"); o.int(b.households)
                    o.raw(",\"lon\":"); o.fixed(b.lonLat.x); o.raw(",\"lat\":"); o.fixed(b.lonLat.y)
                    o.raw(c?.covered == true ? ",\"covered\":true" : ",\"covered\":false")
                    o.raw(",\"nearest_facility_id\":"); o.quoted(c?.nearestFacilityId)
                    o.raw(",\"distance_m\":")
                    if let d = c?.distanceM { o.fixed(d, decimals: 1) } else { o.raw("null") }
                    o.raw(",\"covering_facility_id\":"); o.quoted(c?.coveringFacilityId); o.raw("}")
                }
                o.raw("]")
            } else {
                truncated.append("buildings")
            }
        }
        o.raw(",\"level\":"); o.quoted(level)
        // Facilities and candidates: all of them inside the box, or none (named in `truncated`) when
        // they pass the cap, as buildings: a city's thousands are drawn once zoomed in.
        let shownFacilities = facilities.indices.filter { v.box.contains(facilities[$0].lonLat) }
        let shownCandidates = candidates.indices.filter { v.box.contains(candidates[$0].lonLat) }
        if shownFacilities.count > MapView.cap { truncated.append("facilities") }
        if shownCandidates.count > MapView.cap { truncated.append("candidates") }
        o.raw(",\"facilities\":[")
        for (count, i) in (shownFacilities.count > MapView.cap ? [] : shownFacilities).enumerated() {
            let fa = facilities[i]
            if count > 0 { o.raw(",") }
            o.raw("{\"id\":"); o.quoted(fa.id); o.raw(",\"name\":"); o.quoted(fa.name)
            o.raw(",\"kind\":"); o.quoted(fa.kind.rawValue)
            o.raw(",\"usable_area_m2\":"); o.fixed(fa.usableAreaM2, decimals: 2)
            o.raw(",\"community_id\":"); o.quoted(fa.communityId)
            o.raw(",\"lon\":"); o.fixed(fa.lonLat.x); o.raw(",\"lat\":"); o.fixed(fa.lonLat.y); o.raw("}")
        }
        o.raw("],\"candidates\":[")
        for (count, i) in (shownCandidates.count > MapView.cap ? [] : shownCandidates).enumerated() {
            let c = candidates[i]
            if count > 0 { o.raw(",") }
            o.raw("{\"id\":"); o.quoted(c.id); o.raw(",\"name\":"); o.quoted(c.name)
            o.raw(",\"available_area_m2\":")
            if let a = c.availableAreaM2 { o.fixed(a, decimals: 2) } else { o.raw("null") }
            o.raw(",\"lon\":"); o.fixed(c.lonLat.x); o.raw(",\"lat\":"); o.fixed(c.lonLat.y); o.raw("}")
        }
        o.raw("],\"gaps\":[")
        for (n, g) in gaps.prefix(MapView.cap).enumerated() {
            if n > 0 { o.raw(",") }
            o.raw("{\"id\":"); o.quoted(g.id); o.raw(",\"households\":"); o.int(g.households); o.raw(",\"hull\":[")
            for (i, p) in g.hull.enumerated() where p.count >= 2 {
                o.raw(i > 0 ? ",[" : "["); o.fixed(p[0]); o.raw(","); o.fixed(p[1]); o.raw("]")
            }
            o.raw("]}")
        }
        o.raw("],\"truncated\":[")
        for (i, t) in truncated.enumerated() {
            if i > 0 { o.raw(",") }
            o.quoted(t)
        }
        o.raw("]}")
        return o.text
    }

    private func intersects(_ a: BoundingBox, _ b: BoundingBox) -> Bool {
        !a.isEmpty && a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY
    }

    /// The ring without vertices closer than `tolerance` to the last one kept; a ring smaller than
    /// that (a community a pixel wide) becomes the triangle of its first vertex and those a third
    /// and two thirds along, never the whole ring.
    private func simplified(_ ring: [Point], _ tolerance: Double) -> [Point] {
        guard ring.count > 8 else { return ring }
        var kept: [Point] = [ring[0]]
        for p in ring.dropFirst().dropLast() where p.distance(to: kept[kept.count - 1]) >= tolerance { kept.append(p) }
        kept.append(ring[ring.count - 1])
        if kept.count >= 4 { return kept }
        let n = ring.count - 1
        return [ring[0], ring[n / 3], ring[2 * n / 3], ring[n]]
    }
}

/// A JSON text written byte by byte: the map document is written for every pan and zoom, so it
/// avoids `String(format:)` and string concatenation.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func quoted(_ s: String?) {
        guard let s else { raw("null"); return }
        JSONWriter.writeString(s, into: &bytes)
    }

    mutating func int(_ n: Int) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = n.magnitude
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(m % 10))
            m /= 10
        } while m > 0
        bytes.append(contentsOf: digits.reversed())
    }

    /// `x` rounded to `decimals` places (6 for degrees: about 0.1 m), written without exponent.
    mutating func fixed(_ x: Double, decimals: Int = 6) {
        guard x.isFinite else { raw("null"); return }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let v = Int((x.magnitude * scale).rounded())
        if x < 0 && v != 0 { bytes.append(UInt8(ascii: "-")) }
        let s = Int(scale)
        int(v / s)
        if decimals > 0 {
            bytes.append(UInt8(ascii: "."))
            var frac = v % s
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: decimals)
            for i in stride(from: decimals - 1, through: 0, by: -1) {
                digits[i] = UInt8(ascii: "0") + UInt8(frac % 10)
                frac /= 10
            }
            bytes.append(contentsOf: digits)
        }
    }
}
