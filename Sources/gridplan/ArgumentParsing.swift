import GridFormats
import GridLocale
import GridService

/// A command-line mistake: printed with the command's usage line, exit 64.
struct ArgumentError: Error {
    var key: String
    var arguments: [String: String]
    init(_ key: String, _ arguments: [String: String]) { self.key = key; self.arguments = arguments }
    /// The English text.
    var message: String { text(.en) }
    func text(_ language: Language) -> String { language.tr(key, arguments) }
}

/// What the arguments after the command words ask for.
enum ParsedArguments {
    case help
    case version
    /// The parameter object, keyed by the fields' snake_case names (what JSON-RPC receives).
    case parameters(JSONObject)
}

/// Parses arguments by a command's field table into the JSON object the operation decodes:
/// `--opt value`, `--opt=value`, flags, repeated list options, positional arguments; values of
/// numeric fields become JSON numbers, so that the same decoding checks them as over JSON-RPC.
enum ArgumentParsing {
    static func parse(_ arguments: [String], fields: [OptionField]) throws -> ParsedArguments {
        var members: [(key: String, value: JSONValue)] = []
        var spelledAs: [String: String] = [:]
        var positionals = fields.filter(\.positional)
        var index = 0
        func set(_ field: OptionField, _ value: JSONValue, spelling: String) throws {
            if let i = members.firstIndex(where: { $0.key == field.name }) {
                if field.isList, case .array(let old) = members[i].value, case .array(let new) = value {
                    members[i].value = .array(old + new)
                    return
                }
                if let earlier = spelledAs[field.name], earlier != spelling, members[i].value != value {
                    throw ArgumentError("error.conflicting_spellings", ["earlier": earlier, "spelling": spelling])
                }
                members[i].value = value
            } else {
                members.append((key: field.name, value: value))
            }
            spelledAs[field.name] = spelling
        }
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if !onlyPositionals && argument == "--" { onlyPositionals = true; continue }
            if !onlyPositionals && (argument == "-h" || argument == "--help") { return .help }
            if !onlyPositionals && argument == "--version" { return .version }
            if !onlyPositionals && argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                let spelling = "--" + name
                guard let field = fields.first(where: { $0.flag == spelling || $0.aliases.contains(name) }) else {
                    throw ArgumentError("error.unknown_option", ["option": spelling])
                }
                if field.isFlag {
                    switch inline {
                    case nil, "true"?: try set(field, true, spelling: spelling)
                    case "false"?: try set(field, false, spelling: spelling)
                    case let v?: throw ArgumentError("error.flag_value", ["option": spelling, "value": v])
                    }
                    continue
                }
                let text: String
                if let inline {
                    text = inline
                } else {
                    guard index < arguments.count else {
                        throw ArgumentError("error.missing_value", ["option": spelling, "placeholder": field.placeholder])
                    }
                    text = arguments[index]
                    index += 1
                }
                try set(field, try value(text, for: field, spelling: spelling), spelling: spelling)
                continue
            }
            if !onlyPositionals && argument.count > 1 && argument.hasPrefix("-") && Double(argument) == nil {
                throw ArgumentError("error.unknown_option", ["option": argument])
            }
            guard !positionals.isEmpty else { throw ArgumentError("error.unexpected_argument", ["argument": argument]) }
            let field = positionals.removeFirst()
            try set(field, try value(argument, for: field, spelling: field.displayName), spelling: field.displayName)
        }
        for f in fields where f.requirement != .optional && !members.contains(where: { $0.key == f.name }) {
            throw ArgumentError(
                "error.missing_argument", ["argument": f.positional ? f.displayName : "\(f.flag) <\(f.placeholder)>"])
        }
        return .parameters(JSONObject(members: members))
    }

    /// The JSON value of one argument: numbers for numeric fields, a one-element array for
    /// lists (split at commas when decoded), text otherwise (choices are checked when decoded).
    static func value(_ text: String, for field: OptionField, spelling: String) throws -> JSONValue {
        switch field.kind {
        case .integer:
            guard let n = Int(text) else { throw ArgumentError("error.expected_integer", ["option": spelling, "value": text]) }
            return .number(JSONNumber(n))
        case .number:
            guard let n = Double(text), n.isFinite else {
                throw ArgumentError("error.expected_number", ["option": spelling, "value": text])
            }
            return .number(JSONNumber(n))
        case .textList, .choiceList: return .array([.string(text)])
        case .objectList: return try JSONArgumentFile.read(text, option: spelling)
        case .flag, .text, .choice, .coordinatePairs: return .string(text)
        }
    }
}
