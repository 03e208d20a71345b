extension Catalogue {
    /// Usage errors of the operations and the store: a value refused, a file that cannot be read or
    /// written, a store that cannot be opened (`usage.<source file>.<n>`).
    static let usageErrors: [Message] = [
        Message(
            "usage.cost_table.1",
            en: "{source}: the cost table has no rows",
            zh: "{source}：成本表没有数据行"),
        Message(
            "usage.cost_table.2",
            en: "{place}: origin_id '{origin}' is not a building with households in the store",
            zh: "{place}：origin_id '{origin}' 不是库中有住户的楼栋"),
        Message(
            "usage.cost_table.3",
            en: "{place}: cost '{cost}' is not a number",
            zh: "{place}：成本 '{cost}' 不是数字"),
        Message(
            "usage.cost_table.4",
            en: "{place}: cost {cost} is negative",
            zh: "{place}：成本 {cost} 为负数"),
        Message(
            "usage.cost_table.5",
            en: "{place}: the pair ({origin}, {destination}) is already given on line {earlier}",
            zh: "{place}：({origin}, {destination}) 这一对已在第 {earlier} 行给出"),
        Message(
            "usage.coverage.1",
            en: "coverage measures straight lines or the walking network; cost tables are read by site --costs",
            zh: "coverage 只按直线或步行路网测量距离；成本表由 site --costs 读取"),
        Message(
            "usage.siting_analysis.1",
            en: "--network needs walkable roads, and the store has none (import roads.geojson, or drop --network)",
            zh: "--network 需要可步行的道路，而库中没有（请导入 roads.geojson，或去掉 --network）"),
        Message(
            "usage.area_report_operation.1",
            en: "--by grid: the store has no grids yet (run `gridplan grids plan --apply` first)",
            zh: "--by grid：库中还没有网格（请先运行 `gridplan grids plan --apply`）"),
        Message(
            "usage.area_report_operation.2",
            en: "--radius: {r} is not a distance (expected a positive number of metres)",
            zh: "--radius：{r} 不是距离（应为正的米数）"),
        Message(
            "usage.area_report_operation.3",
            en: "--standard: {v} is not an area (expected m² per 100 households, ≥ 0, such as 30 or 80)",
            zh: "--standard：{v} 不是面积（应为每百户平方米数，≥ 0，如 30 或 80）"),
        Message(
            "usage.crsconversion.1",
            en: "points[{i}]: expected [x, y], got {count} numbers",
            zh: "points[{i}]：应为 [x, y]，实际有 {count} 个数"),
        Message(
            "usage.compliance_operation.1",
            en: "--year: {y} is not a year (expected a four-digit year such as 2024)",
            zh: "--year：{y} 不是年份（应为四位数年份，如 2024）"),
        Message(
            "usage.coverage_operation.1",
            en: "--radius and --circle exclude each other (give one)",
            zh: "--radius 和 --circle 不能同时给出（只给一个）"),
        Message(
            "usage.coverage_operation.2",
            en: "--radius {radius}: expected a distance in metres above 0",
            zh: "--radius {radius}：应为大于 0 的米数"),
        Message(
            "usage.coverage_operation.3",
            en: "--kinds: expected at least one facility kind",
            zh: "--kinds：至少应给出一种设施类型"),
        Message(
            "usage.coverage_operation.4",
            en: "--link {link}: expected a distance in metres above 0",
            zh: "--link {link}：应为大于 0 的米数"),
        Message(
            "usage.export_operation.1",
            en: "export needs --format and --out",
            zh: "export 需要 --format 和 --out"),
        Message(
            "usage.export_operation.2",
            en: "--layers: no layer given (expected some of {value})",
            zh: "--layers：没有给出图层（应为以下若干项：{value}）"),
        Message(
            "usage.export_operation.3",
            en: "--out {out}: that is the store itself (expected another file)",
            zh: "--out {out}：这就是数据库本身（应为另一个文件）"),
        Message(
            "usage.export_operation.4",
            en: "--out {out}: cannot create the folder ({localized_description})",
            zh: "--out {out}：无法创建文件夹（{localized_description}）"),
        Message(
            "usage.export_operation.5",
            en: "--out {out}: cannot write the GeoPackage ({error})",
            zh: "--out {out}：无法写入 GeoPackage（{error}）"),
        Message(
            "usage.grid_plan_operation.1",
            en: "--min-households: {min_h} is negative (expected a number of households ≥ 0)",
            zh: "--min-households：{min_h} 为负数（应为 ≥ 0 的户数）"),
        Message(
            "usage.grid_plan_operation.2",
            en: "--max-households: {max_h} is not positive (expected a number of households > 0)",
            zh: "--max-households：{max_h} 不是正数（应为 > 0 的户数）"),
        Message(
            "usage.grid_plan_operation.3",
            en: "--min-households {min_h} is above --max-households {max_h} (expected min ≤ max)",
            zh: "--min-households {min_h} 大于 --max-households {max_h}（应为下限 ≤ 上限）"),
        Message(
            "usage.grid_plan_operation.4",
            en: "--max-edge: {e} is not a distance (expected a positive number of metres)",
            zh: "--max-edge：{e} 不是距离（应为正的米数）"),
        Message(
            "usage.htmlreport_operation.1",
            en: "--sites: {sites} is not a length for the siting list (expected 0 to 99)",
            zh: "--sites：{sites} 不是选址清单的有效长度（应为 0 到 99）"),
        Message(
            "usage.import_operation.1",
            en: "import needs a dataset folder",
            zh: "import 需要一个数据集文件夹"),
        Message(
            "usage.import_operation.2",
            en: "--max-file-bytes must be a positive number of bytes, not {m}",
            zh: "--max-file-bytes 应为正的字节数，而不是 {m}"),
        Message(
            "usage.import_operation.3",
            en: "--max-feature-bytes must be a positive number of bytes, not {m}",
            zh: "--max-feature-bytes 应为正的字节数，而不是 {m}"),
        Message(
            "usage.import_operation.4",
            en: "--max-features must be a positive count, not {m}",
            zh: "--max-features 应为正数，而不是 {m}"),
        Message(
            "usage.import_operation.5",
            en: "{database_path} already holds a dataset: pass --replace to replace it",
            zh: "{database_path} 已有数据集：如需替换请加 --replace"),
        Message(
            "usage.inspect_operation.1",
            en: "inspect needs a dataset folder",
            zh: "inspect 需要一个数据集文件夹"),
        Message(
            "usage.map_operation.1",
            en: "--width: {w} is not a drawing width (expected 400 to 10000 pixels)",
            zh: "--width：{w} 不是有效的图宽（应为 400 到 10000 像素）"),
        Message(
            "usage.map_operation.2",
            en: "--sites: {sites} is not a number of sites to draw (expected 0 to 99)",
            zh: "--sites：{sites} 不是有效的站点数（应为 0 到 99）"),
        Message(
            "usage.output_file.1",
            en: "{option} {path}: cannot write {what}: {reason}",
            zh: "{option} {path}：无法写入{what}：{reason}"),
        Message(
            "usage.party_operation.1",
            en: "--households-per-center: {c} is not positive (expected a number of households ≥ 1, usually 6–10)",
            zh: "--households-per-center：{c} 不是正数（应为 ≥ 1 的户数，通常为 6–10）"),
        Message(
            "usage.party_operation.2",
            en: "--reach: {r} is not a distance (expected a number of metres ≥ 0)",
            zh: "--reach：{r} 不是距离（应为 ≥ 0 的米数）"),
        Message(
            "usage.siting_operation.1",
            en: "--count {count}: expected an integer ≥ 1",
            zh: "--count {count}：应为 ≥ 1 的整数"),
        Message(
            "usage.siting_operation.2",
            en: "--count is required for --objective {raw_value} (expected an integer ≥ 1)",
            zh: "--objective {raw_value} 需要 --count（应为 ≥ 1 的整数）"),
        Message(
            "usage.siting_operation.3",
            en: "--min-area {minarea}: expected m² ≥ 0",
            zh: "--min-area {minarea}：应为 ≥ 0 的平方米数"),
        Message(
            "usage.siting_operation.4",
            en: "--distance-cap {distancecap}: expected metres above 0",
            zh: "--distance-cap {distancecap}：应为大于 0 的米数"),
        Message(
            "usage.siting_operation.5",
            en: "--time-limit {timelimit}: expected seconds above 0",
            zh: "--time-limit {timelimit}：应为大于 0 的秒数"),
        Message(
            "usage.siting_operation.6",
            en: "--instance: demand rows are [x, y, households, covered], candidate rows [x, y]",
            zh: "--instance：需求行为 [x, y, 户数, 是否已覆盖]，候选点行为 [x, y]"),
        Message(
            "usage.siting_operation.7",
            en: "--costs replaces the distances: drop --network",
            zh: "--costs 取代距离计算：请去掉 --network"),
        Message(
            "usage.siting_operation.8",
            en: "--instance {path}: cannot read the file",
            zh: "--instance {path}：无法读取该文件"),
        Message(
            "usage.siting_operation.9",
            en: "--instance {path}: not a siting instance ({error})",
            zh: "--instance {path}：不是选址实例（{error}）"),
        Message(
            "usage.siting_operation.10",
            en: "--costs {path}: {error}",
            zh: "--costs {path}：{error}"),
        Message(
            "usage.siting_operation.11",
            en: "--costs {path} line 1: the header must name origin_id, destination_id and cost",
            zh: "--costs {path} 第 1 行：表头应包含 origin_id、destination_id 和 cost"),
        Message(
            "usage.siting_operation.12",
            en: "--costs {path}: {error}",
            zh: "--costs {path}：{error}"),
        Message(
            "usage.geo_package_export.1",
            en: "cannot export a layer named '{table}' (expected letters, digits and _)",
            zh: "无法导出名为 '{table}' 的图层（应只含字母、数字和 _）"),
        Message(
            "usage.geo_package_store.1",
            en: "no store at {path} (run `gridplan import DIR --db {path}` first)",
            zh: "{path} 处没有数据库（请先运行 `gridplan import DIR --db {path}`）"),
        Message(
            "usage.geo_package_store.2",
            en: "cannot create the store {path}: {value}",
            zh: "无法创建数据库 {path}：{value}"),
        Message(
            "usage.geo_package_store.3",
            en: "{path} is not a gridplan GeoPackage store",
            zh: "{path} 不是 gridplan 的 GeoPackage 数据库"),
        Message(
            "usage.geo_package_store.4",
            en: "cannot open the store {path}: {error}",
            zh: "无法打开数据库 {path}：{error}"),
        Message(
            "usage.geo_package_store.5",
            en: "the store holds no dataset",
            zh: "数据库中没有数据集"),
        Message(
            "usage.snapshot_reader.1",
            en: "the store holds no dataset yet (run `gridplan import DIR`)",
            zh: "数据库中还没有数据集（请运行 `gridplan import DIR`）"),
        Message(
            "usage.dataset_importer.1",
            en: "no dataset folder at {path}",
            zh: "{path} 处没有数据集文件夹")
    ]
}

extension Catalogue {
    /// Usage errors written over several lines in the sources, by subject.
    static let usageErrorsMore: [Message] = [
        Message(
            "usage.store.not_gridplan",
            en:
                "{path} is a GeoPackage but not a gridplan store (no gridplan schema in it; an `export --layers` file is one): import the dataset into a store instead",
            zh: "{path} 是 GeoPackage 但不是 gridplan 数据库（其中没有 gridplan 的表结构；`export --layers` 导出的文件就是这样）：请把数据集导入一个数据库"),
        Message(
            "usage.store.newer",
            en:
                "{path} was written by a newer gridplan (store schema {schema}) that this version cannot read: open it with that version or newer",
            zh: "{path} 由更新版本的 gridplan 写入（数据库结构 {schema}），本版本无法读取：请用该版本或更新版本打开"),
        Message(
            "usage.store.upgrade",
            en: "cannot upgrade the store {path} to this version's schema (the store is unchanged): {error}",
            zh: "无法把数据库 {path} 升级到本版本的结构（数据库未改动）：{error}"),
        Message(
            "usage.store.no_demo", en: "no store at {path} and no bundled demo found: run `gridplan import DIR --db {path}`",
            zh: "{path} 处没有数据库，也找不到自带的示范区：请运行 `gridplan import DIR --db {path}`"),
        Message(
            "usage.site.count_required",
            en: "--count: the number of sites is required for --objective {objective} (expected an integer ≥ 1)",
            zh: "--count：--objective {objective} 需要给出站点数（应为 ≥ 1 的整数）"),
        Message(
            "usage.site.costs_candidates",
            en: "--costs: only imported candidates have ids a router knows (drop --candidates {candidates})",
            zh: "--costs：只有已导入的候选点才有路径计算工具认识的编号（请去掉 --candidates {candidates}）"),
        Message(
            "usage.cost_table.destination",
            en: "{place}: destination_id '{destination}' is not a candidate or counted facility in the store",
            zh: "{place}：destination_id '{destination}' 不是库中的候选点或计入设施"),
        Message(
            "usage.community.unknown", en: "--community: no community {ids} in the store (expected one of its community ids)",
            zh: "--community：库中没有社区 {ids}（应为库中的社区编号之一）"),
        Message(
            "usage.grids.apply_demo",
            en: "--apply: no store at {path} (the demo district is read-only): run `gridplan import DIR --db {path}` first",
            zh: "--apply：{path} 处没有数据库（示范区只读）：请先运行 `gridplan import DIR --db {path}`"),
        Message(
            "usage.standards.missing",
            en: "cannot find seeds/standards.json: set GRIDPLAN_HOME to the gridplan folder or pass --standards FILE",
            zh: "找不到 seeds/standards.json：请把 GRIDPLAN_HOME 设为 gridplan 文件夹，或给出 --standards FILE"),
        Message(
            "usage.export.out_missing_gpkg", en: "--out: missing (expected a folder for a .gpkg file)",
            zh: "--out：缺失（应为 .gpkg 文件的位置）"),
        Message(
            "usage.export.out_missing", en: "--out: missing (expected a folder for the {format} files)",
            zh: "--out：缺失（应为存放 {format} 文件的文件夹）"),
        Message(
            "usage.export.households",
            en: "--layers households: household rows are personal information and leave the store only with --include-households",
            zh: "--layers households：住户行是个人信息，只有加 --include-households 才会导出"),
        Message(
            "usage.area.count_kinds_empty",
            en: "--count-kinds: no kinds given (expected a comma-separated list such as party_mass_center,party_mass_station)",
            zh: "--count-kinds：没有给出类型（应为逗号分隔的列表，如 party_mass_center,party_mass_station）"),
        Message(
            "usage.import.not_folder",
            en: "{path} is not a folder (expected a dataset folder with communities, buildings and facilities files)",
            zh: "{path} 不是文件夹（应为包含社区、楼栋和设施文件的数据集文件夹）")
    ]
}

extension Catalogue {
    /// What a file being written holds, and why it could not be written.
    static let outputFiles: [Message] = [
        Message("output.report", en: "the report", zh: "报告"),
        Message("output.map", en: "the map", zh: "地图"),
        Message("output.layer", en: "layer {layer}", zh: "图层 {layer}"),
        Message("output.layer_types", en: "the column types of layer {layer}", zh: "图层 {layer} 的列类型"),
        Message("output.layer_crs", en: "the CRS of layer {layer}", zh: "图层 {layer} 的坐标系"),
        Message("output.reason.is_folder", en: "it is a folder", zh: "它是一个文件夹"),
        Message("output.reason.no_folder", en: "the folder {folder} does not exist", zh: "文件夹 {folder} 不存在"),
        Message("output.reason.not_folder", en: "{folder} is not a folder", zh: "{folder} 不是文件夹")
    ]
}
