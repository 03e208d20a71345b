import Foundation
import Testing
import TestSupport

/// Coverage option errors are found before any store is read: exit 64 naming the option.
@Test(arguments: [
    (["coverage", "--radius", "-5"], "--radius"),
    (["coverage", "--radius", "300", "--circle", "5min"], "--circle"),
    (["coverage", "--circle", "20min"], "20min"),
    (["coverage", "--kinds", "party_mass_center,library"], "library"),
    (["coverage", "--link", "0"], "--link"),
    (["coverage", "--decay", "linear"], "--decay"),
    (["report", "underserved", "--radius", "0"], "--radius")
])
func coverageRejectsBadOptions(args: [String], mentions: String) throws {
    let dir = try CLI.temporaryDirectory()
    let r = try CLI.run(
        args + ["--db", dir.appendingPathComponent("none.gpkg").path],
        environment: ["GRIDPLAN_HOME": CLI.repositoryRoot.path])
    #expect(r.status == 64)
    #expect(r.stderr.contains(mentions), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
}
