import GridFormats
import GridModel

/// Options of `scenario evaluate` (JSON-RPC `scenario.evaluate`).
public struct ScenarioEvaluateOptions: OperationOptions {
    /// The edits (docs/data-format.md, "Scenarios").
    public var edits: JSONValue
    public var analysis: ScenarioAnalysisOptions

    public init(edits: JSONValue, analysis: ScenarioAnalysisOptions = ScenarioAnalysisOptions()) {
        self.edits = edits; self.analysis = analysis
    }

    /// The `edits` field: the array over JSON, a JSON file (or `-`) on the command line.
    static let editsField = OptionField(
        "edits", .objectList,
        help:
            "The edits, an array of {\"op\": add_facility|move_facility|close_facility|set_area, ...} (on the command line a JSON file, - for stdin).",
        valueName: "file", requirement: .always)

    public static let fields: [OptionField] = [editsField] + ScenarioAnalysisOptions.fields

    public init(_ v: OptionValues) throws {
        self.init(edits: try v.objectList("edits") ?? .array([]), analysis: try ScenarioAnalysisOptions(v))
    }
}

extension ServiceContext {
    /// `scenario evaluate`: the imported data and the data with the edits, side by side.
    public func evaluateScenario(_ options: ScenarioEvaluateOptions) throws -> ScenarioEvaluation {
        try evaluate(options.edits, options.analysis)
    }
}
