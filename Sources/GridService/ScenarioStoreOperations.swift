import Foundation
import GridAnalysis
import GridFormats
import GridLocale
import GridModel
import GridStore

/// Options naming one saved scenario (`scenario show|delete|apply`).
public struct ScenarioNameOptions: OperationOptions {
    public var name: String
    public var analysis: ScenarioAnalysisOptions
    public var dryRun: Bool

    public init(name: String, analysis: ScenarioAnalysisOptions = ScenarioAnalysisOptions(), dryRun: Bool = false) {
        self.name = name; self.analysis = analysis; self.dryRun = dryRun
    }

    static let nameField = OptionField("name", .text, help: "The scenario's name.", valueName: "name", requirement: .always)
    public static let fields: [OptionField] = [nameField]

    /// `scenario show`: the name and the analysis options.
    struct Show: OperationOptions {
        static let fields: [OptionField] = [nameField] + ScenarioAnalysisOptions.fields
        let value: ScenarioNameOptions
        init(_ v: OptionValues) throws {
            value = ScenarioNameOptions(name: try v.text("name") ?? "", analysis: try ScenarioAnalysisOptions(v))
        }
    }

    /// `scenario apply`: the name and `dry_run`.
    struct Apply: OperationOptions {
        static let fields: [OptionField] = [
            nameField, OptionField("dry_run", .flag, help: "List the changes without writing them.")
        ]
        let value: ScenarioNameOptions
        init(_ v: OptionValues) throws {
            value = ScenarioNameOptions(name: try v.text("name") ?? "", dryRun: try v.flag("dry_run") ?? false)
        }
    }

    public init(_ v: OptionValues) throws { self.init(name: try v.text("name") ?? "") }
}

/// Options of `scenario save`.
public struct ScenarioSaveOptions: OperationOptions {
    public var name: String
    public var edits: JSONValue
    public var note: String?
    public var replace: Bool

    public init(name: String, edits: JSONValue, note: String? = nil, replace: Bool = false) {
        self.name = name; self.edits = edits; self.note = note; self.replace = replace
    }

    public static let fields: [OptionField] = [
        ScenarioNameOptions.nameField, ScenarioEvaluateOptions.editsField,
        OptionField("note", .text, help: "A note kept with the scenario.", valueName: "text"),
        OptionField("replace", .flag, help: "Replace a scenario of the same name.")
    ]

    public init(_ v: OptionValues) throws {
        self.init(
            name: try v.text("name") ?? "", edits: try v.objectList("edits") ?? .array([]), note: try v.text("note"),
            replace: try v.flag("replace") ?? false)
    }
}

/// Options of `scenario compare`.
public struct ScenarioCompareOptions: OperationOptions {
    public var a: String
    public var b: String
    public var analysis: ScenarioAnalysisOptions

    public init(a: String, b: String, analysis: ScenarioAnalysisOptions = ScenarioAnalysisOptions()) {
        self.a = a; self.b = b; self.analysis = analysis
    }

    public static let fields: [OptionField] =
        [
            OptionField(
                "a", .text, help: "The first scenario's name, or base for the imported data.", valueName: "name",
                requirement: .always),
            OptionField(
                "b", .text, help: "The second scenario's name, or base for the imported data.", valueName: "name",
                requirement: .always)
        ] + ScenarioAnalysisOptions.fields

    public init(_ v: OptionValues) throws {
        self.init(a: try v.text("a") ?? "", b: try v.text("b") ?? "", analysis: try ScenarioAnalysisOptions(v))
    }
}

/// No options (`scenario list`).
public struct NoOptions: OperationOptions {
    public static let fields: [OptionField] = []
    public init(_ v: OptionValues) throws {}
}

/// `scenario delete`: what was deleted.
public struct ScenarioDeletion: Encodable, Sendable {
    public var name: String
    public var deleted: Bool
}

/// `scenario apply`: what the scenario changes (or changed) in the facility layer.
public struct ScenarioApplication: Encodable, Sendable {
    public var name: String
    public var dryRun: Bool
    /// When it was written; nil for a dry run.
    public var appliedAt: String?
    public var facilitiesChanged: [ScenarioFacilityRow]
    public var added: Int
    public var updated: Int
    public var removed: Int

    enum CodingKeys: String, CodingKey {
        case name, added, updated, removed
        case dryRun = "dry_run"
        case appliedAt = "applied_at"
        case facilitiesChanged = "facilities_changed"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name); try c.encode(dryRun, forKey: .dryRun); try c.encode(appliedAt, forKey: .appliedAt)
        try c.encode(facilitiesChanged, forKey: .facilitiesChanged)
        try c.encode(added, forKey: .added); try c.encode(updated, forKey: .updated); try c.encode(removed, forKey: .removed)
    }
}

/// One side of `scenario compare`: its name (`base`: the imported data) and summary.
public struct ScenarioSideView: Encodable, Sendable {
    public var name: String
    public var summary: ScenarioSummary
}

/// `scenario compare`: two states side by side (keys `_a`/`_b`), `change` = b − a.
public struct ScenarioComparison: Encodable, Sendable {
    public var a: String
    public var b: String
    public var sides: ScenarioSideBySide
    public var notes: [ScenarioNoteRow]
    public var settings: ScenarioSettings

    enum CodingKeys: String, CodingKey {
        case a, b, change, communities, notes, settings
        case buildingsChanged = "buildings_changed"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ScenarioSideView(name: a, summary: sides.first), forKey: .a)
        try c.encode(ScenarioSideView(name: b, summary: sides.second), forKey: .b)
        try c.encode(sides.change, forKey: .change)
        try c.encode(sides.communities, forKey: .communities)
        try c.encode(sides.buildingsChanged, forKey: .buildingsChanged)
        try c.encode(notes, forKey: .notes)
        try c.encode(settings, forKey: .settings)
    }
}

extension ServiceContext {
    /// The name `scenario compare` reads as the imported data.
    static let baseScenarioName = "base"

    /// The store that keeps the scenarios (a file that does not exist has none).
    func scenarioStore() throws -> any PlanStore {
        guard StoreOpening.exists(databasePath) else {
            throw UsageError(key: "scenarios.needs_store", ["path": databasePath])
        }
        return try StoreOpening.open(databasePath, create: false)
    }

    func storedScenario(_ name: String, in store: any PlanStore) throws -> StoredScenario {
        guard let s = try store.scenario(named: name) else {
            throw UsageError(key: "scenarios.not_found", ["name": name, "store": store.location])
        }
        return s
    }

    /// The time as the store records it: ISO 8601, UTC, to the second.
    var timestamp: String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: clock())
    }

    /// `scenario save`: checks the edits against the store's facilities, then stores them.
    public func saveScenario(_ o: ScenarioSaveOptions) throws -> ScenarioRecordView {
        let name = o.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name != Self.baseScenarioName, name == o.name else {
            throw UsageError(key: "scenarios.name_invalid", ["name": o.name])
        }
        let store = try scenarioStore()
        let base = try snapshot(layers: [.communities, .facilities])
        let parsed = try ScenarioEditParsing.parse(o.edits, workingCRS: base.metadata.workingCRS)
        _ = try ScenarioEditing.apply(parsed, to: base)
        let now = timestamp
        let stored = try store.saveScenario(
            StoredScenario(name: name, note: o.note, edits: JSONWriter.write(o.edits), createdAt: now, updatedAt: now),
            replace: o.replace)
        return ScenarioRecordView(stored)
    }

    /// `scenario list`: every saved scenario, by name.
    public func listScenarios(_ o: NoOptions) throws -> [ScenarioRecordView] {
        guard StoreOpening.exists(databasePath) else { return [] }
        return try scenarioStore().scenarios().sorted { $0.name < $1.name }.map(ScenarioRecordView.init)
    }

    /// `scenario show`: the stored edits and their evaluation (edits naming facilities the store no
    /// longer has are skipped, with a note).
    public func showScenario(_ o: ScenarioNameOptions) throws -> ScenarioEvaluation {
        let stored = try storedScenario(o.name, in: try scenarioStore())
        let view = ScenarioRecordView(stored)
        var result = try evaluate(view.edits, o.analysis, lenient: true)
        result.record = view
        return result
    }

    /// `scenario delete`.
    public func deleteScenario(_ o: ScenarioNameOptions) throws -> ScenarioDeletion {
        let store = try scenarioStore()
        guard try store.deleteScenario(named: o.name) else {
            throw UsageError(key: "scenarios.not_found", ["name": o.name, "store": store.location])
        }
        return ScenarioDeletion(name: o.name, deleted: true)
    }

    /// `scenario compare`: two saved scenarios (or `base`) side by side.
    public func compareScenarios(_ o: ScenarioCompareOptions) throws -> ScenarioComparison {
        let analysis = try ScenarioAnalysis(o.analysis)
        let store = try scenarioStore()
        var notes: [ScenarioNoteRow] = []
        func state(_ name: String) throws -> (area: AreaReport, coverage: CoverageResult) {
            let edits: JSONValue =
                name == Self.baseScenarioName
                ? .array([]) : ScenarioRecordView(try storedScenario(name, in: store)).edits
            let (_, edited, n) = try scenarioSnapshots(edits, analysis: analysis, lenient: true)
            notes += n.map(ScenarioNoteRow.init)
            for x in n { note(language.tr("note.prefix", ["note": x.text.text(language)])) }
            return try analysis.figures(edited)
        }
        let first = try state(o.a), second = try state(o.b)
        return ScenarioComparison(
            a: o.a, b: o.b, sides: ScenarioSideBySide(first: first, second: second, sides: .ab), notes: notes,
            settings: ScenarioSettings(area: second.area, coverage: second.coverage))
    }

    /// `scenario apply`: writes the scenario's facility changes into the store in one transaction.
    public func applyScenario(_ o: ScenarioNameOptions) throws -> ScenarioApplication {
        let store = try scenarioStore()
        let stored = try storedScenario(o.name, in: store)
        let base = try snapshot(layers: [.communities, .facilities])
        let parsed = try ScenarioEditParsing.parse(ScenarioRecordView(stored).edits, workingCRS: base.metadata.workingCRS)
        let edited = try ScenarioEditing.apply(parsed, to: base).snapshot
        let changes = FacilityChanges(before: base.facilities, after: edited.facilities)
        var appliedAt: String? = nil
        if !o.dryRun {
            let now = timestamp
            try store.applyScenario(named: o.name, changes: changes, appliedAt: now)
            invalidate()
            appliedAt = now
        }
        return ScenarioApplication(
            name: o.name, dryRun: o.dryRun, appliedAt: appliedAt,
            facilitiesChanged: ScenarioFacilityRow.rows(changes, before: base.facilities), added: changes.added.count,
            updated: changes.updated.count, removed: changes.removedIds.count)
    }
}
