import Foundation
import GridFormats
import GridService
import Testing
@testable import GridRPC

/// Collects what the server sends.
final class Outbox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    func take() -> [String] { lock.lock(); defer { items = []; lock.unlock() }; return items }
}

struct TestFailure: Error, CustomStringConvertible { var description: String { "boom" } }

/// One server over the demo district (no store at the path), shared: loading the demo takes a while.
let outbox = Outbox()
let server: RPCServer = {
    let context = ServiceContext(db: "/nonexistent/gridplan-rpc-test.gpkg")
    let failing = RPCMethod(
        OperationDeclaration(
            method: "test.fail", command: [], summary: "always fails", options: InfoOptions.self,
            result: "none", run: { _, _ -> InfoResult in throw TestFailure() }))
    return RPCServer(context: context, methods: MethodTable.all + [failing]) { outbox.append($0) }
}()

func call(_ line: String) -> [JSONValue] {
    server.handle(line: line)
    return outbox.take().map { try! JSONParser.parse($0) }
}

func errorCode(_ v: JSONValue) -> Int? {
    v.objectValue?["error"]?.objectValue?["code"]?.numberValue?.int
}

@Suite(.serialized) struct RPCServerTests {
    @Test func parseErrorHasNullId() {
        let r = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":")
        #expect(r.count == 1)
        #expect(errorCode(r[0]) == -32700)
        #expect(r[0].objectValue?["id"] == .null)
    }

    @Test func duplicateKeysAreAParseError() {
        let r = call(#"{"jsonrpc":"2.0","id":1,"id":2,"method":"info"}"#)
        #expect(errorCode(r[0]) == -32700)
    }

    @Test func invalidRequests() {
        #expect(errorCode(call("42")[0]) == -32600)
        #expect(errorCode(call(#"{"id":1,"method":"info"}"#)[0]) == -32600)  // no jsonrpc
        #expect(errorCode(call(#"{"jsonrpc":"2.0","id":[1],"method":"info"}"#)[0]) == -32600)  // bad id type
        #expect(errorCode(call(#"{"jsonrpc":"2.0","id":1,"method":7}"#)[0]) == -32600)
        #expect(errorCode(call("[]")[0]) == -32600)
    }

    @Test func methodNotFoundEchoesId() {
        let r = call(#"{"jsonrpc":"2.0","id":"abc","method":"no.such"}"#)
        #expect(errorCode(r[0]) == -32601)
        #expect(r[0].objectValue?["id"] == .string("abc"))
    }

    @Test func invalidParams() {
        #expect(errorCode(call(#"{"jsonrpc":"2.0","id":1,"method":"report.area","params":[1]}"#)[0]) == -32602)
        let unknown = call(#"{"jsonrpc":"2.0","id":1,"method":"report.area","params":{"radus":500}}"#)[0]
        #expect(errorCode(unknown) == -32602)
        #expect(unknown.objectValue?["error"]?.objectValue?["message"]?.stringValue?.contains("radus") == true)
        #expect(errorCode(call(#"{"jsonrpc":"2.0","id":1,"method":"report.area","params":{"standard":"lots"}}"#)[0]) == -32602)
        #expect(errorCode(call(#"{"jsonrpc":"2.0","id":1,"method":"report.area","params":{"allocate":"magic"}}"#)[0]) == -32602)
        #expect(errorCode(call(#"{"jsonrpc":"2.0","id":1,"method":"crs.convert","params":{"from":"EPSG:4326"}}"#)[0]) == -32602)
    }

    @Test func internalErrorForUnexpectedFailures() {
        #expect(errorCode(call(#"{"jsonrpc":"2.0","id":1,"method":"test.fail"}"#)[0]) == -32603)
    }

    @Test func invalidDatasetCarriesProblems() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rpc-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"type":"FeatureCollection","features":[]}"#.utf8).write(to: dir.appendingPathComponent("communities.geojson"))
        try Data("id,households,lon,lat\nB1,-3,114.3,30.5\n".utf8).write(to: dir.appendingPathComponent("buildings.csv"))
        try Data("id,kind,usable_area_m2,lon,lat\nF1,palace,10,114.3,30.5\n".utf8).write(
            to: dir.appendingPathComponent("facilities.csv"))
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("rpc-\(UUID().uuidString).gpkg").path
        let local = Outbox()
        let s = RPCServer(context: ServiceContext(db: db), methods: MethodTable.all) { local.append($0) }
        s.handle(line: #"{"jsonrpc":"2.0","id":9,"method":"import","params":{"directory":"\#(dir.path)"}}"#)
        let reply = try JSONParser.parse(local.take()[0])
        #expect(errorCode(reply) == -32001)
        let problems = reply.objectValue?["error"]?.objectValue?["data"]?.objectValue?["problems"]?.arrayValue ?? []
        let fields = Set(problems.compactMap { $0.objectValue?["field"]?.stringValue })
        #expect(fields.contains("households") && fields.contains("kind"))
        let files = Set(problems.compactMap { $0.objectValue?["file"]?.stringValue })
        #expect(files.contains("buildings.csv") && files.contains("facilities.csv"))
        #expect(problems.contains { $0.objectValue?["location"]?.stringValue == "line 2" })
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func notificationsGetNoResponse() {
        #expect(call(#"{"jsonrpc":"2.0","method":"info"}"#).isEmpty)
        #expect(call(#"{"jsonrpc":"2.0","method":"no.such"}"#).isEmpty)
    }

    @Test func batchAnswersRequestsOnly() {
        let r = call(
            #"[{"jsonrpc":"2.0","id":1,"method":"crs.convert","params":{"from":"EPSG:4326","to":"GCJ-02","points":[[116.404,39.915]]}},{"jsonrpc":"2.0","method":"info"},{"jsonrpc":"2.0","id":2,"method":"nope"},5]"#
        )
        #expect(r.count == 1)
        let items = r[0].arrayValue ?? []
        #expect(items.count == 3)
        #expect(items[0].objectValue?["id"] == .number(JSONNumber(1)))
        let p = items[0].objectValue?["result"]?.objectValue?["points"]?.arrayValue?[0].arrayValue?.compactMap {
            $0.numberValue?.double
        }
        #expect(p.map { abs($0[0] - 116.41024449916938) < 1e-9 } == true)
        #expect(errorCode(items[1]) == -32601)
        #expect(errorCode(items[2]) == -32600)
        #expect(call(#"[{"jsonrpc":"2.0","method":"info"}]"#).isEmpty)
    }

    @Test func discoverListsEveryDispatchedMethod() throws {
        let r = call(#"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#)
        let methods = r[0].objectValue?["result"]?.objectValue?["methods"]?.arrayValue ?? []
        let names = Set(methods.compactMap { $0.objectValue?["name"]?.stringValue })
        #expect(names == Set(server.methods.keys))
        for required in [
            "import", "info", "report.area", "coverage", "report.underserved", "report.compliance", "site",
            "grids.plan", "party.plan", "report.party", "export", "map", "report.html", "crs.convert"
        ] {
            #expect(names.contains(required), "\(required)")
        }
        // Parameters are derived from the operations' field tables: report.area takes count_kinds and short_only.
        let area = methods.first { $0.objectValue?["name"]?.stringValue == "report.area" }?.objectValue
        let params = Set(area?["params"]?.arrayValue?.compactMap { $0.objectValue?["name"]?.stringValue } ?? [])
        #expect(params.isSuperset(of: ["count_kinds", "short_only", "standard", "allocate", "progress_token"]))
    }

    @Test func resultsAreCompactWithSortedKeys() throws {
        server.handle(line: #"{"jsonrpc":"2.0","id":1,"method":"report.area","params":{"short_only":true}}"#)
        let text = outbox.take()[0]
        #expect(!text.contains("\n") && !text.contains(": "))
        #expect(text.hasPrefix(#"{"id":1,"jsonrpc":"2.0","result":{"#))
        let v = try JSONParser.parse(text)
        let communities = v.objectValue?["result"]?.objectValue?["communities"]?.arrayValue ?? []
        #expect(!communities.isEmpty)
        #expect(communities.allSatisfy { $0.objectValue?["meets_standard"] == .bool(false) })
    }

    @Test func progressNotificationsCarryTheToken() throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("rpc-\(UUID().uuidString).gpkg").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + s) } }
        let local = Outbox()
        let s = RPCServer(context: ServiceContext(db: db), methods: MethodTable.all) { local.append($0) }
        let demo = ProjectResources.demoDataset!.path
        s.handle(
            line: #"{"jsonrpc":"2.0","id":"imp","method":"import","params":{"directory":"\#(demo)","progress_token":"tok-1"}}"#)
        let lines = try local.take().map { try JSONParser.parse($0) }
        let notes = lines.filter { $0.objectValue?["method"] == .string("$/progress") }
        #expect(notes.count >= 3)
        #expect(notes.allSatisfy { $0.objectValue?["params"]?.objectValue?["token"] == .string("tok-1") })
        #expect(notes.allSatisfy { $0.objectValue?["id"] == nil })
        let last = lines.last!.objectValue!
        #expect(last["id"] == .string("imp"))
        #expect(last["result"]?.objectValue?["counts"]?.objectValue?["buildings"]?.numberValue?.int == 2625)
    }
}
