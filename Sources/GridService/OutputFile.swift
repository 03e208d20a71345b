#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GridLocale
import GridModel

/// Writing a result file (a map, an HTML report, an exported layer): whole or not at all.
public enum OutputFile {
    /// The system's or a writer's own words for why a file could not be written, thrown by
    /// the `fill` of `replace` and shown as the reason of the `UsageError`.
    public struct Failure: Error {
        public var reason: String
        /// The reason as a catalogue text, when it is one (else `reason`, the system's words).
        public var text: LocalText?
        public init(_ reason: String) { self.reason = reason }
        public init(_ text: LocalText) {
            self.reason = text.text(.en)
            self.text = text
        }
    }

    /// Writes `text` to `path` whole or not at all (`replace`).
    ///
    /// - Throws: `UsageError` "`option` `path`: cannot write `what`: reason" (e.g. "--out
    ///   maps/a.svg: cannot write the map: the folder maps does not exist").
    public static func write(_ text: String, to path: String, option: String, what: LocalText) throws {
        try replace(path, option: option, what: what) { temporary in
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard fd >= 0 else { throw Failure(String(cString: strerror(errno))) }
            defer { close(fd) }
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let n = bytes[offset...].withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure(String(cString: strerror(errno)))
                }
                offset += n
            }
        }
    }

    /// Replaces `path` by what `fill` writes at the temporary path it is given: a new file beside
    /// `path` (same folder, so the same file system), flushed to disk, then renamed over `path`.
    /// A reader sees the old file or the new one, never a part; on failure the temporary file is
    /// removed and an existing file is left as it was. A file replaced keeps its permission bits;
    /// a new one gets what `fill` created it with (0666 less the umask).
    ///
    /// - Throws: `UsageError` "`option` `path`: cannot write `what`: reason", the reason a
    ///   catalogue text or the words of a `Failure` thrown by `fill`.
    public static func replace(
        _ path: String, option: String, what: LocalText, fill: (_ temporaryPath: String) throws -> Void
    ) throws {
        /// `reason` is a catalogue text, or the system's own words (`strerror`) as they are.
        func failure(_ reason: LocalText?, system: String = "") -> UsageError {
            UsageError { l in
                l.tr(
                    "usage.output_file.1",
                    ["option": option, "path": path, "what": what.text(l), "reason": reason?.text(l) ?? system])
            }
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw failure(LocalText("output.reason.is_folder"))
        }
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            throw failure(LocalText("output.reason.no_folder", ["folder": folder]))
        }
        if !isDirectory.boolValue { throw failure(LocalText("output.reason.not_folder", ["folder": folder])) }

        // The temporary name keeps the extension: some writers (libxlsxwriter) go by it.
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(
                ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp.\(url.pathExtension)"
            ).path
        var done = false
        defer { if !done { unlink(temporary) } }
        do {
            try fill(temporary)
        } catch let error as Failure {
            throw failure(error.text, system: error.reason)
        }
        var existing = stat()
        if stat(path, &existing) == 0 { _ = chmod(temporary, existing.st_mode & 0o7777) }
        let fd = open(temporary, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(nil, system: String(cString: strerror(errno))) }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced else { throw failure(nil, system: String(cString: strerror(errno))) }
        guard rename(temporary, path) == 0 else { throw failure(nil, system: String(cString: strerror(errno))) }
        done = true
    }
}

/// write(2) (a file-scope name: inside `OutputFile`, `write` is the method).
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
