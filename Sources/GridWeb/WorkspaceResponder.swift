import Foundation
import GridFormats
import GridLocale
import GridRPC
import GridService
import Hummingbird

/// Answers every HTTP request of the workspace: the guards first (Host and Origin, token), then
/// the embedded assets, `POST /rpc`, the map, progress and the page's messages. Anything else is
/// 404: only the names in `WorkspaceAssets.files` are ever served, so no path reaches a file.
struct WorkspaceResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let settings: WorkspaceSettings
    let runner: MethodRunner
    let maps: MapCache
    let requestGuard: RequestGuard

    init(context: ServiceContext, settings: WorkspaceSettings) {
        self.settings = settings
        runner = MethodRunner(context: context, settings: settings)
        maps = MapCache()
        requestGuard = RequestGuard(token: settings.token)
        maps.prepare(runner)
    }

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let l = settings.language
        let host = request.head.authority
        // A page of another site (or a DNS name rebound to this machine) may not drive the server.
        if !RequestGuard.isSameOrigin(origin: request.headers[.origin], host: host) {
            return Self.error(403, -32010, l.tr("web.error.origin"))
        }
        if settings.token == nil, !RequestGuard.isLocalHost(host) {
            return Self.error(403, -32010, l.tr("web.error.host"))
        }
        let path = request.uri.path
        let query = request.uri.queryParameters
        // The one-time link: a valid token becomes an HttpOnly cookie, then the page without it.
        if path == "/", request.method == .get, let offered = query.get("token") {
            guard requestGuard.accepts(offered) else { return Self.error(401, -32011, l.tr("web.error.token")) }
            var headers = HTTPFields()
            headers[.location] = "/"
            headers[.setCookie] = "\(RequestGuard.cookieName)=\(offered); Path=/; HttpOnly; SameSite=Strict"
            return Response(status: .seeOther, headers: headers)
        }
        if !requestGuard.isAuthorized(authorization: request.headers[.authorization], cookie: request.headers[.cookie]) {
            return Self.error(401, -32011, l.tr("web.error.token"))
        }
        switch (request.method, path) {
        case (.post, "/rpc"): return await rpc(request)
        case (.get, "/api/map"): return await map(query.get("bbox"), query.get("mpp"), network: query.get("network"))
        case (.get, "/api/export"):
            return await export(method: query.get("method"), format: query.get("format"), params: query.get("params"))
        case (.get, "/api/progress"): return Self.json(200, runner.progress.current(query.get("token") ?? ""))
        case (.get, "/api/messages"):
            let language = query.get("lang").flatMap(Language.init(rawValue:)) ?? settings.language
            return Self.json(200, WorkspaceMessages.json(language, default: settings.language))
        case (.get, _), (.head, _):
            guard let asset = WorkspaceAssets.files[path] else { return Self.error(404, -32012, l.tr("web.error.not_found")) }
            var headers = HTTPFields()
            headers[.contentType] = asset.contentType
            headers[.contentSecurityPolicy] = WorkspaceAssets.contentSecurityPolicy
            // Kept by the browser and asked again each time: unchanged (the same ETag) is a 304.
            headers[.cacheControl] = "no-cache"
            headers[.eTag] = asset.etag
            if let asked = request.headers[.ifNoneMatch],
                asked.split(separator: ",").contains(where: {
                    $0.trimmingCharacters(in: .whitespaces) == asset.etag
                })
            {
                return Response(status: .notModified, headers: headers)
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: asset.text)))
        default:
            if path == "/rpc" || WorkspaceAssets.files[path] != nil || path.hasPrefix("/api/") {
                return Self.error(405, -32013, l.tr("web.error.method"))
            }
            return Self.error(404, -32012, l.tr("web.error.not_found"))
        }
    }

    /// `POST /rpc`: one JSON-RPC request in, exactly `gridplan rpc`'s answer out.
    func rpc(_ request: Request) async -> Response {
        let l = settings.language
        let limit = settings.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            return Self.error(413, -32600, l.tr("web.error.too_large", ["limit": String(limit)]))
        }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: limit) } catch {
            return Self.error(413, -32600, l.tr("web.error.too_large", ["limit": String(limit)]))
        }
        let text = String(buffer: body)
        let message: JSONValue
        do { message = try JSONParser.parse(text) } catch {
            return Self.json(400, RPCError.parseError("\(error)").response(id: .null))
        }
        switch await runner.run(message) {
        case .reply(let reply?): return Self.json(200, reply)
        case .reply(nil): return Response(status: .noContent)
        case .refused(let status, let response): return Self.json(status, response)
        }
    }

    /// `GET /api/map?bbox=minLon,minLat,maxLon,maxLat&mpp=metresPerPixel[&network=true]`: with
    /// `network=true` the buildings and aggregates follow the coverage along the walking network.
    func map(_ bbox: String?, _ mpp: String?, network: String?) async -> Response {
        let l = settings.language
        guard let view = MapView(bbox: bbox, mpp: mpp) else { return Self.error(400, -32602, l.tr("web.error.bbox")) }
        guard network == nil || network == "true" || network == "false" else {
            return Self.error(400, -32602, l.tr("web.error.network"))
        }
        do {
            return Self.json(200, try await maps.index(runner, network: network == "true").view(view))
        } catch {
            let e = RPCError.from(error, language: l)
            return Self.json(e.code == -32602 ? 400 : 500, e.response(id: .null))
        }
    }

    static func json(_ status: Int, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A JSON error in the JSON-RPC error shape (`{"error":{"code","message"},"id":null,"jsonrpc":"2.0"}`).
    static func error(_ status: Int, _ code: Int, _ message: String) -> Response {
        json(status, RPCError(code: code, message: message).response(id: .null))
    }
}
