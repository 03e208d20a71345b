import GridFormats
import GridLocale

/// One option of an operation, declared once: the RPC/JSON key, the CLI flag derived from it,
/// what it holds, its help and its default. The CLI parser, the help text, the JSON-RPC
/// parameter check, OpenRPC and the JSON Schema of the MCP tool all read this table.
public struct OptionField: Sendable {
    /// What a field holds.
    public enum Kind: Sendable {
        /// A flag on the command line, a boolean in JSON.
        case flag
        case integer
        case number
        case text
        /// Several texts: repeated flags and comma-separated values on the command line, an
        /// array (or one comma-separated string) in JSON.
        case textList
        /// One of an enumeration's values.
        case choice(ChoiceSet)
        /// Some of an enumeration's values, given as a list (repeated or comma-separated).
        case choiceList(ChoiceSet)
        /// `[[x, y], …]` (JSON only).
        case coordinatePairs
        /// An array of JSON objects (a scenario's edits): JSON clients send the array; on the
        /// command line the value is a JSON file holding it, `-` for standard input.
        case objectList
    }

    /// Where a field is required.
    public enum Requirement: Sendable {
        case optional
        /// On the command line only (`map --out`; over RPC its absence returns the text).
        case commandLine
        case always
    }

    /// Which front ends offer the field.
    public enum Availability: Sendable { case everywhere, commandLineOnly, rpcOnly }

    /// A front end: the command line, or a client sending JSON (JSON-RPC, MCP, the web workspace).
    public enum FrontEnd: Sendable { case commandLine, json }

    /// Whether `frontEnd` offers the field.
    public func isOffered(on frontEnd: FrontEnd) -> Bool {
        switch availability {
        case .everywhere: return true
        case .commandLineOnly: return frontEnd == .commandLine
        case .rpcOnly: return frontEnd == .json
        }
    }

    /// snake_case name: the JSON-RPC parameter and JSON key (`count_kinds`).
    public var name: String
    public var kind: Kind
    /// The help as declared in English. Not shown: help is read from the catalogue by
    /// `helpKey` (`help(in:)`); kept so a declaration states what the option is for and so
    /// branches declaring options this way merge without change.
    public var help: String
    /// The placeholder in help and usage (`<m>`); the flag's name when nil.
    public var valueName: String?
    /// Applied when the field is absent, and shown in help and OpenRPC.
    public var defaultValue: JSONValue?
    public var requirement: Requirement
    /// Taken by position on the command line (`import DIR`).
    public var positional: Bool
    /// Further command-line spellings (`--html` for `--out` of `report html`).
    public var aliases: [String]
    /// Left out of help (still accepted).
    public var hidden: Bool
    public var availability: Availability
    /// Said when a value is refused, before the expected values
    /// ("the compliance report has no locations").
    public var refusalNote: String?
    /// The catalogue key of the help: `help.<method>.<name>`, set by the operation. When the
    /// catalogue has no such message the shared field's `help.shared.<name>` is read.
    public var helpKey: String
    /// Values of the help's `{name}` placeholders (`{formats}` of `format`).
    public var helpArguments: [String: String] = [:]
    /// Set to true, the field releases household-level (personal) data: front ends serving other
    /// programs (MCP) refuse it unless their operator allowed household data.
    public var releasesHouseholdData = false

    public init(
        _ name: String, _ kind: Kind, help: String, valueName: String? = nil, default defaultValue: JSONValue? = nil,
        requirement: Requirement = .optional, positional: Bool = false, aliases: [String] = [],
        hidden: Bool = false, availability: Availability = .everywhere, refusalNote: String? = nil
    ) {
        self.name = name; self.kind = kind; self.help = help; self.valueName = valueName
        self.defaultValue = defaultValue; self.requirement = requirement; self.positional = positional
        self.aliases = aliases; self.hidden = hidden; self.availability = availability; self.refusalNote = refusalNote
        self.helpKey = "help.shared.\(name)"
    }

    /// The catalogue key the help is read from: `helpKey`, else `help.shared.<name>`.
    public var resolvedHelpKey: String {
        Catalogue.has(helpKey) ? helpKey : "help.shared.\(name)"
    }

    /// The help in `language`, from the catalogue.
    public func help(in language: Language) -> String {
        Catalogue.text(resolvedHelpKey, language, helpArguments)
    }

    /// A choice among the cases of `type`.
    public static func choice<T: OptionChoice>(
        _ name: String, _ type: T.Type, help: String, valueName: String? = nil,
        default value: T? = nil, requirement: Requirement = .optional
    ) -> OptionField {
        OptionField(
            name, .choice(T.choiceSet), help: help, valueName: valueName,
            default: value.map { .string($0.rawValue) }, requirement: requirement)
    }

    /// The command-line flag: `count_kinds` → `--count-kinds`.
    public var flag: String { "--" + name.replacingOccurrences(of: "_", with: "-") }

    /// How the field is named in messages: its flag, or `<name>` when positional.
    public var displayName: String { positional ? "<\(placeholder)>" : flag }

    /// The placeholder of the value (`radius`, or the declared value name).
    public var placeholder: String { valueName ?? name.replacingOccurrences(of: "_", with: "-") }

    public var isFlag: Bool { if case .flag = kind { return true } else { return false } }

    /// Whether the field takes several values (repeated flags, comma-separated, a JSON array).
    public var isList: Bool {
        switch kind {
        case .textList, .choiceList: return true
        default: return false
        }
    }

    /// The values the field accepts, when they are enumerated.
    public var choices: ChoiceSet? {
        switch kind {
        case .choice(let set), .choiceList(let set): return set
        default: return nil
        }
    }

    /// The same field with other help (a shared field read differently by one operation).
    public func help(_ text: String) -> OptionField { var f = self; f.help = text; return f }

    /// The same field, marked as releasing household-level data when set.
    public func releasingHouseholdData() -> OptionField { var f = self; f.releasesHouseholdData = true; return f }

    /// The same field with another default.
    public func defaulting(to value: JSONValue?) -> OptionField { var f = self; f.defaultValue = value; return f }

    /// The same field, required as given.
    public func required(_ requirement: Requirement) -> OptionField { var f = self; f.requirement = requirement; return f }
}
