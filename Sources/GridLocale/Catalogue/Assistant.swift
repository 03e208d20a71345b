extension Catalogue {
    /// `gridplan mcp`: the assistant server's summaries, refusals, resources, prompts and help.
    static let assistant: [Message] = [
        Message(
            "help.mcp.summary",
            en: "Serve the Model Context Protocol on stdin/stdout: every analysis as a tool for an assistant.",
            zh: "在标准输入/输出上提供模型上下文协议（MCP）服务：每项分析都是助手可调用的工具。"),
        Message(
            "help.mcp.allow_household_data",
            en: "Let tools release household-level data (include_households); refused otherwise.",
            zh: "允许工具输出户级数据（include_households）；否则拒绝。"),
        Message(
            "help.mcp.lang",
            en: "Language of the summaries, prompts and refusals: zh or en (default $GRIDPLAN_LANG, then the locale).",
            zh: "摘要、提示词和拒绝说明的语言：zh 或 en（默认取 $GRIDPLAN_LANG，其次取系统区域设置）。"),
        Message(
            "help.mcp.discussion",
            en: """
                Tools are the operations (info, report_area, coverage, report_underserved, site, grids_plan, \
                party_plan, report_party, report_compliance, crs_convert, inspect, import, export) with the same \
                parameters as rpc; results are the commands' JSON as structured content with a short summary. \
                Tools that write need apply: true; household-level data only with --allow-household-data. \
                Resources: gridplan://standards, gridplan://dataset, gridplan://results/latest, \
                gridplan://map/<theme>.svg. Prompts: find_underserved, propose_centers, check_party_network.
                """,
            zh: """
                工具即各项操作（info、report_area、coverage、report_underserved、site、grids_plan、party_plan、\
                report_party、report_compliance、crs_convert、inspect、import、export），参数与 rpc 相同；结果为命令的 \
                JSON（structured content）并附简短摘要。会写入的工具需传入 apply: true；户级数据仅在使用 \
                --allow-household-data 启动时提供。资源：gridplan://standards、gridplan://dataset、\
                gridplan://results/latest、gridplan://map/<theme>.svg。提示词：find_underserved、propose_centers、\
                check_party_network。
                """),
        Message("help.mcp.max_message_bytes", en: "Longest accepted message, bytes.", zh: "可接受的最长消息（字节）。"),
        Message(
            "help.import.apply",
            en: "Must be true for this tool to write (the store or files); without it the tool refuses and writes nothing.",
            zh: "须为 true 该工具才会写入（数据库或文件）；否则拒绝执行，不写入任何内容。"),
        Message(
            "help.export.apply",
            en: "Must be true for this tool to write (the store or files); without it the tool refuses and writes nothing.",
            zh: "须为 true 该工具才会写入（数据库或文件）；否则拒绝执行，不写入任何内容。"),

        Message(
            "mcp.instructions",
            en: """
                gridplan plans community party-mass service facilities and grids. Tools report against the work plan's \
                standards (30 m² of usable area per 100 households), coverage within reach, under-served communities, \
                siting of new centers, grids of 300–500 households and the party network. Read gridplan://standards for \
                the rules and their policy sources. Tools that write (import, export, grids_plan with apply) need apply: true.
                """,
            zh: """
                gridplan 用于规划社区党群服务设施与网格。工具按工作方案标准（每百户服务面积不低于30平方米）出具报告：\
                服务覆盖率、服务不足的社区、新建党群服务中心选址、300–500户的网格划分以及党组织网络。规则及其政策依据见 \
                gridplan://standards。会写入的工具（import、export、带 apply 的 grids_plan）需传入 apply: true。
                """),
        Message(
            "mcp.refused.write",
            en: "{tool} writes (the store or files) and was not run: call it again with apply: true to write.",
            zh: "{tool} 会写入（数据库或文件），未执行：如需写入，请传入 apply: true 再次调用。"),
        Message(
            "mcp.refused.households",
            en:
                "{tool}: {field} releases household-level data, which this server does not give out (start it with gridplan mcp --allow-household-data to allow it).",
            zh: "{tool}：{field} 会输出户级数据，本服务未获准提供（如需提供，请以 gridplan mcp --allow-household-data 启动）。"),
        Message(
            "mcp.tool.writes_when", en: "Writes only with {flag}: true; otherwise a preview that writes nothing.",
            zh: "仅在 {flag}: true 时写入；否则只预览，不写入任何内容。"),
        Message(
            "mcp.tool.writes_unless_preview",
            en: "Writes only with apply: true ({preview}: true checks without writing); without it the tool refuses.",
            zh: "仅在 apply: true 时写入（{preview}: true 只检查、不写入）；否则拒绝执行。"),
        Message(
            "mcp.tool.writes", en: "Writes only with apply: true; without it the tool refuses.",
            zh: "仅在 apply: true 时写入；否则拒绝执行。"),
        Message(
            "mcp.standards_missing",
            en: "cannot find seeds/standards.json: set GRIDPLAN_HOME to the gridplan folder",
            zh: "找不到 seeds/standards.json：请将 GRIDPLAN_HOME 设为 gridplan 所在文件夹"),
        Message("mcp.unknown_tool", en: "Unknown tool: {tool}", zh: "未知工具：{tool}"),
        Message("mcp.unknown_resource", en: "Unknown resource: {uri}", zh: "未知资源：{uri}"),
        Message("mcp.unknown_prompt", en: "Unknown prompt: {prompt}", zh: "未知提示词：{prompt}"),

        Message(
            "mcp.summary.info",
            en:
                "Store {store}: {dataset}, {communities} communities, {buildings} buildings, {households} households (working CRS {crs}).",
            zh: "数据库 {store}：{dataset}，{communities} 个社区、{buildings} 栋楼栋、{households} 户（工作坐标系 {crs}）。"),
        Message(
            "mcp.summary.report.area",
            en:
                "{per100} m² per 100 households in total against the {standard} m² standard; {meeting} of {communities} communities meet it; deficit {deficit} m².",
            zh: "总体每百户服务面积 {per100} 平方米（标准 {standard} 平方米）；{communities} 个社区中 {meeting} 个达标；缺口 {deficit} 平方米。"),
        Message(
            "mcp.summary.coverage",
            en: "Coverage {rate}: {covered} of {households} households within reach ({radius} m); {gaps} gap neighbourhoods.",
            zh: "覆盖率 {rate}：{households} 户中 {covered} 户在服务半径（{radius} 米）内；服务空白片区 {gaps} 处。"),
        Message(
            "mcp.summary.report.underserved",
            en:
                "{underserved} of {communities} communities are under-served; the first is {first} ({first_id}, deficit {deficit} m²).",
            zh: "{communities} 个社区中 {underserved} 个服务不足；首位为 {first}（{first_id}，缺口 {deficit} 平方米）。"),
        Message(
            "mcp.summary.site",
            en: "{count} sites proposed: covered households {before} → {after} of {total}; first {first} ({first_id}).",
            zh: "建议选址 {count} 处：覆盖户数 {before} → {after}（共 {total} 户）；首选 {first}（{first_id}）。"),
        Message(
            "mcp.summary.grids.plan",
            en: "{grids} grids of {min}–{max} households, {violations} violations; written to the store: {applied}.",
            zh: "划分网格 {grids} 个（每格 {min}–{max} 户），违规 {violations} 项；已写入数据库：{applied}。"),
        Message(
            "mcp.summary.party.plan",
            en:
                "{grids} grids, organization coverage {organization}, work coverage {work}; {central} central households, {groups} party groups; {shortfalls} shortfalls.",
            zh: "网格 {grids} 个，组织覆盖率 {organization}，工作覆盖率 {work}；中心户 {central} 户，楼栋党小组 {groups} 个；不足 {shortfalls} 项。"),
        Message(
            "mcp.summary.report.party",
            en:
                "{grids} grids, organization coverage {organization}, work coverage {work}; {central} central households, {groups} party groups; {shortfalls} shortfalls.",
            zh: "网格 {grids} 个，组织覆盖率 {organization}，工作覆盖率 {work}；中心户 {central} 户，楼栋党小组 {groups} 个；不足 {shortfalls} 项。"),
        Message(
            "mcp.summary.report.compliance",
            en:
                "{year}: {findings} findings: {staffing} staffing shortfalls, {organizations} organizations to establish, {untrained} secretaries untrained, {contacts} contact-point shortfalls.",
            zh:
                "{year} 年：发现问题 {findings} 项：专职党务工作者配备不足 {staffing} 项，应建未建组织 {organizations} 个，未培训书记 {untrained} 名，联系点履职不足 {contacts} 项。"
        ),
        Message(
            "mcp.summary.crs.convert", en: "{count} points converted from {from} to {to}.", zh: "已将 {count} 个点从 {from} 转换为 {to}。"),
        Message(
            "mcp.summary.inspect", en: "{layers} layers read; {problems} problems; valid: {valid}.",
            zh: "读取图层 {layers} 个；问题 {problems} 项；有效：{valid}。"),
        Message(
            "mcp.summary.import",
            en: "Imported {dataset}: {communities} communities, {households} households into {store} (working CRS {crs}).",
            zh: "已导入 {dataset}：{communities} 个社区、{households} 户，写入 {store}（工作坐标系 {crs}）。"),
        Message(
            "mcp.summary.import.dry_run",
            en: "Dry run of {dataset}, nothing written: {layers} layers read, {problems} problems; valid: {valid}.",
            zh: "{dataset} 试导入，未写入：读取图层 {layers} 个，问题 {problems} 项；有效：{valid}。"),
        Message(
            "mcp.summary.export", en: "Exported {layers} layers as {format} to {path}.", zh: "已将 {layers} 个图层导出为 {format}：{path}。"
        ),

        Message("mcp.resource.standards", en: "Standards and policy sources", zh: "标准及政策依据"),
        Message(
            "mcp.resource.standards.description",
            en: "The standards file the analyses apply: every rule with its value, unit, description and policy source.",
            zh: "分析所用的标准文件：每条规则的取值、单位、说明及政策依据。"),
        Message("mcp.resource.dataset", en: "Dataset summary", zh: "数据集概况"),
        Message(
            "mcp.resource.dataset.description", en: "Counts per layer, working CRS, extent and store (the info tool's JSON).",
            zh: "各图层数量、工作坐标系、范围及数据库（info 工具的 JSON）。"),
        Message("mcp.resource.latest", en: "Latest results", zh: "最新结果"),
        Message(
            "mcp.resource.latest.description",
            en:
                "Each tool's latest result in this session by tool name (before any call: the area report and the under-served ranking).",
            zh: "本次会话中各工具的最新结果（按工具名；尚未调用时为面积报告和服务不足排名）。"),
        Message("mcp.resource.map", en: "Map: {theme}", zh: "地图：{theme}"),
        Message(
            "mcp.resource.map.description", en: "The district map, theme {theme}, as SVG (the map command's drawing).",
            zh: "辖区地图（主题 {theme}），SVG 格式（map 命令的绘图）。"),

        Message("mcp.prompt.whole_district", en: "the whole district", zh: "整个辖区"),
        Message(
            "mcp.prompt.argument.street", en: "A street (街道) to focus on; the whole district when left out.",
            zh: "关注的街道；不填则为整个辖区。"),
        Message("mcp.prompt.argument.count", en: "How many new centers to propose.", zh: "建议新建党群服务中心的数量。"),
        Message("mcp.prompt.argument.community", en: "A community id to focus on; all when left out.", zh: "关注的社区编号；不填则为全部社区。"),
        Message("mcp.prompt.missing_argument", en: "The prompt {prompt} needs {argument}.", zh: "提示词 {prompt} 需要参数 {argument}。"),
        Message("mcp.prompt.bad_count", en: "count {count}: expected a whole number ≥ 1.", zh: "count {count}：应为不小于1的整数。"),
        Message("mcp.prompt.find_underserved.title", en: "Find under-served neighbourhoods", zh: "查找服务不足的社区"),
        Message(
            "mcp.prompt.find_underserved.description",
            en: "Which communities fall short of the area standard or of coverage, and why.",
            zh: "哪些社区未达到每百户服务面积标准或覆盖率不足，原因是什么。"),
        Message(
            "mcp.prompt.find_underserved.text",
            en: """
                Find the under-served neighbourhoods in {street}. Call report_underserved, then report_area with \
                short_only: true, and read gridplan://standards for the rule applied; keep the communities of {street} \
                (their street field) unless it is the whole district. List the communities below the standard with \
                their households, area per 100 households, deficit in m² and uncovered households, quote each reason, \
                and name the gap neighbourhoods. Show gridplan://map/coverage.svg if the client can.
                """,
            zh: """
                查找{street}中服务不足的社区。先调用 report_underserved，再以 short_only: true 调用 report_area，\
                并读取 gridplan://standards 了解所依据的标准；除非是整个辖区，只保留属于{street}的社区（看 street 字段）。\
                列出未达标的社区及其户数、每百户服务面积、缺口（平方米）\
                和未覆盖户数，引用每条原因，并指出服务空白片区。如客户端支持，展示 gridplan://map/coverage.svg。
                """),
        Message("mcp.prompt.propose_centers.title", en: "Propose new centers", zh: "建议新建党群服务中心"),
        Message(
            "mcp.prompt.propose_centers.description", en: "Where N new party-mass service centers would help most.",
            zh: "新建 N 处党群服务中心放在哪里效果最好。"),
        Message(
            "mcp.prompt.propose_centers.text",
            en: """
                Propose {count} new party-mass service centers for {street}. Call report_underserved to see where the \
                gaps are, then site with count: {count} (objective cover); site chooses among the whole district's \
                candidates, so say which sites lie in {street}. For each proposed site give its name, \
                community, households newly covered and recommended usable area, and the coverage rate before and \
                after; say whether the plan is proven optimal (optimality_gap). Show gridplan://map/sites.svg if the client can.
                """,
            zh: """
                为{street}建议新建 {count} 处党群服务中心。先调用 report_underserved 了解缺口所在，再以 count: {count}\
                （目标 cover）调用 site；site 在整个辖区的候选点中选址，请说明哪些点位位于{street}。\
                逐一说明每个建议点位的名称、所在社区、新增覆盖户数和建议使用面积，以及选址前后\
                的覆盖率；说明方案是否已证明最优（optimality_gap）。如客户端支持，展示 gridplan://map/sites.svg。
                """),
        Message("mcp.prompt.check_party_network.title", en: "Check the party network", zh: "检查党组织网络"),
        Message(
            "mcp.prompt.check_party_network.description",
            en: "Organization and work coverage per grid, shortfalls, and the compliance findings.",
            zh: "各网格的组织覆盖率和工作覆盖率、不足之处以及合规检查发现的问题。"),
        Message(
            "mcp.prompt.check_party_network.text",
            en: """
                Check the party network of {community}. Call report_party (with community when one is named) and \
                report_compliance. Report the organization coverage and work coverage rates against the 100% target, \
                the grids without an organization, the buildings and households left without a party group or central \
                household, and the compliance findings (staffing, organizations to establish, training, contact points).
                """,
            zh: """
                检查{community}的党组织网络。调用 report_party（指定社区时传入 community）和 report_compliance。\
                对照100%的目标报告组织覆盖率和工作覆盖率，列出未建组织的网格、未纳入楼栋党小组或中心户联系的楼栋和户，\
                以及合规检查发现的问题（专职人员配备、应建组织、培训、联系点）。
                """)
    ]
}
