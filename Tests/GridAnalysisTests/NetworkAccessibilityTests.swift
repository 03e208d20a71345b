import Foundation
import Testing
import GridGeo
import GridModel
@testable import GridAnalysis

/// Two parallel roads joined only at their east end (metres), catchment 500 m:
///
///     (0,200) ── B2 (300,210) 300 hh ─── F2 (700,210) 60 m² ── (1000,200)
///                                                                  │
///     (0,0) ─ F1 (100,-10) 100 m² ─ B1 (300,-10) 100 hh ─────── (1000,0)
///
/// Straight line every building sees both facilities: B1–F1 200, B1–F2 √(400² + 220²) = 456.5,
/// B2–F1 √(200² + 220²) = 297.3, B2–F2 400. R1 = 100 / 400 = 0.25, R2 = 60 / 400 = 0.15,
/// A = 0.40 for both → 40 m² per 100 households each.
/// Along the network (access legs 10 m): B1–F1 220, B2–F2 420, but B1–F2 10+700+200+300+10 = 1,220
/// and B2–F1 10+700+200+900+10 = 1,820 leave the catchments. R1 = 100 / 100 = 1, R2 = 60 / 300 = 0.2:
/// B1 100, B2 20; the community mean stays (100·100 + 300·20) / 400 = 40.
private func twoRoads() -> Snapshot {
    CovFixture.snapshot(
        buildings: [CovFixture.building("B1", 300, -10, hh: 100), CovFixture.building("B2", 300, 210, hh: 300)],
        facilities: [CovFixture.facility("F1", 100, -10, area: 100), CovFixture.facility("F2", 700, 210, area: 60)],
        roads: [
            CovFixture.road("S", [(0, 0), (1000, 0)]), CovFixture.road("N", [(0, 200), (1000, 200)]),
            CovFixture.road("E", [(1000, 0), (1000, 200)])
        ])
}

@Test(arguments: [AccessibilityMethod.twoStep, .gaussian])
func networkTakesTheFacilityAcrossTheRoadsOutOfTheCatchment(method: AccessibilityMethod) throws {
    let snap = twoRoads()
    let euclid = try Coverage.analyze(snap, CoverageParameters(selection: CovFixture.selection(), accessibility: .twoStep))
    #expect(euclid.buildings.map(\.accessibilityM2Per100Households) == [40, 40])
    #expect(euclid.accessibility?.distance == .euclidean)
    let net = try Coverage.analyze(
        snap,
        CoverageParameters(
            selection: CovFixture.selection(), method: .network,
            accessibility: method))
    // one facility per building: the Gaussian weight cancels between the two steps
    #expect(net.buildings.map(\.accessibilityM2Per100Households) == [100, 20])
    let a = try #require(net.accessibility)
    #expect(a.distance == .network)
    #expect(a.catchment.contains("along the network"))
    #expect(a.communities.map(\.m2Per100Households) == [40])
    #expect(a.totalM2Per100Households == 40)
}

/// Gaussian decay along the network, by hand: add B3 (150,-10) 100 hh next to F1 (network 70 m).
/// W(d) = (e^{−½(d/500)²} − e^{−½}) / (1 − e^{−½}); R1 = 100 / (100·W(220) + 100·W(70)),
/// A(B1) = W(220)·R1, A(B3) = W(70)·R1 (F2 still serves B2 alone: 20).
@Test func gaussianDecayUsesTheWalkingDistance() throws {
    var snap = twoRoads()
    snap.buildings.append(CovFixture.building("B3", 150, -10, hh: 100))
    let net = try Coverage.analyze(
        snap,
        CoverageParameters(
            selection: CovFixture.selection(), method: .network,
            accessibility: .gaussian))
    func w(_ d: Double) -> Double { (exp(-0.5 * (d / 500) * (d / 500)) - exp(-0.5)) / (1 - exp(-0.5)) }
    let r1 = 100 / (100 * w(220) + 100 * w(70))
    let expected = [w(220) * r1 * 100, 20, w(70) * r1 * 100]
    let got = net.buildings.map { $0.accessibilityM2Per100Households! }
    for k in 0..<3 { #expect(abs(got[k] - expected[k]) <= 0.005, "building \(k): \(got[k]) vs \(expected[k])") }
    // the straight-line distances (200 and 50) would give other scores
    let r1e = 100 / (100 * w(200) + 100 * w(50))
    #expect(abs(got[0] - w(200) * r1e * 100) > 0.01 || abs(got[2] - w(50) * r1e * 100) > 0.01)
}
