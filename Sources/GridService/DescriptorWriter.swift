#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes whole byte runs to a file descriptor in place (results reach hundreds of MB at
/// megacity scale: no copies), retrying short writes and interrupts. The one writer of the
/// CLI's stdout and of the JSON-RPC transport; each decides what a failure means.
public final class DescriptorWriter: @unchecked Sendable {
    public let fd: Int32
    private let lock = NSLock()

    public init(fd: Int32) { self.fd = fd }

    /// Writes all of `bytes`; returns nil, or the `errno` of the write that failed.
    @discardableResult
    public func write(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        lock.lock(); defer { lock.unlock() }
        guard var p = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let n = systemWrite(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            p += n; left -= n
        }
        return nil
    }

    /// Writes `text` as it is; see `write(_:)`.
    @discardableResult
    public func write(_ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }
}

/// write(2), named apart from `DescriptorWriter.write`.
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, p, count)
    #else
    return Darwin.write(fd, p, count)
    #endif
}
