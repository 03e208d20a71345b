extension Catalogue {
    /// Dataset problems found while reading a field: `FILE:LOCATION: FIELD: problem (expected)`,
    /// the problem and the expectation here, `{value}` as written in the file.
    static let importProblems: [Message] = [
        Message("problem.missing", en: "missing", zh: "缺失"),
        Message("problem.not_id", en: "{value} is not an id", zh: "{value} 不是编号"),
        Message("problem.not_text", en: "{value} is not text", zh: "{value} 不是文本"),
        Message("problem.not_number", en: "{value} is not a number", zh: "{value} 不是数字"),
        Message("problem.not_finite", en: "{value} is not a finite number", zh: "{value} 不是有限数"),
        Message("problem.not_whole", en: "{value} is not a whole number", zh: "{value} 不是整数"),
        Message("problem.negative", en: "{value} is negative", zh: "{value} 为负数"),
        Message("problem.below", en: "{value} is below {limit}", zh: "{value} 小于 {limit}"),
        Message("problem.above", en: "{value} is above {limit}", zh: "{value} 大于 {limit}"),
        Message("problem.not_boolean", en: "{value} is not a boolean", zh: "{value} 不是是/否值"),
        Message("problem.unknown_value", en: "unknown {field} '{value}'", zh: "未知的 {field} '{value}'"),
        Message("problem.not_a", en: "{value} is not a {field}", zh: "{value} 不是有效的 {field}"),
        Message("problem.not_date", en: "{value} is not a valid date", zh: "{value} 不是有效日期"),
        Message("expected.id", en: "a non-empty id", zh: "非空编号"),
        Message("expected.string_or_number", en: "a string or a number", zh: "字符串或数字"),
        Message("expected.value", en: "a value", zh: "一个值"),
        Message("expected.string", en: "a string", zh: "字符串"),
        Message("expected.count", en: "an integer ≥ 0", zh: "≥ 0 的整数"),
        Message("expected.nonnegative", en: "a finite number ≥ 0", zh: "≥ 0 的有限数"),
        Message("expected.boolean", en: "true/false, 1/0 or 是/否", zh: "true/false、1/0 或 是/否"),
        Message("expected.one_of", en: "one of {values}", zh: "以下之一：{values}"),
        Message("expected.date", en: "a date YYYY-MM-DD", zh: "日期 YYYY-MM-DD"),
        Message("expected.year", en: "a year such as 2025", zh: "年份，如 2025"),
        Message("expected.stars", en: "1 to 5, or 优秀, 良好, 较好, 一般, 较差", zh: "1 到 5，或 优秀、良好、较好、一般、较差")
    ]
}
