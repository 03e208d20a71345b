import ArgumentParser
import Foundation
import GridRender
import GridService

/// `gridplan site`: where to open the next service centers, in what order, and how large.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Siting list for new party-mass service centers.",
        discussion: """
        Existing counted facilities count as already covering (street-level ones reach 1,000 m). \
        Objectives: cover (the K sites bringing the most uncovered households within reach), all (the \
        fewest sites reaching every building some candidate reaches; the others are listed), distance \
        (the K sites minimizing household-weighted distance to the nearest center). Lazy greedy, vertex swaps, \
        then (cover) a seeded ruin-and-recreate search within a fixed work budget; upper_bound_households bounds what any K sites could cover. Each site's recommended \
        usable area is area.per100 / 100 m² per household newly covered, or --min-area when larger.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    @Option(name: .long, help: "Number of new sites (required for cover and distance; a cap for all).")
    var count: Int?

    @Option(name: .long, help: "Reach of a new site, metres (default reach.default, 500).")
    var radius: Double?

    @Option(name: .long, help: "A life circle instead of a radius: 5min, 10min or 15min.")
    var circle: String?

    @Option(name: .long, help: "cover (default), all or distance.")
    var objective: String?

    @Option(name: .long, help: "imported (default), generated (buildings in gap neighbourhoods) or both.")
    var candidates: String?

    @Flag(name: .long, help: "Measure reach along the walking network built from the imported roads.")
    var network = false

    @Option(name: .long, help: "Smallest recommended usable area of a new site, m².")
    var minArea: Double?

    @Option(name: .long, help: "Facility kinds that count as already covering, comma-separated.")
    var kinds: String?

    @Option(name: .long, help: "distance: candidate neighbourhood of the p-median model, metres (default 3 × radius).")
    var distanceCap: Double?

    @Option(name: .long, help: "A standards file replacing seeds/standards.json.")
    var standards: String?

    @Option(name: .long, help: .hidden)
    var instance: String?

    func run() throws {
        try reportingErrors {
            let options = SitingOptions(count: count, radius: radius, circle: circle, objective: objective,
                                        candidates: candidates, network: network, minArea: minArea,
                                        kinds: kinds.map { [$0] }, distanceCap: distanceCap, standards: standards,
                                        instance: instance)
            let result = try store.context().site(options)
            switch output.format {
            case .table: emit(SitingRendering.table(result))
            case .json: try emitJSON(result)
            case .csv: emit(SitingRendering.csv(result))
            case .geojson: emit(SitingRendering.geojson(result))
            }
        }
    }
}
