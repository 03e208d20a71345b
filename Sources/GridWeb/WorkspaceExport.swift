import Foundation
import GridFormats
import GridLocale
import GridRPC
import GridService
import Hummingbird

/// `POST /api/export` with `{"method": M, "params": {…}}`: the workbook of an operation that offers
/// xlsx, written by the server's own writer (exactly `gridplan M --format xlsx --out FILE`) into a
/// temporary folder, sent as a download and removed. It runs through the same method runner as
/// `POST /rpc` (limits, household-data rule); any `out` the page sends is replaced.
enum WorkspaceExport {
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func respond(_ request: Request, runner: MethodRunner, settings: WorkspaceSettings) async -> Response {
        let l = settings.language
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: settings.maxBodyBytes) } catch {
            return WorkspaceResponder.error(413, -32600, l.tr("web.error.too_large", ["limit": String(settings.maxBodyBytes)]))
        }
        guard let asked = try? JSONParser.parse(String(buffer: body)).objectValue,
            let method = asked["method"]?.stringValue, let operation = OperationCatalogue.operation(method: method),
            operation.formats.contains(.xlsx)
        else {
            return WorkspaceResponder.error(400, -32602, l.tr("web.error.export"))
        }
        var params = asked["params"]?.objectValue ?? JSONObject()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gridplan-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            return WorkspaceResponder.error(500, -32603, "\(error)")
        }
        let file = folder.appendingPathComponent("gridplan-export.xlsx")
        params["format"] = .string("xlsx")
        params["out"] = .string(file.path)
        let message: JSONValue = .object(
            JSONObject(members: [
                ("jsonrpc", .string("2.0")), ("id", .number(JSONNumber(1))), ("method", .string(method)),
                ("params", .object(params))
            ]))
        switch await runner.run(message) {
        case .refused(let status, let response): return WorkspaceResponder.json(status, response)
        case .reply(nil): return WorkspaceResponder.error(400, -32602, l.tr("web.error.export"))
        case .reply(let reply?):
            if let parsed = try? JSONParser.parse(reply).objectValue, parsed["error"] != nil {
                return WorkspaceResponder.json(400, reply)
            }
            guard let bytes = FileManager.default.contents(atPath: file.path) else {
                return WorkspaceResponder.error(500, -32603, l.tr("web.error.export"))
            }
            var headers = HTTPFields()
            headers[.contentType] = contentType
            headers[.contentDisposition] = "attachment; filename=\"gridplan-\(method).xlsx\""
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
