import GridLocale
import GridService

/// One command of the CLI: its words, its help and its options, and what it runs. Every
/// command but six is a declared operation; `crs convert` (a stream filter), `db init` and
/// `db grant` (the PostGIS administrator's), `rpc`, `mcp` and `serve` (the servers) exist only on
/// the command line, declared here with the same field type.
struct CommandSpec {
    enum Action {
        case operation(OperationDeclaration)
        case crsConvert
        case databaseInit
        case databaseGrant
        case rpc
        case mcp
        case serve
    }

    var path: [String]
    /// Catalogue keys of the summary and the longer help (`help.<method>.summary`, `help.cli.rpc.summary`).
    var summaryKey: String
    var discussionKey: String?
    /// The options as the command line offers them (`--db` first).
    var fields: [OptionField]
    var action: Action

    /// `--db FILE`, for every command that opens the store.
    static let store = OptionField(
        "db", .text, help: "The store (a GeoPackage file or a postgresql:// URI). Default: $GRIDPLAN_DB or ./gridplan.gpkg.",
        valueName: "file", availability: .commandLineOnly
    ).keyed("help.cli.db")

    static let all: [CommandSpec] =
        OperationCatalogue.all.filter { !$0.commandPath.isEmpty }.map { op in
            CommandSpec(
                path: op.commandPath, summaryKey: "help.\(op.method).summary",
                discussionKey: op.discussion.isEmpty ? nil : "help.\(op.method).discussion",
                fields: [store] + op.fields(for: .commandLine), action: .operation(op))
        }
        + [
            CommandSpec(
                path: ["crs", "convert"], summaryKey: "help.cli.crs.convert.summary",
                discussionKey: "help.cli.crs.convert.discussion",
                fields: CRSConvertOptions.systems.map { $0.keyed("help.crs.convert.\($0.name)") } + [SharedFields.lang],
                action: .crsConvert),
            CommandSpec(
                path: ["db", "init"], summaryKey: "help.cli.db.init.summary", discussionKey: "help.cli.db.init.discussion",
                fields: [store, SharedFields.lang], action: .databaseInit),
            CommandSpec(
                path: ["db", "grant"], summaryKey: "help.cli.db.grant.summary", discussionKey: "help.cli.db.grant.discussion",
                fields: [
                    store,
                    OptionField("role", .text, help: "The role to create or extend.", valueName: "role", requirement: .always)
                        .keyed("help.cli.db.grant.role"),
                    OptionField("dataset", .textList, help: "A district the role reads and writes.", valueName: "name")
                        .keyed("help.cli.db.grant.dataset"),
                    OptionField("city", .flag, help: "The role reads every district.").keyed("help.cli.db.grant.city"),
                    OptionField("households", .flag, help: "The role may read household rows.")
                        .keyed("help.cli.db.grant.households"),
                    SharedFields.lang
                ],
                action: .databaseGrant),
            CommandSpec(
                path: ["rpc"], summaryKey: "help.cli.rpc.summary", discussionKey: "help.cli.rpc.discussion",
                fields: [
                    store,
                    OptionField(
                        "max_message_bytes", .integer, help: "Longest accepted message, bytes.",
                        valueName: "bytes", default: .number(.init(64 << 20))
                    ).keyed("help.cli.rpc.max_message_bytes"),
                    SharedFields.lang
                ],
                action: .rpc),
            CommandSpec(
                path: ["mcp"], summaryKey: "help.mcp.summary", discussionKey: "help.mcp.discussion",
                fields: [
                    store,
                    OptionField(
                        "allow_household_data", .flag,
                        help: "Let tools release household-level data (include_households); refused otherwise."
                    ).keyed("help.mcp.allow_household_data"),
                    OptionField(
                        "lang", .text,
                        help:
                            "Language of the summaries, prompts and refusals: zh or en (default $GRIDPLAN_LANG, then the locale).",
                        valueName: "zh|en"
                    ).keyed("help.mcp.lang"),
                    OptionField(
                        "max_message_bytes", .integer, help: "Longest accepted message, bytes.",
                        valueName: "bytes", default: .number(.init(64 << 20))
                    ).keyed("help.mcp.max_message_bytes")
                ],
                action: .mcp),
            CommandSpec(
                path: ["serve"], summaryKey: "help.serve.summary", discussionKey: "help.serve.discussion",
                fields: [
                    store,
                    OptionField("host", .text, help: "Address to listen on.", valueName: "address", default: "127.0.0.1")
                        .keyed("help.serve.host"),
                    OptionField("port", .integer, help: "Port; 0 picks a free one.", valueName: "port", default: 8080)
                        .keyed("help.serve.port"),
                    OptionField("token_file", .text, help: "A file holding the access token.", valueName: "file")
                        .keyed("help.serve.token_file"),
                    OptionField("allow_household_data", .flag, help: "Let the page receive household-level data.")
                        .keyed("help.serve.allow_household_data"),
                    OptionField("lang", .text, help: "First language of the page: zh or en.", valueName: "zh|en")
                        .keyed("help.serve.lang"),
                    OptionField(
                        "max_body_bytes", .integer, help: "Largest request body, bytes.", valueName: "bytes",
                        default: .number(.init(1 << 20))
                    ).keyed("help.serve.max_body_bytes"),
                    OptionField(
                        "time_limit", .number, help: "Longest a method may take, seconds.", valueName: "seconds",
                        default: 300
                    ).keyed("help.serve.time_limit"),
                    OptionField("max_concurrent", .integer, help: "Methods at once.", valueName: "n", default: 4)
                        .keyed("help.serve.max_concurrent"),
                    OptionField("output_dir", .text, help: "Folder methods may write files into.", valueName: "dir")
                        .keyed("help.serve.output_dir")
                ],
                action: .serve)
        ]

    /// The summary in `language`.
    func summary(_ language: Language) -> String { language.tr(summaryKey) }

    /// The longer help in `language`, empty when there is none.
    func discussion(_ language: Language) -> String { discussionKey.map { language.tr($0) } ?? "" }

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
    static func summary(of path: [String], _ language: Language) -> String {
        if let c = command(path) { return c.summary(language) }
        return language.tr("help.group.\(path.joined(separator: "."))")
    }
}

extension OptionField {
    /// The same field with its help read from `key`.
    func keyed(_ key: String) -> OptionField { var f = self; f.helpKey = key; return f }
}
