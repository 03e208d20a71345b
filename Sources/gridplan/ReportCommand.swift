import ArgumentParser

/// `gridplan report …`: the standards reports (area; later underserved, party, compliance).
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
        ])
}
