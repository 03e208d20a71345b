import GridGeo
import GridLocale
import GridModel

/// Applies a scenario's edits to the facility layer of a snapshot, in order, without touching
/// anything else: the edited snapshot is then read by the same analyses as the imported one.
public enum ScenarioEditing {
    /// What happened to one edit that could not be applied in lenient mode, or that needs saying.
    public struct Note: Sendable, Hashable {
        /// Index of the edit in the scenario (0-based, as `edits[i]`).
        public var edit: Int
        public var facilityId: String
        /// `facility_missing` (skipped), `id_exists` (skipped) or `outside_communities` (applied).
        public var code: String
        public var text: LocalText
    }

    /// The edited snapshot and the notes of the edits.
    public struct Outcome: Sendable {
        public var snapshot: Snapshot
        public var notes: [Note]
    }

    /// Applies `edits` to `snapshot.facilities`. Strict (the default): an edit naming a facility
    /// that does not exist, or adding an id that exists, throws naming the edit. Lenient (a stored
    /// scenario shown after a re-import): such edits are skipped and noted. An added or moved
    /// facility outside every community is applied (it still serves by distance; its area is
    /// unallocated) and noted.
    public static func apply(_ edits: [ScenarioEdit], to snapshot: Snapshot, lenient: Bool = false) throws -> Outcome {
        var s = snapshot
        var notes: [Note] = []
        var index: [String: Int] = [:]
        for (i, f) in s.facilities.enumerated() { index[f.id] = i }
        var removed = Set<Int>()
        let boundaries = s.communities.compactMap { c in c.boundary.map { (c.id, $0, $0.boundingBox) } }
        func community(at p: Point) -> String? {
            boundaries.first { $0.2.contains(p) && $0.1.contains(p) }?.0
        }
        func live(_ id: String) -> Int? { index[id].flatMap { removed.contains($0) ? nil : $0 } }

        for (i, edit) in edits.enumerated() {
            let id = edit.facilityId
            func missing() throws {
                let text = LocalText("scenarios.edit.unknown_facility", ["index": String(i), "op": edit.operation, "id": id])
                if !lenient { throw UsageError { text.text($0) } }
                notes.append(Note(edit: i, facilityId: id, code: "facility_missing", text: text))
            }
            func placed(_ p: Point) -> String? {
                guard !boundaries.isEmpty else { return nil }
                let c = community(at: p)
                if c == nil {
                    notes.append(
                        Note(
                            edit: i, facilityId: id, code: "outside_communities",
                            text: LocalText("scenarios.edit.outside", ["index": String(i), "id": id])))
                }
                return c
            }
            switch edit {
            case .addFacility(let new):
                if live(id) != nil {
                    let text = LocalText("scenarios.edit.id_exists", ["index": String(i), "id": id])
                    if !lenient { throw UsageError { text.text($0) } }
                    notes.append(Note(edit: i, facilityId: id, code: "id_exists", text: text))
                    continue
                }
                let f = Facility(
                    id: new.id, kind: new.kind, usableAreaM2: new.usableAreaM2, name: new.name,
                    communityId: placed(new.location), level: new.level, embedded: new.embedded,
                    location: new.location, lonLat: new.lonLat)
                index[id] = s.facilities.count
                s.facilities.append(f)
            case .moveFacility(_, let location, let lonLat):
                guard let k = live(id) else { try missing(); continue }
                if !boundaries.isEmpty { s.facilities[k].communityId = placed(location) }
                s.facilities[k].location = location
                s.facilities[k].lonLat = lonLat
                // A footprint stays where the building was: the moved facility is a point.
                s.facilities[k].footprint = nil
            case .closeFacility:
                guard let k = live(id) else { try missing(); continue }
                removed.insert(k)
            case .setArea(_, let area):
                guard let k = live(id) else { try missing(); continue }
                s.facilities[k].usableAreaM2 = area
            }
        }
        if !removed.isEmpty {
            s.facilities = s.facilities.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        }
        return Outcome(snapshot: s, notes: notes)
    }
}
