#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GridLocale
import GridRender
import GridService

/// stdout (results only) and stderr (messages, progress) of the CLI.
///
/// A result that cannot be written is not silently lost: the command stops with exit code 74
/// (EX_IOERR) and says why; a reader that went away (`| head`, with SIGPIPE ignored) ends it
/// quietly with 141, as the signal would.
enum StandardOutput {
    static let writer = DescriptorWriter(fd: 1)
    /// The language of the message when stdout cannot be written (set once, when the command starts).
    nonisolated(unsafe) static var language = Language.en

    /// Writes `bytes` to stdout or ends the process as described above.
    static func write(_ bytes: UnsafeRawBufferPointer) {
        guard let code = writer.write(bytes) else { return }
        if code == EPIPE { exit(141) }
        printError(language.tr("error.stdout_unwritable", ["reason": String(cString: strerror(code))]))
        exit(74)
    }

    /// `text` as it is (no newline added).
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// A document: JSON indented and streamed (no copy of a large result), text as it is;
    /// ended by a newline.
    static func print(_ document: OperationDocument) throws {
        switch document {
        case .json(let value):
            try ResultEncoding.writeJSON(value, pretty: true, to: { write($0) })
            write("\n")
        case .jsonText(let text), .text(let text):
            write(text)
            if !text.hasSuffix("\n") { write("\n") }
        }
    }
}

/// Prints to stderr (stdout carries results only).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
