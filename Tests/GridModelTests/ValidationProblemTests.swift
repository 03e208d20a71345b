import Testing
@testable import GridModel

@Test func problemPrintsFileLocationFieldMessageExpected() {
    let p = ValidationProblem(
        file: "buildings.csv", location: "line 7", field: "households",
        message: "-3 is negative", expected: "an integer ≥ 0")
    #expect(p.description == "buildings.csv:line 7: households: -3 is negative (an integer ≥ 0)")
}

@Test func reportCapsAtLimitAndCounts() {
    let problems = (1...60).map { ValidationProblem(file: "a.csv", location: "line \($0)", message: "bad") }
    let text = InputError(problems: problems).report(limit: 50)
    let lines = text.split(separator: "\n")
    #expect(lines.count == 52)
    #expect(lines[50] == "... and 10 more problems")
    #expect(lines[51].hasPrefix("60 problems found"))
}
