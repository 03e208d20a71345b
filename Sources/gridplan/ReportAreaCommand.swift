import ArgumentParser
import Foundation
import GridRender
import GridService

/// `gridplan report area`: usable facility area per 100 households against the standard.
struct ReportAreaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "area",
        abstract: "Facility area per 100 households per community, street and in total, with deficits.",
        discussion: """
        Applies area.per100 of the standards file (30 m² of usable area per 100 households) unless \
        --standard gives another value (80: the aspiration rule area.per100.aspiration). Counted: \
        party_mass_center and party_mass_station always, other kinds when embedded is true; with \
        --count-kinds exactly the kinds listed. A facility's area belongs to its community \
        (--allocate community), or is shared among the communities in proportion to the households \
        within its reach (--allocate reach: street-level facilities 1,000 m, others --radius); a \
        facility with no households in reach keeps its area in its own community. Facilities outside \
        every community are reported as unallocated. Communities are sorted by deficit; the deficit \
        of a street and of the total is the sum of their communities' deficits.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    @Option(name: .long, help: ArgumentHelp("A standards file replacing seeds/standards.json.", valueName: "file"))
    var standards: String?

    @Option(name: .long, help: ArgumentHelp("m² per 100 households to apply (80: the aspiration value).", valueName: "m2"))
    var standard: Double?

    @Option(name: .long, help: ArgumentHelp("Exactly these facility kinds count, embedded or not (comma-separated).", valueName: "kinds"))
    var countKinds: String?

    @Option(name: .long, help: ArgumentHelp("How facility area is attributed: community or reach.", valueName: "method"))
    var allocate: String?

    @Option(name: .long, help: ArgumentHelp("Reach of community- and grid-level facilities for --allocate reach, metres (default reach.default).", valueName: "m"))
    var radius: Double?

    @Option(name: .long, help: ArgumentHelp("community, or grid to add per-grid figures.", valueName: "level"))
    var by: String?

    @Flag(name: .long, help: "List only the communities below the standard.")
    var shortOnly = false

    func run() throws {
        try reportingErrors {
            let context = store.context()
            let options = AreaReportOptions(
                standards: standards, standard: standard, countKinds: countKinds.map { [$0] },
                allocate: allocate, radius: radius, by: by, shortOnly: shortOnly ? true : nil)
            let report = try context.areaReport(options)
            switch output.format {
            case .table: emit(AreaReportRendering.table(report))
            case .json: try emitJSON(report)
            case .csv: emit(AreaReportRendering.csv(report))
            case .geojson:
                let snapshot = try context.snapshot()
                emit(AreaReportRendering.geojson(report, communities: snapshot.communities, grids: snapshot.grids))
            }
        }
    }
}
