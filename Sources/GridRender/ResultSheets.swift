import Foundation
import GridFormats
import GridLocale
import GridXLSX

/// A result's JSON document as worksheets, so the workbook says exactly what `--format json`
/// says: a summary sheet (what was run, when, and every top-level figure, nested objects with
/// dotted names such as `total.households`) and one sheet per list of records (`communities`,
/// `sites`, `grids`), a record's own lists as sheets of their own (`grids.buildings`) whose
/// first column names the parent record. Numbers stay numbers, shown with as many decimals as
/// the JSON gives in that column; lists of plain values are joined with `; `.
public enum ResultSheets {
    /// The sheets of `document` (a result's JSON object). `about` rows (what, standard, CRS,
    /// date) open the summary sheet; headers and sheet names are in `language`
    /// (`WorkbookHeaders`).
    public static func sheets(_ document: JSONValue, about: [(String, String)], language: Language) -> [Sheet] {
        var summary: [(String, JSONValue)] = []
        var tables: [Table] = []
        if case .object(let object) = document {
            collect(object, prefix: "", summary: &summary, tables: &tables)
        } else {
            summary.append(("value", document))
        }
        var summaryRows: [[Sheet.Cell]] = about.map { [.text(WorkbookHeaders.header($0.0, language)), .text($0.1)] }
        for (key, value) in summary {
            summaryRows.append([.text(WorkbookHeaders.header(key, language)), cell(value)])
        }
        var sheets = [
            Sheet(
                name: WorkbookHeaders.sheetName("summary", language),
                headers: [WorkbookHeaders.header("field", language), WorkbookHeaders.header("value", language)],
                rows: summaryRows)
        ]
        // The summary mixes quantities: each value keeps its own decimals; a table's columns share theirs.
        for table in tables {
            sheets.append(WorkbookHeaders.uniformDecimals(table.sheet(language)))
        }
        return sheets
    }

    /// One list of records flattened: its columns in order of first appearance.
    struct Table {
        var name: String
        var columns: [String] = []
        var index: [String: Int] = [:]
        var rows: [[String: JSONValue]] = []

        mutating func add(_ row: [(String, JSONValue)]) {
            var values: [String: JSONValue] = [:]
            for (key, value) in row {
                if index[key] == nil {
                    index[key] = columns.count
                    columns.append(key)
                }
                values[key] = value
            }
            rows.append(values)
        }

        /// Columns that name a row come first (the parent, rank, id, name), the rest in JSON order.
        static let leading = ["rank", "id", "candidate_id", "leader_id", "organization_id", "name"]

        func sheet(_ language: Language) -> Sheet {
            let parent = columns.first.flatMap { $0.hasSuffix("_id") && rows.allSatisfy { $0[columns[0]] != nil } ? $0 : nil }
            let first = (parent.map { [$0] } ?? []) + Table.leading.filter { index[$0] != nil && $0 != parent }
            let ordered = first + columns.filter { !first.contains($0) }
            return Sheet(
                name: WorkbookHeaders.sheetName(name, language),
                headers: ordered.map { WorkbookHeaders.header($0, language) },
                rows: rows.map { row in ordered.map { row[$0].map(cell) ?? .empty } })
        }
    }

    static func collect(
        _ object: JSONObject, prefix: String, summary: inout [(String, JSONValue)], tables: inout [Table]
    ) {
        for (key, value) in object.members {
            let name = prefix + key
            switch value {
            case .object(let inner): collect(inner, prefix: name + ".", summary: &summary, tables: &tables)
            case .array(let items) where items.contains(where: { $0.objectValue != nil }):
                table(name, items, parent: nil, tables: &tables)
            case .array(let items): summary.append((name, joined(items)))
            default: summary.append((name, value))
            }
        }
    }

    /// Adds the records `items` as table `name` (and their own lists as further tables);
    /// `parent` is the column and value naming the record they belong to.
    static func table(_ name: String, _ items: [JSONValue], parent: (String, JSONValue)?, tables: inout [Table]) {
        let position = tables.count
        tables.append(Table(name: name))
        var children: [(String, [JSONValue], (String, JSONValue))] = []
        for (n, item) in items.enumerated() {
            var row: [(String, JSONValue)] = []
            if let parent { row.append(parent) }
            guard case .object(let object) = item else {
                row.append(("value", item))
                tables[position].add(row)
                continue
            }
            let key = object["id"] ?? object["rank"] ?? object["candidate_id"] ?? .number(JSONNumber(n + 1))
            flatten(object, prefix: "", into: &row) { childKey, childItems in
                if !childItems.isEmpty { children.append((name + "." + childKey, childItems, (parentColumn(name), key))) }
            }
            tables[position].add(row)
        }
        // Child lists of every record go to one sheet per key, in record order.
        var order: [String] = []
        var grouped: [String: [(JSONValue, (String, JSONValue))]] = [:]
        for (childName, childItems, parentRef) in children {
            if grouped[childName] == nil { order.append(childName) }
            grouped[childName, default: []] += childItems.map { ($0, parentRef) }
        }
        for childName in order {
            guard let entries = grouped[childName] else { continue }
            let childPosition = tables.count
            tables.append(Table(name: childName))
            for (item, parentRef) in entries {
                var row: [(String, JSONValue)] = [parentRef]
                if case .object(let object) = item {
                    // Lists of records two levels down are kept as their JSON text.
                    var deeper: [(String, JSONValue)] = []
                    flatten(object, prefix: "", into: &row) { key, values in
                        deeper.append((key, joined(values.map { .string($0.description) })))
                    }
                    row += deeper
                } else {
                    row.append(("value", item))
                }
                tables[childPosition].add(row)
            }
        }
    }

    /// `communities` → `community_id`: the column naming a child row's parent record.
    static func parentColumn(_ table: String) -> String {
        let last = table.split(separator: ".").last.map(String.init) ?? table
        var singular = last
        if singular.hasSuffix("ies") {
            singular = String(singular.dropLast(3)) + "y"
        } else if singular.hasSuffix("s") {
            singular = String(singular.dropLast())
        }
        return singular + "_id"
    }

    static func flatten(
        _ object: JSONObject, prefix: String, into row: inout [(String, JSONValue)],
        list: (String, [JSONValue]) -> Void
    ) {
        for (key, value) in object.members {
            let name = prefix + key
            switch value {
            case .object(let inner): flatten(inner, prefix: name + ".", into: &row, list: list)
            // An empty list is no value: it may be a list of records in the other rows.
            case .array(let items) where items.isEmpty || items.contains(where: { $0.objectValue != nil }): list(name, items)
            case .array(let items): row.append((name, joined(items)))
            default: row.append((name, value))
            }
        }
    }

    static func joined(_ items: [JSONValue]) -> JSONValue {
        .string(
            items.map { item -> String in
                switch item {
                case .string(let s): return s
                case .number(let n): return n.text
                case .bool(let b): return b ? "true" : "false"
                case .null: return ""
                default: return item.description
                }
            }.joined(separator: "; "))
    }

    /// A JSON value as a cell: numbers with the decimals their text shows.
    static func cell(_ value: JSONValue) -> Sheet.Cell {
        switch value {
        case .string(let s): return .text(s)
        case .number(let n): return .number(n.double, decimals: decimals(n.text))
        case .bool(let b): return .boolean(b)
        case .null: return .empty
        default: return .text(value.description)
        }
    }

    /// Digits after the point of a JSON number's text (`1.5e-07` → 8), at most 10.
    static func decimals(_ text: String) -> Int {
        let lower = text.lowercased()
        var mantissa = Substring(lower), exponent = 0
        if let e = lower.firstIndex(of: "e") {
            mantissa = lower[..<e]
            exponent = Int(lower[lower.index(after: e)...]) ?? 0
        }
        let fraction = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
        return min(10, max(0, fraction - exponent))
    }
}
