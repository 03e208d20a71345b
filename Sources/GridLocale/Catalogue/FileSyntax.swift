extension Catalogue {
    /// Why a dataset file could not be read or parsed: the JSON, GeoJSON and CSV readers'
    /// syntax errors and the system's file errors (`GridFormats.SyntaxIssue`), with the tokens
    /// found and the things expected. The English is the readers' own text, byte for byte.
    static let fileSyntax: [Message] = [
        Message("syntax.token.end", en: "end of input", zh: "输入结尾"),
        Message("syntax.token.character", en: "'{char}'", zh: "字符 '{char}'"),
        Message("syntax.token.character_code", en: "'{char}' (U+{code})", zh: "字符 '{char}'（U+{code}）"),
        Message("syntax.token.control", en: "control character U+{code}", zh: "控制字符 U+{code}"),
        Message("syntax.token.byte", en: "byte 0x{hex}", zh: "字节 0x{hex}"),
        Message("syntax.expect.value", en: "a value", zh: "一个值"),
        Message("syntax.expect.comma_or_brace", en: "',' or '}'", zh: "',' 或 '}'"),
        Message("syntax.expect.comma_or_bracket", en: "',' or ']'", zh: "',' 或 ']'"),
        Message("syntax.expect.member_name", en: "a member name in double quotes", zh: "双引号括起的成员名"),
        Message("syntax.expect.colon", en: "':'", zh: "冒号 ':'"),
        Message("syntax.expect.colon_after", en: "':' after member name \"{key}\"", zh: "成员名 \"{key}\" 之后的 ':'"),
        Message("syntax.expect.literal", en: "'{word}'", zh: "字面量 '{word}'"),
        Message("syntax.expect.escape_character", en: "an escape character", zh: "转义字符"),
        Message("syntax.expect.low_surrogate", en: "a low surrogate escape", zh: "低代理项转义"),
        Message("syntax.expect.closing_quote", en: "'\"' to end the string", zh: "结束字符串的 '\"'"),
        Message("syntax.expect.four_hex", en: "four hex digits after \\u", zh: "\\u 之后的四位十六进制数字"),
        Message("syntax.expect.digit", en: "a digit", zh: "数字"),
        Message("syntax.expect.digit_after_minus", en: "a digit after '-'", zh: "'-' 之后的数字"),
        Message("syntax.expect.digit_after_point", en: "a digit after '.'", zh: "'.' 之后的数字"),
        Message("syntax.expect.digit_in_exponent", en: "a digit in the exponent", zh: "指数中的数字"),
        Message("syntax.expect.feature", en: "a feature", zh: "一个要素"),
        Message("syntax.expect.inside_features", en: "inside \"features\"", zh: "\"features\" 中的内容"),
        Message("syntax.expect.in_top_level", en: "in the top-level object", zh: "顶层对象中的内容"),
        Message("syntax.expect.member_name_top_level", en: "a member name in the top-level object", zh: "顶层对象中的成员名"),
        Message("syntax.expect.value_of", en: "the value of \"{key}\"", zh: "\"{key}\" 的值"),
        Message("syntax.expect.comma_or_brace_top_level", en: "',' or '}' in the top-level object", zh: "顶层对象中的 ',' 或 '}'"),
        Message(
            "syntax.expect.comma_or_brace_after_features", en: "',' or '}' after \"features\"",
            zh: "\"features\" 之后的 ',' 或 '}'"),
        Message("syntax.subject.feature", en: "feature {n}", zh: "要素{n}"),
        Message("syntax.subject.member_name", en: "member name", zh: "成员名"),
        Message("syntax.subject.features", en: "\"features\"", zh: "\"features\" 数组"),
        Message("syntax.kind.null", en: "null", zh: "空值 null"),
        Message("syntax.kind.boolean", en: "boolean", zh: "布尔值"),
        Message("syntax.kind.number", en: "number", zh: "数字"),
        Message("syntax.kind.string", en: "string", zh: "字符串"),
        Message("syntax.kind.array", en: "array", zh: "数组"),
        Message("syntax.kind.object", en: "object", zh: "对象"),
        Message("syntax.empty_input", en: "empty input, expected a JSON value", zh: "输入为空，应为 JSON 值"),
        Message("syntax.unexpected_end", en: "unexpected end of input, expected {expected}", zh: "输入意外结束，应为{expected}"),
        Message("syntax.unexpected", en: "unexpected {found}, expected {expected}", zh: "意外的{found}，应为{expected}"),
        Message("syntax.trailing_content", en: "unexpected {found} after the JSON value", zh: "JSON 值之后有多余的{found}"),
        Message("syntax.too_deep", en: "nesting deeper than {limit} levels", zh: "嵌套超过 {limit} 层"),
        Message(
            "syntax.non_finite", en: "NaN and Infinity are not valid JSON numbers", zh: "NaN 和 Infinity 不是有效的 JSON 数字"),
        Message("syntax.trailing_comma", en: "trailing comma before {found}", zh: "{found}之前有多余的逗号"),
        Message("syntax.duplicate_key", en: "duplicate key \"{key}\"", zh: "重复的键 \"{key}\""),
        Message("syntax.invalid_literal", en: "invalid literal, expected '{word}'", zh: "无效的字面量，应为 '{word}'"),
        Message("syntax.unescaped", en: "unescaped {found} in string", zh: "字符串中有未转义的{found}"),
        Message("syntax.unterminated_string", en: "unterminated string", zh: "字符串没有结束"),
        Message(
            "syntax.lone_high_surrogate",
            en: "lone surrogate \\u{code} (a high surrogate must be followed by a low surrogate escape)",
            zh: "孤立的代理项 \\u{code}（高代理项之后必须是低代理项转义）"),
        Message(
            "syntax.high_surrogate_without_low", en: "lone surrogate \\u{code} (followed by \\u{next}, not a low surrogate)",
            zh: "孤立的代理项 \\u{code}（之后的 \\u{next} 不是低代理项）"),
        Message(
            "syntax.lone_low_surrogate", en: "lone surrogate \\u{code} (a low surrogate without a high one)",
            zh: "孤立的代理项 \\u{code}（低代理项之前没有高代理项）"),
        Message("syntax.invalid_escape", en: "invalid escape \\{found} in string", zh: "字符串中有无效的转义 \\{found}"),
        Message(
            "syntax.invalid_unicode_escape", en: "invalid \\u escape: expected four hex digits",
            zh: "无效的 \\u 转义：应为四位十六进制数字"),
        Message("syntax.truncated_utf8", en: "input ends inside a UTF-8 sequence", zh: "输入在 UTF-8 字节序列中间结束"),
        Message("syntax.invalid_utf8_byte", en: "invalid UTF-8 byte 0x{hex}", zh: "无效的 UTF-8 字节 0x{hex}"),
        Message("syntax.leading_zeros", en: "leading zeros are not allowed in numbers", zh: "数字不允许有前导零"),
        Message(
            "syntax.number_out_of_range", en: "number {number} is out of the range of a double",
            zh: "数字 {number} 超出双精度浮点数的范围"),
        Message("syntax.opened_here", en: "{issue} (opened here)", zh: "{issue}（从此处开始）"),
        Message(
            "syntax.empty_geojson", en: "empty file, expected a GeoJSON FeatureCollection",
            zh: "文件为空，应为 GeoJSON 要素集合（FeatureCollection）"),
        Message("syntax.unexpected_eof", en: "unexpected end of file, expected {expected}", zh: "文件意外结束，应为{expected}"),
        Message(
            "syntax.after_feature", en: "expected ',' or ']' after feature {index}, found {found}",
            zh: "要素{index}之后应为 ',' 或 ']'，实际为{found}"),
        Message("syntax.trailing_comma_after_features", en: "trailing comma after the last feature", zh: "最后一个要素之后有多余的逗号"),
        Message("syntax.feature_not_object", en: "feature is not a JSON object (found {kind})", zh: "要素不是 JSON 对象（实际为{kind}）"),
        Message("syntax.top_level_array", en: "not a FeatureCollection: top level is an array", zh: "不是 FeatureCollection：顶层是数组"),
        Message(
            "syntax.top_level_not_object", en: "not a FeatureCollection: top level is not a JSON object (found {found})",
            zh: "不是 FeatureCollection：顶层不是 JSON 对象（实际为{found}）"),
        Message(
            "syntax.expected_member_name", en: "expected a member name in double quotes, found {found}",
            zh: "应为双引号括起的成员名，实际为{found}"),
        Message("syntax.member_name_not_string", en: "expected a member name", zh: "应为成员名"),
        Message(
            "syntax.duplicate_top_level_key", en: "duplicate key \"{key}\" in the top-level object",
            zh: "顶层对象中有重复的键 \"{key}\""),
        Message(
            "syntax.expected_colon", en: "expected ':' after member name \"{key}\", found {found}",
            zh: "成员名 \"{key}\" 之后应为 ':'，实际为{found}"),
        Message(
            "syntax.features_not_array", en: "\"features\" is not an array (found {kind})", zh: "\"features\" 不是数组（实际为{kind}）"),
        Message(
            "syntax.type_not_collection", en: "not a FeatureCollection: type is {type}", zh: "不是 FeatureCollection：type 为 {type}"),
        Message(
            "syntax.comma_or_brace_top_level", en: "expected ',' or '}' in the top-level object, found {found}",
            zh: "顶层对象中应为 ',' 或 '}'，实际为{found}"),
        Message(
            "syntax.comma_or_brace_after_features", en: "expected ',' or '}' after \"features\", found {found}",
            zh: "\"features\" 之后应为 ',' 或 '}'，实际为{found}"),
        Message("syntax.after_top_level", en: "unexpected {found} after the top-level object", zh: "顶层对象之后有多余的{found}"),
        Message(
            "syntax.no_type", en: "not a FeatureCollection: the top-level object has no \"type\"",
            zh: "不是 FeatureCollection：顶层对象没有 \"type\""),
        Message(
            "syntax.no_features", en: "the FeatureCollection has no \"features\" member",
            zh: "FeatureCollection 没有 \"features\" 成员"),
        Message("syntax.too_large", en: "{subject} is larger than the limit of {limit} bytes", zh: "{subject}超过 {limit} 字节的上限"),
        Message("syntax.csv_empty", en: "empty file: no header row", zh: "文件为空：没有表头行"),
        Message("syntax.csv_too_many_fields", en: "a record with more than {limit} fields", zh: "有一条记录超过 {limit} 个字段"),
        Message(
            "syntax.csv_unterminated_quote", en: "unterminated quoted field (the quote opens here)",
            zh: "带引号的字段没有结束（引号从此处开始）"),
        Message(
            "syntax.csv_text_after_quote",
            en: "unexpected text after a closing quote (a quote inside a quoted field must be doubled)",
            zh: "右引号之后有多余的文字（带引号的字段中的引号须写两遍）"),
        Message("syntax.csv_invalid_utf8", en: "invalid UTF-8 (the file must be UTF-8 encoded)", zh: "无效的 UTF-8（文件须为 UTF-8 编码）"),
        Message("syntax.cannot_open", en: "cannot open {path}: {reason}", zh: "无法打开 {path}：{reason}"),
        Message("syntax.is_directory", en: "cannot read {path}: it is a directory", zh: "无法读取 {path}：这是一个文件夹"),
        Message("syntax.cannot_read", en: "cannot read {path}: {reason}", zh: "无法读取 {path}：{reason}"),
        Message("syntax.errno.not_found", en: "No such file or directory", zh: "文件或文件夹不存在"),
        Message("syntax.errno.permission", en: "Permission denied", zh: "没有读取权限"),
        Message("syntax.errno.other", en: "{system}", zh: "系统错误：{system}")
    ]
}
