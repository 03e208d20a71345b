import GridModel

/// Where a record sits in its file: a CSV line (1-based, the header is line 1) or a
/// GeoJSON feature index (0-based, as GDAL counts). Kept compact; the text is made on demand.
struct RecordLocation: Hashable, Sendable {
    var number: Int32
    var isFeature: Bool

    static func line(_ n: Int) -> RecordLocation { RecordLocation(number: Int32(clamping: n), isFeature: false) }
    static func feature(_ n: Int) -> RecordLocation { RecordLocation(number: Int32(clamping: n), isFeature: true) }

    /// `line 7` or `feature 12`, as `ValidationProblem.location` prints it.
    var text: String { isFeature ? "feature \(number)" : "line \(number)" }
}

/// Collects every problem of an import: all are counted, the first `maxProblems` are kept.
final class ProblemCollector {
    let maxProblems: Int
    private(set) var problems: [ValidationProblem] = []
    private(set) var totalCount = 0

    init(maxProblems: Int) { self.maxProblems = max(0, maxProblems) }

    var isEmpty: Bool { totalCount == 0 }

    func add(_ problem: ValidationProblem) {
        totalCount += 1
        if problems.count < maxProblems { problems.append(problem) }
    }

    func add(file: String, location: String = "", field: String = "", message: String, expected: String = "") {
        add(ValidationProblem(file: file, location: location, field: field, message: message, expected: expected))
    }

    func add(file: String, at location: RecordLocation, field: String = "", message: String, expected: String = "") {
        // Build the location text only while problems are still being stored.
        totalCount += 1
        if problems.count < maxProblems {
            problems.append(ValidationProblem(file: file, location: location.text, field: field,
                                              message: message, expected: expected))
        }
    }

    /// The collected problems as the error an import throws.
    var error: InputError { InputError(problems: problems, totalCount: totalCount) }
}
