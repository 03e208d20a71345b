#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GridFormats
import GridService

/// Newline-delimited JSON-RPC over stdin/stdout.
///
/// stdout carries protocol bytes only: the real stdout is kept on a private descriptor and
/// descriptor 1 is pointed at stderr, so a stray print can never corrupt the stream. SIGPIPE
/// is ignored (a vanished client ends the loop instead of killing the process). A line longer
/// than `maxLineBytes` is skipped up to its newline and answered with -32600, without holding it.
public enum StdioTransport {
    /// Serves until end of input; returns normally (exit 0) at EOF.
    public static func serve(context: ServiceContext, methods: [RPCMethod], maxLineBytes: Int = 64 << 20) {
        signal(SIGPIPE, SIG_IGN)
        fflush(nil)
        let out = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        let writer = LineWriter(fd: out)
        let server = RPCServer(context: context, methods: methods) { writer.writeLine($0) }
        readLines(
            fd: STDIN_FILENO, maxLineBytes: maxLineBytes, onLine: { server.handle(line: $0) },
            onOversize: {
                writer.writeLine(RPCError.oversize(maxLineBytes, context.language).response(id: .null))
            })
        close(out)
    }

    /// Reads `fd` to its end, calling `onLine` for each line (without its newline, CR stripped)
    /// and `onOversize` once for each line longer than `maxLineBytes` (whose bytes are dropped).
    public static func readLines(fd: Int32, maxLineBytes: Int, onLine: (String) -> Void, onOversize: () -> Void) {
        var pending = [UInt8]()
        var discarding = false
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        func emit(_ bytes: ArraySlice<UInt8>) {
            var b = bytes
            if b.last == 13 { b = b.dropLast() }
            // A whole line read at once is held to the limit too, not only one spanning reads.
            if b.count > maxLineBytes { onOversize(); return }
            onLine(String(decoding: b, as: UTF8.self))
        }
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue } else { break } }
            if n == 0 { break }
            var start = 0
            for i in 0..<n where buffer[i] == 10 {
                if discarding {
                    discarding = false
                } else if pending.isEmpty {
                    emit(buffer[start..<i])
                } else {
                    pending.append(contentsOf: buffer[start..<i])
                    emit(pending[...])
                    pending.removeAll(keepingCapacity: false)
                }
                start = i + 1
            }
            if start < n && !discarding {
                pending.append(contentsOf: buffer[start..<n])
                if pending.count > maxLineBytes {
                    pending.removeAll(keepingCapacity: false)
                    discarding = true
                    onOversize()
                }
            }
        }
        if !pending.isEmpty && !discarding { emit(pending[...]) }
    }
}

/// Writes whole lines to a descriptor; after a failed write (the client went away) it stays
/// quiet.
final class LineWriter: @unchecked Sendable {
    private let writer: DescriptorWriter
    private let lock = NSLock()
    private var broken = false
    init(fd: Int32) { writer = DescriptorWriter(fd: fd) }

    func writeLine(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        if broken { return }
        if writer.write(text + "\n") != nil { broken = true }
    }
}
