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
