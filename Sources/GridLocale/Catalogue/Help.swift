extension Catalogue {
    /// Help of every command and option: `help.<method>.summary`, `help.<method>.discussion`,
    /// `help.<method>.<field>`; a shared field's help is `help.shared.<field>` unless the
    /// operation has its own `help.<method>.<field>`; the command line's own texts are `help.cli.*`,
    /// groups `help.group.*`, the help page's headings `help.heading.*`.
    static let help: [Message] = [
        Message(
            "help.shared.standards",
            en: "A standards file replacing seeds/standards.json.",
            zh: "替代 seeds/standards.json 的标准文件。"),
        Message(
            "help.shared.radius",
            en: "Reach of community- and grid-level facilities, metres (default reach.default, 500).",
            zh: "社区级和网格级设施的服务半径，米（默认 reach.default，500）。"),
        Message(
            "help.shared.circle",
            en: "A life circle instead of a radius: 5min (300 m), 10min (500 m) or 15min (1,000 m).",
            zh: "以生活圈代替服务半径：5min（300 米）、10min（500 米）或 15min（1,000 米）。"),
        Message(
            "help.shared.network",
            en: "Measure along the walking network built from the imported roads.",
            zh: "沿由已导入道路构建的步行路网测量。"),
        Message(
            "help.shared.kinds",
            en: "Facility kinds that count, comma-separated (default: the standards' counted kinds plus embedded facilities).",
            zh: "计入的设施类型，逗号分隔（默认：标准中计入的类型加上嵌入式设施）。"),
        Message(
            "help.shared.link",
            en: "Single-linkage distance of gap neighbourhoods, metres (default half the radius).",
            zh: "缺口片区的单链接距离，米（默认为服务半径的一半）。"),
        Message(
            "help.shared.decay",
            en: "Accessibility distance decay: none (2SFCA) or gaussian (E2SFCA).",
            zh: "可达性距离衰减：none（2SFCA）或 gaussian（E2SFCA）。"),
        Message(
            "help.shared.community",
            en: "Only this community (repeat or comma-separate for several).",
            zh: "只处理该社区（可重复或逗号分隔给出多个）。"),
        Message(
            "help.shared.min_households",
            en: "Fewest households per grid (default grid.households, 300).",
            zh: "每个网格的最少户数（默认 grid.households，300）。"),
        Message(
            "help.shared.max_households",
            en: "Most households per grid (default grid.households max, 500).",
            zh: "每个网格的最多户数（默认 grid.households 上限，500）。"),
        Message(
            "help.shared.theme",
            en: "What shades the communities.",
            zh: "社区着色依据。"),
        Message(
            "help.shared.sites",
            en: "Proposed sites to draw, numbered by rank (the first N of `gridplan site`; 0 for none).",
            zh: "绘制的拟建站点数，按名次编号（`gridplan site` 的前 N 个；0 表示不绘制）。"),
        Message(
            "help.shared.format",
            en: "Output format: {formats}.",
            zh: "输出格式：{formats}。"),
        Message(
            "help.shared.lang",
            en: "Language of tables, messages and errors: zh or en (default GRIDPLAN_LANG, then the locale).",
            zh: "表格、消息和错误的语言：zh 或 en（默认取 GRIDPLAN_LANG，其次取系统区域设置）。"),
        Message(
            "help.coverage.summary",
            en: "Distance from every building to the nearest counted facility, coverage rates and gap neighbourhoods.",
            zh: "每栋楼到最近计入设施的距离、覆盖率和缺口片区。"),
        Message(
            "help.coverage.discussion",
            en:
                "A building is covered when some counted facility reaches it: street-level facilities reach the 15-minute circle (1,000 m), the others the radius. Distances are straight lines in the working CRS, or along the walking network with --network (access legs to the network included).",
            zh: "某个计入设施能到达一栋楼，这栋楼即为已覆盖：街道级设施的服务半径为15分钟生活圈（1,000 米），其他设施为服务半径。距离为工作坐标系中的直线距离；使用 --network 时沿步行路网计算（含进出路网的路段）。"),
        Message(
            "help.coverage.accessibility",
            en:
                "Also compute 2SFCA accessibility (m² of counted area per 100 households within reach; catchments walked along the network with --network).",
            zh: "同时计算 2SFCA 可达性（服务半径内每百户可用的计入面积，平方米；使用 --network 时沿路网计算服务范围）。"),
        Message(
            "help.crs.convert.summary",
            en: "Convert [x, y] pairs between coordinate systems (PROJ, GCJ-02, BD-09).",
            zh: "在坐标系之间转换 [x, y] 坐标对（PROJ、GCJ-02、BD-09）。"),
        Message(
            "help.crs.convert.from",
            en: "Source CRS: anything PROJ knows (EPSG:4326, a PROJ string) or GCJ-02 / BD-09.",
            zh: "源坐标系：PROJ 支持的任何坐标系（EPSG:4326、PROJ 字符串）或 GCJ-02 / BD-09。"),
        Message(
            "help.crs.convert.to",
            en: "Target CRS.",
            zh: "目标坐标系。"),
        Message(
            "help.crs.convert.points",
            en: "The points, [x, y] (longitude first when geographic).",
            zh: "坐标点，[x, y]（地理坐标时经度在前）。"),
        Message(
            "help.export.summary",
            en: "Write the store's layers and the latest results for GIS tools (GeoJSON, CSV or GeoPackage).",
            zh: "为 GIS 工具写出库中的图层和最新结果（GeoJSON、CSV 或 GeoPackage）。"),
        Message(
            "help.export.discussion",
            en:
                "geojson: one RFC 7946 file per layer in the folder PATH (WGS84 longitude/latitude, right-hand rings). csv: one file per layer in PATH; points as lon,lat columns, polygons and lines as WKT (lon/lat) in a wkt column, with .csvt and .prj sidecars for GDAL. gpkg: one GeoPackage file PATH (the working CRS). The results area_report (communities with their area figures) and coverage (buildings with distance and covered flag) are computed with default options. Household rows are written only with --include-households.",
            zh:
                "geojson：在文件夹 PATH 中每个图层一个 RFC 7946 文件（WGS84 经纬度，右手环）。csv：在 PATH 中每个图层一个文件；点为 lon,lat 两列，面和线为 wkt 列中的 WKT（经纬度），并附 GDAL 用的 .csvt 和 .prj 文件。gpkg：一个 GeoPackage 文件 PATH（工作坐标系）。结果 area_report（社区及其面积指标）和 coverage（楼栋及其距离和是否覆盖）按默认选项计算。只有使用 --include-households 才写出住户行。"
        ),
        Message(
            "help.export.format",
            en: "What to write: GeoJSON or CSV files in a folder, or one GeoPackage.",
            zh: "写出内容：文件夹中的 GeoJSON 或 CSV 文件，或一个 GeoPackage。"),
        Message(
            "help.export.out",
            en: "The folder (geojson, csv) or .gpkg file to write.",
            zh: "要写入的文件夹（geojson、csv）或 .gpkg 文件。"),
        Message(
            "help.export.layers",
            en: "Only these layers (comma-separated or repeated).",
            zh: "只导出这些图层（逗号分隔或重复给出）。"),
        Message(
            "help.export.include_households",
            en: "Also export household rows (personal information).",
            zh: "同时导出住户行（个人信息）。"),
        Message(
            "help.export.radius",
            en: "Coverage reach for the coverage layer, metres (default reach.default, 500).",
            zh: "coverage 图层使用的覆盖服务半径，米（默认 reach.default，500）。"),
        Message(
            "help.grids.plan.summary",
            en: "Partition buildings into grids of min–max households, with their party organization.",
            zh: "把楼栋划分为户数在上下限之间的网格，并给出各网格的党组织。"),
        Message(
            "help.grids.plan.discussion",
            en:
                "Per community: every building in exactly one grid, buildings never split, grids contiguous over the buildings' neighbourhood graph (Delaunay triangulation, edges up to --max-edge metres, components joined by their nearest pair) and compact (household-weighted squared distance to the grid centre is minimized). A building above the maximum is a grid of its own and a community below the minimum is one grid; both are listed in violations, as is any grid outside the bounds. Ids <community>-G01… run west→east in north→south row bands. Each grid's organization follows its formal members: branch_committee (≥ 7), branch (3–6), joint_branch with adjacent grids (< 3; at most 5 grids), or none. Without --apply nothing is written.",
            zh:
                "按社区划分：每栋楼恰好属于一个网格，楼栋不拆分；网格在楼栋邻接图上连通（Delaunay 三角剖分，边长不超过 --max-edge 米，各连通分量由最近的一对楼栋连接）且紧凑（按户数加权到网格中心的平方距离最小）。户数超过上限的楼栋单独成为一个网格，户数低于下限的社区整体为一个网格；两者以及任何超出上下限的网格都列入违规项。编号 <社区>-G01… 在自北向南的行带内自西向东排列。每个网格的党组织按正式党员数确定：branch_committee 党支部委员会（≥ 7）、branch 党支部（3–6）、与相邻网格组建 joint_branch 联合党支部（< 3；至多 5 个网格），或 none 无。不加 --apply 时不写入任何内容。"
        ),
        Message(
            "help.grids.plan.community",
            en: "Plan only this community (repeat or comma-separate for several).",
            zh: "只规划该社区（可重复或逗号分隔给出多个）。"),
        Message(
            "help.grids.plan.keep_existing",
            en: "Keep the store's grids that satisfy the rules; re-plan only the others and count moved buildings.",
            zh: "保留库中符合规则的网格，只重新规划其余网格并统计移动的楼栋。"),
        Message(
            "help.grids.plan.apply",
            en: "Write the plan into the store (one transaction).",
            zh: "把规划写入库（一个事务）。"),
        Message(
            "help.grids.plan.max_edge",
            en: "Longest building-graph edge, metres (default 250).",
            zh: "楼栋邻接图的最长边，米（默认 250）。"),
        Message(
            "help.grids.plan.method",
            en: "region_growing, or hilbert_split (the baseline).",
            zh: "region_growing（区域生长），或 hilbert_split（基线方法）。"),
        Message(
            "help.import.summary",
            en: "Validate and load a dataset folder (GeoJSON/CSV, any CRS) into the store, all or nothing.",
            zh: "校验数据集文件夹（GeoJSON/CSV，任意坐标系）并整体载入库，要么全部成功，要么不做任何改动。"),
        Message(
            "help.import.discussion",
            en:
                "Every problem in the dataset is reported as FILE:LOCATION: FIELD: problem (expected); the first 50 are printed, then a count, and the store is left exactly as it was (exit 65).",
            zh: "数据集中的每个问题都按 文件:位置: 字段: 问题（应为）的形式报告；先列出前 50 个，再给出总数，库保持原样不变（退出码 65）。"),
        Message(
            "help.import.directory",
            en:
                "The dataset folder (communities, buildings and facilities files at least), or a gridplan GeoPackage store (.gpkg) to copy, e.g. into PostGIS.",
            zh: "数据集文件夹（至少包含社区、楼栋和设施文件），或要复制的 gridplan GeoPackage 数据库（.gpkg），例如复制到 PostGIS。"),
        Message(
            "help.import.crs",
            en: "CRS of the input coordinates (overrides dataset.json): EPSG:4326, EPSG:4490, GCJ-02, BD-09 ...",
            zh: "输入坐标的坐标系（覆盖 dataset.json）：EPSG:4326、EPSG:4490、GCJ-02、BD-09 …"),
        Message(
            "help.import.replace",
            en: "Replace the dataset a store already holds.",
            zh: "替换库中已有的数据集。"),
        Message(
            "help.import.max_file_bytes",
            en: "Largest entity file accepted, in bytes (default 4 GiB).",
            zh: "接受的最大实体文件，字节（默认 4 GiB）。"),
        Message(
            "help.import.max_features",
            en: "Most features and CSV rows read, all files together (default 50,000,000).",
            zh: "读取的要素和 CSV 行的最大总数（所有文件合计，默认 50,000,000）。"),
        Message(
            "help.import.max_feature_bytes",
            en: "Largest single GeoJSON feature, in bytes (default 8 MiB).",
            zh: "单个 GeoJSON 要素的最大字节数（默认 8 MiB）。"),
        Message(
            "help.import.dry_run",
            en:
                "Read and validate only: report each layer (file, driver, encoding, CRS, features, columns); the store is not touched.",
            zh: "只读取和校验：报告每个图层（文件、驱动、编码、坐标系、要素、列）；不改动库。"),
        Message(
            "help.info.summary",
            en: "Counts per layer, working CRS, extent, store path, PROJ version and proj.db path.",
            zh: "各图层数量、工作坐标系、范围、库路径、PROJ 版本和 proj.db 路径。"),
        Message(
            "help.inspect.summary",
            en:
                "Read and validate a dataset folder without a store: each layer's file, driver, encoding, CRS, features and columns.",
            zh: "不使用库，读取并校验数据集文件夹：每个图层的文件、驱动、编码、坐标系、要素和列。"),
        Message(
            "help.inspect.discussion",
            en:
                "Reads GeoJSON/CSV and planners' Shapefile, GeoPackage, KML, FileGDB and XLSX files as import does, reports which column became which field, and lists every problem import would report.",
            zh: "像导入一样读取 GeoJSON/CSV 以及规划人员的 Shapefile、GeoPackage、KML、FileGDB 和 XLSX 文件，报告哪一列对应哪个字段，并列出导入时会报告的每个问题。"),
        Message(
            "help.inspect.directory",
            en: "The dataset folder (GeoJSON/CSV or planners' Shapefile, GeoPackage, KML, FileGDB, XLSX files).",
            zh: "数据集文件夹（GeoJSON/CSV，或规划人员的 Shapefile、GeoPackage、KML、FileGDB、XLSX 文件）。"),
        Message(
            "help.inspect.crs",
            en: "CRS of the input coordinates (overrides dataset.json): EPSG:4326, EPSG:4490, GCJ-02, BD-09 ...",
            zh: "输入坐标的坐标系（覆盖 dataset.json）：EPSG:4326、EPSG:4490、GCJ-02、BD-09 …"),
        Message(
            "help.map.summary",
            en: "Draw the district as one SVG map: communities shaded, buildings by coverage, facilities, gaps, grids.",
            zh: "把全区绘制成一张 SVG 地图：社区着色、楼栋按覆盖情况、设施、缺口、网格。"),
        Message(
            "help.map.discussion",
            en:
                "Themes: area (communities shaded by facility area per 100 households against the standard), coverage (by the share of households within reach), grids (grid boundaries over neutral communities), sites (area shading with the proposed sites of `gridplan site`, numbered by rank). Every theme but grids also draws the first --sites proposed sites. Every theme draws buildings as dots sized by households and coloured covered/not covered, facilities by kind, gap neighbourhoods outlined, stored grid boundaries, a legend, a scale bar and a north arrow. Chinese labels use the first installed font of a CJK fallback list (Noto Sans CJK SC, WenQuanYi Micro Hei, ...).",
            zh:
                "主题：area（社区按每百户设施面积与标准的对比着色）、coverage（按服务半径内户数所占比例着色）、grids（中性底色的社区上叠加网格边界）、sites（area 着色加上 `gridplan site` 的拟建站点，按名次编号）。除 grids 外，每个主题还绘制前 --sites 个拟建站点。每个主题都把楼栋画成按户数定大小、按是否覆盖着色的圆点，设施按类型绘制，缺口片区勾出轮廓，并绘制已存网格边界、图例、比例尺和指北针。中文标注使用 CJK 字体候选列表中第一个已安装的字体（Noto Sans CJK SC、WenQuanYi Micro Hei、…）。"
        ),
        Message(
            "help.map.out",
            en: "The SVG file to write (- for stdout; over JSON-RPC, leave it out to get the SVG in the result).",
            zh: "要写入的 SVG 文件（- 表示标准输出；通过 JSON-RPC 调用时省略它，结果中即包含 SVG）。"),
        Message(
            "help.map.title",
            en: "Title printed on the map (default: the dataset's name and the theme).",
            zh: "地图标题（默认：数据集名称和主题）。"),
        Message(
            "help.map.width",
            en: "Width of the drawing in pixels (400 to 10000; default 1200).",
            zh: "图宽，像素（400 到 10000；默认 1200）。"),
        Message(
            "help.party.plan.summary",
            en: "Grid branches and joint branches, building party groups and party-member central households.",
            zh: "网格党支部和联合党支部、楼栋党小组和党员中心户。"),
        Message(
            "help.party.plan.discussion",
            en:
                "Works on the store's grids (a fresh plan when it has none). Per grid: branch_committee (≥ 7 formal members), branch (3–6), joint_branch with adjacent grids (< 3, at most 5 grids) or none; per community: base_committee (≥ 100 members), general_branch (50–99) or branch. Party groups: a building, or adjacent buildings of one grid, with ≥ 3 members of whom ≥ 1 formal. Central households: member households, each linking its own and up to --households-per-center others, in its building first, then the nearest buildings within --reach; the number of linked households is maximal. Output is per grid and building; household ids only with --include-households.",
            zh:
                "基于库中的网格（没有网格时新做一次规划）。每个网格：branch_committee 党支部委员会（≥ 7 名正式党员）、branch 党支部（3–6）、与相邻网格组建 joint_branch 联合党支部（< 3，至多 5 个网格）或 none 无；每个社区：base_committee 基层党委（≥ 100 名党员）、general_branch 党总支（50–99）或 branch 党支部。楼栋党小组：一栋楼或同一网格内相邻的几栋楼，至少 3 名党员且其中至少 1 名正式党员。党员中心户：党员户，每户联系本户及至多 --households-per-center 户其他住户，先在本楼栋，再到 --reach 以内最近的楼栋；联系的户数最大化。输出按网格和楼栋；只有使用 --include-households 才列出住户编号。"
        ),
        Message(
            "help.party.plan.households_per_center",
            en: "Households a central household links besides its own (default party.central_household, 10).",
            zh: "一个党员中心户除本户外联系的户数（默认 party.central_household，10）。"),
        Message(
            "help.party.plan.reach",
            en: "Farthest link to a central household in another building, metres (default reach.10min, 500).",
            zh: "党员中心户联系其他楼栋住户的最远距离，米（默认 reach.10min，500）。"),
        Message(
            "help.party.plan.include_households",
            en: "List central households and the household ids they link (personal data; needs households.csv).",
            zh: "列出党员中心户及其联系的住户编号（个人数据；需要 households.csv）。"),
        Message(
            "help.party.plan.min_households",
            en: "Fewest households per grid when the store has no grids and a plan is made (default 300).",
            zh: "库中没有网格而需新做规划时，每个网格的最少户数（默认 300）。"),
        Message(
            "help.party.plan.max_households",
            en: "Most households per grid when a plan is made (default 500).",
            zh: "需新做规划时，每个网格的最多户数（默认 500）。"),
        Message(
            "help.report.area.summary",
            en: "Facility area per 100 households per community, street and in total, with deficits.",
            zh: "按社区、街道和全区统计每百户服务面积及缺口。"),
        Message(
            "help.report.area.discussion",
            en:
                "Applies area.per100 of the standards file (30 m² of usable area per 100 households) unless --standard gives another value (80: the aspiration rule area.per100.aspiration). Counted: party_mass_center and party_mass_station always, other kinds when embedded is true; with --count-kinds exactly the kinds listed. A facility's area belongs to its community (--allocate community), or is shared among the communities in proportion to the households within its reach (--allocate reach: street-level facilities 1,000 m, others --radius); a facility with no households in reach keeps its area in its own community. Facilities outside every community are reported as unallocated. Communities are sorted by deficit; the deficit of a street and of the total is the sum of their communities' deficits.",
            zh:
                "采用标准文件的 area.per100（每百户 30 平方米使用面积），除非 --standard 给出其他值（80：提高标准 area.per100.aspiration）。计入：party_mass_center 党群服务中心和 party_mass_station 党群服务站始终计入，其他类型在 embedded 为 true 时计入；使用 --count-kinds 时只计入所列类型。设施面积归属其所在社区（--allocate community），或按服务半径内各社区户数比例分摊（--allocate reach：街道级设施 1,000 米，其他设施 --radius）；服务半径内没有住户的设施，面积留在本社区。不在任何社区内的设施报告为未分配。社区按缺口排序；街道和全区的缺口为其所属社区缺口之和。"
        ),
        Message(
            "help.report.area.standard",
            en: "m² per 100 households to apply (default area.per100, 30; 80: the aspiration value).",
            zh: "采用的每百户平方米数（默认 area.per100，30；80：提高标准）。"),
        Message(
            "help.report.area.count_kinds",
            en: "Exactly these facility kinds count, embedded or not (comma-separated).",
            zh: "只计入这些设施类型，不论是否嵌入式（逗号分隔）。"),
        Message(
            "help.report.area.allocate",
            en: "How facility area is attributed: to its own community, or shared by the households within reach.",
            zh: "设施面积的归属方式：归本社区，或由服务半径内的住户分摊。"),
        Message(
            "help.report.area.radius",
            en: "Reach of community- and grid-level facilities for --allocate reach, metres (default reach.default).",
            zh: "--allocate reach 时社区级和网格级设施的服务半径，米（默认 reach.default）。"),
        Message(
            "help.report.area.by",
            en: "community, or grid to add per-grid figures.",
            zh: "community（社区），或 grid（另加各网格指标）。"),
        Message(
            "help.report.area.short_only",
            en: "List only the communities below the standard.",
            zh: "只列出低于标准的社区。"),
        Message(
            "help.report.compliance.summary",
            en: "Staffing ratios, organizations to establish, two coverages, training, contact points, ratings, observations.",
            zh: "专职党务工作者配备比例、应建党组织、两个覆盖、培训、联系点、评定等次、观察记录。"),
        Message(
            "help.report.compliance.discussion",
            en:
                "Agencies and institutions need full-time party workers of at least 2% of staff, SOEs 1% (workers to assign = ceil(ratio × staff) − workers); units with 3 or more party members need an organization; district standing committee members need 15 days, street committee members 20 days, 2 meetings and 2 lectures at their contact points; secretaries a training in the year; organizations rated 一般 or 较差 are listed with last year's rating; every organization needs an observation each quarter. Thresholds come from the standards file.",
            zh:
                "机关事业单位专职党务工作者不少于职工总数的 2%，国有企业 1%（应配人数 = ceil(比例 × 职工数) − 现有人数）；党员 3 人以上的单位应建立党组织；区委常委每年到联系点 15 天，街道党工委委员 20 天，并参加 2 次会议、讲 2 次党课；书记每年参加一次培训；评定为一般或较差的党组织连同上年等次列出；每个党组织每季度需有一次观察记录。阈值来自标准文件。"
        ),
        Message(
            "help.report.compliance.year",
            en: "The year checked (default: the latest year in the records).",
            zh: "检查的年份（默认：记录中最近的年份）。"),
        Message(
            "help.report.html.summary",
            en:
                "The planning report as one offline HTML page: headline figures, the map, under-served communities, siting, party coverage.",
            zh: "规划报告，一个离线 HTML 页面：主要指标、地图、服务不足的社区、选址、党建覆盖。"),
        Message(
            "help.report.html.discussion",
            en: "`gridplan report --html FILE` is the same as `gridplan report html --out FILE`; - writes the page to stdout.",
            zh: "`gridplan report --html FILE` 与 `gridplan report html --out FILE` 相同；- 表示把页面写到标准输出。"),
        Message(
            "help.report.html.out",
            en: "The HTML file to write (- for stdout; over JSON-RPC, leave it out to get the HTML in the result).",
            zh: "要写入的 HTML 文件（- 表示标准输出；通过 JSON-RPC 调用时省略它，结果中即包含 HTML）。"),
        Message(
            "help.report.html.theme",
            en: "What shades the communities on the report's map.",
            zh: "报告地图上社区的着色依据。"),
        Message(
            "help.report.html.title",
            en: "Page title (default: the dataset's name and 规划报告 planning report).",
            zh: "页面标题（默认：数据集名称和“规划报告”）。"),
        Message(
            "help.report.html.sites",
            en: "Length of the siting list (`gridplan site --count`; 0 leaves it out).",
            zh: "选址清单的长度（`gridplan site --count`；0 表示不列出）。"),
        Message(
            "help.report.party.summary",
            en: "Organization coverage and work coverage per grid, community and district, with every shortfall.",
            zh: "按网格、社区和全区统计组织覆盖率和工作覆盖率，并列出每一项不足。"),
        Message(
            "help.report.party.discussion",
            en:
                "Organization coverage rate = grids with their own or a joint organization ÷ all grids. Work coverage rate = households linked to a central household or living in a building of a party group ÷ all households. Target 100% (party.coverage). Shortfalls: grids with no possible organization, buildings with no member household within --reach, households left unlinked.",
            zh:
                "组织覆盖率 = 有本网格或联合党组织的网格数 ÷ 网格总数。工作覆盖率 = 由党员中心户联系或住在有党小组楼栋的户数 ÷ 总户数。目标 100%（party.coverage）。不足项：无法建立组织的网格、--reach 以内没有党员户的楼栋、未被联系的住户。"
        ),
        Message(
            "help.report.party.households_per_center",
            en: "Households a central household links besides its own (default party.central_household, 10).",
            zh: "一个党员中心户除本户外联系的户数（默认 party.central_household，10）。"),
        Message(
            "help.report.party.reach",
            en: "Farthest link to a central household in another building, metres (default reach.10min, 500).",
            zh: "党员中心户联系其他楼栋住户的最远距离，米（默认 reach.10min，500）。"),
        Message(
            "help.report.party.include_households",
            en: "List central households and the household ids they link (personal data; needs households.csv).",
            zh: "列出党员中心户及其联系的住户编号（个人数据；需要 households.csv）。"),
        Message(
            "help.report.party.min_households",
            en: "Fewest households per grid when the store has no grids and a plan is made (default 300).",
            zh: "库中没有网格而需新做规划时，每个网格的最少户数（默认 300）。"),
        Message(
            "help.report.party.max_households",
            en: "Most households per grid when a plan is made (default 500).",
            zh: "需新做规划时，每个网格的最多户数（默认 500）。"),
        Message(
            "help.report.underserved.summary",
            en: "Rank communities and gap neighbourhoods by area deficit, uncovered households and accessibility.",
            zh: "按面积缺口、未覆盖户数和可达性对社区和缺口片区排序。"),
        Message(
            "help.site.summary",
            en: "Siting list for new party-mass service centers.",
            zh: "新建党群服务中心的选址清单。"),
        Message(
            "help.site.discussion",
            en:
                "Existing counted facilities count as already covering (street-level ones reach 1,000 m). Objectives: cover (the K sites bringing the most uncovered households within reach), all (the fewest sites reaching every building some candidate reaches; the others are listed), distance (the K sites minimizing household-weighted distance to the nearest center). Lazy greedy, vertex swaps, then (cover) a seeded ruin-and-recreate search within a work budget scaled to the instance; upper_bound_households (cover) and lower_bound_weighted_distance_m (distance) are proven bounds (Lagrangian relaxation), optimality_gap and proven_optimal say how far the plan can be from the best. Each site's recommended usable area is area.per100 / 100 m² per household newly covered, or --min-area when larger.",
            zh:
                "现有计入设施视为已覆盖（街道级设施覆盖 1,000 米）。目标：cover（使服务半径内新增覆盖户数最多的 K 个站点）、all（覆盖所有候选点可达楼栋的最少站点；其余楼栋单独列出）、distance（使按户数加权到最近中心距离最小的 K 个站点）。先做惰性贪心和顶点交换，再（cover）在按实例规模确定的工作量内做带种子的破坏-重建搜索；upper_bound_households（cover）和 lower_bound_weighted_distance_m（distance）是已证明的界（拉格朗日松弛），optimality_gap 和 proven_optimal 说明方案与最优解最多相差多少。每个站点的建议使用面积为每新覆盖一户 area.per100 / 100 平方米，或 --min-area（取较大者）。"
        ),
        Message(
            "help.site.count",
            en: "Number of new sites (required for cover and distance; a cap for all).",
            zh: "新建站点数（cover 和 distance 必需；对 all 为上限）。"),
        Message(
            "help.site.radius",
            en: "Reach of a new site, metres (default reach.default, 500).",
            zh: "新站点的服务半径，米（默认 reach.default，500）。"),
        Message(
            "help.site.circle",
            en: "A life circle instead of a radius: 5min, 10min or 15min.",
            zh: "以生活圈代替服务半径：5min、10min 或 15min。"),
        Message(
            "help.site.objective",
            en: "cover: the K sites covering the most; all: the fewest covering everything reachable; distance: p-median.",
            zh: "cover：覆盖最多的 K 个站点；all：覆盖全部可达范围的最少站点；distance：p-中位模型。"),
        Message(
            "help.site.candidates",
            en: "imported, generated (buildings in gap neighbourhoods) or both.",
            zh: "imported（已导入）、generated（缺口片区中的楼栋）或 both（两者）。"),
        Message(
            "help.site.network",
            en: "Measure reach (and, for distance, the distances) along the walking network built from the imported roads.",
            zh: "沿由已导入道路构建的步行路网测量服务半径（distance 目标时也测量距离）。"),
        Message(
            "help.site.min_area",
            en: "Smallest recommended usable area of a new site, m².",
            zh: "新站点建议使用面积的最小值，平方米。"),
        Message(
            "help.site.kinds",
            en: "Facility kinds that count as already covering, comma-separated.",
            zh: "视为已覆盖的设施类型，逗号分隔。"),
        Message(
            "help.site.distance_cap",
            en: "distance: candidate neighbourhood of the p-median model, metres (default 3 × radius).",
            zh: "distance：p-中位模型的候选点邻域，米（默认 3 × 服务半径）。"),
        Message(
            "help.site.instance",
            en: "A JSON siting instance to solve instead of the store (solver comparisons).",
            zh: "求解一个 JSON 选址实例而不是库（用于求解器比较）。"),
        Message(
            "help.site.exact",
            en:
                "cover, distance: after the heuristic, search exactly (branch-and-bound) until the plan is proven optimal or the time limit (also done by default on small instances; distance: straight-line only).",
            zh: "cover、distance：启发式之后做精确搜索（分支定界），直到证明方案最优或到达时间上限（小实例默认也会做；distance 仅限直线距离）。"),
        Message(
            "help.site.time_limit",
            en: "Seconds the exact search may take (default 10); the plan found and its proven gap are reported.",
            zh: "精确搜索可用的秒数（默认 10）；报告找到的方案及其已证明的差距。"),
        Message(
            "help.site.costs",
            en:
                "A CSV of origin_id,destination_id,cost (building → candidate or facility, in the unit of --radius; a missing pair is unreachable) replacing straight-line distances.",
            zh: "一个 origin_id,destination_id,cost 的 CSV（楼栋 → 候选点或设施，单位与 --radius 相同；缺少的对视为不可达），代替直线距离。"),
        Message(
            "help.cli.overview",
            en: "Plan community service facilities, grids and the party organization network of a district.",
            zh: "规划一个区的社区服务设施、网格和党组织网络。"),
        Message(
            "help.cli.db",
            en:
                "The store: a GeoPackage file, or one district of a PostGIS database as postgresql://[user@]host/database?dataset=NAME (password from PGPASSWORD or ~/.pgpass). Default: $GRIDPLAN_DB or ./gridplan.gpkg.",
            zh:
                "数据库：一个 GeoPackage 文件，或 PostGIS 数据库中的一个区，写作 postgresql://[用户@]主机/数据库?dataset=名称（密码取自 PGPASSWORD 或 ~/.pgpass）。默认：$GRIDPLAN_DB 或 ./gridplan.gpkg。"
        ),
        Message(
            "help.cli.version",
            en: "Show the version.",
            zh: "显示版本。"),
        Message(
            "help.cli.help",
            en: "Show help information.",
            zh: "显示帮助信息。"),
        Message(
            "help.cli.crs.convert.summary",
            en: "Convert 'x y' (or 'lon lat') lines on stdin between CRSs, one output line per input line.",
            zh: "在坐标系之间转换标准输入中的 'x y'（或 'lon lat'）行，每个输入行输出一行。"),
        Message(
            "help.cli.crs.convert.discussion",
            en:
                "CRS: anything PROJ knows (EPSG:4326, EPSG:4490, EPSG:4547, a PROJ string) or GCJ-02 / BD-09. Geographic coordinates are always longitude first. A line that cannot be converted is written as '* *' and reported on stderr with its line number; the exit code is then 65.",
            zh:
                "坐标系：PROJ 支持的任何坐标系（EPSG:4326、EPSG:4490、EPSG:4547、PROJ 字符串）或 GCJ-02 / BD-09。地理坐标总是经度在前。无法转换的行写为 '* *'，并在标准错误上报告其行号；此时退出码为 65。"
        ),
        Message(
            "help.cli.rpc.summary",
            en: "Serve JSON-RPC 2.0 on stdin/stdout (one message per line) until end of input.",
            zh: "在标准输入/输出上提供 JSON-RPC 2.0 服务（每行一条消息），直到输入结束。"),
        Message(
            "help.cli.rpc.discussion",
            en: "Methods mirror the commands (report.area, coverage, site, …); rpc.discover lists them.",
            zh: "方法与命令一一对应（report.area、coverage、site、…）；rpc.discover 列出全部方法。"),
        Message(
            "help.cli.rpc.max_message_bytes",
            en: "Longest accepted message, bytes.",
            zh: "接受的最长消息，字节。"),
        Message(
            "help.group.crs",
            en: "Coordinate reference system tools.",
            zh: "坐标参照系工具。"),
        Message(
            "help.group.report",
            en: "Reports against the work plan's standards.",
            zh: "对照工作方案标准的报告。"),
        Message(
            "help.group.grids",
            en: "Grids (网格) of 300–500 households inside each community.",
            zh: "每个社区内 300–500 户的网格。"),
        Message(
            "help.group.party",
            en: "The party organization network: grid branches, building party groups, central households.",
            zh: "党组织网络：网格党支部、楼栋党小组、党员中心户。"),
        Message(
            "help.heading.overview",
            en: "OVERVIEW: ",
            zh: "概述："),
        Message(
            "help.heading.usage",
            en: "USAGE: ",
            zh: "用法："),
        Message(
            "help.heading.arguments",
            en: "ARGUMENTS: ",
            zh: "参数："),
        Message(
            "help.heading.options",
            en: "OPTIONS: ",
            zh: "选项："),
        Message(
            "help.heading.subcommands",
            en: "SUBCOMMANDS: ",
            zh: "子命令："),
        Message(
            "help.extra.values",
            en: "values: {values}",
            zh: "取值：{values}"),
        Message(
            "help.extra.some_of",
            en: "some of: {values}",
            zh: "可选多个：{values}"),
        Message(
            "help.extra.default",
            en: "default: {value}",
            zh: "默认：{value}"),
        Message(
            "help.extra.required",
            en: "required",
            zh: "必需"),
        Message(
            "help.group.see",
            en: "See '{name} <subcommand> --help' for detailed help.",
            zh: "详细帮助见 '{name} <subcommand> --help'。"),
        Message(
            "help.report.html_alias",
            en: "(the same as gridplan report html --out <file>)",
            zh: "（与 gridplan report html --out <file> 相同）"),
        Message(
            "help.rpc.progress_token",
            en: "When given, $/progress notifications carry this token.",
            zh: "给出时，$/progress 通知携带此令牌。"),
        Message(
            "help.rpc.discover.summary",
            en: "The OpenRPC document describing every method.",
            zh: "描述每个方法的 OpenRPC 文档。")
    ]
}
