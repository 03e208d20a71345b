import GridService

/// One command of the CLI: its words, its help and its options, and what it runs. Every
/// command but three is a declared operation; `crs convert` (a stream filter), `rpc` and `mcp`
/// (the servers) exist only on the command line, declared here with the same field type.
struct CommandSpec {
    enum Action {
        case operation(OperationDeclaration)
        case crsConvert
        case rpc
        case mcp
    }

    var path: [String]
    var summary: String
    var discussion: String
    /// The options as the command line offers them (`--db` first).
    var fields: [OptionField]
    var action: Action

    /// `--db FILE`, for every command that opens the store.
    static let store = OptionField(
        "db", .text, help: "The store (a GeoPackage file). Default: $GRIDPLAN_DB or ./gridplan.gpkg.",
        valueName: "file", availability: .commandLineOnly)

    static let all: [CommandSpec] =
        OperationCatalogue.all.filter { !$0.commandPath.isEmpty }.map { op in
            CommandSpec(
                path: op.commandPath, summary: HelpText.catalogue.summary(op), discussion: HelpText.catalogue.discussion(op),
                fields: [store] + op.fields(for: .commandLine), action: .operation(op))
        }
        + [
            CommandSpec(
                path: ["crs", "convert"],
                summary: "Convert 'x y' (or 'lon lat') lines on stdin between CRSs, one output line per input line.",
                discussion: """
                    CRS: anything PROJ knows (EPSG:4326, EPSG:4490, EPSG:4547, a PROJ string) or GCJ-02 / BD-09. \
                    Geographic coordinates are always longitude first. A line that cannot be converted is written \
                    as '* *' and reported on stderr with its line number; the exit code is then 65.
                    """,
                fields: CRSConvertOptions.systems, action: .crsConvert),
            CommandSpec(
                path: ["rpc"], summary: "Serve JSON-RPC 2.0 on stdin/stdout (one message per line) until end of input.",
                discussion: "Methods mirror the commands (report.area, coverage, site, …); rpc.discover lists them.",
                fields: [
                    store,
                    OptionField(
                        "max_message_bytes", .integer, help: "Longest accepted message, bytes.",
                        valueName: "bytes", default: .number(.init(64 << 20)))
                ],
                action: .rpc),
            CommandSpec(
                path: ["mcp"],
                summary: "Serve the Model Context Protocol on stdin/stdout: every analysis as a tool for an assistant.",
                discussion: """
                    Tools are the operations (info, report_area, coverage, report_underserved, site, grids_plan, \
                    party_plan, report_party, report_compliance, crs_convert, inspect, import, export) with the same \
                    parameters as rpc; results are the commands' JSON as structured content with a short summary. \
                    Tools that write need apply: true; household-level data only with --allow-household-data. \
                    Resources: gridplan://standards, gridplan://dataset, gridplan://results/latest, \
                    gridplan://map/<theme>.svg. Prompts: find_underserved, propose_centers, check_party_network.
                    """,
                fields: [
                    store,
                    OptionField(
                        "allow_household_data", .flag,
                        help: "Let tools release household-level data (include_households); refused otherwise."),
                    OptionField(
                        "lang", .text,
                        help:
                            "Language of the summaries, prompts and refusals: zh or en (default $GRIDPLAN_LANG, then the locale).",
                        valueName: "zh|en"),
                    OptionField(
                        "max_message_bytes", .integer, help: "Longest accepted message, bytes.",
                        valueName: "bytes", default: .number(.init(64 << 20)))
                ],
                action: .mcp)
        ].map { $0.keyed() }

    /// The same command with its own fields' help keys (`rpc.max_message_bytes`, `crs.convert.from`).
    func keyed() -> CommandSpec {
        var c = self
        c.fields = fields.map { f in
            var f = f
            if !f.helpKey.contains(".") { f.helpKey = (path + [f.name]).joined(separator: ".") }
            return f
        }
        return c
    }

    /// The command with exactly these words.
    static func command(_ path: [String]) -> CommandSpec? { all.first { $0.path == path } }

    /// The words that may follow `prefix` (subcommands of a group, or the top-level commands).
    static func children(of prefix: [String]) -> [String] {
        var seen: [String] = []
        for c in all where c.path.count > prefix.count && Array(c.path.prefix(prefix.count)) == prefix {
            let word = c.path[prefix.count]
            if !seen.contains(word) { seen.append(word) }
        }
        return seen
    }

    /// A group's summary, or a command's.
    static func summary(of path: [String]) -> String {
        if let c = command(path) { return c.summary }
        return OperationCatalogue.groups.first { $0.path == path }?.summary ?? ""
    }
}
