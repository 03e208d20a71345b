import GridLocale
import Foundation
import GridAnalysis
import GridModel
import GridStore

/// Options of `gridplan coverage` (and the JSON-RPC method `coverage`).
public struct CoverageOptions: OperationOptions {
    /// Reach of community- and grid-level facilities, metres (`--radius`).
    public var radius: Double?
    /// A life circle instead of a radius (`--circle`).
    public var circle: LifeCircle?
    /// Walking-network distance instead of straight line (`--network`).
    public var network: Bool
    /// Facility kinds that count, replacing the standards' list (`--kinds`); embedded
    /// facilities of other kinds then no longer count.
    public var kinds: [String]?
    /// Single-linkage distance of gap clusters, metres (`--link`, default half the radius).
    public var link: Double?
    /// Compute 2SFCA accessibility (`--accessibility`).
    public var accessibility: Bool
    /// Distance decay of the accessibility (`--decay`).
    public var decay: DistanceDecay?
    /// A standards file replacing `seeds/standards.json` (`--standards`).
    public var standards: String?
    /// A router's cost table replacing straight-line distances (`--costs`).
    public var costs: String?

    public init(
        radius: Double? = nil, circle: LifeCircle? = nil, network: Bool = false, kinds: [String]? = nil,
        link: Double? = nil, accessibility: Bool = false, decay: DistanceDecay? = nil, standards: String? = nil,
        costs: String? = nil
    ) {
        self.radius = radius; self.circle = circle; self.network = network; self.kinds = kinds
        self.link = link; self.accessibility = accessibility; self.decay = decay; self.standards = standards
        self.costs = costs
    }

    public static let fields =
        SharedFields.coverageReach + [
            OptionField(
                "accessibility", .flag,
                help:
                    "Also compute 2SFCA accessibility (m² of counted area per 100 households within reach; catchments walked along the network with --network)."
            ),
            OptionField(
                "costs", .text,
                help:
                    "A CSV of origin_id,destination_id,cost (building → facility, in the unit of --radius; a missing pair is unreachable) replacing straight-line distances for coverage and accessibility.",
                valueName: "file")
        ]

    public init(_ v: OptionValues) throws {
        self.init(
            radius: try v.number("radius"), circle: try v.choice("circle", LifeCircle.self),
            network: try v.flag("network") ?? false,
            kinds: try v.list("kinds"), link: try v.number("link"), accessibility: try v.flag("accessibility") ?? false,
            decay: try v.choice("decay", DistanceDecay.self), standards: try v.text("standards"),
            costs: try v.text("costs"))
    }

    /// Checks the option values and turns them into analysis parameters.
    public func parameters(standards: PolicyStandards) throws -> CoverageParameters {
        if radius != nil && circle != nil { throw UsageError(key: "usage.coverage_operation.1") }
        var r = standards.defaultRadius
        if let radius {
            guard radius.isFinite, radius > 0 else {
                throw UsageError(key: "usage.coverage_operation.2", ["radius": "\(radius.optionText)"])
            }
            r = radius
        }
        if let circle { r = standards.value(circle.rule.id, default: circle.rule.fallbackMetres) }
        var selection = FacilitySelection(standards: standards, radius: r)
        if let kinds {
            // Each name was checked against the kinds when the options were read.
            let set = Set(kinds.compactMap(FacilityKind.init(rawValue:)))
            guard !set.isEmpty else { throw UsageError(key: "usage.coverage_operation.3") }
            selection.countedKinds = set
            selection.countEmbeddedOthers = false
        }
        if let link {
            guard link > 0 else { throw UsageError(key: "usage.coverage_operation.4", ["link": "\(link.optionText)"]) }
        }
        let method: AccessibilityMethod? = accessibility || decay != nil ? (decay ?? .uniform).method : nil
        if costs != nil && network { throw UsageError(key: "usage.coverage.costs_network") }
        return CoverageParameters(
            selection: selection, method: costs != nil ? .costs : network ? .network : .euclidean,
            linkDistance: link, accessibility: method, areaStandard: standards.areaPer100)
    }
}

extension ServiceContext {
    /// Distance to the nearest counted facility, coverage rates and gap neighbourhoods.
    public func coverage(_ options: CoverageOptions) throws -> CoverageResult {
        let standards = try ProjectResources.loadStandards(path: options.standards)
        var parameters = try options.parameters(standards: standards)
        var layers: Set<StoreLayer> = [.communities, .grids, .buildings, .facilities]
        if parameters.method == .network { layers.insert(.roads) }
        if options.costs != nil { layers.insert(.candidates) }
        let snapshot = try self.snapshot(layers: layers)
        if let path = options.costs { parameters.costs = try readCostTable(path: path, snapshot: snapshot) }
        let stage = LocalText(parameters.method == .network ? "progress.stage.coverage_network" : "progress.stage.coverage")
        progress.report(stage: stage, done: 0, total: snapshot.buildings.count)
        let result = try Coverage.analyze(snapshot, parameters)
        progress.report(stage: stage, done: snapshot.buildings.count, total: snapshot.buildings.count)
        if let u = result.unreachableBuildingIds, !u.isEmpty {
            note(
                language.tr(
                    u.count == 1 ? "note.coverage.unreachable_one" : "note.coverage.unreachable",
                    ["count": String(u.count), "distance": String(Int(result.reach["street"] ?? 0))]))
        }
        return result
    }
}
