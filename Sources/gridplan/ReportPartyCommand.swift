import ArgumentParser
import Foundation
import GridAnalysis
import GridRender
import GridService

/// `gridplan report party`: organization and work coverage rates, and every shortfall.
struct ReportPartyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "party",
        abstract: "Organization coverage and work coverage per grid, community and district, with every shortfall.",
        discussion: """
        Organization coverage rate = grids with their own or a joint organization ÷ all grids. Work \
        coverage rate = households linked to a central household or living in a building of a party \
        group ÷ all households. Target 100% (party.coverage). Shortfalls: grids with no possible \
        organization, buildings with no member household within --reach, households left unlinked.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var network: PartyNetworkArguments

    func run() throws {
        try network.run(store: store, format: output.format,
                        table: PartyRendering.reportTable, csv: PartyRendering.reportCSV)
    }
}
