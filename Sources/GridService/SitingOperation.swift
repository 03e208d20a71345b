import GridLocale
import Foundation
import GridAnalysis
import GridGeo
import GridModel
import GridFormats
import GridStore

/// Options of `gridplan site` (and the JSON-RPC method `site`).
public struct SitingOptions: OperationOptions {
    /// Number of new sites K (`--count`): required for `cover` and `distance`, a cap for `all`.
    public var count: Int?
    /// Reach of a new site and of community-level facilities, metres (`--radius`).
    public var radius: Double?
    /// A life circle instead of a radius (`--circle`).
    public var circle: LifeCircle?
    /// What the sites optimize (`--objective`).
    public var objective: SitingObjective
    /// Where candidates come from (`--candidates`).
    public var candidates: CandidateSet
    /// Reach along the walking network (`--network`).
    public var network: Bool
    /// Smallest recommended usable area, m² (`--min-area`).
    public var minArea: Double?
    /// Facility kinds that count as already covering (`--kinds`), replacing the standards' list.
    public var kinds: [String]?
    /// `distance`: candidate neighbourhood of the p-median model, metres (`--distance-cap`, default 3 × radius).
    public var distanceCap: Double?
    /// A standards file replacing `seeds/standards.json` (`--standards`).
    public var standards: String?
    /// A JSON instance file to solve instead of the store (`--instance`; for the exact-solver comparison).
    public var instance: String?
    /// Solve exactly by branch-and-bound after the heuristic (`--exact`).
    public var exact: Bool
    /// Seconds the exact search may take (`--time-limit`, default 10).
    public var timeLimit: Double?
    /// A cost table from any router replacing straight-line distances (`--costs`).
    public var costs: String?
    /// Capacity-aware siting (`--capacity area`).
    public var capacity: SitingCapacity?

    public init(
        count: Int? = nil, radius: Double? = nil, circle: LifeCircle? = nil, objective: SitingObjective = .cover,
        candidates: CandidateSet = .imported, network: Bool = false, minArea: Double? = nil, kinds: [String]? = nil,
        distanceCap: Double? = nil, standards: String? = nil, instance: String? = nil,
        exact: Bool = false, timeLimit: Double? = nil, costs: String? = nil, capacity: SitingCapacity? = nil
    ) {
        self.count = count; self.radius = radius; self.circle = circle; self.objective = objective
        self.candidates = candidates; self.network = network; self.minArea = minArea; self.kinds = kinds
        self.distanceCap = distanceCap; self.standards = standards; self.instance = instance
        self.exact = exact; self.timeLimit = timeLimit; self.costs = costs; self.capacity = capacity
    }

    public static let fields: [OptionField] = [
        OptionField(
            "count", .integer, help: "Number of new sites (required for cover and distance; a cap for all).", valueName: "n"),
        SharedFields.radius.help("Reach of a new site, metres (default reach.default, 500)."),
        SharedFields.circle.help("A life circle instead of a radius: 5min, 10min or 15min."),
        OptionField.choice(
            "objective", SitingObjective.self,
            help:
                "cover: the K sites covering the most; all: the fewest covering everything reachable; distance: p-median; center: the smallest largest distance (p-center).",
            default: .cover),
        OptionField.choice(
            "candidates", CandidateSet.self,
            help: "imported, generated (buildings in gap neighbourhoods) or both.", default: .imported),
        SharedFields.network.help(
            "Measure reach (and, for distance, the distances) along the walking network built from the imported roads."),
        OptionField("min_area", .number, help: "Smallest recommended usable area of a new site, m².", valueName: "m2"),
        SharedFields.kinds.help("Facility kinds that count as already covering, comma-separated."),
        OptionField(
            "distance_cap", .number,
            help: "distance: candidate neighbourhood of the p-median model, metres (default 3 × radius).",
            valueName: "m"),
        SharedFields.standards,
        OptionField(
            "instance", .text, help: "A JSON siting instance to solve instead of the store (solver comparisons).",
            valueName: "file", hidden: true),
        OptionField(
            "exact", .flag,
            help:
                "cover, distance: after the heuristic, search exactly (branch-and-bound, then CBC) until the plan is proven optimal or the time limit (also done by default on small instances). center and --capacity are always solved exactly within the time limit."
        ),
        OptionField(
            "time_limit", .number,
            help: "Seconds the exact search may take (default 10); the plan found and its proven gap are reported.",
            valueName: "s"),
        OptionField(
            "costs", .text,
            help:
                "A CSV of origin_id,destination_id,cost (building → candidate or facility, in the unit of --radius; a missing pair is unreachable) replacing straight-line distances.",
            valueName: "file"),
        OptionField.choice(
            "capacity", SitingCapacity.self,
            help:
                "area: a center serves at most its usable area ÷ 0.30 m² households (30 m² per 100 households; candidates by available_area_m2, facilities by usable_area_m2); households are assigned without exceeding any capacity (cover, distance)."
        )
    ]

    public init(_ v: OptionValues) throws {
        self.init(
            count: try v.integer("count"), radius: try v.number("radius"), circle: try v.choice("circle", LifeCircle.self),
            objective: try v.choice("objective", SitingObjective.self) ?? .cover,
            candidates: try v.choice("candidates", CandidateSet.self) ?? .imported, network: try v.flag("network") ?? false,
            minArea: try v.number("min_area"), kinds: try v.list("kinds"), distanceCap: try v.number("distance_cap"),
            standards: try v.text("standards"), instance: try v.text("instance"),
            exact: try v.flag("exact") ?? false, timeLimit: try v.number("time_limit"), costs: try v.text("costs"),
            capacity: try v.choice("capacity", SitingCapacity.self))
    }

    /// Checks the option values and turns them into analysis parameters.
    public func parameters(standards: PolicyStandards) throws -> SitingParameters {
        let reach = try CoverageOptions(radius: radius, circle: circle, kinds: kinds, standards: nil)
            .parameters(standards: standards)
        if let count {
            guard count >= 1 else { throw UsageError(key: "usage.siting_operation.1", ["count": "\(count)"]) }
        } else if objective != .all {
            throw UsageError(key: "usage.siting_operation.2", ["raw_value": "\(objective.rawValue)"])
        }
        if let minArea {
            guard minArea >= 0 else { throw UsageError(key: "usage.siting_operation.3", ["minarea": "\(minArea.optionText)"]) }
        }
        if let distanceCap {
            guard distanceCap > 0 else {
                throw UsageError(key: "usage.siting_operation.4", ["distancecap": "\(distanceCap.optionText)"])
            }
        }
        if let timeLimit {
            guard timeLimit > 0 && timeLimit.isFinite else {
                throw UsageError(key: "usage.siting_operation.5", ["timelimit": "\(timeLimit.optionText)"])
            }
        }
        var parameters = SitingParameters(
            objective: objective, count: count, selection: reach.selection, candidates: candidates,
            areaPerHousehold: standards.areaPer100 / 100, minAreaM2: minArea,
            distanceCap: distanceCap, localSearch: true, network: network)
        parameters.exact = exact
        parameters.timeLimit = timeLimit ?? 10
        parameters.capacity = capacity
        return parameters
    }
}

/// A solver instance file (`--instance`): demand `[x, y, households, covered 0/1]`, candidate
/// `[x, y]` in metres, the radius and K. Candidates get ids K000001, K000002, … in file order.
public struct SitingInstance: Codable, Sendable {
    public var radius: Double
    public var count: Int
    public var demand: [[Double]]
    public var candidates: [[Double]]

    public func problem() throws -> SitingProblem {
        guard demand.allSatisfy({ $0.count >= 3 }), candidates.allSatisfy({ $0.count >= 2 }) else {
            throw UsageError(key: "usage.siting_operation.6")
        }
        let pts = demand.map { Point($0[0], $0[1]) }
        return SitingProblem(
            demandIds: demand.indices.map { String(format: "D%07d", $0 + 1) }, demandLocations: pts,
            weights: demand.map { Int($0[2]) }, coveredBefore: demand.map { $0.count > 3 && $0[3] != 0 },
            candidates: candidates.enumerated().map { j, c in
                SitingCandidate(id: String(format: "K%07d", j + 1), location: Point(c[0], c[1]), lonLat: Point(c[0], c[1]))
            },
            radius: radius)
    }
}

extension ServiceContext {
    /// `site`: the siting list for new service centers.
    public func site(_ options: SitingOptions) throws -> SitingResult {
        let standards = try ProjectResources.loadStandards(path: options.standards)
        if let path = options.instance { return try siteInstance(path: path, options: options, standards: standards) }
        var parameters = try options.parameters(standards: standards)
        var layers: Set<StoreLayer> = [.communities, .grids, .buildings, .facilities, .candidates]
        if options.network { layers.insert(.roads) }
        let snapshot = try self.snapshot(layers: layers)
        if let path = options.costs {
            guard !options.network else { throw UsageError(key: "usage.siting_operation.7") }
            guard options.candidates == .imported else {
                throw UsageError(key: "usage.site.costs_candidates", ["candidates": options.candidates.rawValue])
            }
            parameters.costs = try readCostTable(path: path, snapshot: snapshot)
        }
        progress.report(
            stage: LocalText("progress.stage.siting", ["objective": parameters.objective.rawValue]), done: 0, total: 1)
        let result = try SitingAnalysis.run(snapshot: snapshot, parameters: parameters)
        progress.report(
            stage: LocalText("progress.stage.siting", ["objective": parameters.objective.rawValue]), done: 1, total: 1)
        if parameters.objective != .all, let k = parameters.count, result.sites.count < k {
            note(language.tr("note.site.fewer", ["sites": String(result.sites.count), "count": String(k)]))
        }
        return result
    }

    func siteInstance(path: String, options: SitingOptions, standards: PolicyStandards) throws -> SitingResult {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw UsageError(key: "usage.siting_operation.8", ["path": "\(path)"])
        }
        let instance: SitingInstance
        do { instance = try JSONDecoder().decode(SitingInstance.self, from: data) } catch {
            throw UsageError(key: "usage.siting_operation.9", ["path": "\(path)", "error": "\(error)"])
        }
        var o = options
        o.radius = instance.radius; o.count = options.count ?? instance.count; o.instance = nil
        let parameters = try o.parameters(standards: standards)
        let start = DispatchTime.now().uptimeNanoseconds
        let problem = try instance.problem()
        var result = try SitingAnalysis.solve(problem, parameters: parameters)
        result.elapsedS = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return result
    }
}

extension ServiceContext {
    /// Reads a `--costs` table: header `origin_id,destination_id,cost`, origins the buildings with
    /// households, destinations the candidates and facilities of the store.
    /// - Throws: `UsageError` naming the file and line.
    func readCostTable(path: String, snapshot: Snapshot) throws -> CostTable {
        var reader: CSVReader
        do { reader = try CSVReader(url: URL(fileURLWithPath: path)) } catch {
            throw UsageError(key: "usage.siting_operation.10", ["path": "\(path)", "error": "\(error)"])
        }
        guard let o = reader.header.firstIndex(of: "origin_id"), let d = reader.header.firstIndex(of: "destination_id"),
            let c = reader.header.firstIndex(of: "cost")
        else {
            throw UsageError(key: "usage.siting_operation.11", ["path": "\(path)"])
        }
        var rows: [CostTable.Row] = []
        do {
            while let record = try reader.next() {
                rows.append(
                    .init(line: record.line, origin: record.fields[o], destination: record.fields[d], cost: record.fields[c]))
            }
        } catch { throw UsageError(key: "usage.siting_operation.12", ["path": "\(path)", "error": "\(error)"]) }
        let buildings = Set(snapshot.buildings.filter { $0.households > 0 }.map(\.id))
        let destinations = Set(snapshot.candidates.map(\.id)).union(snapshot.facilities.map(\.id))
        return try CostTable(rows: rows, source: "--costs \(path)", buildingIds: buildings, destinationIds: destinations)
    }
}
