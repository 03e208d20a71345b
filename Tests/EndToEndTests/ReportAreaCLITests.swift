import Foundation
import Testing
import TestSupport

/// Option errors are found before any store is read: exit 64 naming the option.
@Test(arguments: [
    (["--allocate", "nearest"], "--allocate"),
    (["--standard", "-5"], "--standard"),
    (["--count-kinds", "party_mass_center,library"], "library"),
    (["--by", "street"], "--by"),
    (["--radius", "0"], "--radius")
])
func reportAreaRejectsBadOptions(args: [String], mentions: String) throws {
    let dir = try CLI.temporaryDirectory()
    let r = try CLI.run(
        ["report", "area", "--db", dir.appendingPathComponent("none.gpkg").path] + args,
        environment: ["GRIDPLAN_HOME": CLI.repositoryRoot.path])
    #expect(r.status == 64)
    #expect(r.stderr.contains(mentions), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
}

@Test func reportAreaUnreadableStandardsFileIsBadData() throws {
    let dir = try CLI.temporaryDirectory()
    let bad = dir.appendingPathComponent("standards.json")
    try Data("{\"rules\": 3}".utf8).write(to: bad)
    let r = try CLI.run(["report", "area", "--standards", bad.path, "--db", dir.appendingPathComponent("none.gpkg").path])
    #expect(r.status == 65)
    #expect(r.stderr.contains(bad.path))
}
