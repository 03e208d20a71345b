import ArgumentParser
import Foundation
import GridRender
import GridService
import GridModel
import GridGeo

/// `--db FILE`, shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store (a GeoPackage file). Default: $GRIDPLAN_DB or ./gridplan.gpkg.")
    var db: String?

    /// A context whose progress and notes go to stderr.
    func context() -> ServiceContext {
        ServiceContext(db: db, progress: StderrProgress(), note: { printError($0) })
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// `--format table|json|csv|geojson`.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, csv or geojson.")
    var format: OutputFormat = .table
}

/// Prints to stderr (stdout carries results only).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes a result to stdout.
func emit(_ text: String) {
    writeStandardOutput(text)
    if !text.hasSuffix("\n") { writeStandardOutput("\n") }
}

/// Writes `value` as indented JSON to stdout, streamed (no copy of a large result), then a newline.
func emitJSON<T: Encodable>(_ value: T) throws {
    try ResultEncoding.writeJSON(value, pretty: true, to: { writeStandardOutput($0) })
    writeStandardOutput("\n")
}

/// Writes all of `bytes` to file descriptor 1 in place (results reach hundreds of MB at
/// megacity scale: no copies), retrying short writes and interrupts. A result that cannot be
/// written is not silently lost: the command stops with exit code 74 (EX_IOERR) and says why;
/// a reader that went away (`| head`, with SIGPIPE ignored) ends it quietly with 141, as the
/// signal would.
func writeStandardOutput(_ bytes: UnsafeRawBufferPointer) {
    guard var p = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
        let n = write(1, p, left)
        if n < 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EPIPE { exit(141) }
            printError("gridplan: cannot write the result to stdout: \(String(cString: strerror(code)))")
            exit(74)
        }
        p += n; left -= n
    }
}

/// `text` to stdout as it is (no newline added): see `writeStandardOutput(_:)`.
func writeStandardOutput(_ text: String) {
    var text = text
    text.withUTF8 { writeStandardOutput(UnsafeRawBufferPointer($0)) }
}

/// A command's `--out FILE` (or `--html FILE`), where `-` means stdout. The operation writes the
/// file (`OutputFile.write`: atomic, no partial file); the command prints either the result
/// text (stdout) or a one-line summary of what was written (stderr).
struct OutputTarget {
    var argument: String
    init(_ argument: String) { self.argument = argument }

    /// The file the operation writes; nil for stdout.
    var path: String? { argument == "-" ? nil : argument }

    /// `text` on stdout when the target is stdout, else `summary` on stderr.
    func deliver(text: String?, summary: @autoclosure () -> String) {
        if path == nil { emit(text ?? "") } else { printError(summary()) }
    }
}

/// Progress lines on stderr, at most a few a second.
/// Quiet during the first second, so quick commands print nothing but their result.
final class StderrProgress: ProgressReporter, @unchecked Sendable {
    private let started = Date()
    private var last = Date.distantPast
    private var lastStage = ""
    private let lock = NSLock()
    func report(stage: String, done: Int, total: Int?) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(started) > 1 else { return }
        let finished = total.map { done >= $0 } ?? false
        guard stage != lastStage || finished || now.timeIntervalSince(last) > 0.5 else { return }
        last = now; lastStage = stage
        if let total { printError("\(stage): \(done)/\(total)") } else { printError("\(stage): \(done)") }
    }
}

/// Runs a command body, turning library errors into clear messages on stderr and the
/// exit codes of sysexits.h: 65 for bad data, 64 for bad usage, 1 otherwise.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as InputError {
        printError(e.report())
        throw ExitCode(65)
    } catch let e as ValidationProblem {
        printError(e.description)
        throw ExitCode(65)
    } catch let e as UsageError {
        printError("error: \(e.message)")
        throw ExitCode(64)
    } catch let e as ExitCode {
        throw e
    } catch let e as ProjectionError {
        printError("error: \(e.message)")
        throw ExitCode(65)
    } catch {
        printError("error: \(error)")
        throw ExitCode(1)
    }
}
