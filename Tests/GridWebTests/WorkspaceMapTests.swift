import Foundation
import GridFormats
import Testing
import TestSupport

/// The map's buildings coloured by the coverage along the walking network (`network=true`):
/// the same figures as `gridplan coverage --network --format json`.
@Suite(.serialized) struct WorkspaceMapTests {
    static let demo: Result<String, any Error> = Result { try CLI.importDemo(named: "map.gpkg") }

    func buildings(_ server: WorkspaceProcess, _ query: String) throws -> [String: JSONObject] {
        let reply = try RawHTTP.send(port: server.port, path: "/api/map?bbox=-180,-90,180,90&mpp=5" + query)
        #expect(reply.status == 200, "\(reply.body.prefix(300))")
        let map = try JSONParser.parse(reply.body).objectValue
        #expect(map?["level"]?.stringValue == "buildings")
        var byId: [String: JSONObject] = [:]
        for b in map?["buildings"]?.arrayValue ?? [] {
            if let o = b.objectValue, let id = o["id"]?.stringValue { byId[id] = o }
        }
        return byId
    }

    @Test func networkColoursFollowCoverageNetwork() throws {
        let db = try Self.demo.get()
        let server = try WorkspaceProcess(db: db)
        defer { server.stop() }
        let network = try buildings(server, "&network=true")
        let straight = try buildings(server, "")
        #expect(network.count == 2625 && straight.count == 2625)
        let run = try CLI.run(["coverage", "--network", "--db", db, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try JSONParser.parse(run.stdout).objectValue?["buildings"]?.arrayValue ?? []
        #expect(rows.count == 2625)
        var checked = 0, differ = 0
        for row in rows {
            guard let r = row.objectValue, let id = r["id"]?.stringValue, let m = network[id] else { continue }
            #expect(m["covered"] == r["covered"], "\(id)")
            #expect(m["nearest_facility_id"] == (r["nearest_facility_id"] ?? .null), "\(id)")
            let a = m["distance_m"]?.numberValue?.double, b = r["distance_m"]?.numberValue?.double
            #expect(a == b || (a != nil && b != nil && abs(a! - b!) < 0.051), "\(id)")
            checked += 1
            if straight[id]?["covered"] != m["covered"] { differ += 1 }
        }
        #expect(checked == 2625)
        // The walking network leaves buildings uncovered that the straight line covers (80.0% against 97.6%).
        #expect(differ > 100)
        // The community aggregates follow the same coverage.
        let low = try JSONParser.parse(
            try RawHTTP.send(port: server.port, path: "/api/map?bbox=-180,-90,180,90&mpp=500&network=true").body)
        let covered = (low.objectValue?["communities"]?.arrayValue ?? []).compactMap {
            $0.objectValue?["covered_households"]?.numberValue?.int
        }.reduce(0, +)
        let total = try JSONParser.parse(run.stdout).objectValue?["total"]?.objectValue
        #expect(covered == total?["covered_households"]?.numberValue?.int)
        let maybe = try RawHTTP.send(port: server.port, path: "/api/map?bbox=-180,-90,180,90&mpp=5&network=maybe")
        #expect(maybe.status == 400 && maybe.body.contains("network"))
    }

    /// The embedded assets carry an ETag; asked again with it, the answer is 304 without a body.
    @Test func assetsAreRevalidatedByETag() throws {
        let server = try WorkspaceProcess(db: try Self.demo.get())
        defer { server.stop() }
        for path in ["/", "/workspace.js", "/workspace.css"] {
            let first = try RawHTTP.send(port: server.port, path: path)
            let tag = try #require(first.header("ETag"))
            #expect(first.status == 200 && !first.body.isEmpty)
            #expect(first.header("Cache-Control") == "no-cache")
            let again = try RawHTTP.send(port: server.port, path: path, headers: ["If-None-Match": tag])
            #expect(again.status == 304 && again.body.isEmpty, "\(path)")
            #expect(again.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
            let other = try RawHTTP.send(port: server.port, path: path, headers: ["If-None-Match": "\"0\""])
            #expect(other.status == 200 && other.body == first.body)
        }
        let js = try RawHTTP.send(port: server.port, path: "/workspace.js").header("ETag")
        let css = try RawHTTP.send(port: server.port, path: "/workspace.css").header("ETag")
        #expect(js != css)
    }
}
