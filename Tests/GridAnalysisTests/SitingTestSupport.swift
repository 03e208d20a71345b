import GridGeo
import GridModel
@testable import GridAnalysis
import TestSupport

/// A random district in a `side` × `side` metre square: buildings, a few counted facilities
/// (one of them street level), and candidates K01, K02, … (ids sort like their indices).
func randomSitingSnapshot(
    seed: UInt64, buildings nb: Int, candidates nc: Int, facilities nf: Int,
    side: Double = 2_000, streetFacility: Bool = false, crs: String = "EPSG:4326"
) -> Snapshot {
    var rng = SeededGenerator(seed: seed)
    func pt() -> Point { Point(Double.random(in: 0...side, using: &rng), Double.random(in: 0...side, using: &rng)) }
    func ll(_ p: Point) -> Point { Point(116.4 + p.x / 85_000, 39.9 + p.y / 111_000) }
    let buildings = (0..<nb).map { i -> Building in
        let p = pt()
        let hh = Int.random(in: 0...3, using: &rng) == 0 ? 0 : Int.random(in: 1...80, using: &rng)
        return Building(
            id: String(format: "B%03d", i), communityId: i % 2 == 0 ? "C1" : "C2",
            households: hh, location: p, lonLat: ll(p))
    }
    var facilities = (0..<nf).map { i -> Facility in
        let p = pt()
        return Facility(
            id: "F\(i)", kind: i % 2 == 0 ? .partyMassCenter : .partyMassStation, usableAreaM2: 100,
            level: .community, location: p, lonLat: ll(p))
    }
    // a non-counted facility that must be ignored
    let q = pt()
    facilities.append(Facility(id: "FX", kind: .pocketPark, usableAreaM2: 50, location: q, lonLat: ll(q)))
    if streetFacility {
        let p = Point(-700, -700)  // outside the square: reaches in only with the 1,000 m street reach
        facilities.append(
            Facility(
                id: "FS", kind: .partyMassCenter, usableAreaM2: 1500, level: .street,
                location: p, lonLat: ll(p)))
    }
    let candidates = (0..<nc).map { j -> Candidate in
        let p = pt()
        return Candidate(
            id: String(format: "K%02d", j + 1), name: "候选\(j + 1)", kind: "vacant_room",
            availableAreaM2: Double(Int.random(in: 20...200, using: &rng)), communityId: "C1",
            location: p, lonLat: ll(p))
    }
    return Snapshot(
        metadata: DatasetMetadata(name: "test", sourceCRS: crs, workingCRS: "EPSG:4548"),
        buildings: buildings, facilities: facilities, candidates: candidates)
}

/// All k-subsets of 0..<n (small n only).
func subsets(_ n: Int, _ k: Int) -> [[Int]] {
    if k == 0 { return [[]] }
    if n < k { return [] }
    return subsets(n - 1, k) + subsets(n - 1, k - 1).map { $0 + [n - 1] }
}

/// Brute-force view of a snapshot, computed without the library's code.
struct SitingOracle {
    let snapshot: Snapshot
    let radius: Double
    var counted: [Facility] {
        snapshot.facilities.filter { $0.kind == .partyMassCenter || $0.kind == .partyMassStation || $0.embedded }
    }
    func reach(_ f: Facility) -> Double { f.level == .street ? max(1_000, radius) : radius }
    func coveredBefore(_ b: Building) -> Bool {
        counted.contains { $0.location.distance(to: b.location) <= reach($0) }
    }
    func existing(_ b: Building) -> Double {
        counted.map { $0.location.distance(to: b.location) }.min() ?? .infinity
    }
    /// Households covered by existing facilities plus the candidates `set` (indices of id-sorted candidates).
    func covered(_ set: [Int]) -> Int {
        let cands = snapshot.candidates.sorted { $0.id < $1.id }
        return snapshot.buildings.reduce(0) { acc, b in
            let ok = coveredBefore(b) || set.contains { cands[$0].location.distance(to: b.location) <= radius }
            return acc + (ok ? b.households : 0)
        }
    }
    func weightedDistance(_ set: [Int]) -> Double {
        let cands = snapshot.candidates.sorted { $0.id < $1.id }
        return snapshot.buildings.reduce(0.0) { acc, b in
            let d = set.map { cands[$0].location.distance(to: b.location) }.min() ?? .infinity
            return acc + Double(b.households) * min(existing(b), d)
        }
    }
}

func sitingParameters(
    _ objective: SitingObjective, count: Int?, radius: Double = 400,
    candidates: CandidateSet = .imported, minArea: Double? = nil,
    cap: Double? = nil
) -> SitingParameters {
    let sel = FacilitySelection(countedKinds: [.partyMassCenter, .partyMassStation], radius: radius, streetReach: 1_000)
    return SitingParameters(
        objective: objective, count: count, selection: sel, candidates: candidates,
        areaPerHousehold: 0.30, minAreaM2: minArea, distanceCap: cap)
}
