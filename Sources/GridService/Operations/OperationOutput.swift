import GridLocale
import GridRender

/// What an operation hands its front end for one output format.
public struct OperationOutput: Sendable {
    /// The document: printed by the CLI, the `result` of JSON-RPC. Nil when there is nothing
    /// to print (a file was written; see `messages`).
    public var document: OperationDocument?
    /// Lines for the user beside the document (stderr in the CLI; not sent over JSON-RPC,
    /// whose result already holds the same facts).
    public var messages: [String]

    public init(_ document: OperationDocument?, messages: [String] = []) {
        self.document = document; self.messages = messages
    }
}

/// One output document.
public enum OperationDocument: Sendable {
    /// A result value, encoded as sorted JSON (indented in the CLI, compact over JSON-RPC).
    case json(any Encodable & Sendable)
    /// A JSON text already written (a GeoJSON FeatureCollection): printed as it is by the CLI,
    /// the object itself over JSON-RPC.
    case jsonText(String)
    /// Plain text (a table, CSV, SVG, HTML): printed by the CLI, a JSON string over JSON-RPC.
    case text(String)
}

extension OperationOutput {
    /// The usual rendering of a result: a table, its JSON, CSV, and (when it has locations) GeoJSON.
    /// `table` is written in the operation's language (`ServiceContext.language`).
    public static func rendering<Result: Encodable & Sendable>(
        table: @escaping @Sendable (Result, Language) -> String, csv: @escaping @Sendable (Result) -> String,
        geojson: (@Sendable (Result, ServiceContext) throws -> String)?
    ) -> @Sendable (Result, OutputFormat, ServiceContext) throws -> OperationOutput {
        { result, format, context in
            switch format {
            case .table: return OperationOutput(.text(table(result, context.language)))
            case .json: return OperationOutput(.json(result))
            case .csv: return OperationOutput(.text(CSVWriter.header(of: csv(result), in: context.csvHeaders)))
            case .xlsx:
                // The declaration writes workbooks itself (WorkbookOutput); JSON is the same facts.
                return OperationOutput(.json(result))
            case .geojson:
                guard let geojson else { return OperationOutput(.json(result)) }
                return OperationOutput(.jsonText(try geojson(result, context)))
            }
        }
    }
}
