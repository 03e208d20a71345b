import ArgumentParser
import Foundation
import GridModel
import GridRender
import GridService

/// `gridplan report compliance`: the work plan's checkable demands for one year.
struct ReportComplianceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance",
        abstract: "Staffing ratios, organizations to establish, two coverages, training, contact points, ratings, observations.",
        discussion: """
        Agencies and institutions need full-time party workers of at least 2% of staff, SOEs 1% \
        (workers to assign = ceil(ratio × staff) − workers); units with 3 or more party members \
        need an organization; district standing committee members need 15 days, street committee \
        members 20 days, 2 meetings and 2 lectures at their contact points; secretaries a training \
        in the year; organizations rated 一般 or 较差 are listed with last year's rating; every \
        organization needs an observation each quarter. Thresholds come from the standards file.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    @Option(name: .long, help: ArgumentHelp("A standards file replacing seeds/standards.json.", valueName: "file"))
    var standards: String?

    @Option(name: .long, help: "The year checked (default: the latest year in the records).")
    var year: Int?

    func run() throws {
        try reportingErrors {
            if output.format == .geojson {
                throw UsageError("--format geojson: the compliance report has no locations (expected table, json or csv)")
            }
            let report = try store.context().complianceReport(ComplianceOptions(standards: standards, year: year))
            switch output.format {
            case .table: emit(ComplianceRendering.table(report))
            case .json: try emitJSON(report)
            case .csv, .geojson: emit(ComplianceRendering.csv(report))
            }
        }
    }
}
