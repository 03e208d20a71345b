import Foundation
import GridFormats
import GridModel
import GridService
import Testing
@testable import GridRPC

/// The operations' declarations are the one source of the JSON-RPC parameters: OpenRPC lists
/// every field with its type and choices, the JSON Schema matches, and decoding checks values
/// by the same table.
@Suite struct OperationDeclarationTests {
    static let discover: JSONValue = {
        let outbox = Outbox()
        let s = RPCServer(context: ServiceContext(db: "/nonexistent/gridplan-declaration-test.gpkg"), methods: MethodTable.all) {
            outbox.append($0)
        }
        s.handle(line: #"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#)
        return try! JSONParser.parse(outbox.take()[0])
    }()

    static func openRPCParams(_ method: String) -> [String: JSONObject] {
        let methods = discover.objectValue?["result"]?.objectValue?["methods"]?.arrayValue ?? []
        let m = methods.first { $0.objectValue?["name"]?.stringValue == method }?.objectValue
        var out: [String: JSONObject] = [:]
        for p in m?["params"]?.arrayValue ?? [] {
            if let o = p.objectValue, let name = o["name"]?.stringValue { out[name] = o }
        }
        return out
    }

    @Test func everyFieldOfEveryOperationIsInOpenRPCWithItsChoices() throws {
        for operation in OperationCatalogue.all {
            let params = Self.openRPCParams(operation.method)
            let expected = operation.rpcFields
            #expect(!expected.isEmpty || operation.method == "info", "\(operation.method) declares no fields")
            #expect(Set(params.keys) == Set(expected.map(\.name) + ["progress_token"]), "\(operation.method)")
            for field in expected {
                let p = try #require(params[field.name], "\(operation.method).\(field.name)")
                let schema = p["schema"]?.objectValue
                #expect(p["required"] == .bool(field.requirement == .always), "\(operation.method).\(field.name)")
                #expect(p["description"]?.stringValue?.isEmpty == false, "\(operation.method).\(field.name)")
                switch field.kind {
                case .choice(let set):
                    #expect(schema?["type"] == .string("string"))
                    #expect(schema?["enum"] == .array(set.values.map { .string($0) }), "\(operation.method).\(field.name)")
                case .flag: #expect(schema?["type"] == .string("boolean"))
                case .integer: #expect(schema?["type"] == .string("integer"))
                case .number: #expect(schema?["type"] == .string("number"))
                case .text: #expect(schema?["type"] == .string("string"))
                case .choiceList(let set):
                    #expect(schema?["type"] == .string("array"))
                    #expect(
                        schema?["items"]?.objectValue?["enum"] == .array(set.values.map { .string($0) }),
                        "\(operation.method).\(field.name)")
                case .textList, .coordinatePairs, .objectList: #expect(schema?["type"] == .string("array"))
                }
                if let d = field.defaultValue, field.name != "format" { #expect(schema?["default"] == d) }
            }
        }
    }

    @Test func enumeratedChoicesAreListed() {
        let coverage = Self.openRPCParams("coverage")
        #expect(coverage["decay"]?["schema"]?.objectValue?["enum"] == ["none", "gaussian"])
        #expect(coverage["circle"]?["schema"]?.objectValue?["enum"] == ["5min", "10min", "15min"])
        #expect(coverage["format"]?["schema"]?.objectValue?["enum"] == ["table", "json", "csv", "geojson", "xlsx"])
        #expect(coverage["out"]?["schema"]?.objectValue?["type"] == "string")
        #expect(coverage["format"]?["schema"]?.objectValue?["default"] == "json")
        let site = Self.openRPCParams("site")
        #expect(site["objective"]?["schema"]?.objectValue?["enum"] == ["cover", "all", "distance", "center"])
        #expect(site["candidates"]?["schema"]?.objectValue?["enum"] == ["imported", "generated", "both"])
        #expect(
            Self.openRPCParams("report.compliance")["format"]?["schema"]?.objectValue?["enum"] == ["table", "json", "csv", "xlsx"]
        )
        #expect(
            Self.openRPCParams("export")["format"]?["schema"]?.objectValue?["enum"] == [
                "geojson", "csv", "gpkg", "shp", "kml", "xlsx"
            ])
        #expect(Self.openRPCParams("map")["theme"]?["schema"]?.objectValue?["enum"] == ["area", "coverage", "grids", "sites"])
    }

    @Test func parametersSchemaMatchesTheFields() throws {
        for operation in OperationCatalogue.all {
            let schema = try #require(operation.parametersSchema.objectValue)
            #expect(schema["type"] == "object")
            #expect(schema["additionalProperties"] == .bool(false))
            let properties = schema["properties"]?.objectValue?.keys ?? []
            #expect(properties == operation.rpcFields.map(\.name), "\(operation.method)")
            let required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(required == operation.rpcFields.filter { $0.requirement == .always }.map(\.name), "\(operation.method)")
        }
        #expect(OperationCatalogue.operation(method: "export")?.parametersSchema.objectValue?["required"] == ["format", "out"])
    }

    @Test func decodingChecksValuesByTheFieldTable() throws {
        let fields = CoverageOptions.fields
        func decode(_ members: [(key: String, value: JSONValue)]) throws -> CoverageOptions {
            try CoverageOptions(OptionValues(JSONObject(members: members), fields: fields))
        }
        let o = try decode([
            ("kinds", ["party_mass_center, city_station", "party_mass_station"]), ("decay", "E2SFCA"), ("circle", "15min")
        ])
        #expect(o.kinds == ["party_mass_center", "city_station", "party_mass_station"])
        #expect(o.decay == .gaussian && o.circle == .fifteenMinutes && !o.network)
        #expect(try decode([("kinds", "city_station,,party_mass_center")]).kinds == ["city_station", "party_mass_center"])
        #expect(
            usageMessage { _ = try decode([("kinds", "party_mass_center,library")]) }?.hasPrefix(
                "--kinds library: expected some of party_mass_center, ") == true)
        #expect(
            usageMessage { _ = try decode([("decay", "bogus")]) } == "--decay bogus: expected none (2SFCA) or gaussian (E2SFCA)")
        #expect(usageMessage { _ = try decode([("radius", "far")]) } == "--radius far: expected a number")
        #expect(usageMessage { _ = try decode([("network", 1)]) } == "--network 1: expected true or false")
        #expect(throws: UsageError.self) { try decode([("radios", 300)]) }
        let exportFields = ExportOptions.fields
        #expect(
            usageMessage {
                _ = try ExportOptions(OptionValues(JSONObject(members: [("format", "csv")]), fields: exportFields))
            } == "missing parameter 'out' (--out)")
    }

    @Test func unsupportedFormatSaysWhy() {
        let compliance = OperationCatalogue.operation(method: "report.compliance")!
        #expect(
            usageMessage {
                _ = try compliance.execute(
                    JSONObject(members: [("format", "geojson")]), context: ServiceContext(db: "/nonexistent/x.gpkg"),
                    defaultFormat: .json)
            } == "--format geojson: the compliance report has no locations (expected table, json, csv or xlsx)")
    }
}

/// The message of the `UsageError` `body` throws; nil when it throws none (or another error).
func usageMessage(_ body: () throws -> Void) -> String? {
    do { try body() } catch let e as UsageError { return e.message } catch { return "not a usage error: \(error)" }
    return nil
}
