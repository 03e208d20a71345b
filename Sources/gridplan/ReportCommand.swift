import ArgumentParser

/// `gridplan report …`: the standards reports (area, underserved, compliance, …); `gridplan report
/// --html FILE` runs the default subcommand `html`, the planning report page.
/// Each subcommand lives in its own file, `Report<Name>Command.swift`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports against the work plan's standards.",
        subcommands: [
            ReportAreaCommand.self,
            ReportComplianceCommand.self,
            ReportUnderservedCommand.self,
            ReportPartyCommand.self,
            ReportHTMLCommand.self,
        ],
        defaultSubcommand: ReportHTMLCommand.self)
}
