import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A running `gridplan serve` (the built binary) on port 0: its URL read from stdout, its stderr
/// kept in a file, stopped by SIGTERM when the test ends.
final class WorkspaceProcess: @unchecked Sendable {
    let process = Process()
    let url: URL
    let port: Int
    private let errFile: URL

    /// Starts `gridplan serve --db db --port 0 extra…` and waits (up to 60 s) for its URL.
    init(db: String, _ extra: [String] = []) throws {
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--db", db, "--port", "0"] + extra
        process.environment = CLI.environment()
        let out = Pipe()
        errFile = TemporaryFiles.path(prefix: "gridplan-serve", suffix: ".err")
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var line = Data()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
            if line.contains(10) { break }
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: text), let port = url.port else {
            process.terminate()
            throw ServeFailure(message: "no URL on stdout: \(text)")
        }
        self.url = url
        self.port = port
    }

    /// What the server wrote on stderr so far.
    var stderr: String { (try? String(contentsOf: errFile, encoding: .utf8)) ?? "" }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

struct ServeFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// One HTTP/1.1 exchange over a plain socket, so the request goes out exactly as written (no
/// client normalising `..` or adding headers).
struct RawHTTP {
    struct Reply {
        var status: Int
        var headers: [(String, String)]
        var body: String
        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    static func send(
        port: Int, method: String = "GET", path: String, headers: [String: String] = [:], body: String? = nil,
        host: String? = nil
    ) throws -> Reply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeFailure(message: "socket failed") }
        defer { close(fd) }
        var tv = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ServeFailure(message: "connect failed") }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
        for (k, v) in headers { request += "\(k): \(v)\r\n" }
        let bodyBytes = Array((body ?? "").utf8)
        if body != nil { request += "Content-Length: \(bodyBytes.count)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8) + bodyBytes
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            sent += n
        }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return try parse(data)
    }

    static func parse(_ data: [UInt8]) throws -> Reply {
        guard
            let split = (0..<max(0, data.count - 3)).first(where: {
                data[$0] == 13 && data[$0 + 1] == 10 && data[$0 + 2] == 13 && data[$0 + 3] == 10
            })
        else { throw ServeFailure(message: "no HTTP response: \(String(decoding: data, as: UTF8.self))") }
        let head = String(decoding: data[0..<split], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        var headers: [(String, String)] = []
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var body = Array(data[(split + 4)...])
        if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased().contains("chunked") }) {
            body = dechunk(body)
        }
        return Reply(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard let eol = (i..<bytes.count - 1).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }) else { break }
            let size = Int(String(decoding: bytes[i..<eol], as: UTF8.self).split(separator: ";")[0], radix: 16) ?? 0
            if size == 0 { break }
            out.append(contentsOf: bytes[(eol + 2)..<min(bytes.count, eol + 2 + size)])
            i = eol + 2 + size + 2
        }
        return out
    }
}
