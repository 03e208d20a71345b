import Foundation
import GridFormats
import GridRender
import GridService

/// One JSON-RPC method: its name, its named parameters (derived from the options type) and
/// the call, which decodes the parameters, runs the operation and encodes the result exactly
/// as the CLI's `--format json` does.
public struct RPCMethod: Sendable {
    public let name: String
    public let summary: String
    public let parameters: [ParameterSchema.Parameter]
    /// Parameters that must be present.
    public let required: [String]
    /// Says what the result holds (its shape in docs/data-format.md §3).
    public let resultDescription: String
    let call: @Sendable (JSONObject, ServiceContext) throws -> String

    /// A method taking `Options` by name (snake_case) and returning an `Encodable` result.
    public static func make<Options: Decodable & SendableMetatype, Result: Encodable & SendableMetatype>(
        _ name: String, summary: String, options: Options.Type, required: [String] = [],
        result: String, _ body: @escaping @Sendable (Options, ServiceContext) throws -> Result
    ) -> RPCMethod {
        let params = ParameterSchema.parameters(of: Options.self)
        return RPCMethod(name: name, summary: summary, parameters: params, required: required,
                         resultDescription: result) { object, context in
            let known = Set(params.map(\.name)).union(["progress_token"])
            if let unknown = object.keys.first(where: { !known.contains($0) }) {
                throw RPCError.invalidParams("unknown parameter '\(unknown)' (expected: \(params.map(\.name).joined(separator: ", ")))")
            }
            for r in required where object[r] == nil {
                throw RPCError.invalidParams("missing parameter '\(r)'")
            }
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            let options: Options
            do {
                options = try decoder.decode(Options.self, from: Data(JSONWriter.write(.object(object)).utf8))
            } catch let DecodingError.typeMismatch(type, ctx), let DecodingError.valueNotFound(type, ctx) {
                let key = ctx.codingPath.map { ParameterSchema.snakeCase($0.stringValue) }.joined(separator: ".")
                throw RPCError.invalidParams("'\(key)' must be \(ParameterSchema.jsonType(type).0)")
            } catch let DecodingError.dataCorrupted(ctx) {
                let key = ctx.codingPath.map { ParameterSchema.snakeCase($0.stringValue) }.joined(separator: ".")
                throw RPCError.invalidParams("'\(key)': \(ctx.debugDescription)")
            } catch {
                throw RPCError.invalidParams("\(error)")
            }
            return try ResultEncoding.json(try body(options, context))
        }
    }
}
