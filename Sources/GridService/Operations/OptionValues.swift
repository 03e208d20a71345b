import Foundation
import GridFormats
import GridLocale
import GridModel

/// The parameters of one call as a JSON object (from JSON-RPC, or built from argv by the CLI),
/// checked against the operation's fields and read by name into typed values. Every front end
/// decodes through here, so a value is accepted or refused the same way everywhere.
///
/// Errors are `UsageError`s naming the parameter by its flag and saying what was expected:
/// `--objective nope: expected cover, all or distance`.
public struct OptionValues: Sendable {
    public let object: JSONObject
    private let fields: [String: OptionField]

    /// Checks that every key is a field and every required field is present.
    public init(_ object: JSONObject, fields: [OptionField]) throws {
        var table: [String: OptionField] = [:]
        for f in fields where f.isOffered(on: .json) { table[f.name] = f }
        if let unknown = object.keys.first(where: { table[$0] == nil }) {
            let names = fields.filter { $0.isOffered(on: .json) }.map(\.name)
            throw UsageError(key: "error.unknown_parameter", ["name": unknown, "names": names.joined(separator: ", ")])
        }
        for f in fields where f.requirement == .always && object[f.name] == nil {
            throw UsageError(key: "error.missing_parameter", ["name": f.name, "option": f.displayName])
        }
        self.object = object
        self.fields = table
    }

    /// The given value, else the field's default; nil for JSON null.
    private func value(_ name: String) -> (OptionField, JSONValue)? {
        guard let field = fields[name] else { preconditionFailure("no field '\(name)' declared") }
        guard let v = object[name] ?? field.defaultValue, !v.isNull else { return nil }
        return (field, v)
    }

    /// `--x value: expected …`, in each language: `expected` is a catalogue key (`expected.number`),
    /// or the choices of `alternatives` are listed.
    private func refused(_ field: OptionField, _ value: JSONValue, _ expected: String, alternatives: ChoiceSet? = nil)
        -> UsageError
    {
        let given = value.stringValue ?? JSONWriter.write(value)
        let option = field.displayName, note = field.refusalNote
        return UsageError { l in
            let expectation = alternatives.map { $0.expectedText(l) } ?? l.tr(expected)
            var arguments = ["option": option, "value": given, "expected": expectation]
            guard let note else { return l.tr("error.refused", arguments) }
            arguments["note"] = Catalogue.has(note) ? l.tr(note) : note
            return l.tr("error.refused_note", arguments)
        }
    }

    public func text(_ name: String) throws -> String? {
        guard let (f, v) = value(name) else { return nil }
        guard let s = v.stringValue else { throw refused(f, v, "expected.text") }
        return s
    }

    public func integer(_ name: String) throws -> Int? {
        guard let (f, v) = value(name) else { return nil }
        guard let n = v.numberValue?.int else { throw refused(f, v, "expected.integer") }
        return n
    }

    public func number(_ name: String) throws -> Double? {
        guard let (f, v) = value(name) else { return nil }
        guard let n = v.numberValue?.double, n.isFinite else { throw refused(f, v, "expected.number") }
        return n
    }

    /// A file to write, where `-` (the CLI's stdout) means none: the front end gets the text.
    public func outputPath(_ name: String) throws -> String? {
        let path = try text(name)
        return path == "-" ? nil : path
    }

    /// A flag: nil when absent (and without default).
    public func flag(_ name: String) throws -> Bool? {
        guard let (f, v) = value(name) else { return nil }
        guard let b = v.boolValue else { throw refused(f, v, "expected.bool") }
        return b
    }

    /// A list of texts: each element split at commas, trimmed, empty parts dropped. The one
    /// place comma-separated lists are split.
    public func list(_ name: String) throws -> [String]? {
        guard let (f, v) = value(name) else { return nil }
        let items: [JSONValue]
        switch v {
        case .array(let a): items = a
        case .string: items = [v]
        default: throw refused(f, v, "expected.text_list")
        }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue else { throw refused(f, v, "expected.text_list") }
            out += Self.splitList(s)
        }
        if case .choiceList(let set) = f.kind {
            return try out.map { name in
                guard let value = set.canonical(name) else {
                    throw UsageError(
                        key: "error.some_of",
                        ["option": f.displayName, "value": name, "values": set.values.joined(separator: ", ")])
                }
                return value
            }
        }
        return out
    }

    /// "a, b,,c" → ["a", "b", "c"].
    public static func splitList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// One of `T`'s cases.
    public func choice<T: OptionChoice>(_ name: String, _ type: T.Type) throws -> T? {
        guard let (f, v) = value(name) else { return nil }
        let set: ChoiceSet
        if case .choice(let declared) = f.kind { set = declared } else { set = T.choiceSet }
        guard let s = v.stringValue, let c = T.choice(parsing: s), set.canonical(s) != nil else {
            throw refused(f, v, "", alternatives: set)
        }
        return c
    }

    /// An array of JSON objects, as given (each object is checked by the operation that reads it).
    public func objectList(_ name: String) throws -> JSONValue? {
        guard let (f, v) = value(name) else { return nil }
        guard let items = v.arrayValue, items.allSatisfy({ $0.objectValue != nil }) else {
            throw refused(f, v, "expected.object_list")
        }
        return v
    }

    /// `[[x, y], …]`.
    public func coordinatePairs(_ name: String) throws -> [[Double]]? {
        guard let (f, v) = value(name) else { return nil }
        guard let rows = v.arrayValue else { throw refused(f, v, "expected.pairs") }
        return try rows.map { row in
            guard let items = row.arrayValue else { throw refused(f, v, "expected.pairs") }
            return try items.map { n in
                guard let d = n.numberValue?.double else { throw refused(f, v, "expected.pairs") }
                return d
            }
        }
    }
}

extension Double {
    /// The number as a user typed it: `-3`, `2.5` (for messages about a given value).
    public var optionText: String { String(format: "%g", self) }
}
