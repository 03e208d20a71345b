import Foundation
import GridLocale

/// One rule of the standards file: id, value, unit and where it comes from.
public struct PolicyRule: Codable, Sendable, Hashable {
    public var id: String
    /// A number (most rules), or nil when the rule is a list or a text (see `values`, `text`).
    public var value: Double?
    /// Upper bound for ranges (grid households 300–500: value 300, max 500).
    public var max: Double?
    /// List values (counted facility kinds, rating levels).
    public var values: [String]?
    public var unit: String
    public var description: String
    public var source: String

    public init(
        id: String, value: Double? = nil, max: Double? = nil, values: [String]? = nil,
        unit: String, description: String, source: String
    ) {
        self.id = id; self.value = value; self.max = max; self.values = values
        self.unit = unit; self.description = description; self.source = source
    }
}

/// The policy rules gridplan applies, loaded from a JSON standards file
/// (`seeds/standards.json` by default; localities override it with their own).
public struct PolicyStandards: Sendable {
    /// File the rules came from, as reports name it.
    public var source: String
    public var rules: [String: PolicyRule]

    public init(source: String, rules: [PolicyRule]) {
        self.source = source
        self.rules = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { _, b in b })
    }

    /// The file layout: `{"name": ..., "rules": [PolicyRule]}`.
    struct File: Codable { var name: String?; var rules: [PolicyRule] }

    /// Reads a standards file; throws a `ValidationProblem` naming the file on bad content.
    public static func load(from url: URL) throws -> PolicyStandards {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ValidationProblem(
                file: url.path, message: LocalText("problem.standards.unreadable"),
                expected: LocalText("expected.standards.readable"))
        }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            return PolicyStandards(source: url.path, rules: file.rules)
        } catch {
            throw ValidationProblem(
                file: url.path, message: LocalText("problem.standards.invalid", ["detail": "\(error)"]),
                expected: LocalText("expected.standards.layout"))
        }
    }

    /// The rule with `id`, or nil.
    public subscript(id: String) -> PolicyRule? { rules[id] }

    /// The numeric value of a rule, or `fallback` when the file lacks it.
    public func value(_ id: String, default fallback: Double) -> Double {
        rules[id]?.value ?? fallback
    }

    /// m² of usable area required per 100 households (area.per100, default 30).
    public var areaPer100: Double { value("area.per100", default: 30) }
    /// Facility kinds that always count toward the area (area.counted_kinds).
    public var countedKinds: Set<FacilityKind> {
        let names = rules["area.counted_kinds"]?.values ?? ["party_mass_center", "party_mass_station"]
        return Set(names.compactMap(FacilityKind.init(rawValue:)))
    }
    /// Default coverage radius in metres (reach.default, 500).
    public var defaultRadius: Double { value("reach.default", default: 500) }
    /// Reach of street-level facilities (reach.15min, 1,000 m).
    public var streetLevelReach: Double { value("reach.15min", default: 1000) }
}
