import Foundation
import Testing
import GridGeo
import GridModel
@testable import GridAnalysis
import TestSupport

// MARK: - The hand-computed fixture
//
// C1 东风社区 (东城街道): B1 (0,0) 300 hh, B2 (100,0) 200 hh           → 500 hh
// C2 西湖社区 (东城街道): B3 (1000,0) 400 hh                           → 400 hh
// C3 南苑社区 (南湖街道): B4 (5000,0) 0 hh                             →   0 hh
// F1 party_mass_center C1 (50,0) 100 m²       counted
// F2 city_study embedded C1 (60,0) 20 m²      counted (embedded)
// F3 city_study C1 (70,0) 50 m²               not counted
// F4 party_mass_station C2 (1000,10) 90 m²    counted
// F5 pocket_park C2 (1010,0) 1000 m²          not counted
// F6 party_mass_station, no community (20000,0) 40 m²   outside every community
// F7 party_mass_station C3 (5000,0) 10 m²     counted, community without households
// F8 party_mass_center level street C2 (600,0) 180 m²   counted; reaches 1,000 m

enum AreaFixture {
    static func point(_ x: Double, _ y: Double) -> Point { Point(x, y) }

    static func snapshot() -> Snapshot {
        let communities = [
            Community(id: "C1", name: "东风社区", street: "东城街道"),
            Community(id: "C2", name: "西湖社区", street: "东城街道"),
            Community(id: "C3", name: "南苑社区", street: "南湖街道")
        ]
        func b(_ id: String, _ c: String, _ x: Double, _ hh: Int, grid: String? = nil) -> Building {
            Building(id: id, communityId: c, gridId: grid, households: hh, location: point(x, 0), lonLat: point(0, 0))
        }
        let buildings = [
            b("B1", "C1", 0, 300, grid: "G1"), b("B2", "C1", 100, 200, grid: "G2"),
            b("B3", "C2", 1000, 400, grid: "G3"), b("B4", "C3", 5000, 0)
        ]
        func f(
            _ id: String, _ k: FacilityKind, _ area: Double, _ c: String?, _ x: Double, _ y: Double = 0,
            embedded: Bool = false, level: FacilityLevel? = nil
        ) -> Facility {
            Facility(
                id: id, kind: k, usableAreaM2: area, communityId: c, level: level, embedded: embedded,
                location: point(x, y), lonLat: point(0, 0))
        }
        let facilities = [
            f("F1", .partyMassCenter, 100, "C1", 50),
            f("F2", .cityStudy, 20, "C1", 60, embedded: true),
            f("F3", .cityStudy, 50, "C1", 70),
            f("F4", .partyMassStation, 90, "C2", 1000, 10, level: .community),
            f("F5", .pocketPark, 1000, "C2", 1010),
            f("F6", .partyMassStation, 40, nil, 20000),
            f("F7", .partyMassStation, 10, "C3", 5000),
            f("F8", .partyMassCenter, 180, "C2", 600, level: .street)
        ]
        return Snapshot(
            metadata: DatasetMetadata(name: "fixture", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4547"),
            communities: communities, buildings: buildings, facilities: facilities)
    }

    static let defaultSelection = FacilitySelection(
        countedKinds: [.partyMassCenter, .partyMassStation],
        countEmbeddedOthers: true, radius: 500, streetReach: 1000)

    static func parameters(
        standard: Double = 30, selection: FacilitySelection = defaultSelection,
        allocation: AreaAllocationMethod = .community, byGrid: Bool = false,
        shortOnly: Bool = false
    ) -> AreaStandardParameters {
        AreaStandardParameters(
            rule: AppliedRule(id: "area.per100", value: standard, unit: "m2 per 100 households", source: "test"),
            selection: selection, allocation: allocation, byGrid: byGrid, shortOnly: shortOnly)
    }
}

func close(_ a: Double, _ b: Double, _ eps: Double = 1e-9) -> Bool { abs(a - b) <= eps }

func row(_ r: AreaReport, _ id: String) -> AreaCommunityRow? { r.communities.first { $0.id == id } }

@Test func communityAllocationByHand() throws {
    let r = AreaStandard.report(AreaFixture.snapshot(), AreaFixture.parameters())
    #expect(r.communities.map(\.id) == ["C1", "C2", "C3"])  // C1 short by 30; C2, C3 tie at 0 → by id
    let c1 = try #require(row(r, "C1")), c2 = try #require(row(r, "C2")), c3 = try #require(row(r, "C3"))
    // C1: F1 100 + F2 20 (embedded city_study); F3 not embedded → 120 m² for 500 hh
    #expect(c1.figures.households == 500 && close(c1.figures.facilityArea, 120) && c1.facilityCount == 2)
    #expect(close(c1.figures.areaPer100!, 24) && close(c1.figures.requiredArea, 150) && close(c1.figures.deficit, 30))
    #expect(!c1.meetsStandard)
    // C2: F4 90 + F8 180; the pocket park does not count → 270 m² for 400 hh, 67.5 per 100
    #expect(c2.figures.households == 400 && close(c2.figures.facilityArea, 270) && c2.facilityCount == 2)
    #expect(close(c2.figures.areaPer100!, 67.5) && close(c2.figures.requiredArea, 120) && c2.figures.deficit == 0)
    #expect(c2.meetsStandard)
    // C3: 0 households: no per-100 value, nothing required, meets
    #expect(c3.figures.households == 0 && c3.figures.areaPer100 == nil && c3.figures.requiredArea == 0)
    #expect(close(c3.figures.facilityArea, 10) && c3.meetsStandard)
    // F6 lies outside every community
    #expect(close(r.unallocatedArea, 40) && r.unallocatedFacilityIds == ["F6"])
    // Streets: 东城街道 = C1 + C2; 南湖街道 = C3
    #expect(r.streets.map(\.street) == ["东城街道", "南湖街道"])
    let east = r.streets[0]
    #expect(east.figures.households == 900 && close(east.figures.facilityArea, 390) && close(east.figures.requiredArea, 270))
    #expect(close(east.figures.deficit, 30) && east.figures.netDeficit == 0)  // sum of deficits vs pooled
    #expect(east.communityCount == 2 && east.communitiesMeetingStandard == 1 && east.facilityCount == 4)
    #expect(r.streets[1].figures.areaPer100 == nil && r.streets[1].communitiesMeetingStandard == 1)
    // Total: the listed figures exclude the unallocated 40 m²
    #expect(r.total.figures.households == 900 && close(r.total.figures.facilityArea, 400))
    #expect(close(r.total.figures.requiredArea, 270) && close(r.total.figures.deficit, 30))
    #expect(close(r.total.figures.areaPer100!, 400.0 / 9) && r.total.communitiesMeetingStandard == 2)
    #expect(r.total.communityCount == 3 && r.workingCRS == "EPSG:4547" && r.allocation == .community)
    #expect(r.countedKinds == ["party_mass_center", "party_mass_station"] && r.countsEmbeddedOthers)
}

@Test func standardZeroRequiresNothing() {
    let r = AreaStandard.report(AreaFixture.snapshot(), AreaFixture.parameters(standard: 0))
    #expect(r.communities.allSatisfy { $0.figures.requiredArea == 0 && $0.figures.deficit == 0 && $0.meetsStandard })
    #expect(r.total.communitiesMeetingStandard == 3 && r.total.figures.deficit == 0)
    #expect(r.communities.map(\.id) == ["C1", "C2", "C3"])
    #expect(close(row(r, "C1")!.figures.areaPer100!, 24))  // the per-100 value does not depend on the standard
}

@Test func aspirationStandardOf80() throws {
    let r = AreaStandard.report(AreaFixture.snapshot(), AreaFixture.parameters(standard: 80))
    #expect(r.standardM2Per100Households == 80 && r.rule.value == 80)
    // C1: 500 hh need 400 m², has 120 → 280; C2: 400 hh need 320, has 270 → 50
    #expect(r.communities.map(\.id) == ["C1", "C2", "C3"])
    #expect(close(try #require(row(r, "C1")).figures.deficit, 280))
    #expect(close(try #require(row(r, "C2")).figures.deficit, 50))
    #expect(close(r.total.figures.deficit, 330) && close(r.total.figures.netDeficit, 720 - 400))
    #expect(r.total.communitiesMeetingStandard == 1)
}

@Test func countKindsOverride() throws {
    // --count-kinds city_study: exactly city studies count, embedded or not; the centers no longer count.
    let sel = FacilitySelection(countedKinds: [.cityStudy], countEmbeddedOthers: false, radius: 500, streetReach: 1000)
    let r = AreaStandard.report(AreaFixture.snapshot(), AreaFixture.parameters(selection: sel))
    let c1 = try #require(row(r, "C1")), c2 = try #require(row(r, "C2"))
    #expect(close(c1.figures.facilityArea, 70) && c1.facilityCount == 2)  // F2 20 + F3 50
    #expect(c2.figures.facilityArea == 0 && c2.facilityCount == 0)  // a community without counted facilities
    #expect(close(c1.figures.deficit, 80) && close(c2.figures.deficit, 120))
    #expect(r.communities.map(\.id) == ["C2", "C1", "C3"])
    #expect(r.unallocatedArea == 0 && r.unallocatedFacilityIds.isEmpty)
    #expect(r.countedKinds == ["city_study"] && !r.countsEmbeddedOthers)
}

@Test func reachAllocationSplitByHand() throws {
    let r = AreaStandard.report(AreaFixture.snapshot(), AreaFixture.parameters(standard: 50, allocation: .reach))
    // F1 (50,0), 500 m: B1, B2 (C1) → 100 to C1.  F2 → 20 to C1.  F4 (1000,10): B3 → 90 to C2.
    // F8 street level, 1,000 m from (600,0): B1 600 m (300 hh), B2 500 m (200), B3 400 m (400):
    //   C1 gets 180 × 500/900 = 100, C2 180 × 400/900 = 80.
    // F6: nobody in reach, no community → unallocated. F7: B4 has no households → falls back to C3.
    let c1 = try #require(row(r, "C1")), c2 = try #require(row(r, "C2")), c3 = try #require(row(r, "C3"))
    #expect(close(c1.figures.facilityArea, 220) && c1.facilityCount == 3)
    #expect(close(c2.figures.facilityArea, 170) && c2.facilityCount == 2)
    #expect(close(c3.figures.facilityArea, 10) && c3.facilityCount == 1)
    #expect(close(c1.figures.deficit, 30) && close(c2.figures.deficit, 30))  // 250 − 220, 200 − 170
    #expect(r.reachFallbackFacilityIds == ["F6", "F7"] && r.unallocatedFacilityIds == ["F6"])
    #expect(close(r.unallocatedArea, 40) && r.allocation == .reach)
    #expect(r.reachRadius == 500 && r.streetReach == 1000)
    // The area is conserved: allocated + unallocated = all counted area.
    #expect(close(r.total.figures.facilityArea + r.unallocatedArea, 100 + 20 + 90 + 40 + 10 + 180))
}

@Test func unknownCommunityIsUnallocatedAndBuildingOnlyCommunityGetsARow() throws {
    var s = AreaFixture.snapshot()
    s.facilities.append(
        Facility(
            id: "F9", kind: .partyMassCenter, usableAreaM2: 5, communityId: "GHOST",
            location: Point(0, 0), lonLat: Point(0, 0)))
    s.buildings.append(Building(id: "B5", communityId: "C9", households: 100, location: Point(9000, 0), lonLat: Point(0, 0)))
    let r = AreaStandard.report(s, AreaFixture.parameters())
    #expect(r.unallocatedFacilityIds == ["F6", "F9"] && close(r.unallocatedArea, 45))
    let c9 = try #require(row(r, "C9"))
    #expect(c9.name == nil && c9.figures.households == 100 && close(c9.figures.deficit, 30) && c9.facilityCount == 0)
    #expect(r.communities.map(\.id) == ["C1", "C9", "C2", "C3"])
    #expect(r.total.figures.households == 1000)
}

@Test func shortOnlyListsOnlyShortCommunitiesButTotalsCoverAll() {
    let r = AreaStandard.report(AreaFixture.snapshot(), AreaFixture.parameters(shortOnly: true))
    #expect(r.communities.map(\.id) == ["C1"])
    #expect(r.total.communityCount == 3 && r.total.figures.households == 900 && r.shortOnly)
}

@Test func byGridByHand() throws {
    let r = AreaStandard.report(AreaFixture.snapshot(), AreaFixture.parameters(byGrid: true))
    let grids = try #require(r.grids)
    // No grid boundaries: a facility goes to the grid of its community's nearest building.
    // F1 (50,0): B1 and B2 both 50 m away → B1 (lower id) → G1. F2 (60,0) → B2 → G2.
    // F4, F8 (C2) → B3 → G3. F7 (C3): no building of C3 has a grid → unallocated at grid level.
    #expect(grids.map(\.id) == ["G2", "G1", "G3"])
    let g = Dictionary(uniqueKeysWithValues: grids.map { ($0.id, $0) })
    #expect(g["G1"]!.figures.households == 300 && close(g["G1"]!.figures.facilityArea, 100) && g["G1"]!.meetsStandard)
    #expect(g["G2"]!.figures.households == 200 && close(g["G2"]!.figures.facilityArea, 20))
    #expect(close(g["G2"]!.figures.deficit, 40) && g["G2"]!.communityId == "C1")
    #expect(close(g["G3"]!.figures.facilityArea, 270) && g["G3"]!.facilityCount == 2)
    // The community figures are unchanged by --by grid.
    #expect(close(row(r, "C1")!.figures.deficit, 30))
}

@Test func gridBoundaryWinsOverNearestBuilding() throws {
    var s = AreaFixture.snapshot()
    // G2's boundary holds F1 (50,0) although B1 (G1) is as near as B2.
    let square = Polygon(exterior: [Point(40, -10), Point(120, -10), Point(120, 10), Point(40, 10), Point(40, -10)])
    s.grids = [Grid(id: "G2", communityId: "C1", boundary: MultiPolygon([square]))]
    let r = AreaStandard.report(s, AreaFixture.parameters(byGrid: true))
    let g2 = try #require(r.grids?.first { $0.id == "G2" })
    #expect(close(g2.figures.facilityArea, 120))  // F1 and F2 both inside the square
    #expect(r.grids?.first { $0.id == "G1" }?.figures.facilityArea == 0)
}

@Test func jsonHasContractKeysExplicitNullAndRounding() throws {
    var s = AreaFixture.snapshot()
    s.facilities[0].usableAreaM2 = 100.004  // C1: 120.004 m² → 120.0 in JSON, 24.0008 → 24.0
    let r = AreaStandard.report(s, AreaFixture.parameters())
    let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys]
    let obj = try #require(try JSONSerialization.jsonObject(with: enc.encode(r)) as? [String: Any])
    #expect(obj["standard_m2_per_100_households"] as? Double == 30)
    let rows = try #require(obj["communities"] as? [[String: Any]])
    let keys: Set<String> = [
        "id", "name", "households", "facility_area_m2", "area_per_100_households",
        "required_area_m2", "deficit_m2", "meets_standard", "street", "facility_count"
    ]
    #expect(rows.allSatisfy { Set($0.keys) == keys })
    let c1 = try #require(rows.first { $0["id"] as? String == "C1" })
    #expect(c1["facility_area_m2"] as? Double == 120 && c1["area_per_100_households"] as? Double == 24)
    #expect(c1["deficit_m2"] as? Double == 30)  // 29.996 rounds to 30.0
    let c3 = try #require(rows.first { $0["id"] as? String == "C3" })
    #expect(c3["area_per_100_households"] is NSNull)  // present, explicitly null
    let total = try #require(obj["total"] as? [String: Any])
    for k in [
        "households", "facility_area_m2", "area_per_100_households", "required_area_m2", "deficit_m2",
        "communities_meeting_standard"
    ] { #expect(total[k] != nil, "total.\(k)") }
    #expect(total["street"] == nil)
    for k in ["rule", "area_basis", "allocation", "working_crs", "counted_kinds", "unallocated_area_m2", "streets"] {
        #expect(obj[k] != nil, "\(k)")
    }
    #expect(obj["grids"] == nil)
    #expect((obj["rule"] as? [String: Any])?["id"] as? String == "area.per100")
}

@Test func gridRowsHaveTheirContractKeysAndRowsDecodeBack() throws {
    let r = AreaStandard.report(AreaFixture.snapshot(), AreaFixture.parameters(byGrid: true))
    let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys]
    let obj = try #require(try JSONSerialization.jsonObject(with: enc.encode(r)) as? [String: Any])
    let grids = try #require(obj["grids"] as? [[String: Any]])
    let keys: Set<String> = [
        "id", "name", "households", "facility_area_m2", "area_per_100_households",
        "required_area_m2", "deficit_m2", "meets_standard", "community_id", "facility_count"
    ]
    #expect(grids.count == 3 && grids.allSatisfy { Set($0.keys) == keys })
    #expect(grids.allSatisfy { $0["name"] is NSNull })  // present, explicitly null
    // The fixture's figures are whole numbers, so rounding loses nothing: every line decodes to itself.
    let dec = JSONDecoder()
    #expect(try dec.decode([AreaGridRow].self, from: enc.encode(r.grids!)) == r.grids!)
    #expect(try dec.decode([AreaCommunityRow].self, from: enc.encode(r.communities)) == r.communities)
    #expect(try dec.decode([AreaAggregateRow].self, from: enc.encode(r.streets)) == r.streets)
}

// MARK: - Seeded random snapshots against a brute-force oracle written independently

struct OracleRow { var households = 0; var area = 0.0; var count = 0 }

/// Independent computation: all facility–building pairs, no k-d tree, no shared helpers.
func oracle(_ s: Snapshot, counted: Set<FacilityKind>, embeddedCounts: Bool, radius: Double, reach: Bool)
    -> (rows: [String: OracleRow], unallocated: Double)
{
    var rows: [String: OracleRow] = [:]
    for c in s.communities { rows[c.id] = OracleRow() }
    for b in s.buildings { rows[b.communityId, default: OracleRow()].households += b.households }
    var unallocated = 0.0
    for f in s.facilities {
        guard counted.contains(f.kind) || (embeddedCounts && f.embedded) else { continue }
        let own: String? = f.communityId.flatMap { rows[$0] != nil ? $0 : nil }
        var shares: [String: Double] = [:]
        if reach {
            let r = (f.level == .street || f.level == .district) ? Swift.max(1000, radius) : radius
            var w: [String: Double] = [:]
            for b in s.buildings where b.households > 0 {
                let dx = b.location.x - f.location.x, dy = b.location.y - f.location.y
                if (dx * dx + dy * dy).squareRoot() <= r { w[b.communityId, default: 0] += Double(b.households) }
            }
            let sum = w.values.reduce(0, +)
            if sum > 0 { for (k, v) in w { shares[k] = f.usableAreaM2 * v / sum } }
        }
        if shares.isEmpty {
            if let own { shares[own] = f.usableAreaM2 } else { unallocated += f.usableAreaM2; continue }
        }
        for (k, v) in shares { rows[k]!.area += v; rows[k]!.count += 1 }
    }
    return (rows, unallocated)
}

@Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
func randomSnapshotsMatchBruteForce(seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    let streets: [String?] = ["东城街道", "西城街道", nil]
    let nc = Int.random(in: 1...6, using: &rng)
    let communities = (0..<nc).map { Community(id: "C\($0)", name: "社区\($0)", street: streets.randomElement(using: &rng)!) }
    let ids = communities.map(\.id)
    let buildings = (0..<Int.random(in: 0...300, using: &rng)).map { i -> Building in
        let cid = Double.random(in: 0..<1, using: &rng) < 0.05 ? "CX" : ids.randomElement(using: &rng)!
        let hh = Double.random(in: 0..<1, using: &rng) < 0.1 ? 0 : Int.random(in: 1...200, using: &rng)
        let p = Point(Double.random(in: 0..<3000, using: &rng).rounded(), Double.random(in: 0..<3000, using: &rng).rounded())
        return Building(id: "B\(i)", communityId: cid, households: hh, location: p, lonLat: p)
    }
    let facilities = (0..<Int.random(in: 0...40, using: &rng)).map { i -> Facility in
        let roll = Double.random(in: 0..<1, using: &rng)
        let cid: String? = roll < 0.1 ? nil : roll < 0.15 ? "GHOST" : ids.randomElement(using: &rng)!
        let p = Point(Double.random(in: -500..<3500, using: &rng), Double.random(in: -500..<3500, using: &rng))
        return Facility(
            id: "F\(i)", kind: FacilityKind.allCases.randomElement(using: &rng)!,
            usableAreaM2: (Double.random(in: 0..<300, using: &rng) * 2).rounded() / 2, communityId: cid,
            level: [FacilityLevel.street, .community, .grid, nil].randomElement(using: &rng)!,
            embedded: Bool.random(using: &rng), location: p, lonLat: p)
    }
    let s = Snapshot(
        metadata: DatasetMetadata(name: "r", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4547"),
        communities: communities, buildings: buildings, facilities: facilities)

    for reach in [false, true] {
        for variant in 0..<3 {
            let standard = [30.0, 80, 0, 17.5].randomElement(using: &rng)!
            let radius = [300.0, 500, 1200].randomElement(using: &rng)!
            let kinds: Set<FacilityKind> = variant == 2 ? [.cityStation, .partyMassCenter] : [.partyMassCenter, .partyMassStation]
            let embedded = variant != 2
            let sel = FacilitySelection(countedKinds: kinds, countEmbeddedOthers: embedded, radius: radius, streetReach: 1000)
            let r = AreaStandard.report(
                s,
                AreaFixture.parameters(
                    standard: standard, selection: sel,
                    allocation: reach ? .reach : .community,
                    shortOnly: variant == 1))
            let (expected, unallocated) = oracle(s, counted: kinds, embeddedCounts: embedded, radius: radius, reach: reach)
            #expect(close(r.unallocatedArea, unallocated, 1e-6))

            var deficits: [String: Double] = [:]
            for (id, e) in expected {
                let required = Double(e.households) * standard / 100
                deficits[id] = Swift.max(0, required - e.area)
            }
            let listed = variant == 1 ? Set(deficits.filter { $0.value > 1e-6 }.keys) : Set(expected.keys)
            #expect(Set(r.communities.map(\.id)) == listed, "seed \(seed) reach \(reach) variant \(variant)")
            for c in r.communities {
                let e = try #require(expected[c.id])
                #expect(c.figures.households == e.households)
                #expect(close(c.figures.facilityArea, e.area, 1e-6), "\(c.id): \(c.figures.facilityArea) vs \(e.area)")
                #expect(c.facilityCount == e.count)
                #expect(close(c.figures.deficit, deficits[c.id]!, 1e-6))
                #expect(c.meetsStandard == (deficits[c.id]! <= 1e-6))
                if e.households == 0 {
                    #expect(c.figures.areaPer100 == nil)
                } else {
                    #expect(close(c.figures.areaPer100!, e.area * 100 / Double(e.households), 1e-6))
                }
            }
            // Sorted by deficit descending, then id.
            for (a, b) in zip(r.communities, r.communities.dropFirst()) {
                #expect(a.figures.deficit > b.figures.deficit || (a.figures.deficit == b.figures.deficit && a.id < b.id))
            }
            // Totals over all communities; the total deficit is the sum of the community deficits.
            #expect(r.total.figures.households == s.buildings.reduce(0) { $0 + $1.households })
            #expect(close(r.total.figures.facilityArea, expected.values.reduce(0) { $0 + $1.area }, 1e-6))
            #expect(close(r.total.figures.deficit, deficits.values.reduce(0, +), 1e-6))
            #expect(r.total.communitiesMeetingStandard == deficits.values.filter { $0 <= 1e-6 }.count)
            // Streets partition the communities.
            let streetOf = Dictionary(uniqueKeysWithValues: communities.map { ($0.id, $0.street) })
            for st in r.streets {
                let members = expected.keys.filter { (streetOf[$0] ?? nil) == st.street }
                #expect(st.communityCount == members.count)
                #expect(st.figures.households == members.reduce(0) { $0 + expected[$1]!.households })
                #expect(close(st.figures.deficit, members.reduce(0) { $0 + deficits[$1]! }, 1e-6))
            }
            #expect(r.streets.reduce(0) { $0 + $1.communityCount } == expected.count)
            // Area is conserved: every counted facility's area is somewhere.
            let countedArea = facilities.filter { kinds.contains($0.kind) || (embedded && $0.embedded) }
                .reduce(0) { $0 + $1.usableAreaM2 }
            #expect(close(r.total.figures.facilityArea + r.unallocatedArea, countedArea, 1e-6))
        }
    }
}
