import ArgumentParser
import Foundation
import GridModel
import GridService

/// `gridplan report --html FILE` (also `gridplan report html --out FILE`): the planning report
/// as one self-contained offline HTML page that prints on A4.
struct ReportHTMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html",
        abstract: "The planning report as one offline HTML page: headline figures, the map, under-served communities, siting, party coverage.")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "The HTML file to write (- for stdout).")
    var html: String?

    @Option(name: .long, help: "The HTML file to write (same as --html).")
    var out: String?

    @Option(name: .long, help: "Coverage reach of community- and grid-level facilities, metres (default reach.default, 500).")
    var radius: Double?

    @Option(name: .long, help: "Map theme: area or coverage.")
    var theme: String?

    @Option(name: .long, help: "Length of the siting list (`gridplan site --count`; 0 leaves it out).")
    var sites: Int = 10

    @Option(name: .long, help: "A standards file replacing seeds/standards.json.")
    var standards: String?

    func run() throws {
        guard let target = html ?? out else {
            // `gridplan report` alone: show the group's help.
            throw CleanExit.helpRequest(ReportCommand.self)
        }
        try reportingErrors {
            if html != nil && out != nil && html != out { throw UsageError("--html and --out name different files (give one)") }
            let output = OutputTarget(target)
            let result = try store.context().htmlReport(HTMLReportOptions(out: output.path, radius: radius,
                                                                         theme: theme, sites: sites, standards: standards))
            for n in result.notes { printError("note: \(n)") }
            output.deliver(text: result.html, summary: "report: \(target): \(result.bytes) bytes, \(result.communities) communities, "
                + "\(result.underservedCommunities) under-served, coverage \(String(format: "%.1f%%", result.coverageRate * 100))")
        }
    }
}
