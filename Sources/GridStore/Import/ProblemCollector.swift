import GridLocale
import GridModel

/// Where a record sits in its file: a CSV line (1-based, the header is line 1), a GeoJSON or
/// GDAL feature index (0-based, as GDAL counts) or a spreadsheet row (1-based, the header is
/// row 1). Kept compact; the text is made on demand.
struct RecordLocation: Hashable, Sendable {
    enum Kind: UInt8, Sendable { case line, feature, row }
    var number: Int32
    var kind: Kind

    static func line(_ n: Int) -> RecordLocation { RecordLocation(number: Int32(clamping: n), kind: .line) }
    static func feature(_ n: Int) -> RecordLocation { RecordLocation(number: Int32(clamping: n), kind: .feature) }
    static func row(_ n: Int) -> RecordLocation { RecordLocation(number: Int32(clamping: n), kind: .row) }

    var isFeature: Bool { kind == .feature }

    /// `line 7`, `feature 12` or `row 3`, as `ValidationProblem.location` prints it.
    var text: String {
        switch kind {
        case .line: return "line \(number)"
        case .feature: return "feature \(number)"
        case .row: return "row \(number)"
        }
    }

    /// The location as a message (`第7行`, `要素12`).
    var localText: LocalText {
        switch kind {
        case .line: LocalText("location.line", ["n": "\(number)"])
        case .feature: LocalText("location.feature", ["n": "\(number)"])
        case .row: LocalText("location.row", ["n": "\(number)"])
        }
    }
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

    /// A problem whose text is a catalogue message, written in the reader's language when shown.
    func add(file: String, location: String = "", field: String = "", message: LocalText, expected: LocalText?) {
        add(ValidationProblem(file: file, location: location, field: field, message: message, expected: expected))
    }

    func add(file: String, at location: RecordLocation, field: String = "", message: LocalText, expected: LocalText?) {
        totalCount += 1
        if problems.count < maxProblems {
            problems.append(
                ValidationProblem(file: file, location: location.text, field: field, message: message, expected: expected))
        }
    }

    /// The collected problems as the error an import throws.
    var error: InputError { InputError(problems: problems, totalCount: totalCount) }
}
