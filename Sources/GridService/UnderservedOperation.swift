import GridLocale
import Foundation
import GridAnalysis
import GridModel
import GridStore

/// Options of `gridplan report underserved` (JSON-RPC `report.underserved`): the coverage
/// options; accessibility is always computed (2SFCA unless `decay` is `gaussian`).
public struct UnderservedOptions: OperationOptions {
    public var radius: Double?
    public var circle: LifeCircle?
    public var network: Bool
    public var kinds: [String]?
    public var link: Double?
    public var decay: DistanceDecay?
    public var standards: String?

    public init(
        radius: Double? = nil, circle: LifeCircle? = nil, network: Bool = false, kinds: [String]? = nil,
        link: Double? = nil, decay: DistanceDecay? = nil, standards: String? = nil
    ) {
        self.radius = radius; self.circle = circle; self.network = network; self.kinds = kinds
        self.link = link; self.decay = decay; self.standards = standards
    }

    public static let fields = SharedFields.coverageReach

    public init(_ v: OptionValues) throws {
        self.init(
            radius: try v.number("radius"), circle: try v.choice("circle", LifeCircle.self),
            network: try v.flag("network") ?? false,
            kinds: try v.list("kinds"), link: try v.number("link"), decay: try v.choice("decay", DistanceDecay.self),
            standards: try v.text("standards"))
    }
}

extension ServiceContext {
    /// Communities and gap neighbourhoods ranked by area deficit, uncovered households and accessibility.
    public func underserved(_ options: UnderservedOptions) throws -> UnderservedResult {
        let standards = try ProjectResources.loadStandards(path: options.standards)
        let coverageOptions = CoverageOptions(
            radius: options.radius, circle: options.circle, network: options.network,
            kinds: options.kinds, link: options.link, accessibility: true,
            decay: options.decay, standards: options.standards)
        let parameters = try coverageOptions.parameters(standards: standards)
        var layers: Set<StoreLayer> = [.communities, .grids, .buildings, .facilities]
        if parameters.method == .network { layers.insert(.roads) }
        let snapshot = try self.snapshot(layers: layers)
        progress.report(stage: LocalText("progress.stage.underserved"), done: 0, total: nil)
        let coverage = try Coverage.analyze(snapshot, parameters)
        return Underserved.rank(snapshot, coverage: coverage, selection: parameters.selection, standard: standards.areaPer100)
    }
}
