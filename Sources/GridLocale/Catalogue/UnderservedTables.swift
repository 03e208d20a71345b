extension Catalogue {
    /// `report underserved`: the summary line, columns, and the reasons in words.
    static let underservedTables: [Message] = [
        Message(
            "table.underserved.head",
            en:
                "Under-served communities: {underserved} of {communities} (standard {standard} m² per 100 households; reach {radius} m, {method}; working CRS {crs})",
            zh: "服务不足的社区：{communities} 个社区中有 {underserved} 个（标准每百户 {standard} 平方米；服务半径 {radius} 米，{method}；工作坐标系 {crs}）"),
        Message("table.underserved.column.rank", en: "rank", zh: "名次"),
        Message("table.underserved.column.community", en: "community", zh: "社区"),
        Message("table.underserved.column.name", en: "name", zh: "名称"),
        Message("table.underserved.column.households", en: "households", zh: "户数"),
        Message("table.underserved.column.deficit_m2", en: "deficit m²", zh: "缺口(平方米)"),
        Message("table.underserved.column.uncovered", en: "uncovered hh", zh: "未覆盖户数"),
        Message("table.underserved.column.access", en: "m²/100 hh in reach", zh: "服务半径内每百户面积(平方米)"),
        Message("table.underserved.column.reasons", en: "reasons", zh: "原因"),
        Message("table.underserved.column.gap", en: "gap", zh: "缺口片区"),
        Message("table.underserved.column.lon", en: "lon", zh: "经度"),
        Message("table.underserved.column.lat", en: "lat", zh: "纬度"),
        Message("table.underserved.gaps", en: "Gap neighbourhoods: {count}", zh: "缺口片区：{count} 个"),
        Message("table.underserved.gaps.first", en: ", the {max} first", zh: "，列出前 {max} 个"),
        Message(
            "reason.community.area",
            en:
                "counted facility area {area} m² is {per100} m² per 100 households, below the {standard} m² standard: {deficit} m² short of {required} m²",
            zh: "计入设施面积 {area} 平方米，每百户 {per100} 平方米，低于 {standard} 平方米的标准：比应有的 {required} 平方米少 {deficit} 平方米（缺口）"),
        Message(
            "reason.community.uncovered",
            en:
                "{uncovered} of {households} households ({percent}%) live beyond the reach of every counted facility ({radius} m; street-level centers {street} m, {method})",
            zh: "{households} 户中有 {uncovered} 户（{percent}%）住在所有计入设施的服务半径之外（{radius} 米；街道级中心 {street} 米，{method}）"),
        Message(
            "reason.community.accessibility",
            en: "accessibility {accessibility} m² per 100 households within reach is below the {standard} m² standard",
            zh: "可达性为服务半径内每百户 {accessibility} 平方米，低于 {standard} 平方米的标准"),
        Message(
            "reason.gap.beyond",
            en: "{households} households in {buildings} buildings beyond the reach of every counted facility",
            zh: "{buildings} 栋楼的 {households} 户在所有计入设施的服务半径之外"),
        Message(
            "reason.gap.beyond_one",
            en: "{households} households in {buildings} building beyond the reach of every counted facility",
            zh: "{buildings} 栋楼的 {households} 户在所有计入设施的服务半径之外"),
        Message(
            "reason.gap.beyond_nearest",
            en:
                "{households} households in {buildings} buildings beyond the reach of every counted facility; the nearest is {nearest} m away",
            zh: "{buildings} 栋楼的 {households} 户在所有计入设施的服务半径之外；最近的设施在 {nearest} 米外"),
        Message(
            "reason.gap.beyond_one_nearest",
            en:
                "{households} households in {buildings} building beyond the reach of every counted facility; the nearest is {nearest} m away",
            zh: "{buildings} 栋楼的 {households} 户在所有计入设施的服务半径之外；最近的设施在 {nearest} 米外"),
        Message(
            "reason.gap.short_one", en: "in community {communities} short of the area standard by {deficit} m² in all",
            zh: "所在社区 {communities} 面积低于标准，缺口共 {deficit} 平方米"),
        Message(
            "reason.gap.short", en: "in communities {communities} short of the area standard by {deficit} m² in all",
            zh: "所在社区 {communities} 面积低于标准，缺口共 {deficit} 平方米"),
        Message(
            "reason.gap.accessibility", en: "accessibility below {standard} m² per 100 households in {communities}",
            zh: "{communities} 的可达性低于每百户 {standard} 平方米")
    ]
}
