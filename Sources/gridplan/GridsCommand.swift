import ArgumentParser
import Foundation
import GridAnalysis
import GridRender
import GridService

/// `gridplan grids …`: grid partition.
struct GridsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grids",
        abstract: "Grids (网格) of 300–500 households inside each community.",
        subcommands: [GridsPlanCommand.self])
}

/// `gridplan grids plan`: partitions each community's buildings into grids and assigns party units.
struct GridsPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Partition buildings into grids of min–max households, with their party organization.",
        discussion: """
        Per community: every building in exactly one grid, buildings never split, grids contiguous over \
        the buildings' neighbourhood graph (Delaunay triangulation, edges up to --max-edge metres, \
        components joined by their nearest pair) and compact (household-weighted squared distance to the \
        grid centre is minimized). A building above the maximum is a grid of its own and a community \
        below the minimum is one grid; both are listed in violations, as is any grid outside the bounds. \
        Ids <community>-G01… run west→east in north→south row bands. Each grid's organization follows \
        its formal members: branch_committee (≥ 7), branch (3–6), joint_branch with adjacent grids \
        (< 3; at most 5 grids), or none. Without --apply nothing is written.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    @Option(name: .long, help: ArgumentHelp("Fewest households per grid (default grid.households, 300).", valueName: "n"))
    var minHouseholds: Int?

    @Option(name: .long, help: ArgumentHelp("Most households per grid (default grid.households max, 500).", valueName: "n"))
    var maxHouseholds: Int?

    @Option(name: .long, help: ArgumentHelp("Plan only this community (repeat or comma-separate for several).", valueName: "id"))
    var community: [String] = []

    @Flag(name: .long, help: "Keep the store's grids that satisfy the rules; re-plan only the others and count moved buildings.")
    var keepExisting = false

    @Flag(name: .long, help: "Write the plan into the store (one transaction).")
    var apply = false

    @Option(name: .long, help: ArgumentHelp("Longest building-graph edge, metres (default 250).", valueName: "m"))
    var maxEdge: Double?

    @Option(name: .long, help: ArgumentHelp("region_growing (default) or hilbert_split (the baseline).", valueName: "method"))
    var method: String?

    @Option(name: .long, help: ArgumentHelp("A standards file replacing seeds/standards.json.", valueName: "file"))
    var standards: String?

    func run() throws {
        try reportingErrors {
            let context = store.context()
            let options = GridPlanOptions(
                minHouseholds: minHouseholds, maxHouseholds: maxHouseholds, community: community.isEmpty ? nil : community,
                keepExisting: keepExisting ? true : nil, apply: apply ? true : nil, maxEdge: maxEdge, method: method,
                standards: standards)
            let result = try context.planGrids(options)
            switch output.format {
            case .table: emit(GridPlanRendering.table(result))
            case .json: try emitJSON(result)
            case .csv: emit(GridPlanRendering.csv(result))
            case .geojson:
                let snapshot = try context.snapshot()
                let polygons = try context.gridPolygons(snapshot, result.memberships)
                emit(GridPlanRendering.geojson(result, polygons: polygons.lonLat))
            }
        }
    }
}
