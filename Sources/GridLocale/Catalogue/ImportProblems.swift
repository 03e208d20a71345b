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
        Message(
            "problem.file.named_missing", en: "no such file (dataset.json layers.{layer}.file names it)",
            zh: "文件不存在（dataset.json 的 layers.{layer}.file 指定了它）"),
        Message(
            "problem.file.csv_only_remove", en: "{layer} is read from CSV only; remove this file", zh: "{layer} 只从 CSV 读取；请删除此文件"),
        Message("problem.file.csv_only", en: "{layer} can only be given as CSV", zh: "{layer} 只能以 CSV 提供"),
        Message("problem.file.both", en: "both {first} and {second} are present", zh: "{first} 和 {second} 同时存在"),
        Message("problem.file.several", en: "several files: {files}", zh: "有多个文件：{files}"),
        Message("problem.file.required", en: "missing: the dataset needs {layer}", zh: "缺失：数据集需要 {layer}"),
        Message(
            "problem.file.too_large", en: "the file is {size} bytes, more than the limit of {limit}",
            zh: "文件有 {size} 字节，超过上限 {limit}"),
        Message(
            "expected.file.at_most_bytes", en: "at most {limit} bytes (raise it with --max-file-bytes)",
            zh: "不超过 {limit} 字节（可用 --max-file-bytes 调高）"),
        Message(
            "problem.file.too_many_records", en: "the dataset has more than {limit} records; reading stopped here",
            zh: "数据集记录超过 {limit} 条；在此停止读取"),
        Message(
            "expected.file.at_most_records", en: "at most {limit} features and rows in all (raise it with --max-features)",
            zh: "要素和行合计不超过 {limit} 条（可用 --max-features 调高）"),
        Message(
            "problem.csv.row_one_field", en: "row has {count} field but the header has {header}",
            zh: "此行有 {count} 个字段，但表头有 {header} 个"),
        Message(
            "problem.csv.row_fields", en: "row has {count} fields but the header has {header}",
            zh: "此行有 {count} 个字段，但表头有 {header} 个"),
        Message("expected.csv.fields", en: "{header} fields", zh: "{header} 个字段"),
        Message(
            "problem.geojson.not_collection", en: "not a FeatureCollection (type is '{type}')",
            zh: "不是 FeatureCollection（type 为 '{type}'）"),
        Message(
            "problem.geojson.type_not_text", en: "not a FeatureCollection (type is not a string)",
            zh: "不是 FeatureCollection（type 不是字符串）"),
        Message("expected.geojson.collection", en: "a GeoJSON FeatureCollection", zh: "GeoJSON 要素集合（FeatureCollection）"),
        Message("expected.file.in_folder", en: "a file in the dataset folder", zh: "数据集文件夹中的文件"),
        Message("expected.file.named", en: "{file}", zh: "文件 {file}"),
        Message("expected.file.one_per_layer", en: "one file per entity", zh: "每类对象一个文件"),
        Message("expected.file.geojson_or_csv", en: "{layer}.geojson or {layer}.csv", zh: "{layer}.geojson 或 {layer}.csv"),
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
