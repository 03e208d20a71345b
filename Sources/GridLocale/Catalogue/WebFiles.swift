extension Catalogue {
    /// `gridplan serve`: files written on the server (`--output-dir`), downloads (`/api/export`)
    /// and the map's `network` parameter.
    static let webFiles: [Message] = [
        Message(
            "help.serve.output_dir",
            en: "Folder where methods called from the page may write files (out: a name inside it); without it they may not.",
            zh: "页面调用的方法可写入文件的文件夹（out 须为其中的相对名称）；未指定时不允许写文件。"),
        Message(
            "usage.serve.output_dir", en: "--output-dir {dir}: expected an existing folder",
            zh: "--output-dir {dir}：应为已存在的文件夹"),
        Message(
            "web.refused.out_off",
            en:
                "{method} with out writes a file on the server: start gridplan serve with --output-dir DIR to allow it, or download the table with /api/export",
            zh: "{method} 使用 out 会在服务器上写文件：如需写文件，请以 --output-dir DIR 启动 gridplan serve，或通过 /api/export 下载表格"),
        Message(
            "web.refused.out_path",
            en:
                "out \"{out}\" of {method}: expected a relative name inside the output folder (no .., no absolute path, no link leading out)",
            zh: "{method} 的 out“{out}”：应为输出文件夹内的相对名称（不得含 ..、绝对路径或指向文件夹外的链接）"),
        Message(
            "web.error.export_method",
            en:
                "/api/export: {method} is not a read-only method with a {format} table (method=, format=csv or xlsx, params= a JSON object)",
            zh: "/api/export：{method} 不是可输出 {format} 表格的只读方法（method=，format=csv 或 xlsx，params= JSON 对象）"),
        Message(
            "web.error.network", en: "network must be true (coverage along the walking network) or false",
            zh: "network 应为 true（沿步行路网计算覆盖）或 false"),
        Message(
            "web.error.export_params", en: "/api/export: params must be a JSON object ({detail})",
            zh: "/api/export：params 应为 JSON 对象（{detail}）")
    ]
}
