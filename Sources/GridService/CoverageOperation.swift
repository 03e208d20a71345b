import Foundation
import GridAnalysis
import GridModel
import GridStore

/// Options of `gridplan coverage` (and the JSON-RPC method `coverage`).
public struct CoverageOptions: Codable, Sendable {
    /// Reach of community- and grid-level facilities, metres (`--radius`).
    public var radius: Double?
    /// A life circle instead of a radius: `5min`, `10min` or `15min` (`--circle`).
    public var circle: String?
    /// Walking-network distance instead of straight line (`--network`).
    public var network: Bool?
    /// Facility kinds that count, replacing the standards' list (`--kinds`); embedded
    /// facilities of other kinds then no longer count.
    public var kinds: [String]?
    /// Single-linkage distance of gap clusters, metres (`--link`, default half the radius).
    public var link: Double?
    /// Compute 2SFCA accessibility (`--accessibility`).
    public var accessibility: Bool?
    /// Distance decay of the accessibility: `none` (2SFCA) or `gaussian` (E2SFCA) (`--decay`).
    public var decay: String?
    /// A standards file replacing `seeds/standards.json` (`--standards`).
    public var standards: String?

    public init(radius: Double? = nil, circle: String? = nil, network: Bool? = nil, kinds: [String]? = nil,
                link: Double? = nil, accessibility: Bool? = nil, decay: String? = nil, standards: String? = nil) {
        self.radius = radius; self.circle = circle; self.network = network; self.kinds = kinds
        self.link = link; self.accessibility = accessibility; self.decay = decay; self.standards = standards
    }

    /// Checks the option values and turns them into analysis parameters.
    public func parameters(standards: PolicyStandards) throws -> CoverageParameters {
        if radius != nil && circle != nil { throw UsageError("--radius and --circle exclude each other (give one)") }
        var r = standards.defaultRadius
        if let radius {
            guard radius.isFinite, radius > 0 else { throw UsageError("--radius \(radius): expected a distance in metres above 0") }
            r = radius
        }
        if let circle {
            let ids = ["5min": ("reach.5min", 300.0), "10min": ("reach.10min", 500.0), "15min": ("reach.15min", 1000.0)]
            guard let (id, fallback) = ids[circle.lowercased()] else {
                throw UsageError("--circle \(circle): expected 5min, 10min or 15min")
            }
            r = standards.value(id, default: fallback)
        }
        var selection = FacilitySelection(standards: standards, radius: r)
        if let kinds {
            var set = Set<FacilityKind>()
            for k in kinds.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !k.isEmpty {
                guard let kind = FacilityKind(rawValue: k) else {
                    throw UsageError("--kinds: unknown facility kind '\(k)' (expected some of \(FacilityKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                set.insert(kind)
            }
            guard !set.isEmpty else { throw UsageError("--kinds: expected at least one facility kind") }
            selection.countedKinds = set
            selection.countEmbeddedOthers = false
        }
        if let link { guard link.isFinite, link > 0 else { throw UsageError("--link \(link): expected a distance in metres above 0") } }
        var method: AccessibilityMethod? = nil
        if accessibility == true || decay != nil {
            switch decay?.lowercased() ?? "none" {
            case "none", "2sfca": method = .twoStep
            case "gaussian", "e2sfca": method = .gaussian
            default: throw UsageError("--decay \(decay!): expected none (2SFCA) or gaussian (E2SFCA)")
            }
        }
        return CoverageParameters(selection: selection, method: network == true ? .network : .euclidean,
                                  linkDistance: link, accessibility: method, areaStandard: standards.areaPer100)
    }
}

extension ServiceContext {
    /// Distance to the nearest counted facility, coverage rates and gap neighbourhoods.
    public func coverage(_ options: CoverageOptions) throws -> CoverageResult {
        let standards = try ProjectResources.loadStandards(path: options.standards)
        let parameters = try options.parameters(standards: standards)
        var layers: Set<StoreLayer> = [.communities, .grids, .buildings, .facilities]
        if parameters.method == .network { layers.insert(.roads) }
        let snapshot = try self.snapshot(layers: layers)
        progress.report(stage: parameters.method == .network ? "coverage (walking network)" : "coverage",
                        done: 0, total: snapshot.buildings.count)
        let result = try Coverage.analyze(snapshot, parameters)
        progress.report(stage: parameters.method == .network ? "coverage (walking network)" : "coverage",
                        done: snapshot.buildings.count, total: snapshot.buildings.count)
        if let u = result.unreachableBuildingIds, !u.isEmpty {
            note("\(u.count) building\(u.count == 1 ? "" : "s") lie farther than \(Int(result.reach["street"] ?? 0)) m from every walkable road (listed in unreachable_building_ids)")
        }
        return result
    }
}
