import ArgumentParser
import Foundation
import GridRender
import GridService

/// `gridplan report underserved`: communities and gap neighbourhoods ranked by area deficit,
/// uncovered households and accessibility, with the reasons in words.
struct ReportUnderservedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "underserved",
        abstract: "Rank communities and gap neighbourhoods by area deficit, uncovered households and accessibility.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var reach: CoverageReachOptions

    func run() throws {
        try reportingErrors {
            let options = UnderservedOptions(
                radius: reach.radius, circle: reach.circle, network: reach.network,
                kinds: reach.kinds.map { [$0] }, link: reach.link, decay: reach.decay, standards: reach.standards)
            let result = try store.context().underserved(options)
            switch output.format {
            case .table: emit(UnderservedRendering.table(result))
            case .json: try emitJSON(result)
            case .csv: emit(UnderservedRendering.csv(result))
            case .geojson: emit(UnderservedRendering.geojson(result))
            }
        }
    }
}
