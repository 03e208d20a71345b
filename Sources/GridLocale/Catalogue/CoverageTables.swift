extension Catalogue {
    /// `coverage`: the summary lines and the tables' columns.
    static let coverageTables: [Message] = [
        Message(
            "table.coverage.head",
            en: "Coverage ({method}): reach {radius} m, street-level centers {street} m; working CRS {crs}",
            zh: "覆盖（{method}）：服务半径 {radius} 米，街道级中心 {street} 米；工作坐标系 {crs}"),
        Message(
            "table.coverage.total",
            en:
                "Total: {covered} of {households} households covered ({rate}), {covered_buildings} of {buildings} buildings; {facilities} counted facilities",
            zh: "合计：{households} 户中已覆盖 {covered} 户（覆盖率 {rate}），{buildings} 栋楼中已覆盖 {covered_buildings} 栋；计入设施 {facilities} 个"),
        Message(
            "table.coverage.unreachable", en: "{count} buildings cannot reach the walking network: {ids}",
            zh: "{count} 栋楼无法到达步行路网：{ids}"),
        Message("table.coverage.column.community", en: "community", zh: "社区"),
        Message("table.coverage.column.name", en: "name", zh: "名称"),
        Message("table.coverage.column.street", en: "street", zh: "街道"),
        Message("table.coverage.column.households", en: "households", zh: "户数"),
        Message("table.coverage.column.covered", en: "covered", zh: "已覆盖户数"),
        Message("table.coverage.column.rate", en: "rate", zh: "覆盖率"),
        Message("table.coverage.column.access", en: "m²/100 hh in reach", zh: "服务半径内每百户面积(平方米)"),
        Message("table.coverage.column.gap", en: "gap", zh: "缺口片区"),
        Message("table.coverage.column.buildings", en: "buildings", zh: "楼栋数"),
        Message("table.coverage.column.lon", en: "lon", zh: "经度"),
        Message("table.coverage.column.lat", en: "lat", zh: "纬度"),
        Message("table.coverage.column.communities", en: "communities", zh: "社区"),
        Message("table.coverage.gaps", en: "Gap neighbourhoods (link {link} m): {count}", zh: "缺口片区（连接距离 {link} 米）：{count} 个"),
        Message("table.coverage.gaps.largest", en: ", the {max} largest", zh: "，列出最大的 {max} 个"),
        Message(
            "table.coverage.accessibility",
            en:
                "Accessibility ({method}): {total} m² per 100 households within reach overall, against the {standard} m² standard; catchment: {catchment}",
            zh: "可达性（{method}）：全区服务半径内每百户 {total} 平方米，标准为 {standard} 平方米；服务范围：{catchment}")
    ]
}
