import GridLocale
import Foundation
import GridAnalysis
import GridModel
import GridRender

/// Options of `report area` (JSON-RPC `report.area`).
public struct AreaReportOptions: OperationOptions {
    /// A standards file replacing the bundled `seeds/standards.json`.
    public var standards: String?
    /// m² per 100 households to apply instead of area.per100 (80: the aspiration rule).
    public var standard: Double?
    /// Exactly these facility kinds count, embedded or not (`party_mass_center,city_study`).
    public var countKinds: [String]?
    /// How facility area is attributed to communities.
    public var allocate: AreaAllocationMethod
    /// Reach of community- and grid-level facilities for `reach` allocation, m (default reach.default).
    public var radius: Double?
    /// `community`, or `grid` to also report per grid.
    public var by: AreaReportLevel
    /// List only the communities below the standard.
    public var shortOnly: Bool

    public init(
        standards: String? = nil, standard: Double? = nil, countKinds: [String]? = nil,
        allocate: AreaAllocationMethod = .community, radius: Double? = nil, by: AreaReportLevel = .community,
        shortOnly: Bool = false
    ) {
        self.standards = standards; self.standard = standard; self.countKinds = countKinds
        self.allocate = allocate; self.radius = radius; self.by = by; self.shortOnly = shortOnly
    }

    public static let fields: [OptionField] = [
        SharedFields.standards,
        SharedFields.standard, SharedFields.countKinds, SharedFields.allocate,
        SharedFields.radius.help(
            "Reach of community- and grid-level facilities for --allocate reach, metres (default reach.default)."),
        OptionField.choice(
            "by", AreaReportLevel.self, help: "community, or grid to add per-grid figures.", valueName: "level",
            default: .community),
        OptionField("short_only", .flag, help: "List only the communities below the standard.")
    ]

    public init(_ v: OptionValues) throws {
        self.init(
            standards: try v.text("standards"), standard: try v.number("standard"), countKinds: try v.list("count_kinds"),
            allocate: try v.choice("allocate", AreaAllocationMethod.self) ?? .community, radius: try v.number("radius"),
            by: try v.choice("by", AreaReportLevel.self) ?? .community, shortOnly: try v.flag("short_only") ?? false)
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
        let snapshot = try snapshot(
            layers: perBuilding
                ? [.communities, .grids, .buildings, .facilities]
                : [.communities, .facilities, .householdTotals])
        if parameters.byGrid && !snapshot.buildings.contains(where: { $0.gridId != nil }) && snapshot.grids.isEmpty {
            throw UsageError(key: "usage.area_report_operation.1")
        }
        progress.report(stage: LocalText("progress.stage.area_standard"), done: 0, total: 1)
        let report = AreaStandard.report(snapshot, parameters)
        progress.report(stage: LocalText("progress.stage.area_standard"), done: 1, total: 1)
        return report
    }
}

extension AreaReportOptions {
    /// Validates the options against the standards and builds the analysis parameters.
    public static func parameters(_ o: AreaReportOptions, standards: PolicyStandards) throws -> AreaStandardParameters {
        let rule = try appliedRule(o.standard, standards: standards)

        if let r = o.radius, !(r.isFinite && r > 0) {
            throw UsageError(key: "usage.area_report_operation.2", ["r": "\(r.optionText)"])
        }
        var selection = FacilitySelection(standards: standards, radius: o.radius)
        if let given = o.countKinds {
            // Each name was checked against the kinds when the options were read.
            let kinds = Set(given.compactMap(FacilityKind.init(rawValue:)))
            if kinds.isEmpty {
                throw UsageError(key: "usage.area.count_kinds_empty")
            }
            selection = FacilitySelection(
                countedKinds: kinds, countEmbeddedOthers: false,
                radius: selection.radius, streetReach: selection.streetReach)
        }

        return AreaStandardParameters(
            rule: rule, selection: selection, allocation: o.allocate,
            areaBasis: standards["area.basis"]?.values?.first ?? "usable",
            byGrid: o.by == .grid, shortOnly: o.shortOnly)
    }

    /// The rule behind `--standard`: area.per100 by default; the rule of the file whose value
    /// equals the number given (area.per100 or area.per100.aspiration); otherwise a rule of the
    /// command line.
    static func appliedRule(_ given: Double?, standards: PolicyStandards) throws -> AppliedRule {
        func applied(_ id: String, fallback: Double) -> AppliedRule {
            let r = standards[id]
            return AppliedRule(
                id: id, value: r?.value ?? fallback, unit: r?.unit ?? "m2 per 100 households",
                source: r?.source ?? "gridplan default")
        }
        let base = applied("area.per100", fallback: 30)
        guard let v = given else { return base }
        guard v.isFinite && v >= 0 else {
            throw UsageError(key: "usage.area_report_operation.3", ["v": "\(v.optionText)"])
        }
        if v == base.value { return base }
        let aspiration = applied("area.per100.aspiration", fallback: 80)
        if v == aspiration.value { return aspiration }
        return AppliedRule(id: "area.per100", value: v, unit: base.unit, source: "command line (--standard)")
    }
}

extension ServiceContext {
    /// `report area --format geojson`: communities (and grids, by grid) with their figures.
    public func areaReportGeoJSON(_ report: AreaReport) throws -> String {
        let snapshot = try snapshot()
        return AreaReportRendering.geojson(report, communities: snapshot.communities, grids: snapshot.grids)
    }
}
