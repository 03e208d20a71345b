import GridLocale
import MCP

/// The server's prompts: planning questions that chain the tools, worded in the server's
/// language (the texts are in the catalogue's `assistant` section).
extension AssistantServer {
    /// A prompt: its name, its arguments (name, required) and the catalogue key of its text.
    struct PromptSpec: Sendable {
        let name: String
        let arguments: [(name: String, required: Bool)]
    }

    static let prompts: [PromptSpec] = [
        PromptSpec(name: "find_underserved", arguments: [("street", false)]),
        PromptSpec(name: "propose_centers", arguments: [("count", true), ("street", false)]),
        PromptSpec(name: "check_party_network", arguments: [("community", false)])
    ]

    var promptList: [Prompt] {
        let l = settings.language
        return Self.prompts.map { spec in
            Prompt(
                name: spec.name, title: Catalogue.text("mcp.prompt.\(spec.name).title", l),
                description: Catalogue.text("mcp.prompt.\(spec.name).description", l),
                arguments: spec.arguments.map { argument in
                    .init(
                        name: argument.name, description: Catalogue.text("mcp.prompt.argument.\(argument.name)", l),
                        required: argument.required)
                })
        }
    }

    /// The messages of one prompt with its arguments filled in.
    func prompt(_ name: String, _ arguments: [String: String]) throws -> GetPrompt.Result {
        let l = settings.language
        guard let spec = Self.prompts.first(where: { $0.name == name }) else {
            throw MCPError.invalidParams(Catalogue.text("mcp.unknown_prompt", l, ["prompt": name]))
        }
        for argument in spec.arguments where argument.required && (arguments[argument.name] ?? "").isEmpty {
            throw MCPError.invalidParams(
                Catalogue.text("mcp.prompt.missing_argument", l, ["argument": argument.name, "prompt": name]))
        }
        if let count = arguments["count"], !(Int(count).map { $0 > 0 } ?? false) {
            throw MCPError.invalidParams(Catalogue.text("mcp.prompt.bad_count", l, ["count": count]))
        }
        var values = arguments
        for argument in spec.arguments where (values[argument.name] ?? "").isEmpty {
            values[argument.name] = Catalogue.text("mcp.prompt.whole_district", l)
        }
        return .init(
            description: Catalogue.text("mcp.prompt.\(name).description", l),
            messages: [.user(.text(text: Catalogue.text("mcp.prompt.\(name).text", l, values)))])
    }
}
