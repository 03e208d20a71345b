extension Catalogue {
    /// `grids plan`, `party plan` and `report party`: summaries, columns, violations, shortfalls, notes.
    static let gridAndPartyTables: [Message] = [
        Message(
            "table.grids.head",
            en: "Grid plan: {min}–{max} households per grid (rule grid.households), method {method}. Working CRS: {crs}",
            zh: "网格规划：每个网格 {min}–{max} 户（规则 grid.households），方法 {method}。工作坐标系：{crs}"),
        Message("table.grids.applied", en: "Written to the store.", zh: "已写入数据库。"),
        Message("table.grids.not_applied", en: "Not written (add --apply to write the plan).", zh: "未写入（加 --apply 写入规划）。"),
        Message("table.grids.column.grid", en: "grid", zh: "网格"),
        Message("table.grids.column.community", en: "community", zh: "社区"),
        Message("table.grids.column.name", en: "name", zh: "名称"),
        Message("table.grids.column.buildings", en: "buildings", zh: "楼栋数"),
        Message("table.grids.column.households", en: "households", zh: "户数"),
        Message("table.grids.column.members", en: "members", zh: "党员数"),
        Message("table.grids.column.organization", en: "organization", zh: "党组织"),
        Message("table.grids.column.joint_with", en: "joint with", zh: "联合网格"),
        Message("table.grids.column.rms", en: "rms m", zh: "均方根距离(米)"),
        Message("table.grids.column.kept", en: "kept", zh: "保留"),
        Message("table.grids.column.grids", en: "grids", zh: "网格数"),
        Message("table.grids.column.within", en: "within bounds", zh: "户数达标网格"),
        Message("table.grids.column.moved", en: "moved", zh: "移动楼栋"),
        Message("table.grids.column.rule", en: "rule", zh: "规则"),
        Message("table.grids.column.detail", en: "detail", zh: "说明"),
        Message("table.grids.communities", en: "Communities", zh: "社区"),
        Message(
            "table.grids.summary",
            en:
                "{grids} grids, {within} within {min}–{max} households; household-weighted rms distance to the grid centre {rms} m",
            zh: "共 {grids} 个网格，其中 {within} 个在 {min}–{max} 户之间；按户数加权到网格中心的均方根距离 {rms} 米"),
        Message("table.grids.moved", en: "; {moved} buildings moved", zh: "；移动楼栋 {moved} 栋"),
        Message("table.grids.violations", en: "Violations ({count})", zh: "违规项（{count} 项）"),
        Message("table.notes", en: "Notes", zh: "说明"),
        Message(
            "violation.building_above",
            en: "building {building} has {households} households, above the maximum {maximum}: a grid of its own",
            zh: "楼栋 {building} 有 {households} 户，超过上限 {maximum}：单独成为一个网格"),
        Message(
            "violation.community_below", en: "community has {households} households, below the minimum {minimum}: one grid",
            zh: "社区只有 {households} 户，低于下限 {minimum}：整体为一个网格"),
        Message(
            "violation.outside.no_whole_number",
            en:
                "{households} households, outside {minimum}–{maximum}: no whole number of grids of {minimum}–{maximum} fits the community's {splittable} households",
            zh: "{households} 户，不在 {minimum}–{maximum} 之间：社区可划分的 {splittable} 户无法分成整数个 {minimum}–{maximum} 户的网格"),
        Message(
            "violation.outside.whole_buildings",
            en:
                "{households} households, outside {minimum}–{maximum}: the bounds cannot all be met with whole buildings in this community",
            zh: "{households} 户，不在 {minimum}–{maximum} 之间：本社区以整栋楼划分无法全部满足上下限"),
        Message(
            "violation.joint_branch_one",
            en:
                "{members} formal members; no joint branch of at most {max_grids} adjacent grids reaches {branch} ({formal} in {grids} grid)",
            zh: "正式党员 {members} 名；至多 {max_grids} 个相邻网格组建的联合党支部都达不到 {branch} 名（{grids} 个网格共 {formal} 名）"),
        Message(
            "violation.joint_branch",
            en:
                "{members} formal members; no joint branch of at most {max_grids} adjacent grids reaches {branch} ({formal} in {grids} grids)",
            zh: "正式党员 {members} 名；至多 {max_grids} 个相邻网格组建的联合党支部都达不到 {branch} 名（{grids} 个网格共 {formal} 名）"),
        Message(
            "note.large_grid_one",
            en:
                "{count} grid has more than {max} members, the usual size of a branch (party.branch_max): consider party groups or a split of the branch: {grids}",
            zh: "{count} 个网格的党员超过 {max} 名（党支部的通常规模，party.branch_max）：可考虑设立党小组或拆分党支部：{grids}"),
        Message(
            "note.large_grids",
            en:
                "{count} grids have more than {max} members, the usual size of a branch (party.branch_max): consider party groups or a split of the branch: {grids}",
            zh: "{count} 个网格的党员超过 {max} 名（党支部的通常规模，party.branch_max）：可考虑设立党小组或拆分党支部：{grids}"),
        Message(
            "note.ungridded",
            en: "buildings without a grid are reported under <community>-UNGRIDDED: run gridplan grids plan --apply",
            zh: "没有网格的楼栋列在 <社区>-UNGRIDDED 下：请运行 gridplan grids plan --apply"),
        Message("table.party.on.store", en: "the store's grids", zh: "库中的网格"),
        Message(
            "table.party.on.store_and_planned",
            en: "the store's grids, and a fresh grid plan (not in the store) where a community has none",
            zh: "库中的网格，以及没有网格的社区新做的网格规划（未写入库）"),
        Message("table.party.on.planned", en: "a fresh grid plan (not in the store)", zh: "新做的网格规划（未写入库）"),
        Message(
            "table.party.preamble.households",
            en:
                "Party network on {on}. Branch ≥ {branch} formal members, committee ≥ {committee}, joint branch ≤ {joint} grids; party group ≥ {group} members (≥ {group_formal} formal); central household links its own and up to {per_center} households within {reach} m (member households from households.csv).",
            zh:
                "党组织网络基于{on}。党支部 ≥ {branch} 名正式党员，支部委员会 ≥ {committee} 名，联合党支部 ≤ {joint} 个网格；党小组 ≥ {group} 名党员（其中正式党员 ≥ {group_formal} 名）；党员中心户联系本户及 {reach} 米内至多 {per_center} 户（党员户取自 households.csv）。"
        ),
        Message(
            "table.party.preamble.counts",
            en:
                "Party network on {on}. Branch ≥ {branch} formal members, committee ≥ {committee}, joint branch ≤ {joint} grids; party group ≥ {group} members (≥ {group_formal} formal); central household links its own and up to {per_center} households within {reach} m (one member household per formal member assumed: building counts only).",
            zh:
                "党组织网络基于{on}。党支部 ≥ {branch} 名正式党员，支部委员会 ≥ {committee} 名，联合党支部 ≤ {joint} 个网格；党小组 ≥ {group} 名党员（其中正式党员 ≥ {group_formal} 名）；党员中心户联系本户及 {reach} 米内至多 {per_center} 户（仅有楼栋统计数：按每名正式党员一户党员户估计）。"
        ),
        Message("table.party.column.grid", en: "grid", zh: "网格"),
        Message("table.party.column.community", en: "community", zh: "社区"),
        Message("table.party.column.name", en: "name", zh: "名称"),
        Message("table.party.column.households", en: "households", zh: "户数"),
        Message("table.party.column.members", en: "members", zh: "党员数"),
        Message("table.party.column.organization", en: "organization", zh: "党组织"),
        Message("table.party.column.joint_with", en: "joint with", zh: "联合网格"),
        Message("table.party.column.groups", en: "groups", zh: "党小组"),
        Message("table.party.column.central", en: "central hh", zh: "党员中心户"),
        Message("table.party.column.linked", en: "linked", zh: "联系户数"),
        Message("table.party.column.work_coverage", en: "work coverage", zh: "工作覆盖率"),
        Message("table.party.column.grids", en: "grids", zh: "网格数"),
        Message("table.party.column.organized", en: "organized", zh: "已建组织网格"),
        Message("table.party.column.org_coverage", en: "org coverage", zh: "组织覆盖率"),
        Message("table.party.column.covered", en: "covered", zh: "覆盖户数"),
        Message("table.party.column.kind", en: "kind", zh: "类型"),
        Message("table.party.column.building", en: "building", zh: "楼栋"),
        Message("table.party.column.detail", en: "detail", zh: "说明"),
        Message("table.party.total", en: "total", zh: "合计"),
        Message(
            "table.party.communities", en: "Communities and district (target 100% for both rates, rule party.coverage)",
            zh: "社区及全区（组织覆盖率和工作覆盖率目标均为 100%，规则 party.coverage）"),
        Message(
            "table.party.shortfall_count", en: "{count} shortfalls (gridplan report party lists them)",
            zh: "不足项 {count} 项（gridplan report party 列出全部）"),
        Message("table.party.below", en: "Grids below 100% ({count} of {grids})", zh: "未达 100% 的网格（{grids} 个中的 {count} 个）"),
        Message("table.party.no_shortfalls", en: "No shortfalls.", zh: "没有不足项。"),
        Message("table.party.shortfalls", en: "Shortfalls ({count})", zh: "不足项（{count} 项）"),
        Message("shortfall.kind.grid_without_organization", en: "grid without organization", zh: "未建党组织的网格"),
        Message("shortfall.kind.building_without_member_in_reach", en: "building without member in reach", zh: "附近无党员户的楼栋"),
        Message("shortfall.kind.households_unlinked", en: "households unlinked", zh: "未联系的住户"),
        Message("shortfall.no_member", en: "no member household within {reach} m", zh: "{reach} 米内没有党员户"),
        Message(
            "shortfall.no_member_nearest", en: "no member household within {reach} m: nearest at {nearest} m",
            zh: "{reach} 米内没有党员户：最近的在 {nearest} 米处"),
        Message(
            "shortfall.unlinked",
            en:
                "{households} households left unlinked: the central households within {reach} m are full ({each} households each)",
            zh: "{households} 户未被联系：{reach} 米内的党员中心户已满（每户联系 {each} 户）"),
        Message(
            "shortfall.no_organization", en: "{members} formal members and no joint branch possible with adjacent grids",
            zh: "正式党员 {members} 名，且无法与相邻网格组建联合党支部")
    ]
}
