import Foundation
import Testing
import GridModel
@testable import GridAnalysis

/// The enums results carry encode as the strings docs/data-format.md §3 names (raw values).
private func encoded<T: Encodable>(_ values: [T]) throws -> String {
    String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
}

@Test func resultEnumsEncodeAsTheContractStrings() throws {
    #expect(try encoded(PartyOrganization.allCases) == #"["branch_committee","branch","joint_branch","none"]"#)
    #expect(try encoded(CommunityOrganization.allCases) == #"["base_committee","general_branch","branch"]"#)
    #expect(
        try encoded(PartyShortfallKind.allCases)
            == #"["grid_without_organization","building_without_member_in_reach","households_unlinked"]"#)
    #expect(try encoded(PartyGridSource.allCases) == #"["store","planned","store+planned"]"#)
    #expect(try encoded(CentralHouseholdBasis.allCases) == #"["households","building_counts"]"#)
    #expect(try encoded(GridPlanMethod.allCases) == #"["region_growing","hilbert_split"]"#)
    #expect(try encoded(CoverageMethod.allCases) == #"["euclidean","network","costs"]"#)
    #expect(try encoded(ExactSearch.Stop.allCases) == #"["proven","time_limit"]"#)
    #expect(try encoded(SitingObjective.allCases) == #"["cover","all","distance","center"]"#)
    #expect(try encoded(SitingCapacity.allCases) == #"["area"]"#)
    #expect(try encoded(RatingMove.allCases) == #"["up","down","same","new"]"#)
    #expect(try encoded(MaximalCovering.PerturbationStop.allCases) == #"["off","optimal","rounds","budget","skipped"]"#)
    for kind in PartyShortfallKind.allCases {
        #expect(try JSONDecoder().decode([PartyShortfallKind].self, from: Data(encoded([kind]).utf8)) == [kind])
    }
}

@Test func ratingMoveComparesStars() {
    #expect(RatingMove(stars: 4, previousStars: 3) == .up)
    #expect(RatingMove(stars: 2, previousStars: 3) == .down)
    #expect(RatingMove(stars: 3, previousStars: 3) == .same)
}
