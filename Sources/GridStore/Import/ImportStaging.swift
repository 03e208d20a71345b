import Foundation
import GridFormats
import GridGeo
import GridLocale
import GridModel

/// Ids of one entity file, for uniqueness and parent checks.
struct IDTable {
    /// File name for messages (`communities.geojson`), or the entity name when absent.
    var file: String
    var index: [String: Int] = [:]
    /// False when the file could not be read completely: unknown ids are then not reported.
    var trusted = true

    init(file: String) { self.file = file }

    /// Reports an unknown parent id on `field` of the row being read.
    func checkParent(_ id: String?, field: String, kind: String, reader: FieldReader) {
        guard let id, trusted, index[id] == nil else { return }
        reader.report(
            field, LocalText("problem.parent.unknown_\(kind)", ["id": id]), expected: LocalText("expected.id_in", ["file": file]))
    }
}

/// Staged records of a layer: the entities plus where they came from and their source geometry.
struct Staged<Entity> {
    var items: [Entity] = []
    var locations: [RecordLocation] = []
    var geometry: [SourceGeometry] = []
    var ids: IDTable

    init(file: String) { ids = IDTable(file: file) }

    /// Registers a new id; reports a duplicate (naming the first occurrence) and returns false.
    mutating func register(_ id: String, reader: FieldReader) -> Bool {
        if let first = ids.index[id] {
            reader.report(
                "id", LocalText("problem.id.duplicate", ["id": id], parts: ["first": locations[first].localText]),
                expected: LocalText("expected.id.unique"))
            return false
        }
        ids.index[id] = items.count
        return true
    }

    /// Appends a record; `geometry` nil for non-spatial records (households, units: nothing is stored).
    mutating func append(_ item: Entity, _ location: RecordLocation, _ geometry: SourceGeometry?) {
        items.append(item); locations.append(location)
        if let geometry { self.geometry.append(geometry) }
    }
}
