extension Catalogue {
    /// Errors and their parts: the `error:` prefix, usage lines, problem locations and counts.
    static let errors: [Message] = [
        Message("error.prefix", en: "error: {message}", zh: "错误：{message}"),
        Message(
            "error.usage", en: "Usage: {usage}\n  See '{name} --help' for more information.",
            zh: "用法：{usage}\n  详见 '{name} --help'。"),
        Message(
            "error.usage.group", en: "Usage: {name} <subcommand>\n  See '{name} --help' for more information.",
            zh: "用法：{name} <subcommand>\n  详见 '{name} --help'。"),
        Message("error.unknown_command", en: "unknown command '{word}' (expected {choices})", zh: "未知命令 '{word}'（应为 {choices}）"),
        Message("error.unknown_option", en: "unknown option '{option}'", zh: "未知选项 '{option}'"),
        Message("error.unexpected_argument", en: "unexpected argument '{argument}'", zh: "多余的参数 '{argument}'"),
        Message(
            "error.conflicting_spellings", en: "{earlier} and {spelling} give different values (give one)",
            zh: "{earlier} 和 {spelling} 给出了不同的值（只给一个）"),
        Message(
            "error.flag_value", en: "{option}={value}: a flag takes no value (or true/false)",
            zh: "{option}={value}：开关选项不带值（或为 true/false）"),
        Message(
            "error.missing_value", en: "{option}: missing value (expected <{placeholder}>)",
            zh: "{option}：缺少取值（应为 <{placeholder}>）"),
        Message("error.missing_argument", en: "missing {argument}", zh: "缺少 {argument}"),
        Message("error.expected_integer", en: "{option} {value}: expected an integer", zh: "{option} {value}：应为整数"),
        Message("error.expected_number", en: "{option} {value}: expected a number", zh: "{option} {value}：应为数字"),
        Message(
            "error.unknown_parameter", en: "unknown parameter '{name}' (expected: {names})",
            zh: "未知参数 '{name}'（应为：{names}）"),
        Message("error.missing_parameter", en: "missing parameter '{name}' ({option})", zh: "缺少参数 '{name}'（{option}）"),
        Message("error.refused", en: "{option} {value}: expected {expected}", zh: "{option} {value}：应为 {expected}"),
        Message(
            "error.refused_note", en: "{option} {value}: {note} (expected {expected})",
            zh: "{option} {value}：{note}（应为 {expected}）"),
        Message("note.compliance_no_locations", en: "the compliance report has no locations", zh: "合规报告没有位置信息"),
        Message("common.or", en: "or", zh: "或"),
        Message("error.some_of", en: "{option} {value}: expected some of {values}", zh: "{option} {value}：应为以下几项中的若干项：{values}"),
        Message(
            "error.language", en: "{source}: unknown language \"{value}\" (expected zh or en)",
            zh: "{source}：未知语言 \"{value}\"（应为 zh 或 en）"),
        Message("error.rpc.invalid_input", en: "Invalid input: {count} problem(s)", zh: "输入无效：{count} 个问题"),
        Message("error.rpc.invalid_input_one", en: "Invalid input: {problem}", zh: "输入无效：{problem}"),
        Message("error.rpc.invalid_params", en: "Invalid params: {message}", zh: "参数无效：{message}"),
        Message("error.rpc.internal", en: "Internal error: {message}", zh: "内部错误：{message}"),
        Message("expected.text", en: "a text", zh: "文本"),
        Message("expected.integer", en: "an integer", zh: "整数"),
        Message("expected.number", en: "a number", zh: "数字"),
        Message("expected.bool", en: "true or false", zh: "true 或 false"),
        Message("expected.text_list", en: "a list of texts", zh: "文本列表"),
        Message("expected.pairs", en: "an array of [x, y] pairs", zh: "[x, y] 坐标对数组"),
        Message("location.line", en: "line {n}", zh: "第{n}行"),
        Message("location.row", en: "row {n}", zh: "第{n}行"),
        Message("location.feature", en: "feature {n}", zh: "要素{n}"),
        Message("location.line_column", en: "line {line}, column {column}", zh: "第{line}行第{column}列"),
        Message("input.more", en: "... and {count} more problems", zh: "……另有 {count} 个问题"),
        Message("input.total.one", en: "1 problem found; nothing was imported", zh: "发现 1 个问题；未导入任何数据"),
        Message("input.total.many", en: "{count} problems found; nothing was imported", zh: "发现 {count} 个问题；未导入任何数据")
    ]
}
