import GridAnalysis
import GridFormats
import GridModel
import GridStore

/// What the figures of a scenario result were computed with.
public struct ScenarioSettings: Encodable, Sendable {
    public var radiusM: Double
    public var method: String
    public var standardM2Per100Households: Double
    public var allocation: String

    init(area: AreaReport, coverage: CoverageResult) {
        radiusM = coverage.radiusM; method = coverage.method.rawValue
        standardM2Per100Households = area.standardM2Per100Households; allocation = area.allocation.rawValue
    }

    enum CodingKeys: String, CodingKey {
        case method, allocation
        case radiusM = "radius_m"
        case standardM2Per100Households = "standard_m2_per_100_households"
    }
}

/// A stored scenario as the operations show it: its edits as JSON, not as text.
public struct ScenarioRecordView: Encodable, Sendable {
    public var name: String
    public var note: String?
    public var edits: JSONValue
    public var createdAt: String
    public var updatedAt: String
    public var appliedAt: String?

    init(_ s: StoredScenario) {
        name = s.name; note = s.note; createdAt = s.createdAt; updatedAt = s.updatedAt; appliedAt = s.appliedAt
        edits = (try? JSONParser.parse(s.edits)) ?? .array([])
    }

    enum CodingKeys: String, CodingKey {
        case name, note, edits
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case appliedAt = "applied_at"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name); try c.encode(note, forKey: .note); try c.encode(edits, forKey: .edits)
        try c.encode(createdAt, forKey: .createdAt); try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(appliedAt, forKey: .appliedAt)
    }
}

/// `scenario evaluate` (and the figures of `scenario show`): the imported data (`base`) and the
/// scenario side by side, with every community, the buildings whose coverage changed and the
/// facilities the edits change. Never a household id.
public struct ScenarioEvaluation: Encodable, Sendable {
    /// The stored scenario (`scenario show`); nil for `scenario evaluate`.
    public var record: ScenarioRecordView?
    public var sides: ScenarioSideBySide
    public var facilities: [ScenarioFacilityRow]
    public var notes: [ScenarioNoteRow]
    public var settings: ScenarioSettings
    public var editCount: Int

    init(
        record: ScenarioRecordView? = nil, sides: ScenarioSideBySide, facilities: [ScenarioFacilityRow],
        notes: [ScenarioNoteRow], settings: ScenarioSettings, editCount: Int
    ) {
        self.record = record; self.sides = sides; self.facilities = facilities; self.notes = notes
        self.settings = settings; self.editCount = editCount
    }

    enum CodingKeys: String, CodingKey {
        case name, note, edits, base, scenario, change, communities, notes, settings
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case appliedAt = "applied_at"
        case buildingsChanged = "buildings_changed"
        case facilitiesChanged = "facilities_changed"
        case editCount = "edit_count"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let r = record {
            try c.encode(r.name, forKey: .name); try c.encode(r.note, forKey: .note); try c.encode(r.edits, forKey: .edits)
            try c.encode(r.createdAt, forKey: .createdAt); try c.encode(r.updatedAt, forKey: .updatedAt)
            try c.encode(r.appliedAt, forKey: .appliedAt)
        }
        try c.encode(sides.first, forKey: .base)
        try c.encode(sides.second, forKey: .scenario)
        try c.encode(sides.change, forKey: .change)
        try c.encode(sides.communities, forKey: .communities)
        try c.encode(sides.buildingsChanged, forKey: .buildingsChanged)
        try c.encode(facilities, forKey: .facilitiesChanged)
        try c.encode(notes, forKey: .notes)
        try c.encode(settings, forKey: .settings)
        try c.encode(editCount, forKey: .editCount)
    }
}
