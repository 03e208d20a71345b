import Foundation
import GridFormats
import Testing
import TestSupport

/// `gridplan mcp` over a plain pipe, without a client library: the line limit `rpc` applies, and
/// every request answered even when the input ends right after it.
@Suite(.serialized) struct MCPPipeTests {
    static let initialize = [
        #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"sh","version":"1"}}}"#,
        #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#
    ]

    @Test func everyRequestIsAnsweredBeforeTheServerEndsAtEndOfInput() throws {
        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"report_area","arguments":{}}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"site","arguments":{"count":"x"}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"no/such/method"}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"tools/list"}"#
        ]
        let r = try CLI.run(
            ["mcp", "--db", MCPServerTests.store], stdin: (Self.initialize + requests).joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        var replies: [Int: JSONObject] = [:]
        for line in r.stdout.split(separator: "\n") {
            let reply = try #require(try JSONParser.parse(String(line)).objectValue, "stdout holds protocol lines only")
            if let id = reply["id"]?.numberValue?.int { replies[id] = reply }
        }
        #expect(Set(replies.keys) == [0, 1, 2, 3, 4])
        #expect(replies[1]?["result"]?.objectValue?["structuredContent"]?.objectValue?["total"] != nil)
        #expect(replies[2]?["result"]?.objectValue?["isError"] == .bool(true))
        #expect(replies[3]?["error"]?.objectValue?["code"] == .number(JSONNumber(-32601)))
    }

    @Test(arguments: [500, 200_000])
    func anOverlongMessageIsRefusedAsRPCRefusesIt(padding: Int) throws {
        let line =
            #"{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":""# + String(repeating: "x", count: padding) + #""}}"#
        for command in ["mcp", "rpc"] {
            let r = try CLI.run([command, "--max-message-bytes", "200", "--db", MCPServerTests.store], stdin: line + "\n")
            #expect(r.status == 0, "\(r.stderr)")
            let replies = r.stdout.split(separator: "\n")
            #expect(replies.count == 1, "\(command): one reply")
            let reply = try JSONParser.parse(replies.first.map(String.init) ?? "").objectValue
            #expect(reply?["error"]?.objectValue?["code"] == .number(JSONNumber(-32600)), "\(command)")
            #expect(reply?["error"]?.objectValue?["message"]?.stringValue?.contains("longer than 200 bytes") == true)
        }
    }
}
