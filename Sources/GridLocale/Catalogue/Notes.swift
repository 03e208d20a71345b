extension Catalogue {
    /// Notes and summaries on stderr beside a command's output.
    static let notes: [Message] = [
        Message("note.prefix", en: "note: {note}", zh: "提示：{note}"),
        Message(
            "note.demo", en: "note: no store at {store}; using the bundled demo district ({demo})",
            zh: "提示：{store} 处没有数据库；使用自带的示范区（{demo}）"),
        Message(
            "note.party.no_grids",
            en: "the store has no grids: the party network is built on a fresh grid plan (gridplan grids plan --apply keeps one)",
            zh: "库中没有网格：党组织网络基于新做的网格规划（gridplan grids plan --apply 可保存规划）"),
        Message(
            "note.party.unplanned",
            en: "{count} communities have no stored grids: their party network is built on a fresh grid plan",
            zh: "{count} 个社区库中没有网格：其党组织网络基于新做的网格规划"),
        Message(
            "note.party.no_households",
            en:
                "--include-households: the store has no household rows (households.csv); central households are counted per building",
            zh: "--include-households：库中没有住户行（households.csv）；党员中心户按楼栋统计"),
        Message(
            "note.coverage.unreachable_one",
            en: "{count} building lie farther than {distance} m from every walkable road (listed in unreachable_building_ids)",
            zh: "{count} 栋楼距离所有可步行道路都超过 {distance} 米（列在 unreachable_building_ids 中）"),
        Message(
            "note.coverage.unreachable",
            en: "{count} buildings lie farther than {distance} m from every walkable road (listed in unreachable_building_ids)",
            zh: "{count} 栋楼距离所有可步行道路都超过 {distance} 米（列在 unreachable_building_ids 中）"),
        Message(
            "note.site.fewer", en: "only {sites} of {count} sites add coverage; the others would reach no uncovered household",
            zh: "{count} 个站点中只有 {sites} 个能新增覆盖；其余站点服务半径内没有未覆盖的住户"),
        Message("note.no_sites", en: "note: no proposed sites: {reason}", zh: "提示：没有拟建站点：{reason}"),
        Message("note.no_party", en: "note: no party coverage: {reason}", zh: "提示：没有党组织覆盖：{reason}")
    ]
}
