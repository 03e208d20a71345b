import ArgumentParser
import Foundation
import GridRender
import GridService

/// Options shared by `coverage` and `report underserved`.
struct CoverageReachOptions: ParsableArguments {
    @Option(name: .long, help: "Reach of community- and grid-level facilities, metres (default reach.default, 500).")
    var radius: Double?

    @Option(name: .long, help: "A life circle instead of a radius: 5min (300 m), 10min (500 m) or 15min (1,000 m).")
    var circle: String?

    @Flag(name: .long, help: "Measure along the walking network built from the imported roads.")
    var network = false

    @Option(name: .long, help: "Facility kinds that count, comma-separated (default: the standards' counted kinds plus embedded facilities).")
    var kinds: String?

    @Option(name: .long, help: "Single-linkage distance of gap neighbourhoods, metres (default half the radius).")
    var link: Double?

    @Option(name: .long, help: "Accessibility distance decay: none (2SFCA) or gaussian (E2SFCA).")
    var decay: String?

    @Option(name: .long, help: "A standards file replacing seeds/standards.json.")
    var standards: String?
}

/// `gridplan coverage`: distance to the nearest counted facility, coverage rates, gap neighbourhoods.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Distance from every building to the nearest counted facility, coverage rates and gap neighbourhoods.",
        discussion: """
        A building is covered when some counted facility reaches it: street-level facilities reach the \
        15-minute circle (1,000 m), the others the radius. Distances are straight lines in the working CRS, \
        or along the walking network with --network (access legs to the network included).
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var reach: CoverageReachOptions

    @Flag(name: .long, help: "Also compute 2SFCA accessibility (m² of counted area per 100 households within reach).")
    var accessibility = false

    func run() throws {
        try reportingErrors {
            let options = CoverageOptions(
                radius: reach.radius, circle: reach.circle, network: reach.network,
                kinds: reach.kinds.map { [$0] }, link: reach.link, accessibility: accessibility,
                decay: reach.decay, standards: reach.standards)
            let result = try store.context().coverage(options)
            switch output.format {
            case .table: emit(CoverageRendering.table(result))
            case .json: try emitJSON(result)
            case .csv: emit(CoverageRendering.csv(result))
            case .geojson: emit(CoverageRendering.geojson(result))
            }
        }
    }
}
