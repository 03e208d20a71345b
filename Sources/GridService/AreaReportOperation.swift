import Foundation
import GridAnalysis
import GridModel

/// Options of `report area` (CLI long options in camelCase; JSON-RPC params in snake_case).
public struct AreaReportOptions: Codable, Sendable {
    /// A standards file replacing the bundled `seeds/standards.json`.
    public var standards: String?
    /// m² per 100 households to apply instead of area.per100 (80: the aspiration rule).
    public var standard: Double?
    /// Exactly these facility kinds count, embedded or not (`party_mass_center,city_study`).
    public var countKinds: [String]?
    /// `community` (default) or `reach`.
    public var allocate: String?
    /// Reach of community- and grid-level facilities for `reach` allocation, m (default reach.default).
    public var radius: Double?
    /// `community` (default) or `grid`: also report per grid.
    public var by: String?
    /// List only the communities below the standard.
    public var shortOnly: Bool?

    public init(standards: String? = nil, standard: Double? = nil, countKinds: [String]? = nil,
                allocate: String? = nil, radius: Double? = nil, by: String? = nil, shortOnly: Bool? = nil) {
        self.standards = standards; self.standard = standard; self.countKinds = countKinds
        self.allocate = allocate; self.radius = radius; self.by = by; self.shortOnly = shortOnly
    }
}

extension ServiceContext {
    /// `report area`: facility area per 100 households against the standard.
    public func areaReport(_ options: AreaReportOptions) throws -> AreaReport {
        let standards = try ProjectResources.loadStandards(path: options.standards)
        let parameters = try AreaReportOptions.parameters(options, standards: standards)
        // By community, the buildings matter only as household totals: one SQL aggregate
        // instead of reading every row (megacity: 500k buildings).
        let perBuilding = parameters.byGrid || parameters.allocation == .reach
        let snapshot = try snapshot(layers: perBuilding ? [.communities, .grids, .buildings, .facilities]
                                                        : [.communities, .facilities, .householdTotals])
        if parameters.byGrid && !snapshot.buildings.contains(where: { $0.gridId != nil }) && snapshot.grids.isEmpty {
            throw UsageError("--by grid: the store has no grids yet (run `gridplan grids plan --apply` first)")
        }
        progress.report(stage: "area standard", done: 0, total: 1)
        let report = AreaStandard.report(snapshot, parameters)
        progress.report(stage: "area standard", done: 1, total: 1)
        return report
    }
}

extension AreaReportOptions {
    /// Validates the options against the standards and builds the analysis parameters.
    public static func parameters(_ o: AreaReportOptions, standards: PolicyStandards) throws -> AreaStandardParameters {
        let rule = try appliedRule(o.standard, standards: standards)

        let method = o.allocate ?? "community"
        guard let allocation = AreaAllocationMethod(rawValue: method) else {
            throw UsageError("--allocate: unknown method '\(method)' (expected community or reach)")
        }

        if let r = o.radius, !(r.isFinite && r > 0) {
            throw UsageError("--radius: \(r) is not a distance (expected a positive number of metres)")
        }
        var selection = FacilitySelection(standards: standards, radius: o.radius)
        if let given = o.countKinds {
            let names = given.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            var kinds = Set<FacilityKind>()
            for n in names {
                guard let k = FacilityKind(rawValue: n) else {
                    throw UsageError("--count-kinds: unknown facility kind '\(n)' (expected some of \(FacilityKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                kinds.insert(k)
            }
            if kinds.isEmpty {
                throw UsageError("--count-kinds: no kinds given (expected a comma-separated list such as party_mass_center,party_mass_station)")
            }
            selection = FacilitySelection(countedKinds: kinds, countEmbeddedOthers: false,
                                          radius: selection.radius, streetReach: selection.streetReach)
        }

        let byGrid: Bool
        switch o.by ?? "community" {
        case "community": byGrid = false
        case "grid": byGrid = true
        case let s: throw UsageError("--by: unknown level '\(s)' (expected community or grid)")
        }

        return AreaStandardParameters(rule: rule, selection: selection, allocation: allocation,
                                      areaBasis: standards["area.basis"]?.values?.first ?? "usable",
                                      byGrid: byGrid, shortOnly: o.shortOnly ?? false)
    }

    /// The rule behind `--standard`: area.per100 by default; the rule of the file whose value
    /// equals the number given (area.per100 or area.per100.aspiration); otherwise a rule of the
    /// command line.
    static func appliedRule(_ given: Double?, standards: PolicyStandards) throws -> AppliedRule {
        func applied(_ id: String, fallback: Double) -> AppliedRule {
            let r = standards[id]
            return AppliedRule(id: id, value: r?.value ?? fallback, unit: r?.unit ?? "m2 per 100 households",
                               source: r?.source ?? "gridplan default")
        }
        let base = applied("area.per100", fallback: 30)
        guard let v = given else { return base }
        guard v.isFinite && v >= 0 else {
            throw UsageError("--standard: \(v) is not an area (expected m² per 100 households, ≥ 0, such as 30 or 80)")
        }
        if v == base.value { return base }
        let aspiration = applied("area.per100.aspiration", fallback: 80)
        if v == aspiration.value { return aspiration }
        return AppliedRule(id: "area.per100", value: v, unit: base.unit, source: "command line (--standard)")
    }
}
