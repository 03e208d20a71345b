extension Catalogue {
    /// Workbooks (`--format xlsx`, `export --format xlsx`): Chinese header names (`xlsx.header.KEY`,
    /// the first name of docs/data-format.md §6 for its fields, so a sheet imports back as it
    /// is), sheet names (`xlsx.sheet.NAME`), and the `--out` help of the commands offering xlsx.
    static let workbook: [Message] = fieldHeaders + reportHeaders + sheetNames + workbookHelp + workbookUsage

    /// Usage errors of `--format xlsx` and `--out`.
    static let workbookUsage: [Message] = [
        Message(
            "usage.workbook.out_missing", en: "--format xlsx: needs --out FILE.xlsx (a workbook is not printed)",
            zh: "--format xlsx：需要 --out 文件.xlsx（工作簿不输出到屏幕）"),
        Message(
            "usage.workbook.out_without_xlsx", en: "--out: only with --format xlsx (the other formats are printed)",
            zh: "--out：仅用于 --format xlsx（其他格式直接输出到屏幕）"),
        Message("output.workbook", en: "the workbook", zh: "工作簿"),
        Message(
            "output.workbook.written", en: "{command}: {path}: {sheets} sheets, {rows} rows",
            zh: "{command}：{path}：{sheets} 个工作表，{rows} 行"),
        Message(
            "usage.export.shp_failed", en: "--out {out}: cannot write the Shapefiles ({error})",
            zh: "--out {out}：无法写入 Shapefile（{error}）"),
        Message(
            "usage.export.kml_failed", en: "--out {out}: cannot write the KML files ({error})",
            zh: "--out {out}：无法写入 KML 文件（{error}）"),
        Message(
            "usage.export.empty_store", en: "export: no layer to write (the store is empty)",
            zh: "export：没有可写出的图层（数据库为空）"),
        Message(
            "note.export.kml_skipped", en: "export: {layer}: not written (KML holds only layers with geometry)",
            zh: "export：{layer}：未写出（KML 只能保存带几何的图层）"),
        Message(
            "note.export.wkt_omitted",
            en: "export: {layer}: {omitted} geometries longer than an Excel cell holds are left out of the wkt column",
            zh: "export：{layer}：{omitted} 个几何超出 Excel 单元格容量，未写入 wkt 列")
    ]

    /// The contract fields of data-format §6, by their first Chinese name there.
    static let fieldHeaders: [Message] = [
        ("id", "编号"), ("name", "名称"), ("community_id", "社区编号"), ("street", "街道"), ("grid_id", "网格编号"),
        ("building_id", "楼栋编号"), ("households", "户数"), ("residents", "人口"), ("persons", "人数"),
        ("party_members", "党员数"), ("probationary_members", "预备党员数"), ("floors", "层数"), ("kind", "类型"),
        ("level", "层级"), ("usable_area_m2", "使用面积"), ("available_area_m2", "可用面积"),
        ("embedded", "嵌入党建元素"), ("staff", "职工数"), ("party_workers", "专职党务工作者数"), ("walkable", "可步行"),
        ("lon", "经度"), ("lat", "纬度"), ("x", "X坐标"), ("y", "Y坐标")
    ].map { Message("xlsx.header.\($0.0)", en: $0.0, zh: $0.1) }

    /// Keys of the reports' JSON documents.
    static let reportHeaders: [Message] = [
        ("field", "项目"), ("value", "值"), ("report", "报表"), ("dataset", "数据集"), ("working_crs", "工作坐标系"),
        ("input_crs", "输入坐标系"), ("generated", "生成日期"), ("total", "合计"), ("unit", "单元"), ("room", "房号"),
        ("area_per_100_households", "每百户服务面积(平方米)"), ("deficit_m2", "缺口(平方米)"),
        ("facility_area_m2", "设施面积(平方米)"), ("facility_count", "设施数"), ("meets_standard", "是否达标"),
        ("required_area_m2", "应配面积(平方米)"), ("standard_m2_per_100_households", "标准(平方米/百户)"),
        ("coverage_rate", "覆盖率"), ("coverage_rate_after", "选址后覆盖率"), ("covered", "是否覆盖"),
        ("covered_households", "覆盖户数"), ("uncovered_households", "未覆盖户数"),
        ("covered_households_before", "选址前覆盖户数"), ("covered_households_after", "选址后覆盖户数"),
        ("accessibility_m2_per_100_households", "可达每百户面积(平方米)"), ("rank", "排名"), ("reasons", "原因"),
        ("underserved", "服务不足"), ("candidate_id", "候选点编号"), ("new_households_covered", "新增覆盖户数"),
        ("cumulative_covered_households", "累计覆盖户数"), ("recommended_area_m2", "建议面积(平方米)"),
        ("area_sufficient", "面积是否足够"), ("distance_m", "距离(米)"), ("radius_m", "服务半径(米)"),
        ("nearest_facility_id", "最近设施编号"), ("covering_facility_id", "覆盖设施编号"), ("objective", "目标"),
        ("count", "数量"), ("method", "方法"), ("allocation", "分配方式"), ("area_basis", "面积口径"),
        ("organization", "党组织"), ("organization_coverage_rate", "组织覆盖率"), ("work_coverage_rate", "工作覆盖率"),
        ("formal_members", "正式党员数"), ("min_households", "最少户数"), ("max_households", "最多户数"),
        ("buildings", "楼栋数"), ("grids", "网格数"), ("communities", "社区数"), ("source", "来源"), ("cost", "费用"),
        ("standard", "标准"), ("year", "年度"), ("stars", "星级"), ("date", "日期"), ("role", "职务")
    ].map { Message("xlsx.header.\($0.0)", en: $0.0, zh: $0.1) }

    /// Sheet names.
    static let sheetNames: [Message] = [
        ("summary", "概况"), ("communities", "社区"), ("streets", "街道"), ("grids", "网格"), ("buildings", "楼栋"),
        ("households", "户"), ("facilities", "设施"), ("candidates", "候选点"), ("roads", "道路"), ("units", "单位"),
        ("secretaries", "书记"), ("contacts", "联系点"), ("ratings", "星级评定"), ("observations", "观摩"),
        ("area_report", "面积达标"), ("coverage", "覆盖"), ("sites", "选址"), ("gaps", "服务缺口片区"),
        ("violations", "不符合项")
    ].map { Message("xlsx.sheet.\($0.0)", en: $0.0, zh: $0.1) }

    /// `--out` of the operations that write workbooks.
    static let workbookHelp: [Message] = [
        "coverage", "site", "report.area", "report.compliance", "report.underserved", "report.party", "grids.plan",
        "party.plan", "scenario.evaluate", "scenario.compare"
    ].map {
        Message("help.\($0).out", en: "The workbook to write with --format xlsx.", zh: "--format xlsx 时写入的工作簿文件。")
    }
}
