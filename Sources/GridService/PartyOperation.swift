import GridLocale
import Foundation
import GridAnalysis
import GridGeo
import GridModel
import GridRender

/// Options of `party plan` and `report party` (JSON-RPC `party.plan`, `report.party`).
public struct PartyPlanOptions: OperationOptions {
    /// Households a central household links besides its own (default party.central_household, 10).
    public var householdsPerCenter: Int?
    /// Farthest a household is linked to a central household in another building, metres
    /// (default reach.10min, 500).
    public var reach: Double?
    /// List central households and the household ids they link (personal data).
    public var includeHouseholds: Bool
    /// Only these communities.
    public var community: [String]?
    /// Grid bounds used when the store has no grids yet and a plan is made for the report.
    public var minHouseholds: Int?
    public var maxHouseholds: Int?
    /// A standards file replacing seeds/standards.json.
    public var standards: String?

    public init(
        householdsPerCenter: Int? = nil, reach: Double? = nil, includeHouseholds: Bool = false,
        community: [String]? = nil, minHouseholds: Int? = nil, maxHouseholds: Int? = nil, standards: String? = nil
    ) {
        self.householdsPerCenter = householdsPerCenter; self.reach = reach; self.includeHouseholds = includeHouseholds
        self.community = community; self.minHouseholds = minHouseholds; self.maxHouseholds = maxHouseholds
        self.standards = standards
    }

    public static let fields: [OptionField] = [
        OptionField(
            "households_per_center", .integer,
            help: "Households a central household links besides its own (default party.central_household, 10).", valueName: "n"),
        OptionField(
            "reach", .number,
            help: "Farthest link to a central household in another building, metres (default reach.10min, 500).", valueName: "m"),
        OptionField(
            "include_households", .flag,
            help: "List central households and the household ids they link (personal data; needs households.csv)."
        ).releasingHouseholdData(),
        SharedFields.community,
        SharedFields.minHouseholds.help(
            "Fewest households per grid when the store has no grids and a plan is made (default 300)."),
        SharedFields.maxHouseholds.help("Most households per grid when a plan is made (default 500)."),
        SharedFields.standards
    ]

    public init(_ v: OptionValues) throws {
        self.init(
            householdsPerCenter: try v.integer("households_per_center"), reach: try v.number("reach"),
            includeHouseholds: try v.flag("include_households") ?? false, community: try v.list("community"),
            minHouseholds: try v.integer("min_households"), maxHouseholds: try v.integer("max_households"),
            standards: try v.text("standards"))
    }
}

extension PartyPlanOptions {
    /// Validates the options and builds the analysis options and rules.
    public static func parameters(_ o: PartyPlanOptions, standards: PolicyStandards) throws -> (PartyNetworkOptions, PartyRules) {
        if let c = o.householdsPerCenter, c < 1 {
            throw UsageError(key: "usage.party_operation.1", ["c": "\(c)"])
        }
        if let r = o.reach, !(r.isFinite && r >= 0) {
            throw UsageError(key: "usage.party_operation.2", ["r": "\(r.optionText)"])
        }
        let ids = o.community
        let options = PartyNetworkOptions(
            householdsPerCenter: o.householdsPerCenter,
            reach: o.reach ?? standards.value("reach.10min", default: 500),
            includeHouseholds: o.includeHouseholds,
            communityIds: ids.map(Set.init))
        return (options, PartyRules(standards: standards))
    }
}

extension ServiceContext {
    /// The grids the party network is built on: per community, the store's (buildings' grid ids)
    /// when the community has any, else a fresh plan with the default bounds (said in a note).
    public func partyGrids(
        _ snapshot: Snapshot, standards: PolicyStandards, minHouseholds: Int?, maxHouseholds: Int?,
        communities: Set<String>?
    ) throws -> (grids: [GridMembership], source: PartyGridSource) {
        var grids = GridMembership.stored(in: snapshot)
        let stored = Set(grids.map(\.communityId))
        var unplanned = Set(snapshot.buildings.map(\.communityId)).subtracting(stored)
        if let communities { unplanned.formIntersection(communities) }
        if unplanned.isEmpty { return (grids, .store) }
        note(
            stored.isEmpty
                ? language.tr("note.party.no_grids")
                : language.tr("note.party.unplanned", ["count": String(unplanned.count)]))
        let parameters = try GridPlanOptions.parameters(
            GridPlanOptions(minHouseholds: minHouseholds, maxHouseholds: maxHouseholds, community: unplanned.sorted()),
            standards: standards)
        let plan = GridPartition.plan(snapshot, options: parameters, standards: standards)
        grids += plan.memberships
        return (grids, stored.isEmpty ? .planned : .storeAndPlanned)
    }

    /// `party plan` / `report party`: grid branches, joint branches, party groups, central
    /// households, coverage rates and shortfalls.
    public func planParty(_ options: PartyPlanOptions) throws -> PartyPlanResult {
        let standards = try ProjectResources.loadStandards(path: options.standards)
        let (parameters, rules) = try PartyPlanOptions.parameters(options, standards: standards)
        let snapshot = try snapshot(layers: [.communities, .grids, .buildings, .households])
        if options.includeHouseholds && snapshot.households.isEmpty {
            note(language.tr("note.party.no_households"))
        }
        if let ids = parameters.communityIds {
            let known = Set(snapshot.communities.map(\.id)).union(snapshot.buildings.map(\.communityId))
            let unknown = ids.subtracting(known).sorted()
            if !unknown.isEmpty {
                throw UsageError(key: "usage.community.unknown", ["ids": unknown.joined(separator: ", ")])
            }
        }
        let (grids, source) = try partyGrids(
            snapshot, standards: standards, minHouseholds: options.minHouseholds,
            maxHouseholds: options.maxHouseholds, communities: parameters.communityIds)
        progress.report(stage: LocalText("progress.stage.party_network"), done: 0, total: 1)
        let result = PartyNetwork.plan(snapshot, grids: grids, options: parameters, rules: rules, gridSource: source)
        progress.report(stage: LocalText("progress.stage.party_network"), done: 1, total: 1)
        return result
    }
}

extension ServiceContext {
    /// `party plan` / `report party --format geojson`: the grids (lon/lat polygons) with their
    /// organization and coverage.
    public func partyPlanGeoJSON(_ result: PartyPlanResult) throws -> String {
        let polygons = try gridPolygons(try snapshot(), result.memberships)
        return PartyRendering.geojson(result, polygons: polygons.lonLat)
    }
}
