/// How the facility layer differs between two snapshots (by facility id): what applying a
/// scenario writes into the store.
public struct FacilityChanges: Sendable, Hashable {
    /// Facilities of `after` that `before` does not have.
    public var added: [Facility]
    /// Facilities of both whose fields differ, as they are in `after`.
    public var updated: [Facility]
    /// Ids of facilities of `before` that `after` does not have.
    public var removedIds: [String]

    public init(added: [Facility] = [], updated: [Facility] = [], removedIds: [String] = []) {
        self.added = added; self.updated = updated; self.removedIds = removedIds
    }

    public init(before: [Facility], after: [Facility]) {
        var old: [String: Facility] = [:]
        for f in before { old[f.id] = f }
        let newIds = Set(after.map(\.id))
        added = after.filter { old[$0.id] == nil }
        updated = after.filter { f in old[f.id].map { $0 != f } ?? false }
        removedIds = before.map(\.id).filter { !newIds.contains($0) }
    }

    public var isEmpty: Bool { added.isEmpty && updated.isEmpty && removedIds.isEmpty }
}
