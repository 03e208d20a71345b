/// A scenario (方案) as a store keeps it: its name, a note, the edits as their JSON text
/// (docs/data-format.md, "Scenarios"), and when it was saved and applied (ISO 8601, UTC).
/// Stored beside the dataset, not in it: a re-import keeps the scenarios.
public struct StoredScenario: Sendable, Hashable {
    public var name: String
    public var note: String?
    /// The edits as a compact JSON array (keys sorted).
    public var edits: String
    public var createdAt: String
    public var updatedAt: String
    /// When the scenario was last written into the facility layer; nil when never.
    public var appliedAt: String?

    public init(name: String, note: String?, edits: String, createdAt: String, updatedAt: String, appliedAt: String? = nil) {
        self.name = name; self.note = note; self.edits = edits; self.createdAt = createdAt
        self.updatedAt = updatedAt; self.appliedAt = appliedAt
    }
}
