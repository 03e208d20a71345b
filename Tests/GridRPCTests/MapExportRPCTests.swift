import Foundation
import GridFormats
import GridService
import Testing
@testable import GridRPC

/// A server over the demo district (no store at the path), for the map, export and report methods.
private let mapsServer = RPCServer(
    context: ServiceContext(db: "/nonexistent/gridplan-maps-rpc.gpkg"),
    methods: MethodTable.all
) { _ in }

private func mapsCall(_ method: String, _ params: String) throws -> JSONObject {
    let reply = try #require(
        mapsServer.handle(
            message: try JSONParser.parse(
                #"{"jsonrpc":"2.0","id":1,"method":"\#(method)","params":\#(params)}"#)))
    let object = try #require(try JSONParser.parse(reply).objectValue)
    #expect(object["error"] == nil, "\(reply.prefix(500))")
    return try #require(object["result"]?.objectValue)
}

@Suite(.serialized) struct MapExportRPCTests {
    @Test func mapAndExportAreRegistered() {
        let names = Set(MethodTable.all.map(\.name))
        #expect(names.isSuperset(of: ["map", "export", "report.html"]))
    }

    @Test func mapReturnsTheSVGWhenNoFileIsNamed() throws {
        let r = try mapsCall("map", #"{"theme":"coverage"}"#)
        let svg = try #require(r["svg"]?.stringValue)
        #expect(svg.hasPrefix("<?xml") && svg.contains("<svg"))
        let communities = try #require(r["communities"]?.numberValue?.int)
        #expect(svg.components(separatedBy: "<path class=\"community\"").count - 1 == communities)
        #expect(r["path"] == nil || r["path"] == .null)
    }

    @Test func exportWritesTheLayersAsked() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridplan-rpc-export-\(UUID().uuidString)")
        let r = try mapsCall("export", #"{"format":"geojson","out":"\#(dir.path)","layers":["communities,area_report"]}"#)
        let layers = try #require(r["layers"]?.arrayValue).compactMap { $0.objectValue?["name"]?.stringValue }
        #expect(Set(layers) == ["communities", "area_report"])
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["communities.geojson", "area_report.geojson"])
        #expect(r["includes_households"] == .bool(false))
    }

    @Test func exportNeedsFormatAndOut() throws {
        let reply = try #require(
            mapsServer.handle(
                message: try JSONParser.parse(#"{"jsonrpc":"2.0","id":2,"method":"export","params":{"format":"csv"}}"#)))
        let code = try JSONParser.parse(reply).objectValue?["error"]?.objectValue?["code"]?.numberValue?.int
        #expect(code == -32602)
    }
}
