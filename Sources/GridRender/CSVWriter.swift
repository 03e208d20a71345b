/// Builds RFC 4180 CSV text: fields quoted when they hold a comma, quote or line break.
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init(header: [String]) { appendRow(header) }

    public mutating func appendRow(_ fields: [String]) {
        text += fields.map(CSVWriter.escape).joined(separator: ",") + "\n"
    }

    public static func escape(_ field: String) -> String {
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}

import Foundation
