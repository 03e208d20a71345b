import GridLocale

/// One thing wrong with the input, printed as `FILE:LOCATION: FIELD: message (expected)`.
/// `message` and `expected` hold the English (JSON-RPC `data.problems`, the same in every
/// language); `text(_:)` is the line in the reader's language. The file and the field are
/// always as written in the dataset.
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

    /// The message and expectation by catalogue key (nil: a problem not yet in the catalogue,
    /// shown as `message`).
    public var messageText: LocalText?
    public var expectedText: LocalText?

    enum CodingKeys: String, CodingKey { case file, location, field, message, expected }

    public init(file: String, location: String = "", field: String = "", message: String, expected: String = "") {
        self.file = file; self.location = location; self.field = field; self.message = message; self.expected = expected
    }

    /// A problem whose message and expectation are catalogue texts.
    public init(file: String, location: String = "", field: String = "", message: LocalText, expected: LocalText? = nil) {
        self.init(
            file: file, location: location, field: field, message: message.text(.en), expected: expected?.text(.en) ?? "")
        self.messageText = message
        self.expectedText = expected
    }

    public var description: String { text(.en) }

    /// `FILE:LOCATION: FIELD: problem (expected)` in `language`.
    public func text(_ language: Language) -> String {
        var s = file
        if !location.isEmpty { s += ":" + ValidationProblem.location(location, language) }
        s += ": "
        if !field.isEmpty { s += field + ": " }
        s += messageText?.text(language) ?? message
        let expectation = expectedText?.text(language) ?? expected
        if !expectation.isEmpty { s += language == .zh ? "（应为" + expectation + "）" : " (" + expectation + ")" }
        return s
    }

    /// `line 7`, `feature 12`, `row 3`, `line 2, column 5` in `language` (other texts unchanged).
    public static func location(_ text: String, _ language: Language) -> String {
        guard language != .en else { return text }
        let parts = text.split(separator: " ").map(String.init)
        if parts.count == 2, Int(parts[1]) != nil, ["line", "feature", "row"].contains(parts[0]) {
            return language.tr("location.\(parts[0])", ["n": parts[1]])
        }
        if parts.count == 4, parts[0] == "line", parts[2] == "column", let line = Int(parts[1].dropLast(1)),
            Int(parts[3]) != nil, parts[1].hasSuffix(",")
        {
            return language.tr("location.line_column", ["line": String(line), "column": parts[3]])
        }
        return text
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

    /// The first `limit` problems, one a line, then a count line, in `language`.
    public func report(limit: Int = 50, language: Language = .en) -> String {
        var lines = problems.prefix(limit).map { $0.text(language) }
        if totalCount > lines.count {
            lines.append(language.tr("input.more", ["count": String(totalCount - lines.count)]))
        }
        lines.append(language.tr(totalCount == 1 ? "input.total.one" : "input.total.many", ["count": String(totalCount)]))
        return lines.joined(separator: "\n")
    }

    public var description: String { report() }
}

/// A usage error (bad option value, missing store ...): exit code 64.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    /// The English text.
    public var message: String
    /// The text in each language (nil: not yet in the catalogue, shown as `message`).
    public var localized: (@Sendable (Language) -> String)?
    public init(_ message: String) { self.message = message }
    /// A usage error whose text is the catalogue's `key`.
    public init(key: String, _ arguments: [String: String] = [:]) {
        self.init { Catalogue.text(key, $0, arguments) }
    }
    /// A usage error written in each language by `text`.
    public init(_ text: @escaping @Sendable (Language) -> String) {
        self.message = text(.en)
        self.localized = text
    }
    public var description: String { message }
    /// The text in `language`.
    public func text(_ language: Language) -> String { localized?(language) ?? message }
}
