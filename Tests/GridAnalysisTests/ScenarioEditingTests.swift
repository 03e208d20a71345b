import GridGeo
import GridModel
import Testing

@testable import GridAnalysis

/// The scenario engine on a small snapshot: edits apply in order, every refusal names its edit,
/// the lenient mode of a stored scenario skips what no longer exists, and the figures of a
/// state are those of the area standard and coverage of the edited snapshot.
@Suite struct ScenarioEditingTests {
    static func square(_ x0: Double, _ y0: Double, _ side: Double) -> MultiPolygon {
        MultiPolygon([
            Polygon(exterior: [
                Point(x0, y0), Point(x0 + side, y0), Point(x0 + side, y0 + side), Point(x0, y0 + side), Point(x0, y0)
            ])
        ])
    }

    /// Two 1 km communities side by side, one building of 100 households in each, one station in A.
    static let snapshot: Snapshot = {
        var s = Snapshot(metadata: DatasetMetadata(name: "t", sourceCRS: "EPSG:4547", workingCRS: "EPSG:4547"))
        s.communities = [
            Community(id: "A", name: "甲社区", boundary: square(0, 0, 1000)),
            Community(id: "B", name: "乙社区", boundary: square(1000, 0, 1000))
        ]
        s.buildings = [
            Building(id: "BA", communityId: "A", households: 100, location: Point(500, 500), lonLat: Point(0, 0)),
            Building(id: "BB", communityId: "B", households: 100, location: Point(1500, 500), lonLat: Point(0, 0))
        ]
        s.facilities = [
            Facility(
                id: "F1", kind: .partyMassStation, usableAreaM2: 40, communityId: "A", location: Point(400, 500),
                lonLat: Point(0, 0))
        ]
        return s
    }()

    static func add(_ id: String, _ x: Double, _ y: Double, area: Double = 50) -> ScenarioEdit {
        .addFacility(
            ScenarioFacility(id: id, kind: .partyMassStation, usableAreaM2: area, location: Point(x, y), lonLat: Point(0, 0)))
    }

    @Test func editsApplyInOrderAndFindTheirCommunity() throws {
        let edits: [ScenarioEdit] = [
            Self.add("S1", 1600, 500), .setArea(id: "F1", usableAreaM2: 10),
            .moveFacility(id: "S1", location: Point(1700, 400), lonLat: Point(1, 1)), .closeFacility(id: "F1"),
            Self.add("F1", 100, 100, area: 5)
        ]
        let out = try ScenarioEditing.apply(edits, to: Self.snapshot)
        #expect(out.snapshot.facilities.map(\.id) == ["S1", "F1"])
        #expect(out.snapshot.facilities[0].communityId == "B" && out.snapshot.facilities[0].location == Point(1700, 400))
        #expect(out.snapshot.facilities[1].usableAreaM2 == 5 && out.snapshot.facilities[1].communityId == "A")
        #expect(out.notes.isEmpty)
        #expect(out.snapshot.buildings == Self.snapshot.buildings && out.snapshot.communities == Self.snapshot.communities)
        let changes = FacilityChanges(before: Self.snapshot.facilities, after: out.snapshot.facilities)
        #expect(changes.added.map(\.id) == ["S1"] && changes.updated.map(\.id) == ["F1"] && changes.removedIds.isEmpty)
    }

    @Test func aMissingFacilityOrAnIdInUseIsRefusedNamingTheEdit() {
        let cases: [([ScenarioEdit], String)] = [
            ([.setArea(id: "F1", usableAreaM2: 1), .closeFacility(id: "NOPE")], "edits[1] (close_facility): no facility NOPE"),
            ([.closeFacility(id: "F1"), .setArea(id: "F1", usableAreaM2: 1)], "edits[1] (set_area): no facility F1"),
            ([Self.add("F1", 1, 1)], "edits[0].id: a facility F1 already exists")
        ]
        for (edits, message) in cases {
            do {
                _ = try ScenarioEditing.apply(edits, to: Self.snapshot)
                Issue.record("\(edits) was accepted")
            } catch let e as UsageError {
                #expect(e.message.hasPrefix(message), "\(e.message)")
            } catch { Issue.record("\(error)") }
        }
    }

    @Test func lenientModeSkipsWhatIsGoneAndNotesPointsOutside() throws {
        let edits: [ScenarioEdit] = [.closeFacility(id: "GONE"), Self.add("F1", 1, 1), Self.add("FAR", 5000, 5000)]
        let out = try ScenarioEditing.apply(edits, to: Self.snapshot, lenient: true)
        #expect(out.notes.map(\.code) == ["facility_missing", "id_exists", "outside_communities"])
        #expect(out.notes.map(\.edit) == [0, 1, 2])
        #expect(out.snapshot.facilities.map(\.id) == ["F1", "FAR"])
        #expect(out.snapshot.facilities[1].communityId == nil)
    }

    @Test func theFiguresAreThoseOfTheAreaStandardAndCoverageOfEachState() throws {
        let selection = FacilitySelection(countedKinds: [.partyMassStation], radius: 500, streetReach: 1000)
        let area = AreaStandardParameters(
            rule: AppliedRule(id: "area.per100", value: 30, unit: "m2", source: "test"), selection: selection)
        let coverage = CoverageParameters(selection: selection, method: .euclidean, areaStandard: 30)
        func figures(_ s: Snapshot) throws -> (area: AreaReport, coverage: CoverageResult) {
            (AreaStandard.report(s, area), try Coverage.analyze(s, coverage))
        }
        let edited = try ScenarioEditing.apply([Self.add("S1", 1500, 400, area: 30)], to: Self.snapshot).snapshot
        let sides = ScenarioSideBySide(first: try figures(Self.snapshot), second: try figures(edited), sides: .beforeAfter)
        // Before: A has 40 m² for 100 households (meets 30), B none (30 m² short); only BA covered.
        #expect(sides.first.householdsCovered == 100 && sides.first.communitiesMeeting == 1)
        #expect(sides.first.totalDeficitM2 == 30 && sides.first.per100 == 20)
        #expect(sides.second.householdsCovered == 200 && sides.second.communitiesMeeting == 2)
        #expect(sides.second.totalDeficitM2 == 0 && sides.second.per100 == 35)
        #expect(sides.change.householdsCovered == 100 && sides.change.totalDeficitM2 == -30 && sides.change.per100 == 15)
        #expect(sides.buildingsChanged.map(\.buildingId) == ["BB"])
        let b = try #require(sides.communities.first { $0.communityId == "B" })
        #expect(b.first.deficitM2 == 30 && b.second.deficitM2 == 0 && b.second.coveredHouseholds == 100)
    }
}
