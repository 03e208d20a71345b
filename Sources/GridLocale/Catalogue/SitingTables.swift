extension Catalogue {
    /// `site`: the summary lines and the siting list's columns.
    static let sitingTables: [Message] = [
        Message(
            "table.site.head", en: "objective {objective}, radius {radius} m, {method}",
            zh: "目标 {objective}，服务半径 {radius} 米，{method}"),
        Message("table.site.head.crs", en: ", working CRS {crs}", zh: "，工作坐标系 {crs}"),
        Message(
            "table.site.households",
            en:
                "households {total}; covered before {before} ({before_pct}%), after {after} ({after_pct}%); upper bound {bound} ({bound_pct}%)",
            zh: "共 {total} 户；选址前覆盖 {before} 户（{before_pct}%），选址后 {after} 户（{after_pct}%）；上界 {bound} 户（{bound_pct}%）"),
        Message(
            "table.site.counts", en: "{candidates} candidates, {sites} sites, {swaps} swaps",
            zh: "候选点 {candidates} 个，选址 {sites} 个，交换 {swaps} 次"),
        Message(
            "table.site.mean_distance", en: "mean distance to the nearest center: {before} m → {after} m",
            zh: "到最近党群服务中心的平均距离：{before} 米 → {after} 米"),
        Message(
            "table.site.mean_distance_after", en: "mean distance to the nearest center after: {after} m",
            zh: "选址后到最近党群服务中心的平均距离：{after} 米"),
        Message(
            "table.site.unreached",
            en:
                "{households} households ({buildings} buildings) cannot walk to any center, existing or new (another part of the network); left out of the mean",
            zh: "{households} 户（{buildings} 栋楼）无法步行到达任何现有或新建中心（位于路网的另一部分）；未计入平均值"),
        Message(
            "table.site.full_cover", en: "the full cover needs {needed} sites; listing the first {listed}",
            zh: "全覆盖需要 {needed} 个站点；列出前 {listed} 个"),
        Message(
            "table.site.uncoverable",
            en: "{buildings} uncovered buildings ({households} households) are out of every candidate's reach",
            zh: "{buildings} 栋未覆盖楼栋（{households} 户）不在任何候选点的服务半径内"),
        Message("table.site.bound.lower", en: "lower bound {value} household-m", zh: "下界 {value} 户·米"),
        Message("table.site.bound.upper", en: "upper bound {value} households", zh: "上界 {value} 户"),
        Message("table.site.proven", en: "plan: proven optimal ({bound})", zh: "方案：已证明最优（{bound}）"),
        Message(
            "table.site.not_proven", en: "plan: within {gap}% of optimal, not proven ({bound})",
            zh: "方案：与最优相差不超过 {gap}%，未证明最优（{bound}）"),
        Message("table.site.column.rank", en: "rank", zh: "名次"),
        Message("table.site.column.candidate", en: "candidate", zh: "候选点"),
        Message("table.site.column.name", en: "name", zh: "名称"),
        Message("table.site.column.kind", en: "kind", zh: "类型"),
        Message("table.site.column.community", en: "community", zh: "社区"),
        Message("table.site.column.lon", en: "lon", zh: "经度"),
        Message("table.site.column.lat", en: "lat", zh: "纬度"),
        Message("table.site.column.input_lon", en: "input lon", zh: "输入经度"),
        Message("table.site.column.input_lat", en: "input lat", zh: "输入纬度"),
        Message("table.site.column.new_hh", en: "new hh", zh: "新增覆盖户数"),
        Message("table.site.column.cumulative", en: "cumulative", zh: "累计覆盖户数"),
        Message("table.site.column.rate", en: "rate", zh: "覆盖率"),
        Message("table.site.column.area_m2", en: "area m²", zh: "建议使用面积(平方米)"),
        Message("table.site.column.available_m2", en: "available m²", zh: "可用面积(平方米)"),
        Message("table.site.column.enough", en: "enough", zh: "面积是否足够")
    ]
}
