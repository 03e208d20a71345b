import Foundation
import GridFormats
import GridLocale
import GridMCP
import GridModel
import GridRPC
import GridService
import GridWeb

/// The command line: finds the command by its words, parses its options by the command's
/// field table, runs the operation and prints its document. Returns the exit code.
enum CommandLineInterface {
    /// The language of help, usage errors and messages: `--lang` among the arguments, else the
    /// environment (`Language.resolve`); a `--lang` naming no language is refused by the option's
    /// own check, meanwhile the environment's language is used.
    static func language(_ arguments: [String]) -> Language {
        var option: String?
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == SharedFields.lang.flag, index + 1 < arguments.count {
                option = arguments[index + 1]; index += 1
            } else if argument.hasPrefix(SharedFields.lang.flag + "=") {
                option = String(argument.dropFirst(SharedFields.lang.flag.count + 1))
            }
            index += 1
        }
        return (try? Language.resolve(option: option)) ?? (try? Language.resolve(option: nil)) ?? .en
    }

    static func run(_ arguments: [String]) -> Int32 {
        let l = language(arguments)
        StandardOutput.language = l
        var path: [String] = []
        var rest = arguments[...]
        while let word = rest.first, CommandSpec.children(of: path).contains(word) {
            path.append(word)
            rest = rest.dropFirst()
            if CommandSpec.command(path) != nil { break }
        }
        guard let spec = CommandSpec.command(path) else {
            // A group, or nothing: `gridplan report --html FILE` is `report html`; otherwise help.
            if path == ["report"], let first = rest.first, first != "-h", first != "--help",
                let html = CommandSpec.command(["report", "html"])
            {
                return run(html, Array(rest), l)
            }
            if let first = rest.first {
                if first == "--version" && path.isEmpty { StandardOutput.write(GridplanVersion.current + "\n"); return 0 }
                let isLang = first == SharedFields.lang.flag || first.hasPrefix(SharedFields.lang.flag + "=")
                if first != "-h" && first != "--help" && first != "help" && !isLang {
                    let name = (["gridplan"] + path).joined(separator: " ")
                    let choices = ChoiceSet.alternatives(CommandSpec.children(of: path), l)
                    printError(
                        l.tr("error.prefix", ["message": l.tr("error.unknown_command", ["word": first, "choices": choices])]))
                    printError(l.tr("error.usage.group", ["name": name]))
                    return 64
                }
            }
            StandardOutput.write(HelpText.group(path, l))
            return 0
        }
        return run(spec, Array(rest), l)
    }

    static func run(_ spec: CommandSpec, _ arguments: [String], _ l: Language) -> Int32 {
        do {
            switch try ArgumentParsing.parse(arguments, fields: spec.fields) {
            case .help: StandardOutput.write(HelpText.command(spec, l)); return 0
            case .version: StandardOutput.write(GridplanVersion.current + "\n"); return 0
            case .parameters(var object):
                let db = object["db"]?.stringValue
                object.members.removeAll { $0.key == "db" }
                return try execute(spec, object, db: db, language: l)
            }
        } catch let e as ArgumentError {
            let name = (["gridplan"] + spec.path).joined(separator: " ")
            printError(
                l.tr("error.prefix", ["message": e.text(l)]) + "\n"
                    + l.tr("error.usage", ["usage": HelpText.usage(spec), "name": name]))
            return 64
        } catch {
            let c = ErrorClassification(error, language: l)
            printError(c.message)
            return c.exitCode
        }
    }

    static func execute(_ spec: CommandSpec, _ object: JSONObject, db: String?, language: Language) throws -> Int32 {
        var object = object
        if case .databaseInit = spec.action {
            StandardOutput.write(
                try DatabaseAdministration.initialize(db: ServiceContext.resolveDatabasePath(db), language: language))
            return 0
        }
        if case .databaseGrant = spec.action {
            let values = try OptionValues(object, fields: spec.fields.filter { $0.name != "db" })
            StandardOutput.write(
                try DatabaseAdministration.grant(
                    db: ServiceContext.resolveDatabasePath(db), role: try values.text("role") ?? "",
                    datasets: try values.list("dataset") ?? [], city: try values.flag("city") ?? false,
                    households: try values.flag("households") ?? false, language: language))
            return 0
        }
        if case .crsConvert = spec.action, let lang = object[SharedFields.lang.name] {
            // `crs convert` reads no `lang` itself: the language is already resolved; a wrong one is refused.
            _ = try Language.resolve(option: lang.stringValue)
            object.members.removeAll { $0.key == SharedFields.lang.name }
        }
        switch spec.action {
        case .operation(let operation):
            let context = ServiceContext(
                db: db, progress: StderrProgress(language: language), note: { printError($0) }, language: language)
            let output = try operation.execute(object, context: context, defaultFormat: .table)
            for m in output.messages { printError(m) }
            if let document = output.document { try StandardOutput.print(document) }
            return 0
        case .databaseInit, .databaseGrant:
            return 0
        case .crsConvert:
            let values = try OptionValues(object, fields: CRSConvertOptions.systems)
            return try CRSConvertCommand.run(
                from: try values.text("from") ?? "", to: try values.text("to") ?? "", language: language)
        case .rpc:
            let values = try OptionValues(object, fields: spec.fields.filter { $0.name != "db" })
            let context = ServiceContext(db: db, progress: SilentProgress(), note: { printError($0) }, language: language)
            StdioTransport.serve(
                context: context, methods: MethodTable.all, maxLineBytes: try values.integer("max_message_bytes") ?? 64 << 20)
            return 0
        case .mcp:
            let values = try OptionValues(object, fields: spec.fields.filter { $0.name != "db" })
            let settings = AssistantSettings(
                language: try Self.language(try values.text("lang")),
                allowHouseholdData: try values.flag("allow_household_data") ?? false,
                maxMessageBytes: try values.integer("max_message_bytes") ?? 64 << 20)
            let context = ServiceContext(db: db, progress: SilentProgress(), note: { printError($0) })
            let server = AssistantServer(context: context, settings: settings)
            let finished = DispatchSemaphore(value: 0)
            let failure = ErrorBox()
            Task {
                do { try await server.serve() } catch { failure.error = error }
                finished.signal()
            }
            finished.wait()
            if let error = failure.error { throw error }
            return 0
        case .serve:
            let values = try OptionValues(object, fields: spec.fields.filter { $0.name != "db" })
            let settings = try serveSettings(values)
            let context = ServiceContext(
                db: db, progress: SilentProgress(), note: { printError($0) }, language: settings.language)
            let finished = DispatchSemaphore(value: 0)
            let failure = ErrorBox()
            Task {
                do {
                    try await WorkspaceServer.serve(
                        context: context, settings: settings, announce: { StandardOutput.write($0 + "\n") },
                        note: { printError($0) })
                } catch { failure.error = error }
                finished.signal()
            }
            finished.wait()
            if let error = failure.error { throw error }
            return 0
        }
    }
}

extension CommandLineInterface {
    /// The language asked for (`--lang`, `GRIDPLAN_LANG`, the locale); an unknown one is a usage error.
    static func language(_ option: String?) throws -> Language {
        do { return try Language.resolve(option: option) } catch let error as LanguageError {
            throw UsageError(error.description)
        }
    }
}

extension CommandLineInterface {
    /// The workspace server's settings from `gridplan serve`'s options: a token from `--token-file`,
    /// or a generated one when the address is not loopback.
    static func serveSettings(_ values: OptionValues) throws -> WorkspaceSettings {
        let host = try values.text("host") ?? "127.0.0.1"
        var token: String?
        if let file = try values.text("token_file") {
            let text = (try? String(contentsOfFile: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let text, text.count >= 16, !text.contains(where: { $0.isWhitespace || $0 == ";" }) else {
                throw UsageError(key: "usage.serve.token_file", ["file": file])
            }
            token = text
        } else if !WorkspaceSettings.isLoopback(host) {
            token = RequestGuard.generate()
        }
        let lang = try values.text("lang")
        let language = lang == nil ? Language.zh : try Self.language(lang)
        let outputDirectory = try values.text("output_dir")
        if let outputDirectory, OutputRule(directory: outputDirectory).directory == nil {
            throw UsageError(key: "usage.serve.output_dir", ["dir": outputDirectory])
        }
        return WorkspaceSettings(
            host: host, port: try values.integer("port") ?? 8080, token: token,
            allowHouseholdData: try values.flag("allow_household_data") ?? false, language: language,
            maxBodyBytes: try values.integer("max_body_bytes") ?? 1 << 20,
            methodSeconds: try values.number("time_limit") ?? 300,
            maxConcurrentMethods: try values.integer("max_concurrent") ?? 4,
            outputDirectory: outputDirectory.flatMap { OutputRule(directory: $0).directory })
    }
}

/// The error an asynchronous server ended with, handed back to the synchronous command line.
private final class ErrorBox: @unchecked Sendable {
    var error: Error?
}
