extension Catalogue {
    /// What-if scenarios (方案): the `scenario` commands' help, their edit errors, tables and notes.
    static let scenarios: [Message] =
        [
            Message(
                "help.group.scenario",
                en: "What-if scenarios (方案): edits of the facility layer, evaluated, saved, compared and applied.",
                zh: "假设方案：对设施图层的修改，可评估、保存、比较和应用。"),
            Message(
                "help.scenario.evaluate.summary",
                en: "Evaluate edits of the facility layer against the imported data, without changing the store.",
                zh: "评估对设施图层的修改与已导入数据的差别，不改变数据库。"),
            Message(
                "help.scenario.evaluate.discussion",
                en: """
                    Edits (docs/data-format.md, Scenarios): add_facility {id, x, y, kind, usable_area_m2, name?, crs?, level?, \
                    embedded?}, move_facility {id, x, y, crs?}, close_facility {id}, set_area {id, usable_area_m2}; x and y in \
                    the store's working CRS unless crs names another. The figures of both states are computed by the code of \
                    `report area` and `coverage` with the same options; a facility placed outside every community still serves \
                    by distance and its area is unallocated (said in notes).
                    """,
                zh: """
                    修改（docs/data-format.md，“方案”一节）：add_facility {id, x, y, kind, usable_area_m2, name?, crs?, level?, \
                    embedded?}（新增设施）、move_facility {id, x, y, crs?}（移动设施）、close_facility {id}（关闭设施）、\
                    set_area {id, usable_area_m2}（修改使用面积）；x、y 为数据库工作坐标系中的坐标，crs 另有指定时除外。\
                    两种状态的数字均由 `report area` 和 `coverage` 的同一代码按相同选项计算；落在所有社区之外的设施仍按距离\
                    提供服务，其面积不归属任何社区（在提示中说明）。
                    """),
            Message(
                "help.scenario.save.summary", en: "Save a scenario in the store under a name (replace one with --replace).",
                zh: "以名称将方案保存到数据库（用 --replace 替换同名方案）。"),
            Message(
                "help.scenario.save.discussion",
                en:
                    "The edits are checked against the store's facilities before saving. Scenarios are kept beside the dataset: a re-import keeps them.",
                zh: "保存前按数据库中的设施检查各项修改。方案与数据集分开保存：重新导入后仍保留。"),
            Message("help.scenario.list.summary", en: "The scenarios saved in the store.", zh: "数据库中保存的方案。"),
            Message(
                "help.scenario.show.summary", en: "A saved scenario: its edits and their evaluation against the imported data.",
                zh: "已保存的方案：其修改及与已导入数据对比的评估结果。"),
            Message(
                "help.scenario.show.discussion",
                en:
                    "An edit naming a facility the store no longer has (after a re-import) is skipped and said in a note.",
                zh: "修改所指的设施在数据库中已不存在时（重新导入之后），跳过该修改并在提示中说明。"),
            Message(
                "help.scenario.compare.summary",
                en:
                    "Two scenarios side by side (base: the imported data): households covered, communities meeting the standard, deficits.",
                zh: "两个方案并列对比（base 表示已导入数据）：已覆盖户数、达到标准的社区数、缺口。"),
            Message("help.scenario.delete.summary", en: "Delete a saved scenario.", zh: "删除已保存的方案。"),
            Message(
                "help.scenario.apply.summary",
                en: "Write a saved scenario's edits into the store's facility layer, in one transaction.",
                zh: "在一个事务中将已保存方案的修改写入数据库的设施图层。"),
            Message(
                "help.scenario.apply.discussion",
                en: """
                    Added facilities become facilities, closed ones are removed, moved and resized ones are updated; the \
                    scenario records when it was applied. Any failure leaves the store as it was. --dry-run lists the changes \
                    without writing.
                    """,
                zh: "新增的设施写入设施图层，关闭的设施被删除，移动或修改面积的设施被更新；方案记录应用时间。任何失败都不改变数据库。--dry-run 只列出将做的修改，不写入。"),
            Message(
                "help.scenario.evaluate.edits",
                en:
                    "The edits, an array of {\"op\": add_facility|move_facility|close_facility|set_area, ...} (on the command line a JSON file, - for stdin).",
                zh: "修改列表，即 {\"op\": add_facility|move_facility|close_facility|set_area, ...} 的数组（命令行中为 JSON 文件，- 表示标准输入）。"),
            Message(
                "help.scenario.save.edits",
                en:
                    "The edits, an array of {\"op\": add_facility|move_facility|close_facility|set_area, ...} (on the command line a JSON file, - for stdin).",
                zh: "修改列表，即 {\"op\": add_facility|move_facility|close_facility|set_area, ...} 的数组（命令行中为 JSON 文件，- 表示标准输入）。"),
            Message("help.scenario.save.name", en: "The scenario's name.", zh: "方案名称。"),
            Message("help.scenario.save.note", en: "A note kept with the scenario.", zh: "与方案一同保存的说明。"),
            Message(
                "help.scenario.save.replace", en: "Replace a scenario of the same name.", zh: "替换同名方案。"),
            Message("help.scenario.show.name", en: "The scenario's name.", zh: "方案名称。"),
            Message("help.scenario.delete.name", en: "The scenario's name.", zh: "方案名称。"),
            Message("help.scenario.apply.name", en: "The scenario's name.", zh: "方案名称。"),
            Message(
                "help.scenario.apply.dry_run", en: "List the changes without writing them.", zh: "只列出将做的修改，不写入。"),
            Message(
                "help.scenario.compare.a", en: "The first scenario's name, or base for the imported data.",
                zh: "第一个方案的名称，base 表示已导入数据。"),
            Message(
                "help.scenario.compare.b", en: "The second scenario's name, or base for the imported data.",
                zh: "第二个方案的名称，base 表示已导入数据。"),
            Message(
                "help.scenario.save.apply",
                en: "Must be true for this tool to write (the store or files); without it the tool refuses and writes nothing.",
                zh: "须为 true 该工具才会写入（数据库或文件）；否则拒绝执行，不写入任何内容。"),
            Message(
                "help.scenario.delete.apply",
                en: "Must be true for this tool to write (the store or files); without it the tool refuses and writes nothing.",
                zh: "须为 true 该工具才会写入（数据库或文件）；否则拒绝执行，不写入任何内容。"),
            Message(
                "help.scenario.apply.apply",
                en: "Must be true for this tool to write (the store or files); without it the tool refuses and writes nothing.",
                zh: "须为 true 该工具才会写入（数据库或文件）；否则拒绝执行，不写入任何内容。"),

            // Edits refused: each names the edit, the field and what was expected.
            Message(
                "scenarios.edits.not_array", en: "edits: expected an array of edit objects, got a {kind}",
                zh: "edits：应为修改对象的数组，实际为 {kind}"),
            Message(
                "scenarios.edit.not_object", en: "edits[{index}]: expected an object {\"op\": ...}, got a {kind}",
                zh: "edits[{index}]：应为对象 {\"op\": ...}，实际为 {kind}"),
            Message(
                "scenarios.edit.unknown_op", en: "edits[{index}].op: {value}: expected {ops}",
                zh: "edits[{index}].op：{value}：应为 {ops} 之一"),
            Message(
                "scenarios.edit.unknown_field", en: "edits[{index}] ({op}): unknown field {field}; expected {fields}",
                zh: "edits[{index}]（{op}）：未知字段 {field}；可用字段为 {fields}"),
            Message(
                "scenarios.edit.missing_field", en: "edits[{index}] ({op}): {field} is missing",
                zh: "edits[{index}]（{op}）：缺少 {field}"),
            Message(
                "scenarios.edit.bad_value", en: "edits[{index}].{field}: {value}: expected {expected}",
                zh: "edits[{index}].{field}：{value}：应为{expected}"),
            Message(
                "scenarios.edit.unknown_facility",
                en: "edits[{index}] ({op}): no facility {id} (not in the store, or closed by an earlier edit)",
                zh: "edits[{index}]（{op}）：没有设施 {id}（数据库中没有，或已被前面的修改关闭）"),
            Message(
                "scenarios.edit.id_exists", en: "edits[{index}].id: a facility {id} already exists; expected a new id",
                zh: "edits[{index}].id：设施 {id} 已存在；应使用新的编号"),
            Message(
                "scenarios.edit.outside",
                en:
                    "edits[{index}]: facility {id} lies outside every community: it serves by distance, its area is unallocated",
                zh: "edits[{index}]：设施 {id} 位于所有社区之外：按距离提供服务，其面积不归属任何社区"),
            Message(
                "scenarios.edit.crs_failed", en: "edits[{index}]: cannot convert ({x}, {y}) from {crs} to {working}: {problem}",
                zh: "edits[{index}]：无法将 ({x}, {y}) 从 {crs} 转换到 {working}：{problem}"),
            Message("scenarios.expected.text", en: "a non-empty text", zh: "非空文本"),
            Message("scenarios.expected.coordinate", en: "a finite number", zh: "有限数值"),
            Message("scenarios.expected.area", en: "a number of m² ≥ 0", zh: "不小于 0 的平方米数"),
            Message("scenarios.expected.bool", en: "true or false", zh: "true 或 false"),
            Message("scenarios.expected.one_of", en: "one of {values}", zh: "{values} 之一"),
            Message("expected.object_list", en: "an array of objects", zh: "对象数组"),
            Message(
                "usage.json_file.unreadable", en: "{option} {path}: cannot read the file ({reason})",
                zh: "{option} {path}：无法读取该文件（{reason}）"),
            Message(
                "usage.json_file.syntax", en: "{option} {path}: line {line}, column {column}: {problem}",
                zh: "{option} {path}：第 {line} 行第 {column} 列：{problem}"),

            // The store's scenarios.
            Message(
                "scenarios.not_found", en: "no scenario named {name} in {store} (scenario list shows the saved ones)",
                zh: "{store} 中没有名为 {name} 的方案（scenario list 列出已保存的方案）"),
            Message(
                "scenarios.exists", en: "a scenario named {name} already exists in {store}: give --replace to replace it",
                zh: "{store} 中已有名为 {name} 的方案：使用 --replace 替换"),
            Message(
                "scenarios.name_invalid", en: "--name {name}: expected a non-empty name other than base",
                zh: "--name {name}：应为非空名称，且不能为 base"),
            Message(
                "scenarios.needs_store", en: "scenarios are saved in a store: {path} does not exist (import a dataset first)",
                zh: "方案保存在数据库中：{path} 不存在（请先导入数据集）"),
            Message(
                "scenarios.applied",
                en: "applied scenario {name} to {store}: {added} added, {updated} changed, {removed} removed",
                zh: "已将方案 {name} 应用到 {store}：新增 {added} 个，修改 {updated} 个，删除 {removed} 个设施"),
            Message(
                "scenarios.apply_preview",
                en: "dry run: applying scenario {name} would add {added}, change {updated}, remove {removed}",
                zh: "试运行：应用方案 {name} 将新增 {added} 个，修改 {updated} 个，删除 {removed} 个设施"),
            Message(
                "scenarios.saved", en: "saved scenario {name} ({edits} edits) in {store}",
                zh: "已将方案 {name}（{edits} 项修改）保存到 {store}"),
            Message("scenarios.deleted", en: "deleted scenario {name} from {store}", zh: "已从 {store} 删除方案 {name}"),
            Message("scenarios.none", en: "no scenarios saved in {store}", zh: "{store} 中没有已保存的方案"),

            // Tables.
            Message(
                "scenarios.head.evaluate", en: "Scenario of {edits} edits against the imported data",
                zh: "方案（{edits} 项修改）与已导入数据对比"
            ),
            Message("scenarios.head.named", en: "Scenario {name} ({edits} edits)", zh: "方案 {name}（{edits} 项修改）"),
            Message("scenarios.head.note", en: "Note: {note}", zh: "说明：{note}"),
            Message("scenarios.head.applied", en: "Applied to the store at {at}", zh: "已于 {at} 应用到数据库"),
            Message(
                "scenarios.head.compare", en: "Scenario {a} against scenario {b}", zh: "方案 {a} 与方案 {b} 对比"),
            Message(
                "scenarios.settings",
                en: "Radius {radius} m ({method}); standard {standard} m² per 100 households; area allocated by {allocation}",
                zh: "服务半径 {radius} 米（{method}）；标准为每百户服务面积 {standard} 平方米；面积归属：{allocation}"),
            Message("scenarios.column.figure", en: "figure", zh: "指标"),
            Message("scenarios.column.base", en: "imported", zh: "现状"),
            Message("scenarios.column.scenario", en: "scenario", zh: "方案"),
            Message("scenarios.column.change", en: "change", zh: "变化"),
            Message("scenarios.figure.households", en: "households", zh: "户数"),
            Message("scenarios.figure.covered", en: "households covered", zh: "已覆盖户数"),
            Message("scenarios.figure.coverage_rate", en: "coverage rate", zh: "覆盖率"),
            Message("scenarios.figure.meeting", en: "communities meeting", zh: "达标社区数"),
            Message("scenarios.figure.deficit", en: "total deficit (m²)", zh: "缺口合计(平方米)"),
            Message("scenarios.figure.per100", en: "m²/100 hh", zh: "每百户服务面积"),
            Message("scenarios.column.id", en: "community", zh: "社区"),
            Message("scenarios.column.name", en: "name", zh: "名称"),
            Message("scenarios.column.households", en: "households", zh: "户数"),
            Message("scenarios.column.area_side", en: "area {side}", zh: "面积({side})"),
            Message("scenarios.column.per100_side", en: "m²/100 hh {side}", zh: "每百户服务面积({side})"),
            Message("scenarios.column.deficit_side", en: "deficit {side}", zh: "缺口({side})"),
            Message("scenarios.column.covered_side", en: "covered {side}", zh: "已覆盖户数({side})"),
            Message("scenarios.side.before", en: "before", zh: "前"),
            Message("scenarios.side.after", en: "after", zh: "后"),
            Message("scenarios.column.facility", en: "facility", zh: "设施"),
            Message("scenarios.column.kind", en: "kind", zh: "类型"),
            Message("scenarios.column.community", en: "community", zh: "社区"),
            Message("scenarios.column.area", en: "usable area (m²)", zh: "使用面积(平方米)"),
            Message("scenarios.column.note", en: "note", zh: "说明"),
            Message("scenarios.column.edits", en: "edits", zh: "修改数"),
            Message("scenarios.column.updated", en: "updated", zh: "更新时间"),
            Message("scenarios.column.applied", en: "applied", zh: "应用时间"),
            Message("scenarios.change.added", en: "added", zh: "新增"),
            Message("scenarios.change.updated", en: "changed", zh: "修改"),
            Message("scenarios.change.removed", en: "closed", zh: "关闭"),
            Message("scenarios.outside", en: "(outside every community)", zh: "（不在任何社区内）"),
            Message("scenarios.no_community_change", en: "No community's figures change.", zh: "各社区的数字均无变化。"),
            Message(
                "scenarios.buildings_changed",
                en:
                    "Buildings newly covered: {gained} ({gained_households} households); no longer covered: {lost} ({lost_households} households)",
                zh: "新覆盖楼栋 {gained} 栋（{gained_households} 户）；不再覆盖 {lost} 栋（{lost_households} 户）"),
            Message("scenarios.note.skipped", en: "the edit was skipped", zh: "已跳过该修改"),
            Message("progress.stage.scenario", en: "scenario", zh: "方案")
        ] + scenarioOptionHelp

    /// The analysis options' help of each operation that evaluates scenarios.
    static let scenarioOptionHelp: [Message] = ["evaluate", "show", "compare"].flatMap { op in
        [
            Message(
                "help.scenario.\(op).radius",
                en:
                    "Reach of community- and grid-level facilities, metres (default reach.default, 500): coverage, and --allocate reach.",
                zh: "社区级和网格级设施的服务半径，米（默认 reach.default，500）：用于覆盖率，以及 --allocate reach。"),
            Message(
                "help.scenario.\(op).network",
                en: "Measure coverage along the walking network built from the imported roads.",
                zh: "沿由已导入道路构建的步行路网计算覆盖率。"),
            Message(
                "help.scenario.\(op).standard",
                en: "m² per 100 households to apply (default area.per100, 30; 80: the aspiration value).",
                zh: "采用的每百户服务面积标准，平方米（默认 area.per100，30；80 为远景值）。"),
            Message(
                "help.scenario.\(op).allocate",
                en: "How facility area is attributed: to its own community, or shared by the households within reach.",
                zh: "设施面积的归属方式：归其所在社区，或由服务范围内的户分摊。"),
            Message(
                "help.scenario.\(op).count_kinds",
                en: "Exactly these facility kinds count, embedded or not, for area and coverage (comma-separated).",
                zh: "仅计入这些设施类型（无论是否嵌入），用于面积和覆盖率（逗号分隔）。")
        ]
    }
}
