import GridAnalysis
import GridFormats
import GridGeo
import GridLocale
import GridModel
import GridStore

/// The analysis options of the scenario operations: the options of `report area` and `coverage`
/// that change their figures, read and defaulted exactly as those commands read them.
public struct ScenarioAnalysisOptions: Sendable {
    public var radius: Double?
    public var network: Bool
    public var standard: Double?
    public var allocate: AreaAllocationMethod
    public var countKinds: [String]?
    public var standards: String?

    public init(
        radius: Double? = nil, network: Bool = false, standard: Double? = nil, allocate: AreaAllocationMethod = .community,
        countKinds: [String]? = nil, standards: String? = nil
    ) {
        self.radius = radius; self.network = network; self.standard = standard; self.allocate = allocate
        self.countKinds = countKinds; self.standards = standards
    }

    static let fields: [OptionField] = [
        SharedFields.radius.help(
            "Reach of community- and grid-level facilities, metres (default reach.default, 500): coverage, and --allocate reach."
        ),
        SharedFields.network.help("Measure coverage along the walking network built from the imported roads."),
        SharedFields.standard, SharedFields.allocate,
        SharedFields.countKinds.help(
            "Exactly these facility kinds count, embedded or not, for area and coverage (comma-separated)."),
        SharedFields.standards
    ]

    init(_ v: OptionValues) throws {
        self.init(
            radius: try v.number("radius"), network: try v.flag("network") ?? false, standard: try v.number("standard"),
            allocate: try v.choice("allocate", AreaAllocationMethod.self) ?? .community, countKinds: try v.list("count_kinds"),
            standards: try v.text("standards"))
    }

    /// The options `report area` would be given.
    public var areaOptions: AreaReportOptions {
        AreaReportOptions(standards: standards, standard: standard, countKinds: countKinds, allocate: allocate, radius: radius)
    }

    /// The options `coverage` would be given (`count_kinds` is its `kinds`).
    public var coverageOptions: CoverageOptions {
        CoverageOptions(radius: radius, network: network, kinds: countKinds, standards: standards)
    }
}

/// The area standard and coverage of one state of the district, by the code of `report area`
/// and `coverage` (the parameters are built by those operations' own option checks).
struct ScenarioAnalysis {
    let area: AreaStandardParameters
    let coverage: CoverageParameters
    let layers: Set<StoreLayer>

    init(_ o: ScenarioAnalysisOptions) throws {
        let standards = try ProjectResources.loadStandards(path: o.standards)
        area = try AreaReportOptions.parameters(o.areaOptions, standards: standards)
        coverage = try o.coverageOptions.parameters(standards: standards)
        var layers: Set<StoreLayer> = [.communities, .grids, .buildings, .facilities]
        if coverage.method == .network { layers.insert(.roads) }
        self.layers = layers
    }

    /// `report area` and `coverage` of `snapshot`.
    func figures(_ snapshot: Snapshot) throws -> (area: AreaReport, coverage: CoverageResult) {
        (AreaStandard.report(snapshot, area), try Coverage.analyze(snapshot, coverage))
    }
}

extension ServiceContext {
    /// The imported snapshot and the snapshot with `edits` applied (lenient: edits naming
    /// facilities that no longer exist are skipped and noted).
    func scenarioSnapshots(_ edits: JSONValue, analysis: ScenarioAnalysis, lenient: Bool = false) throws
        -> (base: Snapshot, edited: Snapshot, notes: [ScenarioEditing.Note])
    {
        let base = try snapshot(layers: analysis.layers)
        let parsed = try ScenarioEditParsing.parse(edits, workingCRS: base.metadata.workingCRS)
        let outcome = try ScenarioEditing.apply(parsed, to: base, lenient: lenient)
        return (base, outcome.snapshot, outcome.notes)
    }

    /// Evaluates `edits` against the imported data.
    func evaluate(_ edits: JSONValue, _ options: ScenarioAnalysisOptions, lenient: Bool = false) throws -> ScenarioEvaluation {
        let analysis = try ScenarioAnalysis(options)
        let (base, edited, notes) = try scenarioSnapshots(edits, analysis: analysis, lenient: lenient)
        let stage = LocalText("progress.stage.scenario")
        progress.report(stage: stage, done: 0, total: 2)
        let before = try analysis.figures(base)
        progress.report(stage: stage, done: 1, total: 2)
        let after = try analysis.figures(edited)
        progress.report(stage: stage, done: 2, total: 2)
        for n in notes { note(language.tr("note.prefix", ["note": n.text.text(language)])) }
        return ScenarioEvaluation(
            sides: ScenarioSideBySide(first: before, second: after, sides: .beforeAfter),
            facilities: ScenarioFacilityRow.rows(
                FacilityChanges(before: base.facilities, after: edited.facilities), before: base.facilities),
            notes: notes.map { ScenarioNoteRow($0) },
            settings: ScenarioSettings(area: after.area, coverage: after.coverage), editCount: edits.arrayValue?.count ?? 0)
    }
}

/// A note about one edit. The JSON is the same in every language (`text` in English); the note
/// in the request's language goes to the user beside the result (stderr on the command line).
public struct ScenarioNoteRow: Encodable, Sendable {
    public var edit: Int
    public var facilityId: String
    public var code: String
    public var text: String

    init(_ n: ScenarioEditing.Note) {
        edit = n.edit; facilityId = n.facilityId; code = n.code; text = n.text.text(.en)
    }

    enum CodingKeys: String, CodingKey {
        case edit, code, text
        case facilityId = "facility_id"
    }
}

/// One facility as a scenario leaves it (`change`: added, updated or removed; a removed one as it was).
public struct ScenarioFacilityRow: Encodable, Sendable {
    public var id: String
    public var change: String
    public var kind: String
    public var name: String?
    public var communityId: String?
    public var usableAreaM2: Double
    public var x: Double
    public var y: Double
    public var lon: Double
    public var lat: Double

    init(_ f: Facility, change: String) {
        id = f.id; self.change = change; kind = f.kind.rawValue; name = f.name; communityId = f.communityId
        usableAreaM2 = f.usableAreaM2; x = rounded(f.location.x, 2); y = rounded(f.location.y, 2)
        lon = rounded(f.lonLat.x, 7); lat = rounded(f.lonLat.y, 7)
    }

    /// Every change, added first, then updated, then removed.
    static func rows(_ c: FacilityChanges, before: [Facility]) -> [ScenarioFacilityRow] {
        let old = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return c.added.map { ScenarioFacilityRow($0, change: "added") }
            + c.updated.map { ScenarioFacilityRow($0, change: "updated") }
            + c.removedIds.compactMap { old[$0].map { ScenarioFacilityRow($0, change: "removed") } }
    }

    enum CodingKeys: String, CodingKey {
        case id, change, kind, name, x, y, lon, lat
        case communityId = "community_id"
        case usableAreaM2 = "usable_area_m2"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(change, forKey: .change); try c.encode(kind, forKey: .kind)
        try c.encode(name, forKey: .name); try c.encode(communityId, forKey: .communityId)
        try c.encode(usableAreaM2, forKey: .usableAreaM2)
        try c.encode(x, forKey: .x); try c.encode(y, forKey: .y); try c.encode(lon, forKey: .lon); try c.encode(lat, forKey: .lat)
    }
}
