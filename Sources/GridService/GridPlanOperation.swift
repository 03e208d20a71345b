import GridLocale
import Foundation
import GridAnalysis
import GridGeo
import GridModel
import GridRender
import GridStore

/// Options of `grids plan` (JSON-RPC `grids.plan`).
public struct GridPlanOptions: OperationOptions {
    /// Fewest households per grid (default: grid.households value, 300).
    public var minHouseholds: Int?
    /// Most households per grid (default: grid.households max, 500).
    public var maxHouseholds: Int?
    /// Plan only these communities.
    public var community: [String]?
    /// Keep the store's grids that satisfy the rules; re-plan only the others.
    public var keepExisting: Bool
    /// Write the plan into the store (one transaction).
    public var apply: Bool
    /// Longest building-graph edge before components are joined, metres (default 250).
    public var maxEdge: Double?
    /// The partition algorithm.
    public var method: GridPlanMethod
    /// A standards file replacing seeds/standards.json.
    public var standards: String?

    public init(
        minHouseholds: Int? = nil, maxHouseholds: Int? = nil, community: [String]? = nil,
        keepExisting: Bool = false, apply: Bool = false, maxEdge: Double? = nil, method: GridPlanMethod = .regionGrowing,
        standards: String? = nil
    ) {
        self.minHouseholds = minHouseholds; self.maxHouseholds = maxHouseholds; self.community = community
        self.keepExisting = keepExisting; self.apply = apply; self.maxEdge = maxEdge; self.method = method
        self.standards = standards
    }

    public static let fields: [OptionField] = [
        SharedFields.minHouseholds,
        SharedFields.maxHouseholds,
        SharedFields.community.help("Plan only this community (repeat or comma-separate for several)."),
        OptionField(
            "keep_existing", .flag,
            help: "Keep the store's grids that satisfy the rules; re-plan only the others and count moved buildings."),
        OptionField("apply", .flag, help: "Write the plan into the store (one transaction)."),
        OptionField("max_edge", .number, help: "Longest building-graph edge, metres (default 250).", valueName: "m"),
        OptionField.choice(
            "method", GridPlanMethod.self, help: "region_growing, or hilbert_split (the baseline).",
            valueName: "method", default: .regionGrowing),
        SharedFields.standards
    ]

    public init(_ v: OptionValues) throws {
        self.init(
            minHouseholds: try v.integer("min_households"), maxHouseholds: try v.integer("max_households"),
            community: try v.list("community"), keepExisting: try v.flag("keep_existing") ?? false,
            apply: try v.flag("apply") ?? false, maxEdge: try v.number("max_edge"),
            method: try v.choice("method", GridPlanMethod.self) ?? .regionGrowing, standards: try v.text("standards"))
    }
}

extension GridPlanOptions {
    /// Validates the options and builds the analysis options.
    public static func parameters(_ o: GridPlanOptions, standards: PolicyStandards) throws -> GridPartitionOptions {
        let rule = standards["grid.households"]
        let minH = o.minHouseholds ?? Int(rule?.value ?? 300)
        let maxH = o.maxHouseholds ?? Int(rule?.max ?? 500)
        guard minH >= 0 else { throw UsageError(key: "usage.grid_plan_operation.1", ["min_h": "\(minH)"]) }
        guard maxH > 0 else {
            throw UsageError(key: "usage.grid_plan_operation.2", ["max_h": "\(maxH)"])
        }
        guard minH <= maxH else {
            throw UsageError(key: "usage.grid_plan_operation.3", ["min_h": "\(minH)", "max_h": "\(maxH)"])
        }
        if let e = o.maxEdge, !(e.isFinite && e > 0) {
            throw UsageError(key: "usage.grid_plan_operation.4", ["e": "\(e.optionText)"])
        }
        let ids = o.community.map { Set($0) }
        return GridPartitionOptions(
            minHouseholds: minH, maxHouseholds: maxH, communityIds: ids,
            keepExisting: o.keepExisting, maxEdgeLength: o.maxEdge ?? 250,
            method: o.method, threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
    }
}

extension ServiceContext {
    /// `grids plan`: partitions each community's buildings into grids and assigns the party units;
    /// with `apply`, writes the plan into the store.
    public func planGrids(_ options: GridPlanOptions) throws -> GridPlanResult {
        let standards = try ProjectResources.loadStandards(path: options.standards)
        let parameters = try GridPlanOptions.parameters(options, standards: standards)
        let snapshot = try snapshot(layers: [.communities, .grids, .buildings])
        if let ids = parameters.communityIds {
            let known = Set(snapshot.communities.map(\.id)).union(snapshot.buildings.map(\.communityId))
            let unknown = ids.subtracting(known).sorted()
            if !unknown.isEmpty {
                throw UsageError(key: "usage.community.unknown", ["ids": unknown.joined(separator: ", ")])
            }
        }
        var store: (any PlanStore)? = nil
        if options.apply {
            guard StoreOpening.exists(databasePath) else {
                throw UsageError(key: "usage.grids.apply_demo", ["path": databasePath])
            }
            store = try StoreOpening.open(databasePath, create: false)
        }
        progress.report(stage: LocalText("progress.stage.grid_plan"), done: 0, total: 1)
        var result = GridPartition.plan(snapshot, options: parameters, standards: standards)
        progress.report(stage: LocalText("progress.stage.grid_plan"), done: 1, total: 1)
        if let store {
            let polygons = try gridPolygons(snapshot, result.memberships)
            let grids = result.grids.map { g in
                Grid(
                    id: g.id, communityId: g.communityId, name: g.name,
                    boundary: polygons.working[g.id], boundaryLonLat: polygons.lonLat[g.id])
            }
            var assignments: [String: String] = [:]
            for g in result.grids { for b in g.buildingIds { assignments[b] = g.id } }
            let communities = Array(Set(result.grids.map(\.communityId))).sorted()
            try store.applyGridPlan(communityIds: communities, grids: grids, assignments: assignments)
            invalidate()
            result.applied = true
        }
        return result
    }

    /// Grid polygons (Voronoi cells of the buildings clipped to the community, merged per grid)
    /// in the working CRS and in longitude/latitude.
    public func gridPolygons(_ snapshot: Snapshot, _ grids: [GridMembership]) throws
        -> (working: [String: MultiPolygon], lonLat: [String: MultiPolygon])
    {
        progress.report(stage: LocalText("progress.stage.grid_polygons"), done: 0, total: 1)
        let working = GridPolygons.polygons(snapshot, grids: grids)
        let toLonLat = try LonLatConversion(snapshot)
        var lonLat: [String: MultiPolygon] = [:]
        for (id, m) in working { lonLat[id] = try toLonLat.convert(m) }
        progress.report(stage: LocalText("progress.stage.grid_polygons"), done: 1, total: 1)
        return (working, lonLat)
    }
}

/// Working CRS → longitude/latitude: PROJ when the working CRS is known to it, otherwise an
/// affine map fitted (least squares) to the buildings' two positions.
struct LonLatConversion {
    let transformer: CoordinateTransformer?
    let affine: AffineFit?

    init(_ snapshot: Snapshot) throws {
        if let t = try? CoordinateTransformer(from: CoordinateSystem(parsing: snapshot.metadata.workingCRS), to: .wgs84),
            let geographic = try? CoordinateTransformer.isGeographic(CoordinateSystem(parsing: snapshot.metadata.workingCRS)),
            !geographic
        {
            transformer = t; affine = nil; return
        }
        transformer = nil
        affine = AffineFit(snapshot.buildings.map { (source: $0.location, target: $0.lonLat) })
    }

    func convert(_ m: MultiPolygon) throws -> MultiPolygon? {
        if let t = transformer {
            return MultiPolygon(
                try m.polygons.map { p in
                    var ext = p.exterior
                    try t.transform(&ext)
                    let holes = try p.holes.map { h -> [Point] in
                        var r = h; try t.transform(&r); return r
                    }
                    return Polygon(exterior: ext, holes: holes)
                })
        }
        guard let affine else { return nil }
        return m.map { affine.apply($0) }
    }
}

extension ServiceContext {
    /// `grids plan --format geojson`: every planned grid as a polygon (lon/lat) with its figures.
    public func gridPlanGeoJSON(_ result: GridPlanResult) throws -> String {
        let polygons = try gridPolygons(try snapshot(), result.memberships)
        return GridPlanRendering.geojson(result, polygons: polygons.lonLat)
    }
}
