extension Catalogue {
    /// `report area`: the preamble, the tables' titles and columns.
    static let areaTables: [Message] = [
        Message(
            "table.area.standard",
            en: "Standard: {standard} m² {basis} area per 100 households (rule {rule}, {unit}; source: {source})",
            zh: "标准：每百户 {standard} 平方米{basis}面积（规则 {rule}，{unit}；来源：{source}）"),
        Message(
            "table.area.counted_kinds.embedded", en: "Counted kinds: {kinds}; other kinds when embedded",
            zh: "计入类型：{kinds}；其他类型为嵌入式时计入"),
        Message("table.area.counted_kinds.only", en: "Counted kinds: {kinds} only", zh: "计入类型：仅 {kinds}"),
        Message("table.area.allocation", en: "Allocation: {allocation}", zh: "面积归属：{allocation}"),
        Message(
            "table.area.allocation.reach", en: " (reach {radius} m, street-level {street} m)",
            zh: "（服务半径 {radius} 米，街道级 {street} 米）"),
        Message(
            "table.area.allocation.reach_fallback",
            en: " (reach {radius} m, street-level {street} m; no households in reach, kept by their own community: {ids})",
            zh: "（服务半径 {radius} 米，街道级 {street} 米；服务半径内无住户、面积留在本社区的设施：{ids}）"),
        Message("table.area.working_crs", en: ". Working CRS: {crs}", zh: "。工作坐标系：{crs}"),
        Message("table.area.meets.yes", en: "yes", zh: "达标"),
        Message("table.area.meets.no", en: "NO", zh: "未达标"),
        Message("table.area.column.id", en: "id", zh: "编号"),
        Message("table.area.column.name", en: "name", zh: "名称"),
        Message("table.area.column.street", en: "street", zh: "街道"),
        Message("table.area.column.grid", en: "grid", zh: "网格"),
        Message("table.area.column.community", en: "community", zh: "社区"),
        Message("table.area.column.communities", en: "communities", zh: "社区数"),
        Message("table.area.column.meeting", en: "meeting", zh: "达标社区数"),
        Message("table.area.column.households", en: "households", zh: "户数"),
        Message("table.area.column.facilities", en: "facilities", zh: "设施数"),
        Message("table.area.column.area_m2", en: "area m²", zh: "面积(平方米)"),
        Message("table.area.column.per100", en: "m²/100 hh", zh: "每百户服务面积"),
        Message("table.area.column.required_m2", en: "required m²", zh: "应有面积(平方米)"),
        Message("table.area.column.deficit_m2", en: "deficit m²", zh: "缺口(平方米)"),
        Message("table.area.column.net_deficit_m2", en: "net deficit m²", zh: "净缺口(平方米)"),
        Message("table.area.column.meets", en: "meets", zh: "是否达标"),
        Message("table.area.title.communities", en: "Communities (largest deficit first)", zh: "社区（按缺口从大到小）"),
        Message(
            "table.area.title.communities_short", en: "Communities below the standard (largest deficit first)",
            zh: "低于标准的社区（按缺口从大到小）"),
        Message("table.area.title.grids", en: "Grids (largest deficit first)", zh: "网格（按缺口从大到小）"),
        Message(
            "table.area.title.streets", en: "Streets and total (deficit = sum of community deficits; net = pooled shortfall)",
            zh: "街道及合计（缺口 = 各社区缺口之和；净缺口 = 合并计算的不足）"),
        Message("table.area.no_street", en: "(no street)", zh: "（无街道）"),
        Message("table.area.total", en: "total", zh: "合计"),
        Message(
            "table.area.unallocated", en: "Outside every community (not counted in any figure): {area} m² ({ids})",
            zh: "不在任何社区内（不计入任何指标）：{area} 平方米（{ids}）")
    ]
}
