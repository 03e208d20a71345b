/// One thing wrong with the input, printed as `FILE:LOCATION: FIELD: message (expected)`.
public struct ValidationProblem: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file name (`buildings.csv`), or a pseudo-source such as `--crs`.
    public var file: String
    /// `line N` for CSV, `feature N` (0-based, as GDAL counts) for GeoJSON, or empty.
    public var location: String
    /// The field or property at fault (`households`, `geometry`, ...), or empty.
    public var field: String
    /// What is wrong.
    public var message: String
    /// What was expected, or empty.
    public var expected: String

    public init(file: String, location: String = "", field: String = "", message: String, expected: String = "") {
        self.file = file; self.location = location; self.field = field; self.message = message; self.expected = expected
    }

    public var description: String {
        var s = file
        if !location.isEmpty { s += ":" + location }
        s += ": "
        if !field.isEmpty { s += field + ": " }
        s += message
        if !expected.isEmpty { s += " (" + expected + ")" }
        return s
    }
}

/// Every problem found in one input; an import that throws this changes nothing.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var problems: [ValidationProblem]
    /// How many problems there were in all (the list may be capped).
    public var totalCount: Int

    public init(problems: [ValidationProblem], totalCount: Int? = nil) {
        self.problems = problems
        self.totalCount = totalCount ?? problems.count
    }

    /// The first `limit` problems, one a line, then a count line.
    public func report(limit: Int = 50) -> String {
        var lines = problems.prefix(limit).map(\.description)
        if totalCount > lines.count {
            lines.append("... and \(totalCount - lines.count) more problems")
        }
        lines.append("\(totalCount) problem\(totalCount == 1 ? "" : "s") found; nothing was imported")
        return lines.joined(separator: "\n")
    }

    public var description: String { report() }
}

/// A usage error (bad option value, missing store ...): exit code 64.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
