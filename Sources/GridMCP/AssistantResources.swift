import Foundation
import GridFormats
import GridLocale
import GridRender
import GridService
import MCP

/// The server's resources: the standards file with its policy sources, the dataset summary
/// (`info`), the latest results of this session, and the map of each theme as SVG (`map`).
extension AssistantServer {
    static let standardsURI = "gridplan://standards"
    static let datasetURI = "gridplan://dataset"
    static let latestURI = "gridplan://results/latest"
    static func mapURI(_ theme: MapTheme) -> String { "gridplan://map/\(theme.rawValue).svg" }

    var resourceList: [Resource] {
        let l = settings.language
        return [
            Resource(
                name: "standards", uri: Self.standardsURI, title: Catalogue.text("mcp.resource.standards", l),
                description: Catalogue.text("mcp.resource.standards.description", l), mimeType: "application/json"),
            Resource(
                name: "dataset", uri: Self.datasetURI, title: Catalogue.text("mcp.resource.dataset", l),
                description: Catalogue.text("mcp.resource.dataset.description", l), mimeType: "application/json"),
            Resource(
                name: "latest-results", uri: Self.latestURI, title: Catalogue.text("mcp.resource.latest", l),
                description: Catalogue.text("mcp.resource.latest.description", l), mimeType: "application/json")
        ]
            + MapTheme.allCases.map { theme in
                Resource(
                    name: "map-\(theme.rawValue)", uri: Self.mapURI(theme),
                    title: Catalogue.text("mcp.resource.map", l, ["theme": theme.rawValue]),
                    description: Catalogue.text("mcp.resource.map.description", l, ["theme": theme.rawValue]),
                    mimeType: "image/svg+xml")
            }
    }

    /// Reads one resource; an unknown URI is a protocol error (invalid params).
    func read(_ uri: String) async throws -> ReadResource.Result {
        func text(_ body: String, _ mimeType: String) -> ReadResource.Result {
            .init(contents: [.text(body, uri: uri, mimeType: mimeType)])
        }
        func json(_ value: JSONValue) -> ReadResource.Result { text(JSONWriter.write(value), "application/json") }
        do {
            switch uri {
            case Self.standardsURI:
                guard let file = ProjectResources.standardsFile else {
                    throw MCPError.internalError(Catalogue.text("mcp.standards_missing", settings.language))
                }
                return text(try String(contentsOf: file, encoding: .utf8), "application/json")
            case Self.datasetURI:
                return json(try await runner.run { try ToolCall.run(Self.operation("info"), JSONObject(), context: $0) })
            case Self.latestURI:
                var latest = results.all
                if latest.isEmpty {
                    // Nothing asked yet: the headline results with default options.
                    for method in ["report.area", "report.underserved"] {
                        let result = try await runner.run { try ToolCall.run(Self.operation(method), JSONObject(), context: $0) }
                        latest.append((method.replacingOccurrences(of: ".", with: "_"), result))
                    }
                }
                return json(.object(JSONObject(members: latest.map { (key: $0.tool, value: $0.result) })))
            default:
                guard let theme = MapTheme.allCases.first(where: { Self.mapURI($0) == uri }) else {
                    throw MCPError.invalidParams(Catalogue.text("mcp.unknown_resource", settings.language, ["uri": uri]))
                }
                let parameters = JSONObject(members: [("theme", .string(theme.rawValue))])
                let output = try await runner.run { context in
                    try Self.operation("map").execute(parameters, context: context, defaultFormat: .table)
                }
                guard case .text(let svg)? = output.document else {
                    preconditionFailure("map without --out renders its SVG as text")
                }
                return text(svg, "image/svg+xml")
            }
        } catch let error as MCPError {
            throw error
        } catch {
            throw MCPError.internalError(ErrorClassification(error, language: settings.language).message)
        }
    }

    static func operation(_ method: String) -> OperationDeclaration {
        guard let operation = OperationCatalogue.operation(method: method) else { preconditionFailure("no operation \(method)") }
        return operation
    }
}
