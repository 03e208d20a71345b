import GridFormats
import GridLocale
import GridModel

/// One property value as found in a CSV cell or a GeoJSON property, before typing.
/// Empty CSV cells, empty strings and JSON `null` all read as `.absent`.
enum RawField {
    case absent
    case text(String)
    case number(JSONNumber)
    case bool(Bool)
    /// An array or object where a scalar was expected.
    case other(String)
}

/// One record of an entity file, CSV row, GeoJSON feature or GDAL feature (Shapefile, sheet
/// row, ...), with uniform property access by contract field name.
struct SourceRow {
    enum Storage {
        case csv(fields: [String], columns: [String: Int])
        case feature(properties: JSONObject?, feature: JSONObject)
        /// Values read through GDAL, already typed; `columns` maps contract fields to indices.
        case values(fields: [RawField], columns: [String: Int])
    }

    let file: String
    let location: RecordLocation
    let storage: Storage
    /// How the layer's columns became contract fields.
    var mapping: ColumnMapping = .identity

    subscript(_ name: String) -> RawField {
        switch storage {
        case .csv(let fields, let columns):
            guard let i = columns[name], i < fields.count else { return .absent }
            let t = trimmed(fields[i])
            return t.isEmpty ? .absent : .text(t)
        case .values(let fields, let columns):
            guard let i = columns[name], i < fields.count else { return .absent }
            return fields[i]
        case .feature(let properties, let feature):
            let key = mapping.isIdentity ? name : (mapping.written[name] ?? name)
            var value = properties?[key]
            if value == nil, name == "id" { value = feature["id"] }  // the GeoJSON feature id
            guard let value else { return .absent }
            switch value {
            case .null: return .absent
            case .string(let s):
                let t = trimmed(s)
                return t.isEmpty ? .absent : .text(t)
            case .number(let n): return .number(n)
            case .bool(let b): return .bool(b)
            case .array: return .other("an array")
            case .object: return .other("an object")
            }
        }
    }

    var isFeature: Bool { location.isFeature }
}

/// Removes leading and trailing spaces and tabs (fast path: nothing to trim).
@inline(__always)
func trimmed(_ s: String) -> String {
    let u = s.utf8
    guard let f = u.first, let l = u.last else { return s }
    func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }
    if !isSpace(f) && !isSpace(l) { return s }
    var start = u.startIndex, end = u.endIndex
    while start < end, isSpace(u[start]) { start = u.index(after: start) }
    while end > start, isSpace(u[u.index(before: end)]) { end = u.index(before: end) }
    return String(s[start..<end])
}

/// Typed reading of a row's properties; every failure becomes a problem naming the
/// file, the row's location and the field, and the reader returns nil.
struct FieldReader {
    let row: SourceRow
    let problems: ProblemCollector

    /// A problem whose message and expectation are catalogue texts; the field as written in the file.
    func report(_ field: String, _ message: LocalText, expected: LocalText?) {
        problems.add(file: row.file, at: row.location, field: row.mapping.shown(field), message: message, expected: expected)
    }

    /// `problem.<kind>` with the value as written.
    func report(_ field: String, _ kind: String, _ raw: RawField, expected: LocalText?) {
        report(
            field, LocalText("problem.\(kind)", ["value": FieldReader.shown(raw)], parts: FieldReader.shownParts(raw)),
            expected: expected)
    }

    /// The value as a message when it is not text of the file (an empty cell, an array, an object).
    static func shownParts(_ raw: RawField) -> [String: LocalText] {
        switch raw {
        case .absent: ["value": LocalText("value.empty")]
        case .other("an array"): ["value": LocalText("value.array")]
        case .other("an object"): ["value": LocalText("value.object")]
        default: [:]
        }
    }

    static let missing = LocalText("problem.missing")

    /// Text as the user wrote it, for messages.
    static func shown(_ raw: RawField) -> String {
        switch raw {
        case .absent: return "empty"
        case .text(let s): return "'\(s)'"
        case .number(let n): return n.text
        case .bool(let b): return b ? "true" : "false"
        case .other(let what): return what
        }
    }

    /// An identifier: a string, or a number kept as its decimal text.
    func identifier(_ name: String, required: Bool) -> String? {
        switch row[name] {
        case .absent:
            if required { report(name, FieldReader.missing, expected: LocalText("expected.id")) }
            return nil
        case .text(let s): return s
        case .number(let n): return n.text
        case let raw:
            report(name, "not_id", raw, expected: LocalText("expected.string_or_number"))
            return nil
        }
    }

    /// Free text; numbers and booleans are kept as written.
    func text(_ name: String, required: Bool = false) -> String? {
        switch row[name] {
        case .absent:
            if required { report(name, FieldReader.missing, expected: LocalText("expected.value")) }
            return nil
        case .text(let s): return s
        case .number(let n): return n.text
        case .bool(let b): return b ? "true" : "false"
        case let raw:
            report(name, "not_text", raw, expected: LocalText("expected.string"))
            return nil
        }
    }

    /// A number as a Double, or a problem message when the value is not one.
    private func numeric(_ raw: RawField) -> (value: Double, integer: Int?)? {
        switch raw {
        case .text(let s):
            if let i = Int(s) { return (Double(i), i) }
            if let d = Double(s) { return (d, nil) }
            return nil
        case .number(let n):
            if let i = n.int { return (Double(i), i) }
            return (n.double, nil)
        default: return nil
        }
    }

    /// An integer in `range` (counts: `0...`). Fractional, non-numeric and out-of-range values are problems.
    func integer(
        _ name: String, required: Bool, minimum: Int = 0, maximum: Int = Int.max,
        expected: LocalText = LocalText("expected.count")
    ) -> Int? {
        let raw = row[name]
        if case .absent = raw {
            if required { report(name, FieldReader.missing, expected: expected) }
            return nil
        }
        guard let parsed = numeric(raw) else {
            report(name, "not_number", raw, expected: expected)
            return nil
        }
        let d = parsed.value, exact = parsed.integer
        let value: Int
        if let exact {
            value = exact
        } else {
            guard d.isFinite else {
                report(name, "not_finite", raw, expected: expected); return nil
            }
            guard d == d.rounded(), abs(d) < 9.0e15 else {
                report(name, "not_whole", raw, expected: expected)
                return nil
            }
            value = Int(d)
        }
        if value < minimum {
            report(
                name,
                minimum == 0
                    ? LocalText("problem.negative", ["value": FieldReader.shown(raw)])
                    : LocalText("problem.below", ["value": FieldReader.shown(raw), "limit": String(minimum)]),
                expected: expected)
            return nil
        }
        if value > maximum {
            report(
                name, LocalText("problem.above", ["value": FieldReader.shown(raw), "limit": String(maximum)]), expected: expected)
            return nil
        }
        return value
    }

    /// A count: an integer ≥ 0.
    func count(_ name: String, required: Bool = false) -> Int? {
        integer(name, required: required)
    }

    /// A finite number ≥ `minimum` (areas, costs).
    func number(
        _ name: String, required: Bool = false, minimum: Double = 0,
        expected: LocalText = LocalText("expected.nonnegative")
    ) -> Double? {
        let raw = row[name]
        if case .absent = raw {
            if required { report(name, FieldReader.missing, expected: expected) }
            return nil
        }
        guard let d = numeric(raw)?.value else {
            report(name, "not_number", raw, expected: expected)
            return nil
        }
        guard d.isFinite else { report(name, "not_finite", raw, expected: expected); return nil }
        guard d >= minimum else {
            report(
                name,
                minimum == 0
                    ? LocalText("problem.negative", ["value": FieldReader.shown(raw)])
                    : LocalText("problem.below", ["value": FieldReader.shown(raw), "limit": "\(minimum)"]),
                expected: expected)
            return nil
        }
        return d
    }

    static let boolExpected = "true/false, 1/0 or 是/否"

    /// A boolean: JSON true/false, or the text true/false, yes/no, 1/0, 是/否 (any case).
    func bool(_ name: String) -> Bool? {
        let raw = row[name]
        switch raw {
        case .absent: return nil
        case .bool(let b): return b
        case .number(let n):
            if n.int == 1 { return true }
            if n.int == 0 { return false }
        case .text(let s):
            switch s.lowercased() {
            case "true", "t", "yes", "y", "1", "是": return true
            case "false", "f", "no", "n", "0", "否": return false
            default: break
            }
        case .other: break
        }
        report(name, "not_boolean", raw, expected: LocalText("expected.boolean"))
        return nil
    }

    /// One of an enumeration's raw values; the problem lists the allowed ones.
    func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type, required: Bool) -> E?
    where E.RawValue == String {
        let expected = LocalText("expected.one_of", ["values": E.allCases.map(\.rawValue).joined(separator: ", ")])
        let raw = row[name]
        switch raw {
        case .absent:
            if required { report(name, FieldReader.missing, expected: expected) }
            return nil
        case .text(let s):
            if let e = E(rawValue: s) ?? E(rawValue: s.lowercased())
                ?? PlannerVocabulary.value(s, field: name).flatMap(E.init(rawValue:))
            {
                return e
            }
            report(name, LocalText("problem.unknown_value", ["field": name, "value": s]), expected: expected)
            return nil
        default:
            report(name, LocalText("problem.not_a", ["field": name, "value": FieldReader.shown(raw)]), expected: expected)
            return nil
        }
    }

    /// An ISO calendar date `YYYY-MM-DD` that exists.
    func date(_ name: String, required: Bool) -> String? {
        let expected = LocalText("expected.date")
        let raw = row[name]
        if case .absent = raw {
            if required { report(name, FieldReader.missing, expected: expected) }
            return nil
        }
        guard case .text(let s) = raw, FieldReader.isValidDate(s) else {
            report(name, "not_date", raw, expected: expected)
            return nil
        }
        return s
    }

    static func isValidDate(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return false }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { guard b[i] >= 48 && b[i] <= 57 else { return nil }; v = v * 10 + Int(b[i] - 48) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }
}
