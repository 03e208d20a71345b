import Foundation
import GridAnalysis
import GridModel
import GridStore

/// Options of `gridplan report underserved` (JSON-RPC `report_underserved`): the coverage
/// options; accessibility is always computed (2SFCA unless `decay` is `gaussian`).
public struct UnderservedOptions: Codable, Sendable {
    public var radius: Double?
    public var circle: String?
    public var network: Bool?
    public var kinds: [String]?
    public var link: Double?
    public var decay: String?
    public var standards: String?

    public init(radius: Double? = nil, circle: String? = nil, network: Bool? = nil, kinds: [String]? = nil,
                link: Double? = nil, decay: String? = nil, standards: String? = nil) {
        self.radius = radius; self.circle = circle; self.network = network; self.kinds = kinds
        self.link = link; self.decay = decay; self.standards = standards
    }
}

extension ServiceContext {
    /// Communities and gap neighbourhoods ranked by area deficit, uncovered households and accessibility.
    public func underserved(_ options: UnderservedOptions) throws -> UnderservedResult {
        let standards = try ProjectResources.loadStandards(path: options.standards)
        let coverageOptions = CoverageOptions(radius: options.radius, circle: options.circle, network: options.network,
                                              kinds: options.kinds, link: options.link, accessibility: true,
                                              decay: options.decay, standards: options.standards)
        let parameters = try coverageOptions.parameters(standards: standards)
        var layers: Set<StoreLayer> = [.communities, .grids, .buildings, .facilities]
        if parameters.method == .network { layers.insert(.roads) }
        let snapshot = try self.snapshot(layers: layers)
        progress.report(stage: "under-served ranking", done: 0, total: nil)
        let coverage = try Coverage.analyze(snapshot, parameters)
        return Underserved.rank(snapshot, coverage: coverage, selection: parameters.selection, standard: standards.areaPer100)
    }
}
