import Foundation
import Testing
@testable import GridModel

/// The bundled `seeds/standards.json`, found from this source file's path.
private func bundledStandardsURL() -> URL {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // GridModelTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("seeds/standards.json")
}

/// Numeric rules the analyses read, with the value (and upper bound) the policy texts give.
private let expectedNumbers: [(id: String, value: Double, max: Double?)] = [
    ("area.per100", 30, nil), ("area.per100.aspiration", 80, nil), ("area.site_floor", 500, nil),
    ("reach.5min", 300, nil), ("reach.10min", 500, nil), ("reach.15min", 1000, nil), ("reach.default", 500, nil),
    ("grid.households", 300, 500),
    ("party.branch", 3, nil), ("party.branch_max", 50, nil), ("party.joint_branch_max_units", 5, nil),
    ("party.committee", 7, nil), ("party.general_branch", 50, 99), ("party.base_committee", 100, nil),
    ("party.group", 3, nil), ("party.group_min_formal", 1, nil), ("party.central_household", 10, nil),
    ("party.coverage", 1.0, nil),
    ("staff.agency", 0.02, nil), ("staff.soe", 0.01, nil), ("training.secretary", 1, nil),
    ("contact.district.days", 15, nil), ("contact.district.meetings", 2, nil), ("contact.district.lectures", 2, nil),
    ("contact.street.days", 20, nil), ("contact.street.meetings", 2, nil), ("contact.street.lectures", 2, nil),
    ("observe.quarterly", 1, nil)
]

@Test func bundledStandardsHaveEveryNumericRule() throws {
    let s = try PolicyStandards.load(from: bundledStandardsURL())
    for e in expectedNumbers {
        let rule = try #require(s[e.id], "missing rule \(e.id)")
        #expect(rule.value == e.value, "\(e.id): \(String(describing: rule.value)) != \(e.value)")
        #expect(rule.max == e.max, "\(e.id) max: \(String(describing: rule.max)) != \(String(describing: e.max))")
        #expect(!rule.unit.isEmpty, "\(e.id) has no unit")
    }
    #expect(s.areaPer100 == 30)
    #expect(s.defaultRadius == 500)
    #expect(s.streetLevelReach == 1000)
}

@Test func bundledStandardsHaveListRules() throws {
    let s = try PolicyStandards.load(from: bundledStandardsURL())
    #expect(s["area.counted_kinds"]?.values == ["party_mass_center", "party_mass_station"])
    #expect(s.countedKinds == [.partyMassCenter, .partyMassStation])
    #expect(s["area.basis"]?.values == ["usable"])
    #expect(s["rating.levels"]?.values == ["优秀", "良好", "较好", "一般", "较差"])
}

@Test func everyBundledRuleHasSourceAndBilingualDescription() throws {
    let data = try Data(contentsOf: bundledStandardsURL())
    // Decode the raw list too, so a duplicated id (which the dictionary would hide) fails here.
    let file = try JSONDecoder().decode(PolicyStandards.File.self, from: data)
    let ids = file.rules.map(\.id)
    #expect(Set(ids).count == ids.count, "duplicate rule ids")
    for rule in file.rules {
        #expect(!rule.source.trimmingCharacters(in: .whitespaces).isEmpty, "\(rule.id) has no source")
        #expect(rule.description.contains(" / "), "\(rule.id): description is not 'Chinese / English'")
        #expect(rule.value != nil || !(rule.values ?? []).isEmpty, "\(rule.id) has neither value nor values")
    }
}
