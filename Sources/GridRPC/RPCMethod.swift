import Foundation
import GridFormats
import GridRender
import GridService

/// One JSON-RPC method: a declared operation (its parameters, checked and decoded by the
/// operation's field table, exactly as the CLI's), or a built-in such as `rpc.discover`.
public struct RPCMethod: Sendable {
    public let name: String
    public let summary: String
    /// The operation behind the method; nil for built-ins.
    public let operation: OperationDeclaration?
    /// Says what the result holds (its shape in docs/data-format.md §3).
    public let resultDescription: String
    let call: @Sendable (JSONObject, ServiceContext) throws -> String

    init(
        name: String, summary: String, operation: OperationDeclaration?, resultDescription: String,
        call: @escaping @Sendable (JSONObject, ServiceContext) throws -> String
    ) {
        self.name = name; self.summary = summary; self.operation = operation
        self.resultDescription = resultDescription; self.call = call
    }

    /// The method of `operation`: JSON by default; `format` selects another document
    /// (GeoJSON as an object, table and CSV as a string).
    public init(_ operation: OperationDeclaration) {
        self.init(
            name: operation.method, summary: operation.summary, operation: operation,
            resultDescription: operation.resultFormatsDescription
        ) { parameters, context in
            var object = parameters
            object.members.removeAll { $0.key == "progress_token" }
            let output = try operation.execute(object, context: context, defaultFormat: .json)
            return try Self.encode(output.document)
        }
    }

    /// The `result` member's JSON text.
    static func encode(_ document: OperationDocument?) throws -> String {
        switch document {
        case nil: return "null"
        case .json(let value)?: return try ResultEncoding.json(value)
        case .jsonText(let text)?:
            // Already JSON: a line break in JSON text is whitespace between tokens (strings
            // escape theirs), so dropping them keeps the reply on one line and the document as it is.
            return text.contains("\n") ? text.replacingOccurrences(of: "\n", with: "") : text
        case .text(let text)?: return JSONWriter.write(.string(text))
        }
    }
}
