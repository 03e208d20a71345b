import GridFormats
import GridGeo
import GridLocale
import GridModel
import GridStore

/// Reads a scenario's edits from their JSON form (docs/data-format.md, "Scenarios"): an array of
/// objects, each with an `op` and the fields of that operation. Every refusal names the edit
/// (`edits[2]`), the field and what was expected.
enum ScenarioEditParsing {
    /// The fields each operation takes (`op` besides), required first.
    static let operations: [(op: String, required: [String], optional: [String])] = [
        ("add_facility", ["id", "x", "y", "kind", "usable_area_m2"], ["name", "crs", "level", "embedded"]),
        ("move_facility", ["id", "x", "y"], ["crs"]),
        ("close_facility", ["id"], []),
        ("set_area", ["id", "usable_area_m2"], [])
    ]

    /// The edits of `value`, points converted into `workingCRS` (and to longitude/latitude).
    static func parse(_ value: JSONValue, workingCRS: String) throws -> [ScenarioEdit] {
        guard let items = value.arrayValue else {
            throw UsageError(key: "scenarios.edits.not_array", ["kind": value.kindName])
        }
        var converters = ScenarioPoints(workingCRS: workingCRS)
        return try items.enumerated().map { i, item in try edit(item, index: i, points: &converters) }
    }

    static func edit(_ item: JSONValue, index i: Int, points: inout ScenarioPoints) throws -> ScenarioEdit {
        let index = String(i)
        guard let o = item.objectValue else {
            throw UsageError(key: "scenarios.edit.not_object", ["index": index, "kind": item.kindName])
        }
        let names = operations.map(\.op)
        guard let op = o["op"]?.stringValue, let spec = operations.first(where: { $0.op == op }) else {
            throw UsageError(
                key: "scenarios.edit.unknown_op",
                ["index": index, "value": o["op"].map { JSONWriter.write($0) } ?? "null", "ops": names.joined(separator: ", ")])
        }
        let allowed = ["op"] + spec.required + spec.optional
        if let unknown = o.keys.first(where: { !allowed.contains($0) }) {
            throw UsageError(
                key: "scenarios.edit.unknown_field",
                ["index": index, "op": op, "field": unknown, "fields": allowed.joined(separator: ", ")])
        }
        if let absent = spec.required.first(where: { o[$0] == nil || o[$0]!.isNull }) {
            throw UsageError(key: "scenarios.edit.missing_field", ["index": index, "op": op, "field": absent])
        }
        func refuse(_ field: String, _ expected: LocalText) -> UsageError {
            let given = o[field].map { $0.stringValue ?? JSONWriter.write($0) } ?? "null"
            return UsageError { l in
                l.tr("scenarios.edit.bad_value", ["index": index, "field": field, "value": given, "expected": expected.text(l)])
            }
        }
        func text(_ field: String) throws -> String? {
            guard let v = o[field], !v.isNull else { return nil }
            guard let s = v.stringValue, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw refuse(field, LocalText("scenarios.expected.text"))
            }
            return s
        }
        func number(_ field: String, _ expected: String) throws -> Double? {
            guard let v = o[field], !v.isNull else { return nil }
            guard let n = v.numberValue?.double, n.isFinite else { throw refuse(field, LocalText(expected)) }
            return n
        }
        func area() throws -> Double {
            let a = try number("usable_area_m2", "scenarios.expected.area")!
            guard a >= 0 else { throw refuse("usable_area_m2", LocalText("scenarios.expected.area")) }
            return a
        }
        func choice<T: RawRepresentable & CaseIterable>(_ field: String, _ type: T.Type) throws -> T?
        where T.RawValue == String {
            guard let s = try text(field) else { return nil }
            guard let c = T(rawValue: s) else {
                let values = T.allCases.map(\.rawValue).joined(separator: ", ")
                throw refuse(field, LocalText("scenarios.expected.one_of", ["values": values]))
            }
            return c
        }
        func point() throws -> (Point, Point) {
            let x = try number("x", "scenarios.expected.coordinate")!, y = try number("y", "scenarios.expected.coordinate")!
            return try points.convert(Point(x, y), crs: try text("crs"), index: i)
        }
        let id = try text("id")!
        switch op {
        case "add_facility":
            let kind = try choice("kind", FacilityKind.self)!
            let level = try choice("level", FacilityLevel.self)
            var embedded = false
            if let v = o["embedded"], !v.isNull {
                guard let b = v.boolValue else { throw refuse("embedded", LocalText("scenarios.expected.bool")) }
                embedded = b
            }
            let usable = try area()
            let (location, lonLat) = try point()
            return .addFacility(
                ScenarioFacility(
                    id: id, kind: kind, usableAreaM2: usable, name: try text("name"), level: level, embedded: embedded,
                    location: location, lonLat: lonLat))
        case "move_facility":
            let (location, lonLat) = try point()
            return .moveFacility(id: id, location: location, lonLat: lonLat)
        case "close_facility":
            return .closeFacility(id: id)
        default:
            return .setArea(id: id, usableAreaM2: try area())
        }
    }
}

/// Converts the points of edits into the working CRS and to longitude/latitude, one PROJ
/// transformation per CRS named.
struct ScenarioPoints {
    let workingCRS: String
    private var toWorking: [String: CoordinateTransformer] = [:]
    private var toLonLat: CoordinateTransformer?

    init(workingCRS: String) { self.workingCRS = workingCRS }

    /// (working CRS point, lon/lat point) of `p` given in `crs` (nil: the working CRS).
    mutating func convert(_ p: Point, crs: String?, index: Int) throws -> (Point, Point) {
        let workingCRS = self.workingCRS
        func failed(_ from: String, _ problem: LocalText) -> UsageError {
            UsageError { l in
                l.tr(
                    "scenarios.edit.crs_failed",
                    [
                        "index": String(index), "x": p.x.optionText, "y": p.y.optionText, "crs": from, "working": workingCRS,
                        "problem": problem.text(l)
                    ])
            }
        }
        func transformer(_ from: String, _ to: CoordinateSystem) throws -> CoordinateTransformer {
            do {
                return try CoordinateTransformer(from: CoordinateSystem(parsing: from), to: to)
            } catch let e as ProjectionError {
                throw failed(from, e.localText)
            }
        }
        var working = p
        if let crs, crs != workingCRS {
            if toWorking[crs] == nil { toWorking[crs] = try transformer(crs, CoordinateSystem(parsing: workingCRS)) }
            do { working = try toWorking[crs]!.transform(p) } catch let e as ProjectionError { throw failed(crs, e.localText) }
        }
        if toLonLat == nil { toLonLat = try transformer(workingCRS, .wgs84) }
        do {
            let ll = try toLonLat!.transform(working)
            return (working, ll)
        } catch let e as ProjectionError {
            throw failed(crs ?? workingCRS, e.localText)
        }
    }
}
