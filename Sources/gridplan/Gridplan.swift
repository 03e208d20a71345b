import ArgumentParser
import GridService

@main
struct Gridplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gridplan",
        abstract: "Plan community service facilities, grids and the party organization network of a district.",
        version: "0.1.0",
        subcommands: [
            CRSCommand.self,
            ReportCommand.self,
            GridsCommand.self, PartyCommand.self,
        ]
    )
}
