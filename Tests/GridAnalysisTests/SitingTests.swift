import Foundation
import Testing
import GridGeo
import GridModel
@testable import GridAnalysis
import TestSupport

// MARK: cover — exhaustive oracle

@Test(arguments: Array(UInt64(1)...UInt64(12)))
func coverMatchesExhaustiveSearch(seed: UInt64) throws {
    let m = 6 + Int(seed % 7)  // 6 … 12 candidates
    let snap = randomSitingSnapshot(
        seed: seed, buildings: 60, candidates: m, facilities: Int(seed % 3),
        streetFacility: seed % 2 == 0)
    let oracle = SitingOracle(snapshot: snap, radius: 400)
    for k in 1...3 {
        let best = subsets(m, k).map(oracle.covered).max()!
        let r = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.cover, count: k))
        #expect(r.coveredHouseholdsBefore == oracle.covered([]))
        #expect(r.coveredHouseholdsAfter == best, "seed \(seed) k \(k)")
        #expect(r.upperBoundHouseholds >= best)
        // the listed sites really cover what the result says
        let ids = snap.candidates.map(\.id).sorted()
        let chosen = r.sites.map { ids.firstIndex(of: $0.candidateId)! }
        #expect(oracle.covered(chosen) == r.coveredHouseholdsAfter)
        #expect(r.sites.count <= k)
        #expect(r.totalHouseholds == snap.totalHouseholds)
    }
}

@Test(arguments: Array(UInt64(20)...UInt64(27)))
func coverageNeverDropsWhenASiteIsAdded(seed: UInt64) throws {
    let snap = randomSitingSnapshot(seed: seed, buildings: 300, candidates: 40, facilities: 2, side: 4_000)
    let oracle = SitingOracle(snapshot: snap, radius: 400)
    let ids = snap.candidates.map(\.id).sorted()
    var last = -1
    for k in 1...10 {
        let r = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.cover, count: k))
        #expect(r.coveredHouseholdsAfter >= last, "seed \(seed) k \(k)")
        last = r.coveredHouseholdsAfter
        // within the list: cumulative never drops, gains never grow (greedy order on a submodular function)
        var cum = r.coveredHouseholdsBefore
        let chosen = r.sites.map { ids.firstIndex(of: $0.candidateId)! }
        for (i, s) in r.sites.enumerated() {
            #expect(s.rank == i + 1)
            // each gain is what the brute-force oracle counts for adding this site to those before it
            let gain = oracle.covered(Array(chosen.prefix(i + 1))) - oracle.covered(Array(chosen.prefix(i)))
            #expect(s.newHouseholdsCovered == gain, "seed \(seed) k \(k) rank \(s.rank)")
            cum += s.newHouseholdsCovered
            #expect(s.cumulativeCoveredHouseholds == cum)
            if i > 0 { #expect(s.newHouseholdsCovered <= r.sites[i - 1].newHouseholdsCovered) }
        }
        #expect(r.upperBoundHouseholds >= r.coveredHouseholdsAfter)
    }
}

@Test(arguments: Array(UInt64(40)...UInt64(49)))
func maximalCoveringGuaranteesAgainstBruteForce(seed: UInt64) {
    // random sparse rows, 14 candidates, K = 4: local optimum ≥ greedy ≥ (1 − 1/e)·OPT, bound ≥ OPT
    var rng = SeededGenerator(seed: seed)
    let n = 50, m = 14, k = 4
    let weights = (0..<n).map { _ in Int.random(in: 1...30, using: &rng) }
    var rows = SparseRows()
    for _ in 0..<m {
        let items = Set((0..<Int.random(in: 1...12, using: &rng)).map { _ in Int32.random(in: 0..<Int32(n), using: &rng) })
        rows.items += items.sorted()
        rows.offsets.append(rows.items.count)
    }
    let opt = subsets(m, k).map { MaximalCovering.coveredWeight($0, rows: rows, weights: weights) }.max()!
    let sol = MaximalCovering.solve(rows: rows, weights: weights, count: k)
    #expect(MaximalCovering.coveredWeight(sol.selected, rows: rows, weights: weights) == sol.value)
    #expect(sol.value >= sol.greedyValue)
    #expect(Double(sol.greedyValue) >= (1 - 1 / M_E) * Double(opt))
    #expect(sol.value <= opt)
    #expect(sol.upperBound >= opt)
    #expect(Set(sol.selected).count == sol.selected.count)
    // no single swap improves the final set
    for out in sol.selected {
        for inn in 0..<m where !sol.selected.contains(inn) {
            let swapped = sol.selected.map { $0 == out ? inn : $0 }
            #expect(MaximalCovering.coveredWeight(swapped, rows: rows, weights: weights) <= sol.value)
        }
    }
}

@Test func rankingIsGreedyOnTheFinalSet() throws {
    let snap = randomSitingSnapshot(seed: 77, buildings: 400, candidates: 30, facilities: 1, side: 3_000)
    let r = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.cover, count: 6))
    let oracle = SitingOracle(snapshot: snap, radius: 400)
    let ids = snap.candidates.map(\.id).sorted()
    var chosen: [Int] = []
    var rest = r.sites.map { ids.firstIndex(of: $0.candidateId)! }
    for s in r.sites {
        let base = oracle.covered(chosen)
        let bestGain = rest.map { oracle.covered(chosen + [$0]) - base }.max()!
        #expect(s.newHouseholdsCovered == bestGain)
        let j = ids.firstIndex(of: s.candidateId)!
        #expect(oracle.covered(chosen + [j]) - base == bestGain)
        chosen.append(j); rest.removeAll { $0 == j }
    }
}

// MARK: distance — exhaustive oracle

@Test(arguments: Array(UInt64(100)...UInt64(109)))
func distanceMatchesExhaustiveSearch(seed: UInt64) throws {
    let m = 6 + Int(seed % 7)
    let snap = randomSitingSnapshot(seed: seed, buildings: 50, candidates: m, facilities: Int(seed % 3))
    let oracle = SitingOracle(snapshot: snap, radius: 400)
    for k in 1...3 {
        let best = subsets(m, k).map(oracle.weightedDistance).min()!
        let r = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.distance, count: k, cap: .infinity))
        let ids = snap.candidates.map(\.id).sorted()
        let chosen = r.sites.map { ids.firstIndex(of: $0.candidateId)! }
        let got = oracle.weightedDistance(chosen)
        #expect(abs(got - best) <= 1e-6 * best + 0.5, "seed \(seed) k \(k): \(got) vs \(best)")
        if best.isFinite { #expect(abs((r.weightedDistanceAfterM ?? -1) - got) <= 1e-6 * got + 0.1) }
        // the rows' savings add up to the improvement
        if let before = r.weightedDistanceBeforeM, let after = r.weightedDistanceAfterM {
            let saved = r.sites.compactMap(\.weightedDistanceReductionM).reduce(0, +)
            #expect(abs(before - after - saved) <= 1e-5 * before + 1)
        }
    }
}

@Test func distanceWithTheDefaultCapStillImproves() throws {
    let snap = randomSitingSnapshot(seed: 5, buildings: 500, candidates: 60, facilities: 2, side: 5_000)
    let r = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.distance, count: 5))
    #expect(r.distanceCapM == 1_200)
    #expect(r.sites.count == 5)
    #expect(r.weightedDistanceAfterM! < r.weightedDistanceBeforeM!)
    let oracle = SitingOracle(snapshot: snap, radius: 400)
    let ids = snap.candidates.map(\.id).sorted()
    let chosen = r.sites.map { ids.firstIndex(of: $0.candidateId)! }
    #expect(abs(oracle.weightedDistance(chosen) - r.weightedDistanceAfterM!) <= 1)
    #expect(abs(oracle.weightedDistance([]) - r.weightedDistanceBeforeM!) <= 1)
}

// MARK: all — set covering

@Test(arguments: Array(UInt64(200)...UInt64(211)))
func allReachesEveryCoverableBuilding(seed: UInt64) throws {
    let snap = randomSitingSnapshot(seed: seed, buildings: 150, candidates: 25, facilities: 1, side: 3_000)
    let oracle = SitingOracle(snapshot: snap, radius: 400)
    let r = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.all, count: nil))
    let chosen = r.sites.map { id in snap.candidates.first { $0.id == id.candidateId }! }
    var unreachable: [String] = []
    for b in snap.buildings where b.households > 0 && !oracle.coveredBefore(b) {
        let anyReach = snap.candidates.contains { $0.location.distance(to: b.location) <= 400 }
        let chosenReach = chosen.contains { $0.location.distance(to: b.location) <= 400 }
        if anyReach { #expect(chosenReach, "seed \(seed): \(b.id) coverable but not covered") } else { unreachable.append(b.id) }
    }
    #expect(r.uncoverableBuildingIds == unreachable.sorted())
    #expect(
        r.coveredHouseholdsAfter + (r.uncoverableHouseholds ?? 0) == r.totalHouseholds
            - snap.buildings.filter { $0.households == 0 }.reduce(0) { $0 + $1.households })
    // no chosen site is redundant: each reaches a building no other chosen site (nor an existing facility) reaches
    for c in chosen {
        let others = chosen.filter { $0.id != c.id }
        let unique = snap.buildings.contains { b in
            b.households > 0 && !oracle.coveredBefore(b) && c.location.distance(to: b.location) <= 400
                && !others.contains { $0.location.distance(to: b.location) <= 400 }
        }
        #expect(unique, "seed \(seed): \(c.id) is redundant")
    }
    #expect(r.sitesNeededForFullCover == r.sites.count)
    // a count cuts the list
    if r.sites.count > 2 {
        let cut = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.all, count: 2))
        #expect(cut.sites.map(\.candidateId) == Array(r.sites.prefix(2).map(\.candidateId)))
        #expect(cut.sitesNeededForFullCover == r.sites.count)
    }
}

// MARK: rows, errors, candidates

@Test func recommendedAreaAndSufficiency() throws {
    let snap = randomSitingSnapshot(seed: 9, buildings: 200, candidates: 20, facilities: 0, side: 2_500)
    for minArea in [nil, 120.0] {
        let r = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.cover, count: 4, minArea: minArea))
        for s in r.sites {
            let expected = max(0.30 * Double(s.newHouseholdsCovered), minArea ?? 0)
            #expect(s.householdsServed == nil)
            #expect(abs(s.recommendedAreaM2 - expected) <= 0.05)
            let available = snap.candidates.first { $0.id == s.candidateId }!.availableAreaM2!
            #expect(s.areaSufficient == (available >= s.recommendedAreaM2))
            #expect(
                s.coverageRateAfter == (Double(s.cumulativeCoveredHouseholds) / Double(r.totalHouseholds) * 10_000).rounded()
                    / 10_000)
        }
    }
}

@Test func errorsNameTheProblem() throws {
    var snap = randomSitingSnapshot(seed: 3, buildings: 20, candidates: 0, facilities: 0)
    #expect(throws: UsageError.self) { try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.cover, count: 3)) }
    do {
        _ = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.cover, count: 3))
    } catch let e as UsageError {
        #expect(e.message == "no candidate sites: import candidates.csv or use --candidates generated")
    }
    snap = randomSitingSnapshot(seed: 3, buildings: 20, candidates: 3, facilities: 0)
    #expect(throws: UsageError.self) { try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.cover, count: nil)) }
    #expect(throws: UsageError.self) { try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.distance, count: 0)) }
}

@Test func gapCandidatesAreSingleLinkageClustersOfUncoveredBuildings() throws {
    // radius 500 → link 250: 0-200-400 chain together (200 apart), 1000 and 1240 form a second gap,
    // 3000 is alone; the building at 5000 is covered by the facility at 5100.
    let xs: [Double] = [0, 200, 400, 1_000, 1_240, 3_000, 5_000]
    let hh = [10, 10, 10, 50, 5, 1, 100]
    let buildings = xs.enumerated().map { i, x in
        Building(id: "B\(i)", communityId: "C1", households: hh[i], location: Point(x, 0), lonLat: Point(116 + x / 1e5, 40))
    }
    let f = Facility(
        id: "F", kind: .partyMassCenter, usableAreaM2: 100, level: .community,
        location: Point(5_100, 0), lonLat: Point(116.051, 40))
    let snap = Snapshot(
        metadata: DatasetMetadata(name: "t", sourceCRS: "EPSG:4326", workingCRS: "EPSG:4548"),
        buildings: buildings, facilities: [f])
    let sel = FacilitySelection(countedKinds: [.partyMassCenter], radius: 500, streetReach: 1_000)
    let state = SitingProblem.existingService(buildings: buildings, facilities: [f], selection: sel)
    #expect(state.covered == [false, false, false, false, false, false, true])
    let cands = CandidateGeneration.gapCandidates(buildings: buildings, covered: state.covered, radius: 500)
    let byGap = Dictionary(grouping: cands, by: { $0.gapId! }).mapValues { $0.map(\.id) }
    #expect(byGap == ["G1": ["gen-B3", "gen-B4"], "G2": ["gen-B0", "gen-B1", "gen-B2"], "G3": ["gen-B5"]])
    #expect(cands.allSatisfy { $0.source == .generated })
    // generated candidates feed the solver; one site at B1 or B3… covers best
    let r = try SitingAnalysis.run(
        snapshot: snap, parameters: SitingParameters(objective: .cover, count: 2, selection: sel, candidates: .generated))
    #expect(r.coveredHouseholdsAfter == 100 + 30 + 55)
    #expect(r.sites.allSatisfy { $0.source == .generated })
}

@Test func inputCRSCoordinatesForGCJ02AndBD09() throws {
    for crs in ["GCJ-02", "BD-09", "EPSG:4326"] {
        let snap = randomSitingSnapshot(seed: 11, buildings: 80, candidates: 8, facilities: 0, crs: crs)
        let r = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.cover, count: 2))
        #expect(!r.sites.isEmpty)
        for s in r.sites {
            let wgs = Point(s.lon, s.lat)
            switch crs {
            case "GCJ-02":
                let g = ChinaCoordinates.wgs84ToGCJ02(wgs)
                #expect(abs(s.inputCrsLon! - g.x) < 1e-6 && abs(s.inputCrsLat! - g.y) < 1e-6)
                #expect(abs(s.inputCrsLon! - s.lon) > 1e-4)  // the offset is hundreds of metres
            case "BD-09":
                let b = ChinaCoordinates.wgs84ToBD09(wgs)
                #expect(abs(s.inputCrsLon! - b.x) < 1e-6 && abs(s.inputCrsLat! - b.y) < 1e-6)
            default:
                #expect(s.inputCrsLon == nil && s.inputCrsLat == nil)
            }
        }
    }
}

@Test func jsonUsesTheContractKeys() throws {
    let snap = randomSitingSnapshot(seed: 13, buildings: 80, candidates: 8, facilities: 1)
    let r = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.cover, count: 2))
    let enc = JSONEncoder()
    let obj = try JSONSerialization.jsonObject(with: try enc.encode(r)) as! [String: Any]
    for key in [
        "objective", "radius_m", "total_households", "covered_households_before",
        "covered_households_after", "upper_bound_households", "sites"
    ] {
        #expect(obj[key] != nil, "missing \(key)")
    }
    #expect(obj["objective"] as? String == "cover")
    let site = (obj["sites"] as! [[String: Any]])[0]
    for key in [
        "rank", "candidate_id", "lon", "lat", "community_id", "new_households_covered",
        "cumulative_covered_households", "coverage_rate_after", "recommended_area_m2"
    ] {
        #expect(site[key] != nil, "missing sites[].\(key)")
    }
}

@Test func distanceSitesAreSizedOnTheHouseholdsTheyServe() throws {
    let snap = randomSitingSnapshot(seed: 21, buildings: 200, candidates: 15, facilities: 2, side: 3_000)
    let r = try SitingAnalysis.run(snapshot: snap, parameters: sitingParameters(.distance, count: 3, cap: .infinity))
    let chosen = r.sites.map { s in snap.candidates.first { $0.id == s.candidateId }! }
    let oracle = SitingOracle(snapshot: snap, radius: 400)
    for s in r.sites {
        // households whose nearest center (existing or new) is this site
        let served = snap.buildings.filter { b in
            let mine = chosen.first { $0.id == s.candidateId }!.location.distance(to: b.location)
            return b.households > 0 && mine < oracle.existing(b)
                && chosen.allSatisfy { $0.id == s.candidateId || $0.location.distance(to: b.location) > mine }
        }.reduce(0) { $0 + $1.households }
        #expect(s.householdsServed == served)
        #expect(abs(s.recommendedAreaM2 - 0.30 * Double(served)) <= 0.05)
    }
}
