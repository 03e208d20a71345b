extension Catalogue {
    /// Progress lines on stderr: the stage names (`ProgressStage`) and the line itself.
    static let progress: [Message] = [
        Message("progress.line.counted", en: "{stage}: {done}/{total}", zh: "{stage}：{done}/{total}"),
        Message("progress.line.running", en: "{stage}: {done}", zh: "{stage}：{done}"),
        Message("progress.stage.read", en: "read {name}", zh: "读取 {name}"),
        Message("progress.stage.write", en: "write {layer}", zh: "写入 {layer}"),
        Message("progress.stage.area_standard", en: "area standard", zh: "面积标准"),
        Message("progress.stage.assign_communities", en: "assign communities", zh: "归属社区"),
        Message("progress.stage.export", en: "export", zh: "导出"),
        Message("progress.stage.coverage", en: "coverage", zh: "覆盖"),
        Message("progress.stage.coverage_network", en: "coverage (walking network)", zh: "覆盖（步行路网）"),
        Message("progress.stage.grid_plan", en: "grid plan", zh: "网格划分"),
        Message("progress.stage.grid_polygons", en: "grid polygons", zh: "网格多边形"),
        Message("progress.stage.map", en: "map", zh: "地图"),
        Message("progress.stage.party_network", en: "party network", zh: "党组织网络"),
        Message("progress.stage.project_coordinates", en: "project coordinates", zh: "坐标投影"),
        Message("progress.stage.report", en: "report", zh: "报告"),
        Message("progress.stage.siting", en: "siting ({objective})", zh: "选址（{objective}）"),
        Message("progress.stage.underserved", en: "under-served ranking", zh: "服务不足排序")
    ]
}
