import Foundation
import Testing
import GridGeo
import GridModel
@testable import GridAnalysis
import TestSupport

/// Two facilities, three buildings, catchment 500 m (hand computed):
///   F1 (0,0) 100 m², F2 (1000,0) 60 m²; B1 (300,0) 100 hh sees F1; B2 (600,0) 200 hh sees F2;
///   B3 (500,0) 100 hh sees both (500 m exactly, inclusive).
///   R1 = 100 / (100 + 100) = 0.5, R2 = 60 / (200 + 100) = 0.2 m² per household;
///   A = 0.5, 0.2, 0.7 → 50, 20, 70 m² per 100 households; community mean (5000 + 4000 + 7000) / 400 = 40.
@Test func twoStepFloatingCatchmentByHand() throws {
    let snap = CovFixture.snapshot(
        buildings: [
            CovFixture.building("B1", 300, 0, hh: 100), CovFixture.building("B2", 600, 0, hh: 200),
            CovFixture.building("B3", 500, 0, hh: 100)
        ],
        facilities: [CovFixture.facility("F1", 0, 0, area: 100), CovFixture.facility("F2", 1000, 0, area: 60)])
    let r = try Coverage.analyze(snap, CoverageParameters(selection: CovFixture.selection(), accessibility: .twoStep))
    #expect(r.buildings.map(\.accessibilityM2Per100Households) == [50, 20, 70])
    let a = try #require(r.accessibility)
    #expect(a.method == .twoStep)
    #expect(a.communities.map(\.m2Per100Households) == [40])
    #expect(a.communities[0].meetsStandard)
    #expect(a.totalM2Per100Households == 40)
    // without --accessibility nothing is computed
    let plain = try Coverage.analyze(snap, CoverageParameters(selection: CovFixture.selection()))
    #expect(plain.accessibility == nil && plain.buildings[0].accessibilityM2Per100Households == nil)
}

@Test func gaussianWeightFallsFromOneToZero() {
    #expect(Accessibility.weight(.gaussian, distance: 0, catchment: 500) == 1)
    #expect(abs(Accessibility.weight(.gaussian, distance: 500, catchment: 500)) < 1e-12)
    #expect(Accessibility.weight(.gaussian, distance: 501, catchment: 500) == 0)
    let mid = Accessibility.weight(.gaussian, distance: 250, catchment: 500)
    #expect(abs(mid - (exp(-0.125) - exp(-0.5)) / (1 - exp(-0.5))) < 1e-12)
    #expect(Accessibility.weight(.twoStep, distance: 500, catchment: 500) == 1)
}

@Test(arguments: [AccessibilityMethod.twoStep, .gaussian])
func floatingCatchmentMatchesAllPairsAndConservesSupply(method: AccessibilityMethod) {
    var rng = SeededGenerator(seed: method == .twoStep ? 41 : 42)
    let bp = (0..<400).map { _ in Point(Double.random(in: 0..<3000, using: &rng), Double.random(in: 0..<3000, using: &rng)) }
    let demand = bp.map { _ in Double(Int.random(in: 0..<60, using: &rng)) }
    let fp = (0..<15).map { _ in Point(Double.random(in: 0..<3000, using: &rng), Double.random(in: 0..<3000, using: &rng)) }
    let supply = fp.map { _ in Double.random(in: 50..<400, using: &rng) }
    let catchment = fp.map { _ in Bool.random(using: &rng) ? 1000.0 : 500 }
    let (a, ratios) = Accessibility.scores(
        demandPoints: bp, demand: demand, supplyPoints: fp, supply: supply,
        catchment: catchment, method: method)
    // all pairs, written out directly
    func w(_ d: Double, _ d0: Double) -> Double {
        guard d <= d0 else { return 0 }
        return method == .twoStep ? 1 : (exp(-0.5 * d * d / (d0 * d0)) - exp(-0.5)) / (1 - exp(-0.5))
    }
    let r = fp.indices.map { j -> Double in
        let s = bp.indices.reduce(0.0) { $0 + w(bp[$1].distance(to: fp[j]), catchment[j]) * demand[$1] }
        return s > 0 ? supply[j] / s : 0
    }
    for j in fp.indices { #expect(abs(ratios[j] - r[j]) < 1e-9) }
    for k in bp.indices {
        let ak = fp.indices.reduce(0.0) { $0 + w(bp[k].distance(to: fp[$1]), catchment[$1]) * r[$1] }
        #expect(abs(a[k] - ak) < 1e-9)
    }
    // every facility with demand in reach hands out exactly its supply
    let handedOut = bp.indices.reduce(0.0) { $0 + demand[$1] * a[$1] }
    let expected = fp.indices.filter { r[$0] > 0 }.reduce(0.0) { $0 + supply[$1] }
    #expect(abs(handedOut - expected) < 1e-6)
}
