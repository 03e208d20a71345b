import ArgumentParser
import GridService

@main
struct Gridplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gridplan",
        abstract: "Plan community service facilities, grids and the party organization network of a district.",
        version: GridplanVersion.current,
        subcommands: [
            ImportCommand.self,
            InfoCommand.self,
            CRSCommand.self,
            CoverageCommand.self,
            SiteCommand.self,
            ReportCommand.self,
            RPCCommand.self,
            MapCommand.self, ExportCommand.self,
            GridsCommand.self, PartyCommand.self,
        ]
    )
}
