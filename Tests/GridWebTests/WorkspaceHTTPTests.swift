import Foundation
import GridFormats
import Testing
import TestSupport

/// `gridplan serve` over real HTTP: the built binary on port 0, requests written byte for byte.
/// Each guard has a test that fails when the rule is removed.
@Suite(.serialized) struct WorkspaceHTTPTests {
    /// The demo district imported once for the suite.
    static let demo: Result<String, any Error> = Result { try CLI.importDemo(named: "serve.gpkg") }

    func rpc(_ server: WorkspaceProcess, _ body: String, headers: [String: String] = [:]) throws -> RawHTTP.Reply {
        try RawHTTP.send(
            port: server.port, method: "POST", path: "/rpc",
            headers: ["Content-Type": "application/json"].merging(headers) { $1 },
            body: body)
    }

    /// Every method answers over `POST /rpc` exactly what `gridplan rpc` answers on the same store.
    @Test func rpcAnswersExactlyAsGridplanRpc() throws {
        let db = try Self.demo.get()
        let server = try WorkspaceProcess(db: db, ["--lang", "en"])
        defer { server.stop() }
        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"info"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"report.area"}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"coverage","params":{"radius":400}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"site","params":{"count":3}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"report.underserved"}"#,
            #"{"jsonrpc":"2.0","id":6,"method":"report.party"}"#,
            #"{"jsonrpc":"2.0","id":7,"method":"report.compliance"}"#,
            #"{"jsonrpc":"2.0","id":8,"method":"grids.plan"}"#,
            #"{"jsonrpc":"2.0","id":9,"method":"party.plan"}"#,
            #"{"jsonrpc":"2.0","id":10,"method":"crs.convert","params":{"from":"EPSG:4326","to":"EPSG:4547","points":[[114.3,30.6]]}}"#,
            #"{"jsonrpc":"2.0","id":11,"method":"inspect","params":{"path":"\#(CLI.demoDataset.path)"}}"#,
            #"{"jsonrpc":"2.0","id":12,"method":"report.area","params":{"format":"csv","lang":"zh"}}"#,
            #"{"jsonrpc":"2.0","id":13,"method":"rpc.discover"}"#,
            #"{"jsonrpc":"2.0","id":14,"method":"no.such.method"}"#,
            #"{"jsonrpc":"2.0","id":15,"method":"site","params":{"count":"many"}}"#,
            #"{"jsonrpc":"2.0","id":16,"method":"report.area","params":[1]}"#
        ]
        let piped = try CLI.run(["rpc", "--db", db, "--lang", "en"], stdin: requests.joined(separator: "\n") + "\n")
        let expected = piped.stdout.split(separator: "\n").map(String.init)
        #expect(expected.count == requests.count, "gridplan rpc answered \(expected.count) lines: \(piped.stderr)")
        for (request, line) in zip(requests, expected) {
            let reply = try rpc(server, request)
            #expect(reply.body == line, "\(request)")
            #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true)
        }
        // A notification gets no answer, as on stdin.
        let note = try rpc(server, #"{"jsonrpc":"2.0","method":"info"}"#)
        #expect(note.status == 204 && note.body.isEmpty)
        // A batch is refused: exactly one request per POST.
        let batch = try rpc(server, "[" + requests[0] + "]")
        #expect(batch.status == 400 && batch.body.contains("-32600"))
        let garbage = try rpc(server, "{not json")
        #expect(garbage.status == 400 && garbage.body.contains("-32700"))
    }

    /// Progress of a long method is available at `/api/progress?token=` (the last `$/progress` params).
    @Test func progressOfALongMethodCanBePolled() throws {
        let server = try WorkspaceProcess(db: try Self.demo.get())
        defer { server.stop() }
        let reply = try rpc(server, #"{"jsonrpc":"2.0","id":1,"method":"coverage","params":{"progress_token":"t-1"}}"#)
        #expect(reply.status == 200)
        let progress = try RawHTTP.send(port: server.port, path: "/api/progress?token=t-1")
        let value = try JSONParser.parse(progress.body)
        #expect(value.objectValue?["token"]?.stringValue == "t-1")
        #expect(value.objectValue?["stage"]?.stringValue?.isEmpty == false)
        #expect(try RawHTTP.send(port: server.port, path: "/api/progress?token=unknown").body == "null")
    }

    /// A non-loopback bind needs the token: generated and printed on stderr; accepted as a Bearer
    /// header or as the cookie the one-time link sets; anything else is 401.
    @Test func nonLoopbackBindRequiresTheToken() throws {
        let server = try WorkspaceProcess(db: try Self.demo.get(), ["--host", "0.0.0.0"])
        defer { server.stop() }
        let token = try #require(
            server.stderr.components(separatedBy: "token=").dropFirst().first?.prefix { $0.isHexDigit }.description)
        #expect(token.count == 32)
        let info = #"{"jsonrpc":"2.0","id":1,"method":"info"}"#
        #expect(try rpc(server, info).status == 401)
        #expect(try RawHTTP.send(port: server.port, path: "/").status == 401)
        #expect(try rpc(server, info, headers: ["Authorization": "Bearer wrong\(token)"]).status == 401)
        #expect(try rpc(server, info, headers: ["Authorization": "Bearer \(token)"]).status == 200)
        #expect(try RawHTTP.send(port: server.port, path: "/?token=nope").status == 401)
        let link = try RawHTTP.send(port: server.port, path: "/?token=\(token)")
        #expect(link.status == 303)
        let cookie = try #require(link.header("Set-Cookie"))
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        let pair = String(cookie.split(separator: ";")[0])
        #expect(try RawHTTP.send(port: server.port, path: "/", headers: ["Cookie": pair]).status == 200)
        #expect(try rpc(server, info, headers: ["Cookie": pair]).status == 200)
        #expect(try rpc(server, info, headers: ["Cookie": "gridplan_token=\(token)x"]).status == 401)
    }

    /// `--token-file` makes even a loopback server ask for the token; a bad file is a usage error.
    @Test func tokenFileIsRequiredOnLoopbackToo() throws {
        let file = TemporaryFiles.path(prefix: "token", suffix: ".txt")
        try "0123456789abcdef0123\n".write(to: file, atomically: true, encoding: .utf8)
        let server = try WorkspaceProcess(db: try Self.demo.get(), ["--token-file", file.path])
        defer { server.stop() }
        #expect(try RawHTTP.send(port: server.port, path: "/api/messages").status == 401)
        #expect(
            try RawHTTP.send(port: server.port, path: "/api/messages", headers: ["Authorization": "Bearer 0123456789abcdef0123"])
                .status == 200)
        let short = TemporaryFiles.path(prefix: "token", suffix: ".txt")
        try "abc".write(to: short, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["serve", "--token-file", short.path, "--port", "0"])
        #expect(refused.status != 0 && refused.stderr.contains(short.path))
    }

    /// A request from another Origin is refused (403), as is a foreign Host name on a server
    /// without a token (DNS rebinding); the page's own origin is served.
    @Test func foreignOriginIsRefused() throws {
        let server = try WorkspaceProcess(db: try Self.demo.get())
        defer { server.stop() }
        let info = #"{"jsonrpc":"2.0","id":1,"method":"info"}"#
        let foreign = try rpc(server, info, headers: ["Origin": "http://evil.example"])
        #expect(foreign.status == 403)
        #expect(foreign.body.contains("-32010"))
        #expect(try rpc(server, info, headers: ["Origin": "http://127.0.0.1:\(server.port + 1)"]).status == 403)
        #expect(try RawHTTP.send(port: server.port, path: "/", headers: ["Origin": "null"]).status == 403)
        #expect(try rpc(server, info, headers: ["Origin": "http://127.0.0.1:\(server.port)"]).status == 200)
        let rebound = try RawHTTP.send(port: server.port, path: "/", host: "evil.example:\(server.port)")
        #expect(rebound.status == 403)
        #expect(try RawHTTP.send(port: server.port, path: "/", host: "localhost:\(server.port)").status == 200)
    }

    /// Household-level data (a parameter that releases it) is refused unless the server was
    /// started with `--allow-household-data`.
    @Test func householdDataNeedsTheFlag() throws {
        let db = try Self.demo.get()
        let request = #"{"jsonrpc":"2.0","id":7,"method":"party.plan","params":{"include_households":true}}"#
        let strict = try WorkspaceProcess(db: db, ["--lang", "en"])
        let refused = try rpc(strict, request)
        strict.stop()
        #expect(refused.status == 403)
        let error = try JSONParser.parse(refused.body).objectValue?["error"]?.objectValue
        #expect(error?["code"]?.numberValue?.int == -32003)
        #expect(error?["message"]?.stringValue?.contains("include_households") == true)
        #expect(try JSONParser.parse(refused.body).objectValue?["id"]?.numberValue?.int == 7)
        let open = try WorkspaceProcess(db: db, ["--allow-household-data"])
        defer { open.stop() }
        let allowed = try rpc(open, request)
        #expect(allowed.status == 200)
        #expect(allowed.body.contains("\"result\""))
    }

    /// A body over `--max-body-bytes` is refused with 413 and a JSON error, nothing run.
    @Test func oversizeBodyIs413() throws {
        let server = try WorkspaceProcess(db: try Self.demo.get(), ["--max-body-bytes", "2000"])
        defer { server.stop() }
        let padding = String(repeating: " ", count: 3000)
        let reply = try rpc(server, #"{"jsonrpc":"2.0","id":1,"method":"info"}"# + padding)
        #expect(reply.status == 413)
        #expect(try JSONParser.parse(reply.body).objectValue?["error"]?.objectValue?["code"] != nil)
        #expect(try rpc(server, #"{"jsonrpc":"2.0","id":1,"method":"info"}"#).status == 200)
    }

    /// A method over `--time-limit` answers 504 with a JSON error; beyond `--max-concurrent`
    /// methods a request is refused at once with 429.
    @Test func timeAndConcurrencyLimits() throws {
        let db = try Self.demo.get()
        let slow = try WorkspaceProcess(db: db, ["--time-limit", "0.001"])
        let late = try rpc(slow, #"{"jsonrpc":"2.0","id":3,"method":"site","params":{"count":8}}"#)
        slow.stop()
        #expect(late.status == 504)
        #expect(try JSONParser.parse(late.body).objectValue?["error"]?.objectValue?["code"]?.numberValue?.int == -32005)

        let single = try WorkspaceProcess(db: db, ["--max-concurrent", "1"])
        defer { single.stop() }
        let first = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var firstStatus = 0
        Thread.detachNewThread {
            firstStatus =
                (try? self.rpc(single, #"{"jsonrpc":"2.0","id":1,"method":"site","params":{"count":10,"objective":"distance"}}"#))?
                .status ?? -1
            first.signal()
        }
        usleep(150_000)
        let busy = try rpc(single, #"{"jsonrpc":"2.0","id":2,"method":"info"}"#)
        first.wait()
        #expect(firstStatus == 200)
        #expect(busy.status == 429)
        #expect(try JSONParser.parse(busy.body).objectValue?["error"]?.objectValue?["code"]?.numberValue?.int == -32004)
    }

    /// Methods that only read run side by side: a short one sent while a long one runs answers
    /// before the long one does (one queue for all would make it wait).
    @Test func readersRunSideBySide() throws {
        let server = try WorkspaceProcess(db: try Self.demo.get())
        defer { server.stop() }
        let info = #"{"jsonrpc":"2.0","id":2,"method":"info"}"#
        #expect(try rpc(server, info).status == 200)
        let finished = DispatchSemaphore(value: 0)
        let longDone = LockedFlag()
        nonisolated(unsafe) var longStatus = 0
        Thread.detachNewThread {
            longStatus =
                (try? self.rpc(server, #"{"jsonrpc":"2.0","id":1,"method":"site","params":{"count":10,"objective":"distance"}}"#))?
                .status ?? -1
            longDone.set()
            finished.signal()
        }
        usleep(300_000)
        let short = try rpc(server, info)
        let answeredFirst = !longDone.isSet
        finished.wait()
        #expect(short.status == 200 && longStatus == 200)
        #expect(answeredFirst, "info waited for the siting run")
    }

    /// Only the embedded assets are served: traversal, encoded traversal and other paths are 404.
    @Test func noPathOutsideTheAssets() throws {
        let server = try WorkspaceProcess(db: try Self.demo.get())
        defer { server.stop() }
        for path in [
            "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
            "/workspace.js/../../../etc/passwd", "//etc/passwd", "/etc/passwd", "/%2Fetc%2Fpasswd",
            "/Package.swift", "/Sources/GridWeb/WorkspaceScript.swift", "/.%2e/.%2e/etc/passwd", "/workspace.js%00.html"
        ] {
            let reply = try RawHTTP.send(port: server.port, path: path)
            #expect(reply.status == 404, "\(path)")
            #expect(!reply.body.contains("root:"), "\(path)")
        }
        for path in ["/", "/workspace.js", "/workspace.css"] {
            let reply = try RawHTTP.send(port: server.port, path: path)
            #expect(reply.status == 200, "\(path)")
            #expect(reply.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
            // Nothing fetched from elsewhere: no absolute URL but the SVG namespace.
            let external = reply.body.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
            #expect(!external.contains("http://") && !external.contains("https://") && !external.contains("//cdn"), "\(path)")
        }
    }

    /// The map endpoint: communities aggregated at low zoom, buildings inside the box at high zoom.
    @Test func mapSendsOnlyWhatTheViewNeeds() throws {
        let server = try WorkspaceProcess(db: try Self.demo.get())
        defer { server.stop() }
        let world = try JSONParser.parse(try RawHTTP.send(port: server.port, path: "/api/map?bbox=-180,-90,180,90&mpp=500").body)
        let o = try #require(world.objectValue)
        #expect(o["level"]?.stringValue == "communities")
        #expect(o["buildings"] == nil)
        let communities = o["communities"]?.arrayValue ?? []
        #expect(communities.count == 33)
        #expect(communities.compactMap { $0.objectValue?["households"]?.numberValue?.int }.reduce(0, +) == 101_698)
        let e = try #require(o["extent"]?.arrayValue?.compactMap { $0.numberValue?.double })
        let all = try JSONParser.parse(
            try RawHTTP.send(port: server.port, path: "/api/map?bbox=\(e[0]),\(e[1]),\(e[2]),\(e[3])&mpp=5").body)
        #expect(all.objectValue?["level"]?.stringValue == "buildings")
        #expect(all.objectValue?["buildings"]?.arrayValue?.count == 2625)
        // A quarter of the district: only buildings inside the box.
        let box = [e[0], e[1], (e[0] + e[2]) / 2, (e[1] + e[3]) / 2]
        let part = try JSONParser.parse(
            try RawHTTP.send(port: server.port, path: "/api/map?bbox=\(box.map { String($0) }.joined(separator: ","))&mpp=3").body
        )
        let buildings = part.objectValue?["buildings"]?.arrayValue ?? []
        #expect(!buildings.isEmpty && buildings.count < 2625)
        for b in buildings {
            let lon = b.objectValue?["lon"]?.numberValue?.double ?? .nan, lat = b.objectValue?["lat"]?.numberValue?.double ?? .nan
            #expect(lon >= box[0] - 1e-6 && lon <= box[2] + 1e-6 && lat >= box[1] - 1e-6 && lat <= box[3] + 1e-6)
        }
        let bad = try RawHTTP.send(port: server.port, path: "/api/map?bbox=1,2,3&mpp=5")
        #expect(bad.status == 400)
    }

    /// The page's texts come from the catalogue in either language, the same keys in both.
    @Test func messagesInBothLanguages() throws {
        let server = try WorkspaceProcess(db: try Self.demo.get())
        defer { server.stop() }
        let zh = try JSONParser.parse(try RawHTTP.send(port: server.port, path: "/api/messages?lang=zh").body)
        let en = try JSONParser.parse(try RawHTTP.send(port: server.port, path: "/api/messages?lang=en").body)
        let zm = try #require(zh.objectValue?["messages"]?.objectValue),
            em = try #require(en.objectValue?["messages"]?.objectValue)
        #expect(zm.keys == em.keys && zm.count > 50)
        #expect(zm["web.step.area"]?.stringValue == "达标")
        #expect(em["web.step.area"]?.stringValue == "Area")
        #expect(zh.objectValue?["default_lang"]?.stringValue == "zh")
    }
}

/// A flag set once from another thread.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
