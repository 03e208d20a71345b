extension Catalogue {
    /// The HTML report: headings, figures, columns and notes, side by side (`中文 English`) unless
    /// `--lang` chooses one language (`DocumentLanguage`).
    static let reportTexts: [Message] = [
        Message("html.unit.households", en: "households", zh: "户"),
        Message("html.word.standard", en: "standard", zh: "标准"),
        Message("html.word.required", en: "required", zh: "应有"),
        Message("html.communities", en: "communities", zh: "社区"),
        Message("html.m_per_100_households", en: "m² per 100 households", zh: "每百户服务面积"),
        Message("html.communities_meeting_the_standard", en: "communities meeting the standard", zh: "达到标准的社区"),
        Message("html.area_deficit", en: "area deficit", zh: "面积缺口"),
        Message("html.households_covered", en: "households covered", zh: "已覆盖户数占比（覆盖率）"),
        Message("html.gap_neighbourhoods", en: "gap neighbourhoods", zh: "缺口片区"),
        Message("html.under_served_communities", en: "under-served communities", zh: "服务不足社区"),
        Message("html.counted_facilities", en: "counted facilities", zh: "计入设施"),
        Message("html.community", en: "community", zh: "社区"),
        Message("html.street", en: "street", zh: "街道"),
        Message("html.households", en: "households", zh: "户数"),
        Message("html.deficit_m", en: "deficit m²", zh: "缺口(平方米)"),
        Message("html.coverage", en: "coverage", zh: "覆盖率"),
        Message("html.reasons", en: "reasons", zh: "原因"),
        Message("html.facility_m", en: "facility m²", zh: "设施面积(平方米)"),
        Message("html.required_m", en: "required m²", zh: "应有面积(平方米)"),
        Message("html.covered", en: "covered", zh: "已覆盖"),
        Message("html.rate", en: "rate", zh: "覆盖率"),
        Message("html.gap", en: "gap", zh: "缺口片区"),
        Message("html.buildings", en: "buildings", zh: "楼栋数"),
        Message("html.nearest_facility_m", en: "nearest facility m", zh: "最近设施(米)"),
        Message("html.candidate", en: "candidate", zh: "候选点"),
        Message("html.new_households", en: "new households", zh: "新增覆盖户数"),
        Message("html.cumulative", en: "cumulative", zh: "累计覆盖户数"),
        Message("html.rate_after", en: "rate after", zh: "选址后覆盖率"),
        Message("html.m", en: "recommended m²", zh: "建议面积(平方米)"),
        Message("html.organization", en: "organization", zh: "党组织"),
        Message("html.grids", en: "grids", zh: "网格"),
        Message("html.organization_2", en: "organization coverage", zh: "组织覆盖率"),
        Message("html.work", en: "work coverage", zh: "工作覆盖率"),
        Message("html.groups", en: "groups", zh: "党小组"),
        Message("html.central", en: "central households", zh: "党员中心户"),
        Message("html.kind", en: "kind", zh: "单位类型"),
        Message("html.units", en: "units", zh: "单位"),
        Message("html.organized", en: "organized", zh: "有组织"),
        Message("html.work_covered", en: "work covered", zh: "工作覆盖"),
        Message("html.meta.crs", en: "working CRS {crs}", zh: "工作坐标系 {crs}"),
        Message(
            "html.meta.standard", en: "standard {standard} m² / 100 households ({source})",
            zh: "面积标准 每百户 {standard} 平方米（{source}）"),
        Message(
            "html.meta.reach", en: "reach {radius} m, street-level centers {street} m", zh: "服务半径 {radius} 米，街道级中心 {street} 米"),
        Message("html.detail.households", en: "{n} households", zh: "{n} 户"),
        Message("html.detail.standard", en: "standard {n}", zh: "标准 {n}"),
        Message("html.detail.required", en: "required {n} m²", zh: "应有 {n} 平方米"),
        Message("html.detail.in_standard", en: "{n} in the area standard", zh: "面积标准计入 {n} 个"),
        Message("html.h.map", en: "Map", zh: "地图"),
        Message("html.all_served", en: "Every community meets the area standard and is fully covered.", zh: "每个社区都达到面积标准且已全覆盖。"),
        Message("html.per100", en: "m²/100 households", zh: "每百户服务面积"),
        Message("html.h.area", en: "Area per 100 households", zh: "每百户服务面积"),
        Message(
            "html.area_note",
            en:
                "{meeting} of {communities} communities meet {standard} m² per 100 households; the {short} below it, largest deficit first:",
            zh: "{communities} 个社区中有 {meeting} 个达到每百户 {standard} 平方米；未达标的 {short} 个按缺口从大到小："),
        Message("html.h.coverage", en: "Coverage within {radius} m", zh: "服务半径 {radius} 米内的覆盖"),
        Message("html.h.gaps", en: "Gap neighbourhoods (the {shown} largest of {count})", zh: "缺口片区（{count} 个中最大的 {shown} 个）"),
        Message("html.h.sites", en: "Proposed sites", zh: "选址建议"),
        Message("html.no_sites", en: "No siting list.", zh: "没有选址清单。"),
        Message("html.h.party", en: "Party coverage", zh: "党组织覆盖"),
        Message(
            "html.party_note",
            en:
                "Grids with a party organization of their own or a joint one: {organized} of {grids} ({org_rate}); households reached by a party group or a central household: {covered} of {households} ({work_rate}); {groups} party groups, {central} central households; {shortfalls} shortfalls (target 100% for both rates).",
            zh:
                "有本网格或联合党组织的网格：{grids} 个中 {organized} 个（组织覆盖率 {org_rate}）；由党小组或党员中心户联系的住户：{households} 户中 {covered} 户（工作覆盖率 {work_rate}）；党小组 {groups} 个，党员中心户 {central} 户；不足项 {shortfalls} 项（两个覆盖率目标均为 100%）。"
        ),
        Message(
            "html.units_note",
            en:
                "Organization coverage and work coverage of the units, {year}; {missing} units should set up an organization of their own.",
            zh: "{year} 年各单位的组织覆盖率和工作覆盖率（两个覆盖）；{missing} 个单位应建立党组织（应建尽建）。"),
        Message("html.no_party", en: "No party data in the store: party coverage cannot be shown.", zh: "库中没有党建数据：无法显示党组织覆盖。"),
        Message(
            "html.footer",
            en:
                "figures from report area, coverage, report underserved, site, report party and report compliance with default options.",
            zh: "数据来自默认选项下的 report area、coverage、report underserved、site、report party 和 report compliance。"),
        Message("html.title", en: "Planning report", zh: "社区服务设施规划报告"),
        Message("html.sites.left_out", en: "Siting list left out (--sites 0).", zh: "未列选址清单（--sites 0）。"),
        Message(
            "html.sites.unavailable", en: "No siting list: the siting analysis could not run on this store.",
            zh: "没有选址清单：本库无法进行选址分析。"),
        Message(
            "html.sites.none", en: "No new site adds coverage: every household is within reach.", zh: "没有能新增覆盖的新站点：所有住户都在服务半径内。"),
        Message("html.org.branch_committee", en: "branch committee", zh: "支部委员会"),
        Message("html.org.branch", en: "branch", zh: "党支部"),
        Message("html.org.joint_branch", en: "joint branch", zh: "联合党支部"),
        Message("html.org.general_branch", en: "general branch", zh: "党总支"),
        Message("html.org.base_committee", en: "base committee", zh: "基层党委"),
        Message("html.org.none", en: "none", zh: "无")
    ]
}
