import Foundation
import Testing
import TestSupport

/// The figures the README's walkthrough states about the bundled demo district, each pinned
/// through the JSON output that carries it. When one of them changes deliberately, the README's
/// text, this test and the golden files (Tools/update-golden) change together.
@Suite struct DemoWalkthroughTests {
    private func json(_ args: [String]) throws -> [String: Any] {
        let r = try GoldenDemo.run(args + ["--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    private func objects(_ value: Any?) -> [[String: Any]] { value as? [[String: Any]] ?? [] }

    /// 4 streets, 33 communities, 2,625 buildings, 101,698 households, 153 facilities, 150
    /// candidates, 1,229 roads; CGCS2000 in, working CRS EPSG:4547.
    @Test func datasetCounts() throws {
        let info = try #require(try json(["info"])["store"] as? [String: Any])
        let counts = try #require(info["counts"] as? [String: Int])
        #expect(counts["communities"] == 33)
        #expect(counts["buildings"] == 2_625)
        #expect(counts["households"] == 101_698)
        #expect(counts["facilities"] == 153)
        #expect(counts["candidates"] == 150)
        #expect(counts["roads"] == 1_229)
        #expect(info["source_crs"] as? String == "EPSG:4490")
        #expect(info["working_crs"] as? String == "EPSG:4547")
        let streets = Set(objects(try json(["report", "area"])["streets"]).compactMap { $0["street"] as? String })
        #expect(streets.count == 4)
    }

    /// 12 of 33 communities short; 41.01 m²/100 hh (41,706 m²); shortfalls 3,871.5 m², led by
    /// 新荣社区 (11.15, 659.1 short), 金桥社区 (12.18), 红旗村社区 (13.44); 金融街社区 (186 hh) has none.
    @Test func areaStandard() throws {
        let area = try json(["report", "area"])
        let total = try #require(area["total"] as? [String: Any])
        #expect(total["community_count"] as? Int == 33)
        #expect(total["communities_meeting_standard"] as? Int == 21)
        #expect(total["area_per_100_households"] as? Double == 41.01)
        #expect(total["facility_area_m2"] as? Double == 41_706)
        #expect(total["deficit_m2"] as? Double == 3_871.5)
        let byDeficit = objects(area["communities"]).sorted {
            ($0["deficit_m2"] as? Double ?? 0) > ($1["deficit_m2"] as? Double ?? 0)
        }
        let leaders = byDeficit.prefix(3).map { ($0["name"] as? String ?? "", $0["area_per_100_households"] as? Double ?? -1) }
        #expect(leaders.map(\.0) == ["新荣社区", "金桥社区", "红旗村社区"])
        #expect(leaders.map(\.1) == [11.15, 12.18, 13.44])
        #expect(byDeficit.first?["deficit_m2"] as? Double == 659.1)
        let jinrongjie = try #require(objects(area["communities"]).first { $0["name"] as? String == "金融街社区" })
        #expect(jinrongjie["households"] as? Int == 186)
        #expect(jinrongjie["facility_area_m2"] as? Double == 0)
    }

    /// 97.6% (99,242) covered in a straight line; 8 gap neighbourhoods, the largest 844 households
    /// in 三眼桥社区 (C08) and 803 in 红旗村社区 (C07).
    @Test func straightLineCoverage() throws {
        let coverage = try json(["coverage"])
        let total = try #require(coverage["total"] as? [String: Any])
        #expect(total["covered_households"] as? Int == 99_242)
        #expect(total["coverage_rate"] as? Double == 0.9759)  // printed as 97.6%
        let gaps = objects(coverage["gaps"]).sorted { ($0["households"] as? Int ?? 0) > ($1["households"] as? Int ?? 0) }
        #expect(gaps.count == 8)
        #expect(gaps.prefix(2).map { $0["households"] as? Int ?? 0 } == [844, 803])
        #expect(gaps.prefix(2).map { $0["community_ids"] as? [String] ?? [] } == [["C08"], ["C07"]])
    }

    /// Along the walking network only 80.0% (81,372).
    @Test func networkCoverage() throws {
        let total = try #require(try json(["coverage", "--network"])["total"] as? [String: Any])
        #expect(total["covered_households"] as? Int == 81_372)
        #expect(total["coverage_rate"] as? Double == 0.8001)  // printed as 80.0%
    }

    /// The first five sites (三眼桥城市驿站, 李家湾闲置用房, 模范村城市驿站, 惠济路空地, 花桥城市驿站)
    /// bring coverage to 99.8% (101,455); the first three have too little available area; the
    /// whole list (objective all, as the map draws it) has 8 sites.
    @Test func sitingList() throws {
        let site = try json(["site", "--count", "5"])
        let sites = objects(site["sites"])
        let names = sites.map { $0["name"] as? String ?? "" }
        let expected = ["三眼桥城市驿站", "李家湾闲置用房", "模范村城市驿站", "惠济路空地", "花桥城市驿站"]
        #expect(names.count == 5)
        #expect(zip(names, expected).allSatisfy { $0.hasPrefix($1) }, "\(names)")
        #expect(site["covered_households_before"] as? Int == 99_242)
        #expect(site["covered_households_after"] as? Int == 101_455)
        #expect(sites.last?["coverage_rate_after"] as? Double == 0.9976)  // printed as 99.8%
        #expect(sites.map { $0["area_sufficient"] as? Bool } == [false, false, false, true, true])
        #expect(
            sites.allSatisfy { s in
                // 0.30 m² per household newly served
                abs((s["recommended_area_m2"] as? Double ?? 0) - 0.30 * Double(s["new_households_covered"] as? Int ?? 0)) < 0.051
            })
        #expect(objects(try json(["site", "--objective", "all"])["sites"]).count == 8)
    }

    /// 5 units below the full-time party-worker ratio with 10 workers to assign (区城市建设投资集团:
    /// 9 of 13); 2 social organizations without their own; coverage 71.4% / 16.7%; 9 secretaries not
    /// trained in 2024 (2 never); 10 leaders short (L20: 13 of 20 days); 7 low ratings; 8 missing visits.
    @Test func complianceReport() throws {
        let c = try json(["report", "compliance"])
        #expect(c["year"] as? Int == 2024)
        let staffing = objects(c["staffing"])
        #expect(staffing.count == 5)
        #expect(staffing.reduce(0) { $0 + ($1["workers_to_assign"] as? Int ?? 0) } == 10)
        let jiantou = try #require(staffing.first { $0["name"] as? String == "区城市建设投资集团" })
        #expect(jiantou["party_workers"] as? Int == 9 && jiantou["required_workers"] as? Int == 13)
        #expect(objects(c["missing_organizations"]).count == 2)
        let twoCoverage = Dictionary(
            uniqueKeysWithValues: objects(c["two_coverage"]).map {
                ($0["kind"] as? String ?? "", $0["organization_coverage_rate"] as? Double ?? -1)
            })
        #expect(twoCoverage == ["non_public": 0.7143, "social_org": 0.1667])
        let untrained = objects(c["untrained_secretaries"])
        #expect(untrained.count == 9)
        #expect(untrained.filter { $0["last_training_date"] is NSNull || $0["last_training_date"] == nil }.count == 2)
        let contacts = objects(c["contact_shortfalls"])
        #expect(contacts.count == 10)
        let l20 = try #require(contacts.first { $0["leader_id"] as? String == "L20" })
        #expect(l20["days"] as? Int == 13 && l20["days_short"] as? Int == 7)
        #expect(objects(c["low_ratings"]).count == 7)
        #expect(objects(c["missing_observations"]).count == 8)
    }

    /// The bundled demo district in the grids table ("Grids and the party network"): 255 grids,
    /// 245 (96.1%) within 300–500 households, compactness 4,853 m² (70 m) as the household-weighted
    /// mean; the Hilbert-split baseline 12,509 m² (112 m) with 240 (94.1%) within.
    @Test(arguments: [("region_growing", 245, 4_853.0, 70.0), ("hilbert_split", 240, 12_509.0, 112.0)])
    func gridPlan(method: String, within: Int, compactness: Double, rms: Double) throws {
        let grids = objects(try json(["grids", "plan", "--method", method])["grids"])
        #expect(grids.count == 255)
        let households = grids.map { $0["households"] as? Int ?? 0 }
        #expect(households.filter { (300...500).contains($0) }.count == within)
        let weighted =
            zip(grids, households).reduce(0.0) { $0 + ($1.0["compactness_m2"] as? Double ?? 0) * Double($1.1) }
            / Double(households.reduce(0, +))
        #expect(weighted.rounded() == compactness, "\(weighted)")
        #expect(weighted.squareRoot().rounded() == rms)
    }
}
