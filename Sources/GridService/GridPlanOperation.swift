import Foundation
import GridAnalysis
import GridGeo
import GridModel
import GridStore

/// Options of `grids plan` (CLI long options in camelCase; JSON-RPC params in snake_case).
public struct GridPlanOptions: Codable, Sendable {
    /// Fewest households per grid (default: grid.households value, 300).
    public var minHouseholds: Int?
    /// Most households per grid (default: grid.households max, 500).
    public var maxHouseholds: Int?
    /// Plan only these communities.
    public var community: [String]?
    /// Keep the store's grids that satisfy the rules; re-plan only the others.
    public var keepExisting: Bool?
    /// Write the plan into the store (one transaction).
    public var apply: Bool?
    /// Longest building-graph edge before components are joined, metres (default 250).
    public var maxEdge: Double?
    /// `region_growing` (default) or `hilbert_split` (the baseline, for comparison).
    public var method: String?
    /// A standards file replacing seeds/standards.json.
    public var standards: String?

    public init(minHouseholds: Int? = nil, maxHouseholds: Int? = nil, community: [String]? = nil,
                keepExisting: Bool? = nil, apply: Bool? = nil, maxEdge: Double? = nil, method: String? = nil,
                standards: String? = nil) {
        self.minHouseholds = minHouseholds; self.maxHouseholds = maxHouseholds; self.community = community
        self.keepExisting = keepExisting; self.apply = apply; self.maxEdge = maxEdge; self.method = method
        self.standards = standards
    }
}

extension GridPlanOptions {
    /// Validates the options and builds the analysis options.
    public static func parameters(_ o: GridPlanOptions, standards: PolicyStandards) throws -> GridPartitionOptions {
        let rule = standards["grid.households"]
        let minH = o.minHouseholds ?? Int(rule?.value ?? 300)
        let maxH = o.maxHouseholds ?? Int(rule?.max ?? 500)
        guard minH >= 0 else { throw UsageError("--min-households: \(minH) is negative (expected a number of households ≥ 0)") }
        guard maxH > 0 else { throw UsageError("--max-households: \(maxH) is not positive (expected a number of households > 0)") }
        guard minH <= maxH else {
            throw UsageError("--min-households \(minH) is above --max-households \(maxH) (expected min ≤ max)")
        }
        if let e = o.maxEdge, !(e.isFinite && e > 0) {
            throw UsageError("--max-edge: \(e) is not a distance (expected a positive number of metres)")
        }
        let methodName = o.method ?? GridPlanMethod.regionGrowing.rawValue
        guard let method = GridPlanMethod(rawValue: methodName) else {
            throw UsageError("--method: unknown method '\(methodName)' (expected \(GridPlanMethod.allCases.map(\.rawValue).joined(separator: " or ")))")
        }
        let ids = o.community?.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return GridPartitionOptions(minHouseholds: minH, maxHouseholds: maxH, communityIds: ids.map(Set.init),
                                    keepExisting: o.keepExisting ?? false, maxEdgeLength: o.maxEdge ?? 250,
                                    method: method, threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
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
                throw UsageError("--community: no community \(unknown.joined(separator: ", ")) in the store (expected one of its community ids)")
            }
        }
        var store: GeoPackageStore? = nil
        if options.apply == true {
            guard FileManager.default.fileExists(atPath: databasePath) else {
                throw UsageError("--apply: no store at \(databasePath) (the demo district is read-only): run `gridplan import DIR --db \(databasePath)` first")
            }
            store = try GeoPackageStore(path: databasePath, create: false)
        }
        progress.report(stage: "grid plan", done: 0, total: 1)
        var result = GridPartition.plan(snapshot, options: parameters, standards: standards)
        progress.report(stage: "grid plan", done: 1, total: 1)
        if let store {
            let polygons = try gridPolygons(snapshot, result.memberships)
            let grids = result.grids.map { g in
                Grid(id: g.id, communityId: g.communityId, name: g.name,
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
        -> (working: [String: MultiPolygon], lonLat: [String: MultiPolygon]) {
        progress.report(stage: "grid polygons", done: 0, total: 1)
        let working = GridPolygons.polygons(snapshot, grids: grids)
        let toLonLat = try LonLatConversion(snapshot)
        var lonLat: [String: MultiPolygon] = [:]
        for (id, m) in working { lonLat[id] = try toLonLat.convert(m) }
        progress.report(stage: "grid polygons", done: 1, total: 1)
        return (working, lonLat)
    }
}

/// Working CRS → longitude/latitude: PROJ when the working CRS is known to it, otherwise an
/// affine map fitted (least squares) to the buildings' two positions.
struct LonLatConversion {
    let transformer: CoordinateTransformer?
    let affine: (a: Double, b: Double, c: Double, d: Double, e: Double, f: Double, ox: Double, oy: Double)?

    init(_ snapshot: Snapshot) throws {
        if let t = try? CoordinateTransformer(from: CoordinateSystem(parsing: snapshot.metadata.workingCRS), to: .wgs84),
           let geographic = try? CoordinateTransformer.isGeographic(CoordinateSystem(parsing: snapshot.metadata.workingCRS)), !geographic {
            transformer = t; affine = nil; return
        }
        transformer = nil
        let pairs = snapshot.buildings.map { ($0.location, $0.lonLat) }
        guard pairs.count >= 3 else { affine = nil; return }
        let ox = pairs.reduce(0.0) { $0 + $1.0.x } / Double(pairs.count)
        let oy = pairs.reduce(0.0) { $0 + $1.0.y } / Double(pairs.count)
        // Normal equations for lon = a + b·x + c·y and lat = d + e·x + f·y (x, y centred).
        var sxx = 0.0, sxy = 0.0, syy = 0.0, sx = 0.0, sy = 0.0
        var sl = 0.0, slx = 0.0, sly = 0.0, sm = 0.0, smx = 0.0, smy = 0.0
        let n = Double(pairs.count)
        for (p, q) in pairs {
            let x = p.x - ox, y = p.y - oy
            sxx += x * x; sxy += x * y; syy += y * y; sx += x; sy += y
            sl += q.x; slx += q.x * x; sly += q.x * y; sm += q.y; smx += q.y * x; smy += q.y * y
        }
        func solve(_ r0: Double, _ r1: Double, _ r2: Double) -> (Double, Double, Double)? {
            // [[n, sx, sy], [sx, sxx, sxy], [sy, sxy, syy]] · [a, b, c] = [r0, r1, r2] (Cramer)
            let m = [[n, sx, sy], [sx, sxx, sxy], [sy, sxy, syy]]
            func det(_ m: [[Double]]) -> Double {
                m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                    + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
            }
            let d = det(m)
            guard abs(d) > 1e-12 else { return nil }
            let r = [r0, r1, r2]
            var out: [Double] = []
            for k in 0..<3 {
                var mk = m
                for i in 0..<3 { mk[i][k] = r[i] }
                out.append(det(mk) / d)
            }
            return (out[0], out[1], out[2])
        }
        if let l = solve(sl, slx, sly), let m = solve(sm, smx, smy) {
            affine = (l.0, l.1, l.2, m.0, m.1, m.2, ox, oy)
        } else {
            affine = nil
        }
    }

    func convert(_ m: MultiPolygon) throws -> MultiPolygon? {
        if let t = transformer {
            return MultiPolygon(try m.polygons.map { p in
                var ext = p.exterior
                try t.transform(&ext)
                let holes = try p.holes.map { h -> [Point] in var r = h; try t.transform(&r); return r }
                return Polygon(exterior: ext, holes: holes)
            })
        }
        guard let a = affine else { return nil }
        return m.map { p in
            let x = p.x - a.ox, y = p.y - a.oy
            return Point(a.a + a.b * x + a.c * y, a.d + a.e * x + a.f * y)
        }
    }
}
