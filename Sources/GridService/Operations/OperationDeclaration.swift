import GridFormats
import GridModel
import GridRender

/// The options of an operation: its fields, and the typed value decoded from them.
public protocol OperationOptions: Sendable {
    /// Every option, in the order help lists them.
    static var fields: [OptionField] { get }
    /// Reads the typed options (validation that needs no store or standards happens here).
    init(_ values: OptionValues) throws
}

/// One operation, declared once: its JSON-RPC method, its command path, its help, its options,
/// its result and the output formats it renders. The CLI, the JSON-RPC method table, OpenRPC
/// and the JSON Schema of each tool are all derived from these declarations
/// (`OperationCatalogue.all`).
public struct OperationDeclaration: Sendable {
    /// The JSON-RPC method (`report.area`).
    public let method: String
    /// The command words (`["report", "area"]`).
    public let commandPath: [String]
    public let summary: String
    /// Longer help, shown by `--help`.
    public let discussion: String
    /// Every option, including `format` when the operation offers several output formats.
    public let fields: [OptionField]
    /// The formats `format` selects (empty: one fixed rendering per front end).
    public let formats: [OutputFormat]
    /// What the result holds, for OpenRPC.
    public let resultDescription: String
    /// What a run writes besides its answer (the MCP tools' annotations and write consent).
    public let effect: OperationEffect
    private let perform: @Sendable (OptionValues, OutputFormat, ServiceContext) throws -> OperationOutput

    /// Declares an operation whose options decode into `Options`, whose run returns `Result`
    /// and whose `render` turns a result into the document of one format (`.json` is also the
    /// JSON-RPC rendering of operations with no `formats`).
    public init<Options: OperationOptions, Result: Encodable & Sendable>(
        method: String, command: [String], summary: String, discussion: String = "",
        options: Options.Type, formats: [OutputFormat] = [], formatRefusal: String? = nil, result: String,
        effect: OperationEffect = .readOnly,
        run: @escaping @Sendable (Options, ServiceContext) throws -> Result,
        render: @escaping @Sendable (Result, OutputFormat, ServiceContext) throws -> OperationOutput = { r, _, _ in
            OperationOutput(.json(r))
        }
    ) {
        self.method = method
        self.commandPath = command
        self.summary = summary
        self.discussion = discussion
        self.formats = formats
        self.resultDescription = result
        self.effect = effect
        var fields = Options.fields
        if !formats.isEmpty {
            fields.insert(
                OptionField(
                    "format", .choice(OutputFormat.choiceSet(formats)),
                    help: "Output format: \(ChoiceSet.alternatives(formats.map(\.rawValue))).",
                    default: .string(formats[0].rawValue), refusalNote: formatRefusal), at: 0)
        }
        self.fields = fields.map {
            var f = $0; f.helpKey = "\(method).\($0.name)"; return f
        }
        self.perform = { values, format, context in
            let options = try Options(values)
            return try render(try run(options, context), format, context)
        }
    }

    /// Runs the operation on a parameter object. Without a `format` parameter the output is
    /// `defaultFormat`: `.table` on the command line, `.json` over JSON-RPC.
    public func execute(_ parameters: JSONObject, context: ServiceContext, defaultFormat: OutputFormat) throws -> OperationOutput
    {
        let values = try OptionValues(parameters, fields: fields)
        var format = defaultFormat
        if !formats.isEmpty, parameters["format"] != nil, let given = try values.choice("format", OutputFormat.self) {
            format = given
        }
        return try perform(values, format, context)
    }

    /// The fields `frontEnd` offers.
    public func fields(for frontEnd: OptionField.FrontEnd) -> [OptionField] {
        fields.filter { $0.isOffered(on: frontEnd) }
    }
}

extension OutputFormat: OptionChoice {
    /// Some of the formats, for an operation's `format` field.
    static func choiceSet(_ formats: [OutputFormat]) -> ChoiceSet {
        let values = formats.map(\.rawValue)
        return ChoiceSet(
            values: values, labels: values,
            canonical: { text in
                OutputFormat.choice(parsing: text).map(\.rawValue).flatMap { values.contains($0) ? $0 : nil }
            })
    }
}
