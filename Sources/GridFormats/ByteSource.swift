#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file read in chunks into one growable buffer. Readers work on `bytes[start..<end]`;
/// `fill` drops the bytes before `start` (remembering how many lines they held), moves the
/// rest to the front and reads more. Memory stays bounded by the largest unit a reader
/// keeps (one record or one feature) plus the chunk size.
final class ByteSource {
    private let fd: Int32
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// First byte not yet consumed.
    var start = 0
    /// One past the last byte read.
    private(set) var end = 0
    private(set) var eof = false
    let chunkSize: Int
    let path: String
    /// Whether dropped bytes are scanned for line breaks (`droppedLines`, `droppedColumn`).
    let tracksLines: Bool
    /// Line breaks in the bytes dropped so far.
    private(set) var droppedLines = 0
    /// Scalars after the last dropped line break (the column where `bytes[0]` lies, 0-based).
    private(set) var droppedColumn = 0
    /// Total bytes dropped so far (the file offset of `bytes[0]`).
    private(set) var droppedBytes = 0

    init(url: URL, chunkSize: Int, tracksLines: Bool) throws(IOFailure) {
        self.path = url.path
        self.chunkSize = max(1, chunkSize)
        self.tracksLines = tracksLines
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else {
            throw IOFailure(issue: .cannotOpen(path: url.path, errno: errno))
        }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw IOFailure(issue: .isDirectory(path: url.path))
        }
        self.fd = fd
        self.capacity = max(64, self.chunkSize + 16)
        self.bytes = .allocate(capacity: capacity)
    }

    deinit {
        close(fd)
        bytes.deallocate()
    }

    /// Keeps `bytes[start..<end]`, then reads at least `max(chunkSize, minimum)` more bytes
    /// if the file has them. Returns false (and sets `eof`) when nothing more was read.
    /// Afterwards the kept bytes begin at index 0 (`start == 0`).
    @discardableResult
    func fill(minimum: Int = 0) throws(IOFailure) -> Bool {
        if eof { return false }
        if start > 0 {
            if tracksLines { countDropped(upTo: start) }
            droppedBytes += start
            let kept = end - start
            if kept > 0 { memmove(bytes, bytes + start, kept) }
            end = kept
            start = 0
        }
        let want = max(chunkSize, minimum)
        if capacity - end < want {
            var newCapacity = capacity
            while newCapacity - end < want { newCapacity *= 2 }
            let newBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newBytes.update(from: bytes, count: end)
            bytes.deallocate()
            bytes = newBytes
            capacity = newCapacity
        }
        var got = 0
        while got < want {
            let n = read(fd, bytes + end, want - got)
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(issue: .cannotRead(path: path, errno: errno))
            }
            if n == 0 { break }
            got += n
            end += n
        }
        if got == 0 { eof = true }
        return got > 0
    }

    private func countDropped(upTo k: Int) {
        // Branch-free count (vectorizes), then the column from the last line break.
        var lines = 0
        for c in UnsafeBufferPointer(start: bytes, count: k) { lines &+= c == 0x0A ? 1 : 0 }
        var lastBreak = k - 1
        while lastBreak >= 0 && bytes[lastBreak] != 0x0A { lastBreak -= 1 }
        var column = 0
        var j = lastBreak + 1
        while j < k {
            if bytes[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        droppedLines += lines
        droppedColumn = lastBreak >= 0 ? column : droppedColumn + column
    }

    /// 1-based line and column of buffer index `k` (requires `tracksLines`).
    func lineColumn(at k: Int) -> (line: Int, column: Int) {
        TextPosition.lineColumn(
            UnsafePointer(bytes), from: 0, upTo: min(k, end),
            line: droppedLines + 1, column: droppedColumn + 1)
    }
}

struct IOFailure: Error {
    var issue: SyntaxIssue
}
