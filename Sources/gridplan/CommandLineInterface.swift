import Foundation
import GridFormats
import GridLocale
import GridMCP
import GridModel
import GridRPC
import GridService

/// The command line: finds the command by its words, parses its options by the command's
/// field table, runs the operation and prints its document. Returns the exit code.
enum CommandLineInterface {
    static func run(_ arguments: [String]) -> Int32 {
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
                return run(html, Array(rest))
            }
            if let first = rest.first {
                if first == "--version" && path.isEmpty { StandardOutput.write(GridplanVersion.current + "\n"); return 0 }
                if first != "-h" && first != "--help" && first != "help" {
                    let name = (["gridplan"] + path).joined(separator: " ")
                    printError(
                        "error: unknown command '\(first)' (expected \(ChoiceSet.alternatives(CommandSpec.children(of: path))))")
                    printError("Usage: \(name) <subcommand>\n  See '\(name) --help' for more information.")
                    return 64
                }
            }
            StandardOutput.write(HelpText.group(path))
            return 0
        }
        return run(spec, Array(rest))
    }

    static func run(_ spec: CommandSpec, _ arguments: [String]) -> Int32 {
        do {
            switch try ArgumentParsing.parse(arguments, fields: spec.fields) {
            case .help: StandardOutput.write(HelpText.command(spec)); return 0
            case .version: StandardOutput.write(GridplanVersion.current + "\n"); return 0
            case .parameters(var object):
                let db = object["db"]?.stringValue
                object.members.removeAll { $0.key == "db" }
                return try execute(spec, object, db: db)
            }
        } catch let e as ArgumentError {
            let name = (["gridplan"] + spec.path).joined(separator: " ")
            printError("error: \(e.message)\nUsage: \(HelpText.usage(spec))\n  See '\(name) --help' for more information.")
            return 64
        } catch {
            let c = ErrorClassification(error)
            printError(c.message)
            return c.exitCode
        }
    }

    static func execute(_ spec: CommandSpec, _ object: JSONObject, db: String?) throws -> Int32 {
        switch spec.action {
        case .operation(let operation):
            let context = ServiceContext(db: db, progress: StderrProgress(), note: { printError($0) })
            let output = try operation.execute(object, context: context, defaultFormat: .table)
            for m in output.messages { printError(m) }
            if let document = output.document { try StandardOutput.print(document) }
            return 0
        case .crsConvert:
            let values = try OptionValues(object, fields: CRSConvertOptions.systems)
            return try CRSConvertCommand.run(from: try values.text("from") ?? "", to: try values.text("to") ?? "")
        case .rpc:
            let values = try OptionValues(object, fields: spec.fields.filter { $0.name != "db" })
            let context = ServiceContext(db: db, progress: SilentProgress(), note: { printError($0) })
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

/// The error an asynchronous server ended with, handed back to the synchronous command line.
private final class ErrorBox: @unchecked Sendable {
    var error: Error?
}
