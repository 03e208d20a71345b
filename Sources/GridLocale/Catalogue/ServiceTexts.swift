extension Catalogue {
    /// Texts of the service layer and the front ends that were English literals: siting usage
    /// errors raised by the analyses, the accessibility catchment and the applied standard's
    /// source in tables, and the JSON-RPC standard errors' human part.
    static let serviceTexts: [Message] = [
        Message(
            "usage.site.no_candidates", en: "no candidate sites: import candidates.csv or use --candidates generated",
            zh: "没有候选点：请导入 candidates.csv，或使用 --candidates generated"),
        Message(
            "usage.site.capacity_objective", en: "--capacity area: expected --objective cover or distance (got {objective})",
            zh: "--capacity area：--objective 应为 cover 或 distance（实际为 {objective}）"),
        Message(
            "table.coverage.catchment",
            en: "each counted facility's reach: street and district level {street} m, others {others} m",
            zh: "各计入设施的服务半径：街道级和区级 {street} 米，其他 {others} 米"),
        Message("table.coverage.catchment.straight", en: ", straight line", zh: "，直线距离"),
        Message("table.coverage.catchment.network", en: ", walked along the network (access legs included)", zh: "，沿步行路网（含接入段）"),
        Message("table.coverage.catchment.costs", en: ", by the cost table (--costs)", zh: "，按成本表（--costs）"),
        Message("table.coverage.catchment.gaussian", en: ", Gaussian decay within it", zh: "，范围内按高斯函数衰减"),
        Message("table.area.source.default", en: "gridplan default", zh: "gridplan 默认值"),
        Message("table.area.source.command_line", en: "command line (--standard)", zh: "命令行（--standard）"),
        Message("error.rpc.parse", en: "Parse error: {message}", zh: "解析错误：{message}"),
        Message("error.rpc.invalid_request", en: "Invalid Request: {message}", zh: "无效请求：{message}"),
        Message("error.rpc.method_not_found", en: "Method not found: {method}", zh: "方法不存在：{method}"),
        Message("error.rpc.request.oversize", en: "message longer than {limit} bytes", zh: "消息超过 {limit} 字节"),
        Message("error.rpc.request.empty_batch", en: "empty batch", zh: "批量请求为空"),
        Message("error.rpc.request.not_object", en: "a request is a JSON object", zh: "请求应为 JSON 对象"),
        Message("error.rpc.request.id", en: "id must be a string, a number or null", zh: "id 应为字符串、数字或 null"),
        Message("error.rpc.request.version", en: "\"jsonrpc\" must be \"2.0\"", zh: "\"jsonrpc\" 应为 \"2.0\""),
        Message("error.rpc.request.method", en: "\"method\" must be a string", zh: "\"method\" 应为字符串"),
        Message("error.rpc.request.params", en: "\"params\" must be an object", zh: "\"params\" 应为对象"),
        Message("error.rpc.request.by_name", en: "parameters are taken by name (an object)", zh: "参数按名称传递（应为对象）")
    ]
}

extension Catalogue {
    /// Failures of the C libraries' wrappers (GDAL reading and writing planners' files,
    /// libxlsxwriter writing workbooks): what failed, then the library's own words.
    static let libraryErrors: [Message] = [
        Message("error.gdal.remote_read", en: "remote or virtual paths are not read: {path}", zh: "不读取远程或虚拟路径：{path}"),
        Message("error.gdal.cannot_open", en: "GDAL cannot open {path} as vector data", zh: "GDAL 无法把 {path} 作为矢量数据打开"),
        Message("error.gdal.remote_write", en: "remote or virtual paths are not written: {path}", zh: "不写入远程或虚拟路径：{path}"),
        Message("error.gdal.no_driver", en: "GDAL has no driver {driver}", zh: "GDAL 没有驱动 {driver}"),
        Message("error.gdal.cannot_create", en: "GDAL cannot create {path} as {driver}", zh: "GDAL 无法以 {driver} 格式创建 {path}"),
        Message("error.gdal.cannot_read_feature", en: "cannot read the next feature of {layer}", zh: "无法读取 {layer} 的下一个要素"),
        Message("error.gdal.unknown_crs", en: "GDAL does not know the CRS {crs}", zh: "GDAL 不认识坐标系 {crs}"),
        Message(
            "error.gdal.cannot_create_layer", en: "GDAL cannot create the layer {layer} in {path}",
            zh: "GDAL 无法在 {path} 中创建图层 {layer}"),
        Message(
            "error.gdal.cannot_add_field", en: "GDAL cannot add the field {field} to {layer}", zh: "GDAL 无法向 {layer} 添加字段 {field}"
        ),
        Message(
            "error.gdal.field_renamed", en: "GDAL did not keep the field name {field} in {layer}",
            zh: "GDAL 没有保留 {layer} 中的字段名 {field}"),
        Message(
            "error.gdal.cannot_write_feature", en: "GDAL cannot write feature {n} of {layer}", zh: "GDAL 无法写入 {layer} 的第 {n} 个要素"),
        Message("error.gdal.with_detail", en: "{what}: {detail}", zh: "{what}（GDAL：{detail}）"),
        Message("error.workbook.no_sheets", en: "{path}: a workbook needs at least one sheet", zh: "{path}：工作簿至少需要一个工作表"),
        Message("error.workbook.cannot_create", en: "{path}: cannot create the workbook", zh: "{path}：无法创建工作簿"),
        Message("error.workbook.cannot_add_sheet", en: "{path}: cannot add the sheet {sheet}", zh: "{path}：无法添加工作表 {sheet}"),
        Message("error.workbook.library", en: "{place}: {reason}", zh: "{place}：{reason}（libxlsxwriter）")
    ]
}
