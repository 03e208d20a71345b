import ArgumentParser
import Foundation
import GridAnalysis
import GridGeo
import GridRender
import GridService

/// `gridplan party …`: the party organization network.
struct PartyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "party",
        abstract: "The party organization network: grid branches, building party groups, central households.",
        subcommands: [PartyPlanCommand.self])
}

/// Options shared by `party plan` and `report party`.
struct PartyNetworkArguments: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Households a central household links besides its own (default party.central_household, 10).", valueName: "n"))
    var householdsPerCenter: Int?

    @Option(name: .long, help: ArgumentHelp("Farthest link to a central household in another building, metres (default reach.10min, 500).", valueName: "m"))
    var reach: Double?

    @Flag(name: .long, help: "List central households and the household ids they link (personal data; needs households.csv).")
    var includeHouseholds = false

    @Option(name: .long, help: ArgumentHelp("Only this community (repeat or comma-separate for several).", valueName: "id"))
    var community: [String] = []

    @Option(name: .long, help: ArgumentHelp("Grid bounds when the store has no grids and a plan is made (default 300).", valueName: "n"))
    var minHouseholds: Int?

    @Option(name: .long, help: ArgumentHelp("(default 500)", valueName: "n"))
    var maxHouseholds: Int?

    @Option(name: .long, help: ArgumentHelp("A standards file replacing seeds/standards.json.", valueName: "file"))
    var standards: String?

    var options: PartyPlanOptions {
        PartyPlanOptions(householdsPerCenter: householdsPerCenter, reach: reach, includeHouseholds: includeHouseholds ? true : nil,
                         community: community.isEmpty ? nil : community, minHouseholds: minHouseholds,
                         maxHouseholds: maxHouseholds, standards: standards)
    }

    /// Grid polygons (lon/lat) of the result's grids, for GeoJSON.
    func polygons(_ context: ServiceContext, _ r: PartyPlanResult) throws -> [String: MultiPolygon] {
        let snapshot = try context.snapshot()
        return try context.gridPolygons(snapshot, r.memberships).lonLat
    }
}

/// `gridplan party plan`: the organization each grid can have, party groups and central households.
struct PartyPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Grid branches and joint branches, building party groups and party-member central households.",
        discussion: """
        Works on the store's grids (a fresh plan when it has none). Per grid: branch_committee (≥ 7 formal \
        members), branch (3–6), joint_branch with adjacent grids (< 3, at most 5 grids) or none; per \
        community: base_committee (≥ 100 members), general_branch (50–99) or branch. Party groups: a \
        building, or adjacent buildings of one grid, with ≥ 3 members of whom ≥ 1 formal. Central \
        households: member households, each linking its own and up to --households-per-center others, \
        in its building first, then the nearest buildings within --reach; the number of linked \
        households is maximal. Output is per grid and building; household ids only with --include-households.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var network: PartyNetworkArguments

    func run() throws {
        try network.run(store: store, format: output.format,
                        table: PartyRendering.planTable, csv: PartyRendering.planCSV)
    }
}

extension PartyNetworkArguments {
    /// Plans the party network and prints it; `party plan` and `report party` differ only in
    /// their table and CSV renderings.
    func run(store: StoreOptions, format: OutputFormat,
             table: (PartyPlanResult) -> String, csv: (PartyPlanResult) -> String) throws {
        try reportingErrors {
            let context = store.context()
            let result = try context.planParty(options)
            switch format {
            case .table: emit(table(result))
            case .json: try emitJSON(result)
            case .csv: emit(csv(result))
            case .geojson: emit(PartyRendering.geojson(result, polygons: try polygons(context, result)))
            }
        }
    }
}
