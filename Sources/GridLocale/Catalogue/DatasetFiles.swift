extension Catalogue {
    /// File-level problems of a dataset (`FILE[:LOCATION]: [FIELD: ]problem (expected)`):
    /// unreadable and empty files, JSON, columns, `dataset.json` settings and `layers`, CRSs,
    /// Shapefiles and other files GDAL reads, ids and parents.
    static let datasetFiles: [Message] = [
        Message("problem.file.empty", en: "empty file", zh: "文件为空"),
        Message("problem.file.cannot_read", en: "cannot read: {detail}", zh: "无法读取：{detail}"),
        Message("problem.file.roads_csv", en: "roads need line geometry, which CSV cannot carry", zh: "道路需要线几何图形，CSV 无法表示"),
        Message("problem.json.invalid", en: "invalid JSON: {detail}", zh: "JSON 无效：{detail}"),
        Message("problem.json.invalid_at_line", en: "invalid JSON at line {line}: {detail}", zh: "JSON 无效（第{line}行）：{detail}"),
        Message(
            "problem.json.invalid_at_line_column", en: "invalid JSON at line {line}, column {column}: {detail}",
            zh: "JSON 无效（第{line}行第{column}列）：{detail}"),
        Message("problem.json.not_object", en: "not a JSON object", zh: "不是 JSON 对象"),
        Message("problem.at_line", en: "{problem} (at line {line})", zh: "{problem}（第{line}行）"),
        Message("problem.at_line_column", en: "{problem} (at line {line}, column {column})", zh: "{problem}（第{line}行第{column}列）"),
        Message("problem.geojson.properties", en: "properties is not an object", zh: "properties 不是对象"),
        Message("problem.geojson.not_feature", en: "'{type}' where a Feature was expected", zh: "此处应为 Feature，实际为 '{type}'"),
        Message("problem.column.missing", en: "missing required column", zh: "缺少必需的列"),
        Message("problem.column.no_coordinates", en: "missing coordinate columns", zh: "缺少坐标列"),
        Message("problem.column.both_map", en: "both columns map to {field}", zh: "两列都对应字段 {field}"),
        Message(
            "problem.column.no_such", en: "no such column (dataset.json maps it to {field})",
            zh: "没有这一列（dataset.json 把它对应到 {field}）"),
        Message("problem.setting.not_string", en: "{key} is not a string", zh: "{key} 不是字符串"),
        Message("problem.setting.not_nonempty_string", en: "{key} is not a non-empty string", zh: "{key} 不是非空字符串"),
        Message("problem.setting.not_object", en: "{key} is not an object", zh: "{key} 不是对象"),
        Message(
            "problem.setting.encoding_not_shapefile", en: "an encoding applies to Shapefiles only", zh: "只有 Shapefile 可以指定编码"),
        Message("problem.layers.unknown_entity", en: "unknown entity '{entity}'", zh: "未知的对象类型 '{entity}'"),
        Message("problem.layers.not_column", en: "not a column name", zh: "不是列名"),
        Message("problem.layers.unknown_setting", en: "unknown setting '{key}'", zh: "未知的设置 '{key}'"),
        Message("problem.crs.unknown", en: "unknown CRS '{crs}'", zh: "未知的坐标系 '{crs}'"),
        Message("problem.crs.not_crs", en: "'{crs}' is not a coordinate reference system", zh: "'{crs}' 不是坐标参照系"),
        Message("problem.crs.no_transformation", en: "no transformation from {from} to {to}", zh: "没有从 {from} 到 {to} 的坐标转换"),
        Message(
            "problem.crs.axis_order", en: "cannot normalize axis order from {from} to {to}", zh: "无法统一从 {from} 到 {to} 的坐标轴顺序"),
        Message(
            "problem.crs.cannot_convert", en: "cannot convert ({x}, {y}) from {from} to {to}",
            zh: "无法把 ({x}, {y}) 从 {from} 转换到 {to}"),
        Message(
            "problem.crs.cannot_convert_point", en: "cannot convert point {n} ({x}, {y}) from {from} to {to}",
            zh: "无法把第 {n} 个点 ({x}, {y}) 从 {from} 转换到 {to}"),
        Message("problem.crs.with_detail", en: "{problem}: {detail}", zh: "{problem}（PROJ：{detail}）"),
        Message(
            "problem.crs.geographic", en: "'{crs}' is geographic; distances need a projected CRS",
            zh: "'{crs}' 是地理坐标系；计算距离需要投影坐标系"),
        Message(
            "problem.building.no_community", en: "building '{id}' names no community and lies in none",
            zh: "楼栋 '{id}' 没有填写社区，也不在任何社区范围内"),
        Message(
            "problem.building.households_differ", en: "households is {given} but {file} lists {count} for building '{id}'",
            zh: "户数为 {given}，但 {file} 为楼栋 '{id}' 列出 {count} 户"),
        Message("problem.parent.unknown_community", en: "unknown community '{id}'", zh: "未知的社区 '{id}'"),
        Message("problem.parent.unknown_grid", en: "unknown grid '{id}'", zh: "未知的网格 '{id}'"),
        Message("problem.parent.unknown_building", en: "unknown building '{id}'", zh: "未知的楼栋 '{id}'"),
        Message("problem.id.duplicate", en: "duplicate id '{id}' (first at {first})", zh: "编号 '{id}' 重复（首次出现在{first}）"),
        Message("problem.shapefile.sidecar_missing", en: "{file} is missing", zh: "缺少 {file}"),
        Message(
            "problem.shapefile.unknown_encoding", en: "unknown encoding '{encoding}' (dataset.json layers.{layer}.encoding)",
            zh: "未知的编码 '{encoding}'（dataset.json 的 layers.{layer}.encoding）"),
        Message(
            "problem.shapefile.recode", en: "text could not be read as {encoding}: {warning}",
            zh: "文字无法按 {encoding} 读取：{warning}"),
        Message("problem.shapefile.unreadable", en: "cannot read the .shp or .shx", zh: "无法读取 .shp 或 .shx"),
        Message("problem.shapefile.not_index", en: "{file} is not a Shapefile index", zh: "{file} 不是 Shapefile 索引"),
        Message(
            "problem.shapefile.damaged_header", en: "{file} is not a Shapefile (its header is damaged)",
            zh: "{file} 不是 Shapefile（文件头已损坏）"),
        Message(
            "problem.shapefile.truncated", en: "the index points outside {file} (the file is truncated or corrupt)",
            zh: "索引指向 {file} 之外（文件被截断或已损坏）"),
        Message(
            "problem.shapefile.corrupt_record", en: "the record is corrupt (shape type {type}, the file declares {declared})",
            zh: "记录已损坏（形状类型 {type}，文件声明的是 {declared}）"),
        Message("problem.gdal.cannot_be_read", en: "cannot be read: {detail}", zh: "无法读取：{detail}"),
        Message(
            "problem.gdal.no_sheet", en: "no sheet named '{name}' (dataset.json layers.{layer})",
            zh: "没有名为 '{name}' 的工作表（dataset.json 的 layers.{layer}）"),
        Message(
            "problem.gdal.no_layer", en: "no layer named '{name}' (dataset.json layers.{layer})",
            zh: "没有名为 '{name}' 的图层（dataset.json 的 layers.{layer}）"),
        Message("problem.gdal.no_layers", en: "holds no layer", zh: "不含任何图层"),
        Message(
            "problem.gdal.roads_no_lines", en: "roads need line geometry, which this layer does not have",
            zh: "道路需要线几何图形，此图层没有"),
        Message("value.empty", en: "empty", zh: "空值"),
        Message("value.array", en: "an array", zh: "数组"),
        Message("value.object", en: "an object", zh: "对象"),
        Message("expected.csv.header_and_rows", en: "a header row and data rows", zh: "表头行和数据行"),
        Message("expected.csv.utf8_header", en: "UTF-8 CSV with a header row", zh: "带表头行的 UTF-8 CSV"),
        Message("expected.csv.valid", en: "valid CSV", zh: "有效的 CSV"),
        Message("expected.columns", en: "columns {columns}", zh: "列 {columns}"),
        Message("expected.columns.coordinates", en: "columns lon and lat, or x and y", zh: "lon 和 lat 列，或 x 和 y 列"),
        Message(
            "expected.columns.coordinates_planner", en: "columns lon and lat (经度, 纬度), or x and y",
            zh: "lon 和 lat 列（经度、纬度），或 x 和 y 列"),
        Message(
            "expected.column.one_per_field",
            en: "one column per field (name the one to use in dataset.json layers.{layer}.fields)",
            zh: "每个字段一列（在 dataset.json 的 layers.{layer}.fields 中指定要用的列）"),
        Message("expected.column.of_file", en: "a column of the file: {columns}", zh: "文件中的列：{columns}"),
        Message("expected.object_or_null", en: "an object or null", zh: "对象或 null"),
        Message("expected.geojson.feature", en: "\"type\": \"Feature\"", zh: "\"type\": \"Feature\"（要素）"),
        Message(
            "expected.crs.known", en: "a CRS PROJ knows (EPSG:4326, EPSG:4490, EPSG:4547, ...), GCJ-02 or BD-09",
            zh: "PROJ 认识的坐标系（EPSG:4326、EPSG:4490、EPSG:4547 等）、GCJ-02 或 BD-09"),
        Message(
            "expected.crs.working", en: "auto, or a projected CRS in metres that PROJ knows (EPSG:4547, EPSG:32650, ...)",
            zh: "auto，或 PROJ 认识的以米为单位的投影坐标系（EPSG:4547、EPSG:32650 等）"),
        Message("expected.crs.projected", en: "a projected CRS", zh: "投影坐标系"),
        Message("expected.crs.area_of_use", en: "coordinates inside the area of use of {crs}", zh: "{crs} 适用范围内的坐标"),
        Message(
            "expected.settings.object", en: "{\"name\": \"...\", \"crs\": \"EPSG:4326\", \"working_crs\": \"auto\"}",
            zh: "JSON 对象，如 {\"name\": \"...\", \"crs\": \"EPSG:4326\", \"working_crs\": \"auto\"}"),
        Message(
            "expected.layers.entry",
            en:
                "an object such as {\"file\": \"楼栋.xlsx\", \"sheet\": \"Sheet1\", \"crs\": \"GCJ-02\", \"fields\": {\"id\": \"楼栋代码\"}}",
            zh: "对象，如 {\"file\": \"楼栋.xlsx\", \"sheet\": \"Sheet1\", \"crs\": \"GCJ-02\", \"fields\": {\"id\": \"楼栋代码\"}}"),
        Message("expected.layers.object", en: "an object keyed by entity name", zh: "以对象类型名为键的对象"),
        Message("expected.layers.fields", en: "{\"households\": \"实有户数\", ...}", zh: "对象，如 {\"households\": \"实有户数\", ...}"),
        Message("expected.layers.column", en: "the column's name as written in the file", zh: "文件中写的列名"),
        Message(
            "expected.layers.settings", en: "file, sheet, layer, encoding, crs or fields",
            zh: "file、sheet、layer、encoding、crs 或 fields"),
        Message("expected.id_in", en: "an id in {file}", zh: "{file} 中的编号"),
        Message("expected.id.unique", en: "ids unique within the file", zh: "文件内编号不重复"),
        Message(
            "expected.building.community", en: "a community_id, or a point inside a community polygon",
            zh: "community_id，或位于社区范围内的点"),
        Message("expected.building.same_households", en: "the same number in both files", zh: "两个文件中的数字相同"),
        Message("expected.shapefile.sidecars", en: "the .shp, .shx and .dbf files side by side", zh: ".shp、.shx 和 .dbf 文件放在一起"),
        Message(
            "expected.shapefile.intact", en: "an intact Shapefile (.shp, .shx and .dbf written together)",
            zh: "完整的 Shapefile（.shp、.shx 和 .dbf 一起写出）"),
        Message(
            "expected.shapefile.encoding", en: "an encoding name such as UTF-8, GBK, CP936 or GB18030",
            zh: "编码名称，如 UTF-8、GBK、CP936 或 GB18030"),
        Message(
            "expected.shapefile.one_encoding",
            en: "one encoding for the whole file (name it in dataset.json layers.{layer}.encoding)",
            zh: "整个文件使用同一种编码（在 dataset.json 的 layers.{layer}.encoding 中指定）"),
        Message(
            "expected.setting.no_encoding", en: "no encoding for this file (its format states its own)", zh: "此文件不指定编码（其格式自带编码）"),
        Message(
            "expected.gdal.shapefile", en: "an ESRI Shapefile (.shp with .shx and .dbf)", zh: "ESRI Shapefile（.shp 及 .shx 和 .dbf）"
        ),
        Message("expected.gdal.geopackage", en: "a GeoPackage", zh: "GeoPackage 文件"),
        Message("expected.gdal.xlsx", en: "an Excel workbook (.xlsx)", zh: "Excel 工作簿（.xlsx）"),
        Message("expected.gdal.kml", en: "a KML or KMZ file", zh: "KML 或 KMZ 文件"),
        Message("expected.gdal.filegdb", en: "an Esri file geodatabase folder (.gdb)", zh: "Esri 文件地理数据库文件夹（.gdb）"),
        Message(
            "expected.gdal.any", en: "a file GDAL reads (Shapefile, GeoPackage, KML, FileGDB, XLSX)",
            zh: "GDAL 能读取的文件（Shapefile、GeoPackage、KML、FileGDB、XLSX）"),
        Message("expected.gdal.line_layer", en: "a layer of LineString or MultiLineString", zh: "LineString 或 MultiLineString 图层")
    ]
}

extension Catalogue {
    /// `crs convert` and `crs.convert`: a line or point that cannot be converted; the standards file.
    static let conversionAndStandards: [Message] = [
        Message(
            "conversion.line.not_numbers", en: "expected two numbers 'x y' (or 'lon lat'), got '{line}'",
            zh: "应为两个数 'x y'（或 'lon lat'），实际为 '{line}'"),
        Message("conversion.line.failed", en: "stdin:line {line}: {problem}", zh: "stdin:第{line}行: {problem}"),
        Message(
            "conversion.lines.failed", en: "{failures} of {lines} lines could not be converted",
            zh: "{lines} 行中有 {failures} 行无法转换"),
        Message("conversion.point.not_finite", en: "not a finite number", zh: "不是有限数"),
        Message("expected.crs.two_finite", en: "two finite numbers", zh: "两个有限数"),
        Message("problem.standards.unreadable", en: "cannot read the standards file", zh: "无法读取标准文件"),
        Message("expected.standards.readable", en: "a readable JSON file", zh: "可读取的 JSON 文件"),
        Message("problem.standards.invalid", en: "not a standards file: {detail}", zh: "不是标准文件：{detail}"),
        Message(
            "expected.standards.layout", en: "{\"rules\": [{\"id\", \"value\", \"unit\", \"description\", \"source\"}]}",
            zh: "JSON 对象 {\"rules\": [{\"id\", \"value\", \"unit\", \"description\", \"source\"}]}"),
        Message(
            "error.stdout_unwritable", en: "gridplan: cannot write the result to stdout: {reason}",
            zh: "gridplan：无法把结果写到标准输出：{reason}")
    ]
}
