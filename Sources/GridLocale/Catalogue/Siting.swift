extension Catalogue {
    /// Siting: p-center, capacity by the area standard, options added with them.
    static let siting: [Message] = [
        Message(
            "usage.site.center_network",
            en: "--objective center measures straight lines or a cost table: drop --network (or use --costs)",
            zh: "--objective center 按直线距离或成本表计算：请去掉 --network（或改用 --costs）"),
        Message(
            "usage.site.capacity_straight_lines", en: "--capacity area measures straight lines: drop --costs and --network",
            zh: "--capacity area 按直线距离计算：请去掉 --costs 和 --network"),
        Message(
            "usage.coverage.costs_network", en: "--costs replaces the distances: drop --network",
            zh: "--costs 取代距离计算：请去掉 --network"),
        Message(
            "help.site.capacity",
            en:
                "area: a center serves at most its usable area ÷ 0.30 m² households (30 m² per 100 households; candidates by available_area_m2, facilities by usable_area_m2); households are assigned without exceeding any capacity (cover, distance).",
            zh:
                "area：每个中心最多服务其使用面积 ÷ 0.30 m² 户（每百户服务面积 30 m²；候选点按 available_area_m2，现有设施按 usable_area_m2）；分配户数不超过任何中心的容量（cover、distance）。"
        ),
        Message(
            "siting.center.line",
            en: "largest distance to the nearest center: {before} → {after} (buildings at it: {buildings})",
            zh: "楼栋到最近中心的最大距离：{before} → {after}（处于该距离的楼栋：{buildings}）"),
        Message(
            "siting.center.bound", en: "lower bound {bound} largest distance", zh: "最大距离下界 {bound}"),
        Message(
            "siting.capacity.line",
            en:
                "capacity by area (30 m² per 100 households): {unserved} households within reach left unserved for lack of area; existing centers serve {existing}",
            zh: "按面积计算容量（每百户服务面积 30 m²）：可达范围内因面积不足未能服务 {unserved} 户；现有中心服务 {existing} 户"),
        Message(
            "help.coverage.costs",
            en:
                "A CSV of origin_id,destination_id,cost (building → facility, in the unit of --radius; a missing pair is unreachable) replacing straight-line distances for coverage and accessibility.",
            zh: "出行成本表 CSV：origin_id,destination_id,cost（楼栋 → 设施，单位同 --radius；缺少的组合视为不可达），代替直线距离计算覆盖率和可达性。"
        ),
        Message("siting.column.assigned", en: "assigned hh", zh: "分配户数"),
        Message("siting.column.capacity", en: "capacity hh", zh: "容量户数"),
        Message("siting.column.utilisation", en: "use", zh: "利用率")
    ]
}
