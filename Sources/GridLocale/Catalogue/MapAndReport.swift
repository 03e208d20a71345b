extension Catalogue {
    /// The SVG map: theme titles, subtitle, legend, notes. Shown side by side (`中文 English`)
    /// unless `--lang` chooses one language (`DocumentLanguage`).
    static let mapTexts: [Message] = [
        Message("map.theme.area", en: "Service area per 100 households", zh: "每百户服务面积"),
        Message("map.theme.coverage", en: "Coverage rate", zh: "服务覆盖率"),
        Message("map.theme.grids", en: "Grids", zh: "网格"),
        Message("map.theme.sites", en: "Proposed sites", zh: "建议新址"),
        Message("map.legend.per100", en: "m² / 100 households", zh: "平方米/百户"),
        Message("map.legend.coverage", en: "coverage rate", zh: "覆盖率"),
        Message("map.standard", en: "standard", zh: "标准"),
        Message("map.legend.no_households", en: "no households", zh: "无住户"),
        Message("map.legend.buildings", en: "Buildings (size: households)", zh: "楼栋（圆点大小：户数）"),
        Message("map.legend.building", en: "building", zh: "楼栋"),
        Message("map.legend.covered", en: "covered", zh: "已覆盖"),
        Message("map.legend.not_covered", en: "not covered", zh: "未覆盖"),
        Message("map.legend.facilities", en: "Facilities", zh: "设施"),
        Message("map.legend.large", en: "large: street/district level", zh: "大图标：街道级/区级"),
        Message("map.legend.site", en: "proposed site (rank)", zh: "建议新址（名次）"),
        Message("map.legend.gap", en: "gap neighbourhood", zh: "缺口片区"),
        Message("map.legend.grid", en: "grid boundary", zh: "网格边界"),
        Message("map.gap", en: "{households} households, {buildings} buildings", zh: "{households} 户，{buildings} 栋楼"),
        Message("map.subtitle.standard", en: "standard {standard} m²/100 households", zh: "标准 每百户 {standard} 平方米"),
        Message(
            "map.subtitle.covered", en: "covered {covered} within {radius} m (street centers {street} m)",
            zh: "覆盖率 {covered}（服务半径 {radius} 米，街道级中心 {street} 米）"),
        Message("map.subtitle.gaps", en: "{gaps} gaps", zh: "缺口片区 {gaps} 个"),
        Message(
            "map.note.no_grids", en: "the store has no grids yet (run `gridplan grids plan --apply`); the map shows none",
            zh: "库中还没有网格（请运行 `gridplan grids plan --apply`）；地图上不显示网格"),
        Message(
            "map.note.no_sites", en: "no proposed sites to draw (every household is covered, or the store has no candidates)",
            zh: "没有可绘制的拟建站点（所有住户都已覆盖，或库中没有候选点）"),
        Message(
            "map.done",
            en:
                "map: {path}: {communities} communities, {buildings} buildings, {facilities} facilities, {gaps} gap neighbourhoods, {grids} grids, {sites} sites",
            zh: "地图：{path}：社区 {communities} 个，楼栋 {buildings} 栋，设施 {facilities} 个，缺口片区 {gaps} 个，网格 {grids} 个，站点 {sites} 个"),
        Message(
            "html.done",
            en: "report: {path}: {bytes} bytes, {communities} communities, {underserved} under-served, coverage {coverage}",
            zh: "报告：{path}：{bytes} 字节，社区 {communities} 个，服务不足 {underserved} 个，覆盖率 {coverage}")
    ]
}
