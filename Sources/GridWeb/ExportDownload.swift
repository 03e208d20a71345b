import Foundation
import GridFormats
import GridLocale
import GridRPC
import GridService
import Hummingbird

/// `GET /api/export?method=report.area&format=csv|xlsx&params={…}`: a read-only method's table
/// as a download (`Content-Disposition: attachment`), rendered by the operation's own CSV
/// renderer or workbook writer. It passes the same guards as `POST /rpc` (token and Origin
/// before, then the household-data rule and the method limits); the workbook goes to a
/// temporary file the server chooses and removes, never to a path the request names.
extension WorkspaceResponder {
    static let downloadTypes = [
        "csv": "text/csv; charset=utf-8", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ]

    func export(method: String?, format: String?, params: String?) async -> Response {
        let l = settings.language
        let method = method ?? "", format = format ?? "csv"
        var object = JSONObject()
        if let params, !params.isEmpty {
            do {
                guard let o = try JSONParser.parse(params).objectValue else { throw RPCError.invalidParams("", l) }
                object = o
            } catch {
                return Self.error(400, -32602, l.tr("web.error.export_params", ["detail": params.prefix(80).description]))
            }
        }
        guard let type = Self.downloadTypes[format], let operation = OperationCatalogue.operation(method: method),
            operation.formats.contains(where: { $0.rawValue == format }), !operation.writes(with: object)
        else {
            return Self.error(400, -32602, l.tr("web.error.export_method", ["method": method, "format": format]))
        }
        object["format"] = .string(format)
        let workbook = format == "xlsx" ? NSTemporaryDirectory() + "gridplan-export-\(UUID().uuidString).xlsx" : nil
        object["out"] = workbook.map { .string($0) }
        defer { if let workbook { try? FileManager.default.removeItem(atPath: workbook) } }
        let request = JSONValue.object(
            JSONObject(members: [
                ("jsonrpc", .string("2.0")), ("id", .number(JSONNumber(1))), ("method", .string(method)),
                ("params", .object(object))
            ]))
        let reply: String
        switch await runner.execute(request) {
        case .refused(let status, let response): return Self.json(status, response)
        case .reply(nil): return Self.error(500, -32603, l.tr("web.error.not_found"))
        case .reply(let text?): reply = text
        }
        let answer = (try? JSONParser.parse(reply))?.objectValue
        guard let result = answer?["result"] else { return Self.json(400, reply) }
        var bytes: [UInt8]
        if let workbook {
            guard let data = FileManager.default.contents(atPath: workbook) else { return Self.json(500, reply) }
            bytes = Array(data)
        } else {
            // A byte-order mark, so Excel reads the Chinese of a CSV as UTF-8.
            bytes = [0xEF, 0xBB, 0xBF] + Array((result.stringValue ?? JSONWriter.write(result)).utf8)
        }
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(method).\(format)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
