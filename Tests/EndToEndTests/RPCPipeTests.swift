import Foundation
import GridFormats
import Testing
import TestSupport

/// Drives `gridplan rpc` over real pipes, with writes split at awkward places.
final class RPCProcess {
    let process = Process()
    let input = Pipe(), output = Pipe(), errors = Pipe()
    private var buffer = Data()

    init(_ extra: [String] = []) throws {
        process.executableURL = CLI.binary
        process.arguments = ["rpc", "--db", "/nonexistent/gridplan-e2e.gpkg"] + extra
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    func write(_ s: String) { input.fileHandleForWriting.write(Data(s.utf8)) }

    /// The next line on stdout (blocks).
    func readLine() -> String? {
        while true {
            if let nl = buffer.firstIndex(of: 10) {
                let line = buffer[buffer.startIndex..<nl]
                buffer.removeSubrange(buffer.startIndex...nl)
                return String(decoding: line, as: UTF8.self)
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    func json() throws -> JSONValue { try JSONParser.parse(readLine() ?? "") }

    /// Closes stdin and waits; returns the exit status and what remained on stdout.
    func finish() -> (Int32, String) {
        try? input.fileHandleForWriting.close()
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: buffer + rest, as: UTF8.self))
    }
}

@Test func splitWritesBatchesAndCleanEOF() throws {
    let rpc = try RPCProcess()
    // One request written in three pieces, the second piece also starting the next request.
    rpc.write(#"{"jsonrpc":"2.0","id":1,"meth"#)
    usleep(50_000)
    rpc.write(
        #"od":"crs.convert","params":{"from":"EPSG:4326","to":"EPSG:4548","points":[[116.391,39.907]]}}"# + "\n"
            + #"{"jsonrpc":"2.0","#)
    usleep(50_000)
    rpc.write(#""id":2,"method":"rpc.discover"}"# + "\r\n")
    let first = try rpc.json()
    let xy =
        first.objectValue?["result"]?.objectValue?["points"]?.arrayValue?[0].arrayValue?.compactMap { $0.numberValue?.double }
        ?? []
    #expect(xy.count == 2 && abs(xy[0] - 447924.4832) < 0.001 && abs(xy[1] - 4419380.4476) < 0.001)  // cs2cs
    let second = try rpc.json()
    #expect(second.objectValue?["id"] == .number(JSONNumber(2)))
    #expect((second.objectValue?["result"]?.objectValue?["methods"]?.arrayValue?.count ?? 0) >= 8)
    let (status, rest) = rpc.finish()
    #expect(status == 0)
    #expect(rest.isEmpty)
}

@Test func hostileLinesGetErrorsAndTheServerKeepsServing() throws {
    let rpc = try RPCProcess(["--max-message-bytes", "100000"])
    rpc.write(String(repeating: "[", count: 50_000) + "\n")  // deep nesting
    #expect(try rpc.json().objectValue?["error"]?.objectValue?["code"]?.numberValue?.int == -32700)
    rpc.write(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"info\",\"params\":{\"x\":\"" + String(repeating: "a", count: 300_000)
            + "\"}}\n")
    let big = try rpc.json()
    #expect(big.objectValue?["error"]?.objectValue?["code"]?.numberValue?.int == -32600)
    #expect(big.objectValue?["id"] == .null)
    rpc.write("\u{FF}\u{FE}garbage\n")
    #expect(try rpc.json().objectValue?["error"]?.objectValue?["code"]?.numberValue?.int == -32700)
    rpc.write(#"{"jsonrpc":"2.0","id":7,"method":"info"}"# + "\n")
    let ok = try rpc.json()
    #expect(ok.objectValue?["id"] == .number(JSONNumber(7)))
    #expect(ok.objectValue?["result"]?.objectValue?["demo"] == .bool(true))
    let (status, rest) = rpc.finish()
    #expect(status == 0 && rest.isEmpty)
}

@Test func oneShotCallLikeTheREADME() throws {
    let r = try CLI.run(["rpc", "--db", "/nonexistent/x.gpkg"], stdin: #"{"jsonrpc":"2.0","id":1,"method":"report.area"}"# + "\n")
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 1)  // protocol bytes only on stdout
    let v = try JSONParser.parse(String(lines[0]))
    let total = v.objectValue?["result"]?.objectValue?["total"]?.objectValue
    #expect(total?["households"]?.numberValue?.int == 101_698)
    #expect(r.stderr.contains("bundled demo"))
    // The same document as the CLI's --format json.
    let cli = try CLI.run(["report", "area", "--db", "/nonexistent/x.gpkg", "--format", "json"])
    let cliValue = try JSONParser.parse(cli.stdout)
    #expect(v.objectValue?["result"] == cliValue)
}
