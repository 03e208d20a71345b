import GridLocale

/// How a layer's columns (CSV and sheet headers, GeoJSON property keys, GDAL fields) became
/// contract fields: by their English name, a built-in Chinese alias (`PlannerVocabulary`) or an
/// explicit `fields` mapping in `dataset.json`. Shared by all rows of a layer.
final class ColumnMapping {
    /// Contract field → column index (CSV, GDAL).
    private(set) var columns: [String: Int] = [:]
    /// Contract field → the column as written in the file, for fields named by an alias or a
    /// mapping (messages name the column the planner sees; GeoJSON rows look values up by it).
    private(set) var written: [String: String] = [:]
    /// Every column in file order with the field it became (nil: ignored), for the dry run.
    private(set) var assignments: [ColumnAssignment] = []

    /// The mapping of a file read by its English names only (nothing renamed).
    /// (Never mutated: `resolve` builds fresh mappings.)
    nonisolated(unsafe) static let identity = ColumnMapping()

    /// True when no column was renamed: rows can look fields up by their contract names.
    var isIdentity: Bool { written.isEmpty }

    /// Resolves `header` (in file order). `explicit` maps contract field → column as written
    /// (dataset.json); `lowercase` folds English names as the CSV reader always has. Reports an
    /// ambiguous header (two different columns for one field, naming both) and an explicit
    /// mapping naming a column that is not there.
    static func resolve(
        header: [String], explicit: [String: String], lowercase: Bool,
        file: String, location: String, entity: String, problems: ProblemCollector
    ) -> ColumnMapping {
        let mapping = ColumnMapping()
        var fieldOfExplicit: [String: String] = [:]
        for (field, column) in explicit { fieldOfExplicit[trimmed(column)] = field }
        var byAlias: Set<String> = []
        var seen: [String: String] = [:]  // field → the column text that took it
        for (i, raw) in header.enumerated() {
            let h = trimmed(raw)
            let field: String
            var renamed = false
            if let f = fieldOfExplicit[h] {
                field = f; renamed = true
            } else if let f = PlannerVocabulary.fieldOfAlias[h] {
                // the mapping wins
                if explicit[f] != nil {
                    mapping.assignments.append(ColumnAssignment(column: h, field: nil))
                    continue
                }
                field = f; renamed = true
            } else {
                field = lowercase ? h.lowercased() : h
                if explicit[field] != nil {
                    mapping.assignments.append(ColumnAssignment(column: h, field: nil))
                    continue
                }
            }
            if let first = seen[field] {
                // The same header twice keeps the first, as before; two different names for one field are ambiguous.
                if first.lowercased() != h.lowercased() && (renamed || byAlias.contains(field)) {
                    problems.add(
                        file: file, location: location, field: "\(first), \(h)",
                        message: LocalText("problem.column.both_map", ["field": field]),
                        expected: LocalText("expected.column.one_per_field", ["layer": entity]))
                }
                mapping.assignments.append(ColumnAssignment(column: h, field: nil))
                continue
            }
            seen[field] = h
            mapping.columns[field] = i
            if renamed { byAlias.insert(field); mapping.written[field] = lowercase ? h : raw }
            mapping.assignments.append(ColumnAssignment(column: h, field: field))
        }
        for (field, column) in explicit.sorted(by: { $0.key < $1.key }) where seen[field] == nil {
            problems.add(
                file: file, location: location, field: column,
                message: LocalText("problem.column.no_such", ["field": field]),
                expected: LocalText("expected.column.of_file", ["columns": header.map(trimmed).joined(separator: ", ")]))
        }
        return mapping
    }

    /// The field as the file writes it: the column's own name when it was renamed.
    func shown(_ field: String) -> String {
        if written.isEmpty { return field }
        if let w = written[field] { return trimmed(w) }
        guard field.contains(",") else { return field }
        return field.split(separator: ",").map { written[String($0)].map(trimmed) ?? String($0) }.joined(separator: ",")
    }

    /// The fields the header provides.
    var fields: Set<String> { Set(columns.keys) }
}
