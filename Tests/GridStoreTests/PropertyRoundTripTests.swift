import Foundation
import GridAnalysis
import GridGeo
import GridModel
import Testing
@testable import GridStore
import TestSupport

/// A random snapshot: full-precision coordinates, optional fields set or not at random, ids
/// with CJK text, quotes and commas.
func randomSnapshot(seed: UInt64) -> Snapshot {
    var rng = SeededGenerator(seed: seed)
    func maybe<T>(_ v: @autoclosure () -> T) -> T? { Bool.random(using: &rng) ? v() : nil }
    func x() -> Double { Double.random(in: 400_000..<600_000, using: &rng) }
    func y() -> Double { Double.random(in: 3_300_000..<3_400_000, using: &rng) }
    func lon() -> Double { Double.random(in: 113..<115, using: &rng) }
    func lat() -> Double { Double.random(in: 30..<31, using: &rng) }
    func square(_ cx: Double, _ cy: Double, _ d: Double) -> Polygon {
        Polygon(exterior: [Point(cx, cy), Point(cx + d, cy), Point(cx + d, cy + d), Point(cx, cy + d), Point(cx, cy)])
    }
    let names = ["东湖", "a,b", "say \"hi\"", "x'y", "中山路 1 号", ""]
    let nc = Int.random(in: 1...4, using: &rng)
    let communities = (0..<nc).map { i in
        Community(
            id: "C\(i)-\(names[i % names.count])", name: maybe(names.randomElement(using: &rng)!),
            street: maybe("街道\(i)"), kind: maybe("urban"),
            boundary: MultiPolygon([square(x(), y(), 500)]), boundaryLonLat: MultiPolygon([square(lon(), lat(), 0.01)]))
    }
    let kinds = FacilityKind.allCases
    let buildings = (0..<Int.random(in: 1...60, using: &rng)).map { i in
        Building(
            id: "B\(i)", communityId: communities[i % nc].id, gridId: nil, name: maybe("楼\(i)"),
            households: Int.random(in: 0...300, using: &rng), residents: maybe(Int.random(in: 0...900, using: &rng)),
            partyMembers: Int.random(in: 0...20, using: &rng), probationaryMembers: Int.random(in: 0...3, using: &rng),
            floors: maybe(Int.random(in: 1...40, using: &rng)), location: Point(x(), y()), lonLat: Point(lon(), lat()),
            footprint: Bool.random(using: &rng) ? square(x(), y(), 20) : nil)
    }
    let households = buildings.prefix(5).flatMap { b in
        (0..<3).map { k in
            Household(
                id: "\(b.id)-H\(k)", buildingId: b.id, unit: maybe("\(k)"), room: maybe("10\(k)"),
                persons: maybe(k + 1), partyMembers: k % 2)
        }
    }
    let facilities = (0..<Int.random(in: 0...15, using: &rng)).map { i in
        Facility(
            id: "F\(i)", kind: kinds[i % kinds.count], usableAreaM2: Double.random(in: 0...2000, using: &rng),
            name: maybe("站\(i)"), communityId: maybe(communities[i % nc].id),
            level: maybe(FacilityLevel.allCases[i % FacilityLevel.allCases.count]), embedded: Bool.random(using: &rng),
            location: Point(x(), y()), lonLat: Point(lon(), lat()))
    }
    let candidates = (0..<Int.random(in: 0...8, using: &rng)).map { i in
        Candidate(
            id: "K\(i)", name: maybe("空置\(i)"), kind: maybe("vacant_room"),
            availableAreaM2: maybe(Double.random(in: 0...500, using: &rng)), cost: maybe(Double.random(in: 0...50, using: &rng)),
            communityId: maybe(communities[i % nc].id), location: Point(x(), y()), lonLat: Point(lon(), lat()))
    }
    let roads = (0..<Int.random(in: 0...5, using: &rng)).map { i in
        Road(
            id: "R\(i)", walkable: Bool.random(using: &rng),
            lines: [LineString([Point(x(), y()), Point(x(), y()), Point(x(), y())])],
            linesLonLat: [LineString([Point(lon(), lat()), Point(lon(), lat()), Point(lon(), lat())])])
    }
    return Snapshot(
        metadata: DatasetMetadata(name: "random \(seed)", sourceCRS: "EPSG:4490", workingCRS: "EPSG:4547"),
        communities: communities, buildings: buildings, households: households, facilities: facilities,
        candidates: candidates, roads: roads)
}

/// Store → load gives back every entity and every coordinate bit for bit (so certainly to 1e-9°).
@Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
func propertyStoreRoundTripKeepsEverything(seed: UInt64) throws {
    let original = randomSnapshot(seed: seed)
    let path = temporaryStorePath()
    defer { removeStore(path) }
    try GeoPackageStore(path: path, create: true).replaceContents(with: original)
    let back = try GeoPackageStore(path: path, create: false).loadSnapshot()
    #expect(back.metadata == original.metadata)
    #expect(back.communities == original.communities)
    #expect(back.buildings == original.buildings)
    #expect(back.households == original.households)
    #expect(back.facilities == original.facilities)
    #expect(back.candidates == original.candidates)
    #expect(back.roads == original.roads)
}

/// Dataset files → import → store → load: every entity arrives and every longitude/latitude
/// equals the input to 1e-9 degrees (CGCS2000 input, as the demo). Ids written as JSON numbers
/// arrive as their decimal text. (The export leg of import → export → import waits for
/// `gridplan export`, written on another branch.)
@Test(arguments: [11, 12, 13] as [UInt64])
func propertyImportKeepsEveryCoordinate(seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    let dir = try TemporaryFiles.directory(prefix: "gridplan-prop")
    defer { try? FileManager.default.removeItem(at: dir) }
    // Communities: squares side by side; buildings and facilities at random points inside them.
    let nc = Int.random(in: 1...5, using: &rng)
    let lon0 = Double.random(in: 110..<120, using: &rng), lat0 = Double.random(in: 25..<35, using: &rng)
    var communityRings: [[(Double, Double)]] = []
    var features: [String] = []
    for i in 0..<nc {
        let x0 = lon0 + Double(i) * 0.01, y0 = lat0
        let ring = [(x0, y0), (x0 + 0.01, y0), (x0 + 0.01, y0 + 0.01), (x0, y0 + 0.01), (x0, y0)]
        communityRings.append(ring)
        let coords = ring.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
        features.append(
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"C\(i)\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(coords)]]}}"
        )
    }
    func collection(_ f: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[" + f.joined(separator: ",\n") + "]}"
    }
    try collection(features).write(to: dir.appendingPathComponent("communities.geojson"), atomically: true, encoding: .utf8)
    var expected: [String: Point] = [:]
    var buildingFeatures: [String] = []
    for i in 0..<Int.random(in: 1...200, using: &rng) {
        let c = Int.random(in: 0..<nc, using: &rng)
        let p = Point(
            lon0 + Double(c) * 0.01 + Double.random(in: 0.0001..<0.0099, using: &rng),
            lat0 + Double.random(in: 0.0001..<0.0099, using: &rng))
        let id = i % 3 == 0 ? "\(1000 + i)" : "\"B\(i)\""  // some ids are JSON numbers
        expected["b:" + (i % 3 == 0 ? "\(1000 + i)" : "B\(i)")] = p
        buildingFeatures.append(
            "{\"type\":\"Feature\",\"properties\":{\"id\":\(id),\"households\":\(i % 50),\"community_id\":\"C\(c)\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(p.x),\(p.y)]}}"
        )
    }
    try collection(buildingFeatures).write(to: dir.appendingPathComponent("buildings.geojson"), atomically: true, encoding: .utf8)
    var csv = "id,kind,usable_area_m2,lon,lat\n"
    for i in 0..<Int.random(in: 1...20, using: &rng) {
        let p = Point(
            lon0 + Double.random(in: 0..<(Double(nc) * 0.01), using: &rng), lat0 + Double.random(in: 0..<0.01, using: &rng))
        expected["f:F\(i)"] = p
        csv += "F\(i),party_mass_station,\(Double(i) * 10.5),\(p.x),\(p.y)\n"
    }
    try csv.write(to: dir.appendingPathComponent("facilities.csv"), atomically: true, encoding: .utf8)
    try "{\"name\":\"prop\",\"crs\":\"EPSG:4490\"}".write(
        to: dir.appendingPathComponent("dataset.json"), atomically: true, encoding: .utf8)

    let snapshot = try DatasetImporter.read(directory: dir)
    let path = temporaryStorePath()
    defer { removeStore(path) }
    try GeoPackageStore(path: path, create: true).replaceContents(with: snapshot)
    let back = try GeoPackageStore(path: path, create: false).loadSnapshot()
    var seen = 0
    for b in back.buildings {
        let p = try #require(expected["b:" + b.id], "unexpected building id \(b.id)")
        #expect(abs(b.lonLat.x - p.x) <= 1e-9 && abs(b.lonLat.y - p.y) <= 1e-9, "\(b.id): \(b.lonLat) vs \(p)")
        seen += 1
    }
    for f in back.facilities {
        let p = try #require(expected["f:" + f.id], "unexpected facility id \(f.id)")
        #expect(abs(f.lonLat.x - p.x) <= 1e-9 && abs(f.lonLat.y - p.y) <= 1e-9, "\(f.id): \(f.lonLat) vs \(p)")
        seen += 1
    }
    #expect(seen == expected.count)
    #expect(back.communities.count == nc)
    for (c, ring) in zip(back.communities.sorted { $0.id < $1.id }, communityRings) {
        let got = try #require(c.boundaryLonLat?.polygons.first?.exterior)
        #expect(got.count == ring.count)
        for (g, r) in zip(got, ring) { #expect(abs(g.x - r.0) <= 1e-9 && abs(g.y - r.1) <= 1e-9) }
    }
}

/// covered ⇔ some counted facility lies within its reach, on random snapshots against brute force;
/// the nearest distance is the brute-force minimum over counted facilities.
@Test(arguments: [21, 22, 23, 24, 25] as [UInt64])
func propertyCoveredIffWithinReach(seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    var snapshot = randomSnapshot(seed: seed)
    // Put buildings and facilities in one 3 km square so coverage is mixed.
    for i in snapshot.buildings.indices {
        snapshot.buildings[i].location = Point(Double.random(in: 0..<3000, using: &rng), Double.random(in: 0..<3000, using: &rng))
    }
    for i in snapshot.facilities.indices {
        snapshot.facilities[i].location = Point(
            Double.random(in: 0..<3000, using: &rng), Double.random(in: 0..<3000, using: &rng))
    }
    let selection = FacilitySelection(
        countedKinds: [.partyMassCenter, .partyMassStation],
        radius: Double.random(in: 200...800, using: &rng), streetReach: 1000)
    let result = try Coverage.analyze(snapshot, CoverageParameters(selection: selection))
    let counted = snapshot.facilities.filter(selection.counts)
    #expect(result.buildings.count == snapshot.buildings.count)
    for (b, row) in zip(snapshot.buildings, result.buildings) {
        #expect(row.id == b.id)
        let d = counted.map { hypot($0.location.x - b.location.x, $0.location.y - b.location.y) }
        let slack = zip(counted, d).map { abs($1 - selection.reach(of: $0)) }.min() ?? .infinity
        guard slack > 1e-6 else { continue }  // exactly on a reach circle: rounding decides
        let within = zip(counted, d).contains { $1 <= selection.reach(of: $0) }
        #expect(row.covered == within, "\(b.id)")
        if let nearest = d.min() {
            let got = try #require(row.distanceM)
            #expect(abs(got - nearest) <= 0.051, "\(b.id): \(got) vs \(nearest)")  // distances are rounded to 0.1 m
        } else {
            #expect(row.distanceM == nil && row.nearestFacilityId == nil)
        }
    }
}

/// The household-totals layer (one SQL aggregate) equals the buildings grouped by hand, and the
/// area report computed from it equals the report computed from every building row.
@Test(arguments: [31, 32, 33, 34] as [UInt64])
func propertyHouseholdTotalsMatchTheBuildings(seed: UInt64) throws {
    var original = randomSnapshot(seed: seed)
    // Some buildings in grids (of their own community; the store's foreign keys hold).
    var grids: [String: Grid] = [:]
    for i in original.buildings.indices where i % 3 == 0 {
        let b = original.buildings[i]
        let id = "G-\(b.communityId)-\(i % 2)"
        grids[id] = Grid(id: id, communityId: b.communityId)
        original.buildings[i].gridId = id
    }
    original.grids = grids.values.sorted { $0.id < $1.id }
    let path = temporaryStorePath()
    defer { removeStore(path) }
    try GeoPackageStore(path: path, create: true).replaceContents(with: original)
    let store = try GeoPackageStore(path: path, create: false)
    let totalsOnly = try store.loadSnapshot(layers: [.communities, .facilities, .householdTotals])
    #expect(totalsOnly.buildings.isEmpty)

    struct Key: Hashable { var community: String; var grid: String? }
    var expected: [Key: (households: Int, buildings: Int)] = [:]
    for b in original.buildings {
        expected[Key(community: b.communityId, grid: b.gridId), default: (0, 0)].households += b.households
        expected[Key(community: b.communityId, grid: b.gridId), default: (0, 0)].buildings += 1
    }
    #expect(totalsOnly.householdTotals.count == expected.count)
    for t in totalsOnly.householdTotals {
        let e = expected[Key(community: t.communityId, grid: t.gridId)]
        #expect(e?.households == t.households && e?.buildings == t.buildings, "\(t)")
    }

    let full = try store.loadSnapshot(layers: [.communities, .facilities, .buildings])
    #expect(try store.loadSnapshot().householdTotals.isEmpty)  // derived: only when asked for
    let parameters = AreaStandardParameters(
        rule: AppliedRule(id: "area.per100", value: 30, unit: "m2 per 100 households", source: "test"),
        selection: FacilitySelection(countedKinds: [.partyMassCenter, .partyMassStation], radius: 500, streetReach: 1000))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let fromRows = try encoder.encode(AreaStandard.report(full, parameters))
    let fromTotals = try encoder.encode(AreaStandard.report(totalsOnly, parameters))
    #expect(fromRows == fromTotals)
    #expect(full.householdsByCommunity().values.reduce(0, +) == original.buildings.reduce(0) { $0 + $1.households })
}
