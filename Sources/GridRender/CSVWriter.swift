import GridLocale

/// Builds RFC 4180 CSV text: fields quoted when they hold a comma, quote or line break.
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init(header: [String]) { appendRow(header) }

    public mutating func appendRow(_ fields: [String]) {
        text += fields.map(CSVWriter.escape).joined(separator: ",") + "\n"
    }

    /// `csv` with its header row (contract names) replaced by the catalogue's names in
    /// `language` (`csv.<name>`), for `--headers zh`; the rows are unchanged.
    public static func header(of csv: String, in language: Language) -> String {
        guard language != .en, let end = csv.firstIndex(of: "\n") else { return csv }
        let names = csv[..<end].split(separator: ",", omittingEmptySubsequences: false)
        return names.map { escape(language.tr("csv.\($0)")) }.joined(separator: ",") + String(csv[end...])
    }

    public static func escape(_ field: String) -> String {
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}

import Foundation
